using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fragless.Tool.Analysis;
using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Output;

/// <summary>
/// SARIF 2.1.0: one run, the rules that ship (each with its title, description, help link and default level), and one
/// result per finding with its region, a stable fingerprint (the baseline key) and whether the baseline knew it.
/// </summary>
internal static class SarifOutput
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream stream, IReadOnlyList<Finding> findings, string root, Func<Finding, string?> fingerprint, Func<Finding, string>? baselineState)
    {
        var descriptors = FraglessRules.Instance.Descriptors.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", Version);
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Fragless");
        json.WriteString("version", typeof(SarifOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteString("informationUri", "https://github.com/fragless/fragless");
        json.WriteStartArray("rules");
        foreach (var descriptor in descriptors)
        {
            json.WriteStartObject();
            json.WriteString("id", descriptor.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title.ToString());
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", descriptor.Description.ToString());
            json.WriteEndObject();
            if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
                json.WriteString("helpUri", descriptor.HelpLinkUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor.DefaultSeverity));
            json.WriteBoolean("enabled", descriptor.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            if (index.TryGetValue(finding.Id, out var ruleIndex))
                json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", Level(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri.EscapeDataString(finding.Path).Replace("%2F", "/", StringComparison.Ordinal));
            json.WriteString("uriBaseId", "SRCROOT");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Line);
            json.WriteNumber("startColumn", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            var key = fingerprint(finding);
            if (key != null)
            {
                json.WriteStartObject("partialFingerprints");
                json.WriteString("fragless/v1", Hash(key));
                json.WriteEndObject();
            }

            if (baselineState != null)
                json.WriteString("baselineState", baselineState(finding));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();
}
