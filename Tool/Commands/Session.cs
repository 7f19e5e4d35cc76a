using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Tool.Analysis;
using Fragless.Tool.Cli;
using Fragless.Tool.Loading;

namespace Fragless.Tool.Commands;

/// <summary>What every command starts with: load the path's projects, analyze them, and say what could not be analyzed.</summary>
internal sealed class Session : IDisposable
{
    private Session(LoadedSolution loaded, ImmutableArray<ProjectAnalysis.Result> results)
    {
        Loaded = loaded;
        Results = results;
        Findings = ProjectAnalysis.Findings(results, loaded.Root);
    }

    public LoadedSolution Loaded { get; }

    public ImmutableArray<ProjectAnalysis.Result> Results { get; }

    public ImmutableArray<Finding> Findings { get; }

    public string Root => Loaded.Root;

    public IEnumerable<Microsoft.CodeAnalysis.Diagnostic> CompileErrors => Results.SelectMany(r => r.CompileErrors);

    public static async Task<Session> OpenAsync(Arguments arguments, Progress progress, IReadOnlySet<string> rules)
    {
        var targets = ProjectLoader.Resolve(arguments.Path);
        var restore = !arguments.Flag("no-restore");
        return await progress.RunAsync("Analyzing", async step =>
        {
            var loaded = await ProjectLoader.LoadAsync(targets, restore, step);
            var results = ImmutableArray.CreateBuilder<ProjectAnalysis.Result>();
            foreach (var project in loaded.Projects)
            {
                step(project.Name);
                results.Add(await ProjectAnalysis.RunAsync(project, rules, CancellationToken.None));
            }

            var session = new Session(loaded, results.ToImmutable());
            foreach (var failure in session.Results.SelectMany(r => r.AnalyzerFailures).Distinct())
                Console.Error.WriteLine("fragless: warning: an analyzer failed, results may be incomplete (please report it): " + failure);
            return session;
        });
    }

    /// <summary>Compile errors, as the compiler prints them (at most <paramref name="max"/>).</summary>
    public IEnumerable<string> DescribeCompileErrors(int max = 5) => DescribeCompileErrors(CompileErrors, Root, max);

    /// <summary>Each error once (a file several target frameworks compile gives it several times), as the compiler prints it, paths relative to <paramref name="root"/>.</summary>
    public static IEnumerable<string> DescribeCompileErrors(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> errors, string root, int max) =>
        DistinctErrors(errors)
            .Take(max)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var path = string.IsNullOrEmpty(span.Path) ? "" : System.IO.Path.GetRelativePath(root, span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): ";
                return path + "error " + d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            });

    public static IEnumerable<Microsoft.CodeAnalysis.Diagnostic> DistinctErrors(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> errors) =>
        errors
            .GroupBy(d => (d.Location.GetLineSpan().Path, d.Location.SourceSpan.Start, d.Id))
            .Select(g => g.First());

    public void Dispose() => Loaded.Dispose();
}
