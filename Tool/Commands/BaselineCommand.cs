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
/// <c>fragless baseline write [path] [--baseline FILE]</c>: accept every finding there is now.
/// <c>fragless baseline prune [path] [--baseline FILE]</c>: drop the entries that no longer match; never add one.
/// Both refuse code with compile errors and never replace a baseline they cannot read. The file defaults to
/// <c>fragless.baseline.json</c> in the solution's (or project's) folder.
/// </summary>
internal static class BaselineCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Progress progress, bool prune)
    {
        var explicitPath = arguments.Value("baseline");
        arguments.Flag("no-restore");
        arguments.RejectUnknown();

        var targets = Loading.ProjectLoader.Resolve(arguments.Path);
        var baselinePath = explicitPath ?? Path.Combine(Path.GetDirectoryName(targets[0])!, BaselineFile.FileName);
        var existing = prune ? BaselineStore.Read(baselinePath) : null;
        if (!prune)
            BaselineStore.EnsureReplaceable(baselinePath);

        using var session = await Session.OpenAsync(arguments, progress, new HashSet<string>());
        var errors = session.DescribeCompileErrors().ToList();
        if (errors.Count > 0)
            throw new ToolException("the code does not compile, so no baseline is " + (prune ? "pruned" : "written") + ": " + errors[0]);

        // FRAG010/FRAG011 are about baselines themselves; the analyzers ran without one, so none are found here.
        var findings = session.Findings;
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), baselinePath);
        if (!prune)
        {
            BaselineStore.Write(baselinePath, BaselineComparison.Of(findings, baselinePath));
            Console.WriteLine("Wrote " + shown + ": " + TextOutput.Count(findings.Length, "entry", "entries") + ".");
            return 0;
        }

        var comparison = BaselineComparison.Compare(findings, existing!, baselinePath);
        // Entries for files this run did not load (another project's) are kept: prune only what it can judge.
        var folder = Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;
        var loaded = new HashSet<string>(
            session.Loaded.Projects.SelectMany(p => p.Documents).Select(d => BaselineKey.RelativePath(d.FilePath, folder)),
            StringComparer.OrdinalIgnoreCase);
        var removed = comparison.Stale.Where(e => loaded.Contains(e.File)).ToList();
        var removedSet = new HashSet<BaselineEntry>(removed, ReferenceEqualityComparer.Instance);
        var kept = existing!.Entries.Where(e => !removedSet.Contains(e)).ToList();
        if (removed.Count == 0)
        {
            Console.WriteLine(shown + " is up to date: " + TextOutput.Count(kept.Count, "entry", "entries") + ".");
            return 0;
        }

        BaselineStore.Write(baselinePath, new BaselineFile(kept));
        Console.WriteLine("Pruned " + shown + ": removed " + removed.Count + ", kept " + kept.Count + ".");
        foreach (var entry in removed)
            Console.WriteLine("  - " + entry);
        return 0;
    }
}
