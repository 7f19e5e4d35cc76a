using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Tool.Analysis;

/// <summary>
/// Runs the Fragless analyzers over loaded projects with each project's own options (.editorconfig, global configs,
/// additional files), but never with a baseline among the additional files: the tool applies baselines itself.
/// </summary>
internal static class ProjectAnalysis
{
    /// <summary>The result for one project (one target framework of it).</summary>
    public sealed record Result(Project Project, Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompileErrors, ImmutableArray<string> AnalyzerFailures);

    public static async Task<Result> RunAsync(Project project, IReadOnlySet<string> rules, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken)
            ?? throw new InvalidOperationException("no compilation for " + project.Name);
        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        var options = OptionsFor(project);

        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            FraglessRules.Instance.Analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                (e, analyzer, diagnostic) => { lock (exceptions) exceptions.Add(analyzer.GetType().Name + ": " + e.Message); },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);

        var kept = diagnostics
            .Where(d => d.Id.StartsWith("FRAG", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden && d.Location.IsInSource)
            .Where(d => rules.Count == 0 || rules.Contains(d.Id))
            .ToImmutableArray();
        return new Result(project, compilation, kept, errors, exceptions.ToImmutableArray());
    }

    /// <summary>The project's analyzer options (.editorconfig, global configs, additional files) without its baseline.</summary>
    public static AnalyzerOptions OptionsFor(Project project)
    {
        var options = project.AnalyzerOptions;
        var additional = options.AdditionalFiles.Where(f => !BaselineFile.IsBaselinePath(f.Path)).ToImmutableArray();
        return new AnalyzerOptions(additional, options.AnalyzerConfigOptionsProvider);
    }

    /// <summary>
    /// The findings of all projects, each once: a file that several target frameworks compile gives the same
    /// diagnostic several times. Sorted by path, position and rule.
    /// </summary>
    public static ImmutableArray<Finding> Findings(IEnumerable<Result> results, string root)
    {
        var seen = new HashSet<(string, int, int, string)>();
        var findings = new List<Finding>();
        foreach (var result in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (seen.Add((diagnostic.Location.SourceTree?.FilePath ?? string.Empty, span.Start, span.End, diagnostic.Id)))
                    findings.Add(Finding.From(diagnostic, root));
            }
        }

        return findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line).ThenBy(f => f.Column)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
