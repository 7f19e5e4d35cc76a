using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Corpus
{
    /// <summary>
    /// Applies the first offered fix of every Fragless diagnostic, one at a time, re-analysing the document after
    /// each, and checks that no fix adds a compile error.
    /// </summary>
    internal static class FixCommand
    {
        public static async Task<int> RunAsync(Args args)
        {
            var folder = Path.GetFullPath(args.Required(0, "<folder>"));
            var maxPerDocument = args.GetInt("--max-per-document", 50);
            var write = args.Has("--write");
            var clock = Stopwatch.StartNew();
            var fragless = args.LoadFragless();
            var projects = CorpusLoader.Discover(folder);
            using var workspace = CorpusLoader.BuildWorkspace(projects, args.LoadSettings(), out var byId);
            var solution = workspace.CurrentSolution;

            int diagnosticsTotal = 0, offeredTotal = 0, applied = 0, brokeBuild = 0, noChange = 0, stayed = 0, failed = 0, documentsChanged = 0;
            var appliedPerRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var documentReport = new List<string>();
            var projectReport = new List<string>();

            foreach (var projectId in solution.ProjectIds.Where(byId.ContainsKey).OrderBy(id => solution.GetProject(id)!.Name, StringComparer.Ordinal).ToList())
            {
                var project = solution.GetProject(projectId)!;
                var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
                var diagnostics = await fragless.WithAnalyzers(compilation, project.Name).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
                var byTree = diagnostics.Where(d => d.Location.IsInSource && fragless.AnalyzerIds.Contains(d.Id)).GroupBy(d => d.Location.SourceTree!).ToList();
                if (byTree.Count == 0)
                    continue;

                var projectErrorsBefore = ErrorCount(compilation);
                var changedThisProject = false;
                foreach (var group in byTree.OrderBy(g => g.Key.FilePath, StringComparer.Ordinal))
                {
                    var documentId = solution.GetProject(projectId)!.GetDocument(group.Key)?.Id;
                    if (documentId == null)
                        continue;
                    var document = solution.GetDocument(documentId)!;
                    var current = group.OrderBy(d => d.Location.SourceSpan.Start).ToList();
                    diagnosticsTotal += current.Count;
                    var offeredHere = 0;
                    foreach (var d in current)
                    {
                        if ((await fragless.FixesForAsync(document, d, CancellationToken.None).ConfigureAwait(false)).Count > 0)
                            offeredHere++;
                    }

                    offeredTotal += offeredHere;
                    if (offeredHere == 0)
                        continue;

                    var errorsBefore = await DocumentErrorsAsync(document).ConfigureAwait(false);
                    var firstErrors = errorsBefore.Count;
                    var attempted = new HashSet<string>(StringComparer.Ordinal);
                    var appliedHere = 0;
                    for (var round = 0; round < maxPerDocument; round++)
                    {
                        var root = (await document.GetSyntaxRootAsync().ConfigureAwait(false))!;
                        var keys = Keys(current, root);
                        Diagnostic? chosen = null;
                        CodeAction? action = null;
                        string? chosenKey = null;
                        for (var i = 0; i < current.Count; i++)
                        {
                            if (attempted.Contains(keys[i]))
                                continue;
                            var actions = await fragless.FixesForAsync(document, current[i], CancellationToken.None).ConfigureAwait(false);
                            if (actions.Count == 0)
                                continue;
                            chosen = current[i];
                            action = actions[0];
                            chosenKey = keys[i];
                            break;
                        }

                        if (chosen == null || action == null || chosenKey == null)
                            break;
                        attempted.Add(chosenKey);

                        Solution? changed;
                        try
                        {
                            var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
                            changed = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
                        }
                        catch (Exception e)
                        {
                            failed++;
                            fragless.FixerExceptions.Add($"{chosen.Id} '{action.Title}' at {Where(folder, chosen)}: {e}");
                            Console.WriteLine($"!!!! FIX THREW: {chosen.Id} '{action.Title}' at {Where(folder, chosen)}: {e.GetType().Name}: {e.Message}");
                            continue;
                        }

                        if (changed == null)
                        {
                            noChange++;
                            continue;
                        }

                        var newDocument = changed.GetDocument(documentId)!;
                        var oldText = await document.GetTextAsync().ConfigureAwait(false);
                        var newText = await newDocument.GetTextAsync().ConfigureAwait(false);
                        var otherChanged = changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).Where(id => id != documentId).ToList();
                        if (oldText.ContentEquals(newText) && otherChanged.Count == 0)
                        {
                            noChange++;
                            continue;
                        }

                        var errorsAfter = await DocumentErrorsAsync(newDocument).ConfigureAwait(false);
                        var added = Subtract(errorsAfter, errorsBefore);
                        if (added.Count > 0)
                        {
                            brokeBuild++;
                            Console.WriteLine($"!!!! NEW COMPILE ERROR after fix '{action.Title}' for {chosen.Id} at {Where(folder, chosen)}: {chosen.GetMessage()}");
                            foreach (var e in added.Take(5))
                                Console.WriteLine("       " + e);
                            Console.WriteLine(Diff(oldText, newText));
                            continue; // not kept: later fixes run on the code without it
                        }

                        solution = changed;
                        document = newDocument;
                        errorsBefore = errorsAfter;
                        applied++;
                        appliedHere++;
                        appliedPerRule[chosen.Id] = appliedPerRule.TryGetValue(chosen.Id, out var n) ? n + 1 : 1;
                        changedThisProject = true;

                        // Re-analyse the changed document.
                        var newCompilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
                        var model = (await document.GetSemanticModelAsync().ConfigureAwait(false))!;
                        var withAnalyzers = fragless.WithAnalyzers(newCompilation, project.Name);
                        var tree = model.SyntaxTree;
                        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).ConfigureAwait(false);
                        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
                        current = syntax.Concat(semantic).Where(d => fragless.AnalyzerIds.Contains(d.Id) && d.Location.IsInSource)
                            .OrderBy(d => d.Location.SourceSpan.Start).ToList();
                        // Still reported: as many diagnostics with the same id, member and line text as before the fix.
                        var baseKey = chosenKey.Substring(0, chosenKey.LastIndexOf('|'));
                        static string Base(string key) => key.Substring(0, key.LastIndexOf('|'));
                        var newKeys = Keys(current, (await document.GetSyntaxRootAsync().ConfigureAwait(false))!);
                        if (newKeys.Count(k => Base(k) == baseKey) >= keys.Count(k => Base(k) == baseKey))
                        {
                            stayed++;
                            Console.WriteLine($"  note: after '{action.Title}' the {chosen.Id} diagnostic at {Where(folder, chosen)} is still reported");
                        }
                        else
                        {
                            // Gone: an identical diagnostic later in the member now has this key and must still be tried.
                            attempted.Remove(chosenKey);
                        }
                    }

                    if (appliedHere > 0)
                    {
                        documentsChanged++;
                        documentReport.Add($"  {Path.GetRelativePath(folder, document.FilePath!)}: {appliedHere} fixes, compile errors {firstErrors} -> {errorsBefore.Count}");
                        if (write)
                            await File.WriteAllTextAsync(document.FilePath!, (await document.GetTextAsync().ConfigureAwait(false)).ToString()).ConfigureAwait(false);
                    }
                }

                if (changedThisProject)
                {
                    var after = ErrorCount((await solution.GetProject(projectId)!.GetCompilationAsync().ConfigureAwait(false))!);
                    projectReport.Add($"  {project.Name}: compile errors {projectErrorsBefore} -> {after}{(after > projectErrorsBefore ? "   !!!! MORE ERRORS" : "")}");
                    if (after > projectErrorsBefore)
                        brokeBuild++;
                }
            }

            Console.WriteLine();
            Console.WriteLine($"== fix check of {folder}");
            Console.WriteLine($"   Fragless diagnostics: {diagnosticsTotal}, with a fix offered: {offeredTotal}");
            Console.WriteLine($"   fixes applied: {applied} ({string.Join(", ", appliedPerRule.Select(kv => kv.Key + "=" + kv.Value))}); documents changed: {documentsChanged}");
            Console.WriteLine($"   fixes that added a compile error: {brokeBuild}; fixes that threw: {failed}; fixes that changed nothing: {noChange}; diagnostics still reported after their fix: {stayed}");
            Console.WriteLine($"   fixer exceptions: {fragless.FixerExceptions.Count}; analyzer exceptions: {fragless.AnalyzerExceptions.Count}");
            foreach (var e in fragless.AnalyzerExceptions.Concat(fragless.FixerExceptions).Take(10))
                Console.WriteLine("!!!! " + e);
            Console.WriteLine("   per document (compile errors before -> after):");
            foreach (var line in documentReport)
                Console.WriteLine(line);
            Console.WriteLine("   per project:");
            foreach (var line in projectReport)
                Console.WriteLine(line);
            Console.WriteLine($"   {(write ? "fixed files were written" : "nothing written (use --write to write the fixed files)")}; {clock.Elapsed.TotalSeconds:F0}s");
            return brokeBuild > 0 || failed > 0 || fragless.AnalyzerExceptions.Count > 0 || fragless.FixerExceptions.Count > 0 ? 1 : 0;
        }

        private static int ErrorCount(Compilation compilation) => compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>A document's compile errors, keyed so that moved or edited code still matches: id and message
        /// (not the line, which a fix may rewrite around an error that was already there).</summary>
        private static async Task<List<string>> DocumentErrorsAsync(Document document)
        {
            var model = (await document.GetSemanticModelAsync().ConfigureAwait(false))!;
            return model.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{d.Id} {d.GetMessage()}")
                .ToList();
        }

        private static List<string> Subtract(List<string> after, List<string> before)
        {
            var remaining = before.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            var added = new List<string>();
            foreach (var e in after)
            {
                if (remaining.TryGetValue(e, out var c) && c > 0)
                    remaining[e] = c - 1;
                else
                    added.Add(e);
            }

            return added;
        }

        /// <summary>Identity of a diagnostic that survives edits elsewhere: id, line text, member and occurrence.</summary>
        private static List<string> Keys(List<Diagnostic> diagnostics, SyntaxNode root)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new List<string>();
            var text = root.SyntaxTree.GetText();
            foreach (var d in diagnostics)
            {
                var line = text.Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
                var baseKey = d.Id + "|" + SourceFacts.EnclosingMember(root, d.Location.SourceSpan.Start) + "|" + line;
                seen[baseKey] = seen.TryGetValue(baseKey, out var n) ? n + 1 : 1;
                keys.Add(baseKey + "|" + seen[baseKey]);
            }

            return keys;
        }

        private static string Where(string folder, Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return $"{Path.GetRelativePath(folder, span.Path)}:{span.StartLinePosition.Line + 1}";
        }

        /// <summary>The changed region of a document, with two lines of context, at most 40 lines each side.</summary>
        private static string Diff(SourceText before, SourceText after)
        {
            var a = before.Lines.Select(l => l.ToString()).ToList();
            var b = after.Lines.Select(l => l.ToString()).ToList();
            var start = 0;
            while (start < a.Count && start < b.Count && a[start] == b[start])
                start++;
            int endA = a.Count - 1, endB = b.Count - 1;
            while (endA >= start && endB >= start && a[endA] == b[endB])
            {
                endA--;
                endB--;
            }

            var sb = new StringBuilder();
            var from = Math.Max(0, start - 2);
            for (var i = from; i < start; i++)
                sb.AppendLine($"    {i + 1,5}   {a[i]}");
            for (var i = start; i <= endA && i < start + 40; i++)
                sb.AppendLine($"    {i + 1,5} - {a[i]}");
            for (var i = start; i <= endB && i < start + 40; i++)
                sb.AppendLine($"    {i + 1,5} + {b[i]}");
            for (var i = endB + 1; i < Math.Min(b.Count, endB + 3); i++)
                sb.AppendLine($"    {i + 1,5}   {b[i]}");
            return sb.ToString();
        }
    }
}
