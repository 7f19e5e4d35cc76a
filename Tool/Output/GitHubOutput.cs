using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Fragless.Tool.Analysis;
using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Output;

/// <summary>
/// GitHub Actions: one workflow command per finding (<c>::warning file=…,line=…::message</c>), and a Markdown job
/// summary, appended to <c>$GITHUB_STEP_SUMMARY</c> when it is set and printed otherwise.
/// </summary>
internal static class GitHubOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings, string root, int accepted)
    {
        var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
        foreach (var finding in findings)
        {
            var path = string.IsNullOrEmpty(workspace) ? finding.Path : Path.GetRelativePath(workspace, finding.FullPath).Replace('\\', '/');
            var command = finding.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            writer.WriteLine(
                "::" + command
                + " file=" + Property(path)
                + ",line=" + finding.Line + ",col=" + finding.Column
                + ",endLine=" + finding.EndLine + ",endColumn=" + finding.EndColumn
                + ",title=" + Property(finding.Id + " " + Title(finding.Id))
                + "::" + Data(finding.Message));
        }

        var summary = Summary(findings, accepted);
        var summaryFile = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summaryFile))
            File.AppendAllText(summaryFile, summary);
        else
            writer.Write(summary);
    }

    public static string Summary(IReadOnlyList<Finding> findings, int accepted)
    {
        var builder = new StringBuilder();
        builder.AppendLine("## Fragless");
        builder.AppendLine();
        builder.Append(findings.Count == 0 ? "No new findings" : TextOutput.Count(findings.Count, "new finding"));
        builder.AppendLine(accepted > 0 ? " (" + accepted + " accepted by the baseline)." : ".");
        if (findings.Count == 0)
            return builder.AppendLine().ToString();

        builder.AppendLine();
        builder.AppendLine("| Rule | Title | Findings |");
        builder.AppendLine("|---|---|---:|");
        foreach (var rule in findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var help = FraglessRules.Instance.Descriptors.TryGetValue(rule.Key, out var d) ? d.HelpLinkUri : null;
            var id = string.IsNullOrEmpty(help) ? rule.Key : "[" + rule.Key + "](" + help + ")";
            builder.AppendLine("| " + id + " | " + Title(rule.Key).Replace("|", "\\|", StringComparison.Ordinal) + " | " + rule.Count() + " |");
        }

        builder.AppendLine();
        builder.AppendLine("| File | Findings |");
        builder.AppendLine("|---|---:|");
        foreach (var file in findings.GroupBy(f => f.Path).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20))
            builder.AppendLine("| `" + file.Key + "` | " + file.Count() + " |");
        return builder.AppendLine().ToString();
    }

    private static string Title(string id) => FraglessRules.Instance.Descriptors.TryGetValue(id, out var d) ? d.Title.ToString() : id;

    // https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions: % \r \n in data; also : and , in properties.
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
