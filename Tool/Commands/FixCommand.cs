using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Fragless.Tool.Analysis;
using Fragless.Tool.Cli;
using Fragless.Tool.Output;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Tool.Commands;

/// <summary>
/// <c>fragless fix [path] [--rule IDS] [--variant KEY] [--dry-run]</c>: applies fixes one diagnostic at a time,
/// analysing the file again after each, until no fixable diagnostic is left. Each fix is the rule's first (safest)
/// action, or the one whose equivalence key contains <c>--variant</c>. <c>--dry-run</c> prints a diff instead of
/// writing.
/// </summary>
internal static class FixCommand
{
    private const int MaxFixesPerDocument = 500;

    public static async Task<int> RunAsync(Arguments arguments, Progress progress)
    {
        var rules = FraglessRules.Instance.ParseRules(arguments.Value("rule"));
        var variant = arguments.Value("variant");
        var dryRun = arguments.Flag("dry-run");
        arguments.Flag("no-restore");
        arguments.RejectUnknown();

        using var session = await Session.OpenAsync(arguments, progress, rules);
        var original = session.Loaded.Solution;
        var solution = original;
        var fixedCount = 0;

        // One target framework per project file: its documents are the others' too.
        var projects = session.Loaded.Projects.GroupBy(p => p.FilePath ?? p.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First().Id).ToList();
        var touched = new HashSet<DocumentId>();
        await progress.RunAsync("Fixing", async step =>
        {
            foreach (var projectId in projects)
            {
                var documents = session.Findings
                    .Select(f => solution.GetDocumentIdsWithFilePath(f.FullPath).FirstOrDefault(d => d.ProjectId == projectId))
                    .Where(d => d != null)
                    .Distinct()
                    .ToList();
                foreach (var documentId in documents)
                {
                    step(Path.GetFileName(solution.GetDocument(documentId!)!.FilePath ?? string.Empty));
                    var (next, count) = await FixDocumentAsync(solution, documentId!, rules, variant, CancellationToken.None);
                    solution = next;
                    fixedCount += count;
                    if (count > 0)
                        touched.Add(documentId!);
                }
            }

            return 0;
        });

        foreach (var documentId in touched.OrderBy(d => solution.GetDocument(d)!.FilePath, StringComparer.Ordinal))
        {
            var before = await original.GetDocument(documentId)!.GetTextAsync();
            var after = await solution.GetDocument(documentId)!.GetTextAsync();
            var path = solution.GetDocument(documentId)!.FilePath!;
            if (dryRun)
                WriteDiff(Console.Out, Path.GetRelativePath(session.Root, path).Replace('\\', '/'), before.ToString(), after.ToString());
            else
                WriteFile(path, after, before.Encoding);
        }

        // What is left: analyse the fixed code once more.
        var left = 0;
        if (fixedCount > 0)
        {
            foreach (var projectId in projects)
                left += (await ProjectAnalysis.RunAsync(solution.GetProject(projectId)!, rules, CancellationToken.None)).Diagnostics.Length;
        }
        else
        {
            left = session.Findings.Length;
        }

        Console.WriteLine(
            (dryRun ? "Would fix " : "Fixed ") + TextOutput.Count(fixedCount, "diagnostic") + " in " + TextOutput.Count(touched.Count, "file")
            + "; " + TextOutput.Count(left, "diagnostic") + " left without an automatic fix" + (left > 0 ? " (see 'fragless check')." : "."));
        return 0;
    }

    private static async Task<(Solution Solution, int Fixed)> FixDocumentAsync(Solution solution, DocumentId documentId, IReadOnlySet<string> rules, string? variant, CancellationToken cancellationToken)
    {
        var fixedCount = 0;
        // A diagnostic a fix did not remove is not tried again (by rule and line text), so the loop always ends.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxFixesPerDocument; round++)
        {
            var document = solution.GetDocument(documentId)!;
            var diagnostics = await AnalyzeAsync(document, rules, cancellationToken);
            var text = await document.GetTextAsync(cancellationToken);
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var key = diagnostic.Id + "|" + text.Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim();
                if (tried.Contains(key))
                    continue;
                action = await FirstActionAsync(document, diagnostic, variant, cancellationToken);
                tried.Add(key);
                if (action != null)
                    break;
            }

            if (action == null)
                return (solution, fixedCount);

            var operations = await action.GetOperationsAsync(cancellationToken);
            var apply = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
            if (apply == null)
                return (solution, fixedCount);
            solution = apply.ChangedSolution;
            fixedCount++;
        }

        return (solution, fixedCount);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, IReadOnlySet<string> rules, CancellationToken cancellationToken)
    {
        var compilation = (await document.Project.GetCompilationAsync(cancellationToken))!;
        var tree = (await document.GetSyntaxTreeAsync(cancellationToken))!;
        var withAnalyzers = compilation.WithAnalyzers(FraglessRules.Instance.Analyzers, ProjectAnalysis.OptionsFor(document.Project));
        var model = compilation.GetSemanticModel(tree);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken);
        return diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && (rules.Count == 0 || rules.Contains(d.Id)))
            .ToImmutableArray();
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic, string? variant, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        foreach (var fixer in FraglessRules.Instance.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
            await fixer.RegisterCodeFixesAsync(context);
        }

        if (actions.Count == 0)
            return null;
        return (variant == null ? null : actions.FirstOrDefault(a => a.EquivalenceKey?.Contains(variant, StringComparison.OrdinalIgnoreCase) == true))
            ?? actions[0];
    }

    private static void WriteFile(string path, SourceText text, Encoding? encoding)
    {
        try
        {
            using var writer = new StreamWriter(path, append: false, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            text.Write(writer);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new ToolException("cannot write '" + path + "': " + e.Message);
        }
    }

    /// <summary>A unified diff of one file (whole hunks with three lines of context).</summary>
    internal static void WriteDiff(TextWriter writer, string path, string before, string after)
    {
        var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var lines = diff.Lines;
        writer.WriteLine("--- a/" + path);
        writer.WriteLine("+++ b/" + path);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - 3);
            var end = i;
            // Extend the hunk while changes are at most six unchanged lines apart.
            while (end < lines.Count)
            {
                if (lines[end].Type != ChangeType.Unchanged)
                {
                    end++;
                    continue;
                }

                var next = end;
                while (next < lines.Count && lines[next].Type == ChangeType.Unchanged && next - end < 7)
                    next++;
                if (next < lines.Count && lines[next].Type != ChangeType.Unchanged && next - end < 7)
                    end = next;
                else
                    break;
            }

            var stop = Math.Min(lines.Count, end + 3);
            int oldStart = 1 + lines.Take(start).Count(l => l.Type != ChangeType.Inserted);
            int newStart = 1 + lines.Take(start).Count(l => l.Type != ChangeType.Deleted);
            var hunk = lines.Skip(start).Take(stop - start).ToList();
            writer.WriteLine("@@ -" + oldStart + "," + hunk.Count(l => l.Type != ChangeType.Inserted) + " +" + newStart + "," + hunk.Count(l => l.Type != ChangeType.Deleted) + " @@");
            foreach (var line in hunk)
                writer.WriteLine((line.Type == ChangeType.Inserted ? "+" : line.Type == ChangeType.Deleted ? "-" : " ") + line.Text);
            i = stop;
        }
    }
}
