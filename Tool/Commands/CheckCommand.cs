using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals.Baseline;
using Fragless.Tool.Analysis;
using Fragless.Tool.Baselines;
using Fragless.Tool.Cli;
using Fragless.Tool.Output;

namespace Fragless.Tool.Commands;

/// <summary>
/// <c>fragless check [path] [--baseline FILE] [--format text|sarif|github] [--output FILE] [--rule IDS]</c>: prints the
/// findings (only those the baseline lacks, with a baseline); exit code 1 when there are any.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Progress progress)
    {
        var format = (arguments.Value("format") ?? "text").ToLowerInvariant();
        if (format != "text" && format != "sarif" && format != "github")
            throw new ToolException("unknown format '" + format + "'; use text, sarif or github");
        var baselinePath = arguments.Value("baseline");
        var output = arguments.Value("output");
        var rules = FraglessRules.Instance.ParseRules(arguments.Value("rule"));
        arguments.Flag("no-restore");
        arguments.RejectUnknown();

        // A baseline that cannot be read is an error before any work, not after it.
        var baseline = baselinePath == null ? null : BaselineStore.Read(baselinePath);

        using var session = await Session.OpenAsync(arguments, progress, rules);
        foreach (var error in session.DescribeCompileErrors())
            progress.Line("fragless: warning: the code does not compile, findings may be incomplete: " + error);

        var findings = session.Findings;
        var accepted = 0;
        IReadOnlyList<Finding> shown = findings;
        BaselineComparison? comparison = null;
        if (baseline != null)
        {
            comparison = BaselineComparison.Compare(findings, baseline, baselinePath!);
            shown = comparison.New;
            accepted = comparison.Accepted.Length;
        }

        var newSet = new HashSet<Finding>(shown);
        using (var stream = output == null ? Console.OpenStandardOutput() : OpenOutput(output))
        using (var writer = new StreamWriter(stream) { AutoFlush = true })
        {
            switch (format)
            {
                case "sarif":
                    // Every finding, with its baseline state: SARIF viewers and code scanning understand "unchanged".
                    SarifOutput.Write(
                        stream,
                        findings,
                        session.Root,
                        f => BaselineKey.For(f.Diagnostic, session.Root)?.ToString(),
                        baseline == null ? null : f => newSet.Contains(f) ? "new" : "unchanged");
                    break;
                case "github":
                    GitHubOutput.Write(writer, shown, session.Root, accepted);
                    break;
                default:
                    TextOutput.Write(writer, shown);
                    break;
            }
        }

        var summary = shown.Count == 0
            ? (findings.Length == 0 ? "No findings." : "No new findings (" + TextOutput.Count(accepted, "finding") + " accepted by the baseline).")
            : TextOutput.Count(shown.Count, baseline == null ? "finding" : "new finding") + (accepted > 0 ? " (" + accepted + " more accepted by the baseline)." : ".");
        if (comparison != null && comparison.Stale.Length > 0)
            summary += " " + TextOutput.Count(comparison.Stale.Length, "baseline entry", "baseline entries") + " no longer match; run 'fragless baseline prune'.";
        if (format == "text" && output == null)
            Console.WriteLine(summary);
        else
            progress.Line(summary);

        // Only warnings and errors fail a check; info-level findings (FRAG010) are shown and pass.
        return shown.Any(f => f.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning) ? 1 : 0;
    }

    private static Stream OpenOutput(string path)
    {
        try
        {
            return File.Create(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
        {
            throw new ToolException("cannot write '" + path + "': " + e.Message);
        }
    }
}
