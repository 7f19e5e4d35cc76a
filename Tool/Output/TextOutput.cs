using System.Collections.Generic;
using System.IO;
using System.Linq;
using Fragless.Tool.Analysis;

namespace Fragless.Tool.Output;

/// <summary>Findings for people: grouped by rule, then by file, each with its line, column and message.</summary>
internal static class TextOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings)
    {
        foreach (var rule in findings.GroupBy(f => f.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var title = FraglessRules.Instance.Descriptors.TryGetValue(rule.Key, out var descriptor) ? descriptor.Title.ToString() : rule.Key;
            writer.WriteLine(rule.Key + ": " + title + " (" + Count(rule.Count(), "finding") + ")");
            foreach (var file in rule.GroupBy(f => f.Path))
            {
                writer.WriteLine("  " + file.Key);
                foreach (var finding in file)
                    writer.WriteLine("    " + finding.Line + ":" + finding.Column + "  " + Severity(finding) + "  " + finding.Message);
            }

            writer.WriteLine();
        }
    }

    public static string Count(int n, string noun, string? plural = null) => n + " " + (n == 1 ? noun : plural ?? noun + "s");

    private static string Severity(Finding finding) => finding.Severity.ToString().ToLowerInvariant();
}
