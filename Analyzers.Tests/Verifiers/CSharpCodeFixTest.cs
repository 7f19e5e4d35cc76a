using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// A code-fix test: runs the analyzer checks on <see cref="CSharpAnalyzerTest{TAnalyzer}.TestCode"/>, applies the fix
/// one diagnostic at a time and with each FixAll scope, compares the results with <see cref="FixedCode"/> /
/// <see cref="BatchFixedCode"/>, checks the fixed code, and optionally compares program behaviour before and after.
/// </summary>
public class CSharpCodeFixTest<TAnalyzer, TCodeFix> : CSharpAnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Expected text of <c>/0/Test0.cs</c> after all fixes; markup marks diagnostics expected to remain.
    /// Null means no fix checks (unless <see cref="NumberOfIncrementalIterations"/> is 0 or a behaviour check is asked).</summary>
    public string? FixedCode { get; set; }

    /// <summary>Expected text of additional sources after fixing, by file name. Sources not listed are expected unchanged.</summary>
    public List<(string filename, string content)> AdditionalFixedSources { get; } = new();

    /// <summary>Expected result of FixAll when it differs from one-by-one fixing; defaults to <see cref="FixedCode"/>.</summary>
    public string? BatchFixedCode { get; set; }

    /// <summary>Diagnostics expected in the fixed code in addition to those marked in <see cref="FixedCode"/>.</summary>
    public List<DiagnosticResult> FixedExpectedDiagnostics { get; } = new();

    /// <summary>Applies only actions with this equivalence key.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>Applies the action at this index of the (flattened) actions offered for a diagnostic.</summary>
    public int? CodeActionIndex { get; set; }

    /// <summary>
    /// Null: the one-by-one fix loop takes at most as many iterations as there are expected diagnostics of the analyzer.
    /// Positive: exactly that many. 0: no code action may be offered for any diagnostic.
    /// </summary>
    public int? NumberOfIncrementalIterations { get; set; }

    /// <summary>
    /// Null: FixAll in project/solution scope must finish in one pass (document scope: one pass per document with diagnostics).
    /// Otherwise the maximum number of passes that still change the code.
    /// </summary>
    public int? NumberOfFixAllIterations { get; set; }

    /// <summary>When set, runs the original and the fixed code and compares output, return value and exception type.
    /// "Main", "Type.Method" or "Namespace.Type.Method".</summary>
    public string? BehaviorEntryPoint { get; set; }

    public TimeSpan BehaviorTimeout { get; set; } = BehaviorRunner.DefaultTimeout;

    private const int ExtraIterationsBeforeCallingItALoop = 10;

    public override async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var workspace = new AdhocWorkspace();
        var sources = GetSources(TestCode, AdditionalSources);
        var original = await VerifyTestStateAsync(workspace, sources, cancellationToken).ConfigureAwait(false);

        var noFixExpected = NumberOfIncrementalIterations == 0;
        if (FixedCode is null && AdditionalFixedSources.Count == 0 && !noFixExpected)
        {
            if (BehaviorEntryPoint is not null)
            {
                throw new VerifierException("BehaviorEntryPoint is set but FixedCode is not: the behaviour check compares the code before and after the fix.");
            }

            return;
        }

        var fixedSources = GetExpectedFixedSources(sources, FixedCode);

        // One diagnostic at a time.
        var loop = await RunFixLoopAsync(original, sources, cancellationToken).ConfigureAwait(false);
        var fixedProject = original with { Solution = loop.Solution };
        await VerifyDocumentsAsync("FixedCode (fixing one diagnostic at a time)", fixedProject, fixedSources, cancellationToken).ConfigureAwait(false);

        var fixedAnalysis = await AnalyzeAsync(fixedProject.Project, "FixedCode", cancellationToken).ConfigureAwait(false);
        var fixedExpected = FixedCode is null && FixedExpectedDiagnostics.Count == 0 ? ExpectedDiagnostics : FixedExpectedDiagnostics;
        VerifyDiagnostics("FixedCode", fixedAnalysis, fixedSources, fixedExpected);
        await VerifyRoundTripAsync(fixedProject, cancellationToken).ConfigureAwait(false);

        // FixAll, from the original code, in every scope.
        if (loop.Iterations > 0)
        {
            var batchSources = BatchFixedCode is null ? fixedSources : GetExpectedFixedSources(sources, BatchFixedCode);
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
            {
                await VerifyFixAllAsync(scope, original, batchSources, loop.FirstEquivalenceKey, cancellationToken).ConfigureAwait(false);
            }
        }

        if (BehaviorEntryPoint is not null)
        {
            await VerifyBehaviorAsync(original, fixedProject, BehaviorEntryPoint, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<TestSource> GetExpectedFixedSources(IReadOnlyList<TestSource> sources, string? fixedCode)
    {
        var result = new List<TestSource>();
        foreach (var source in sources)
        {
            if (source.Path == DefaultPath)
            {
                result.Add(fixedCode is null ? source : new TestSource(source.Name, source.Path, MarkupParser.Parse(fixedCode)));
                continue;
            }

            var match = AdditionalFixedSources.Where(f => ToPath(f.filename) == source.Path).ToList();
            result.Add(match.Count > 0
                ? new TestSource(source.Name, source.Path, MarkupParser.Parse(match[0].content))
                : source); // expected unchanged, and so are its marked diagnostics
        }

        foreach (var (filename, content) in AdditionalFixedSources)
        {
            var path = ToPath(filename);
            if (result.All(s => s.Path != path))
            {
                result.Add(new TestSource(System.IO.Path.GetFileName(path), path, MarkupParser.Parse(content)));
            }
        }

        return result;
    }

    private int CountExpectedAnalyzerDiagnostics(IReadOnlyList<TestSource> sources)
    {
        var ids = new HashSet<string>(SupportedDescriptors.Select(d => d.Id));
        return ResolveExpected(sources, ExpectedDiagnostics).Count(d => ids.Contains(d.Id));
    }

    private sealed record FixLoopResult(Solution Solution, int Iterations, string? FirstEquivalenceKey);

    private async Task<FixLoopResult> RunFixLoopAsync(TestProject original, IReadOnlyList<TestSource> sources, CancellationToken cancellationToken)
    {
        var fixer = new TCodeFix();
        var limit = NumberOfIncrementalIterations ?? CountExpectedAnalyzerDiagnostics(sources);
        var hardCap = limit + ExtraIterationsBeforeCallingItALoop;
        var solution = original.Solution;
        var iterations = 0;
        string? firstKey = null;
        var log = new StringBuilder();

        while (true)
        {
            var project = solution.GetProject(original.ProjectId)!;
            var found = await FindActionAsync(fixer, project, original.DocumentIds, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                break;
            }

            var (diagnostic, action) = found.Value;
            if (NumberOfIncrementalIterations == 0)
            {
                throw new VerifierException(
                    $"NumberOfIncrementalIterations is 0, so no code action may be offered, but '{action.Title}' "
                    + $"(equivalence key '{action.EquivalenceKey}') was offered for {DiagnosticComparer.Describe(diagnostic)}.");
            }

            if (iterations >= hardCap)
            {
                throw new VerifierException(
                    $"The code fix loops: it still offered '{action.Title}' for {DiagnosticComparer.Describe(diagnostic)} "
                    + $"after {iterations} iterations (expected at most {limit}).\nApplied so far:\n{log}");
            }

            if (iterations == 0)
            {
                firstKey = action.EquivalenceKey;
            }

            log.AppendLine($"  {iterations + 1}: '{action.Title}' for {DiagnosticComparer.Describe(diagnostic)}");
            solution = await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
            iterations++;
        }

        if (NumberOfIncrementalIterations is int exact && exact > 0 && iterations != exact)
        {
            throw new VerifierException($"Expected exactly {exact} fix iteration(s) (NumberOfIncrementalIterations) but the fix loop took {iterations}.\n{log}");
        }

        if (NumberOfIncrementalIterations is null && iterations > limit)
        {
            throw new VerifierException(
                $"The fix loop took {iterations} iterations but there are only {limit} expected diagnostics of the analyzer; "
                + $"set NumberOfIncrementalIterations if this is intended.\n{log}");
        }

        return new FixLoopResult(solution, iterations, firstKey);
    }

    /// <summary>Fixable diagnostics of the analyzer, in document order then position.</summary>
    private async Task<List<Diagnostic>> GetFixableDiagnosticsAsync(CodeFixProvider fixer, Project project, IReadOnlyList<DocumentId> order, string stage, CancellationToken cancellationToken)
    {
        var fixable = new HashSet<string>(fixer.FixableDiagnosticIds);
        var analysis = await AnalyzeAsync(project, stage, cancellationToken).ConfigureAwait(false);
        return analysis.AnalyzerDiagnostics
            .Where(d => fixable.Contains(d.Id) && d.Location.IsInSource)
            .OrderBy(d => DocumentOrder(project, d, order))
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static int DocumentOrder(Project project, Diagnostic diagnostic, IReadOnlyList<DocumentId> order)
    {
        var id = project.GetDocumentId(diagnostic.Location.SourceTree);
        var index = id is null ? -1 : IndexOf(order, id);
        return index < 0 ? int.MaxValue : index;
    }

    private static int IndexOf(IReadOnlyList<DocumentId> list, DocumentId id)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    private async Task<(Diagnostic Diagnostic, CodeAction Action)?> FindActionAsync(
        CodeFixProvider fixer, Project project, IReadOnlyList<DocumentId> order, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in await GetFixableDiagnosticsAsync(fixer, project, order, "Fix loop", cancellationToken).ConfigureAwait(false))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = await GetActionsAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
            var chosen = Choose(actions, diagnostic);
            if (chosen is not null)
            {
                return (diagnostic, chosen);
            }
        }

        return null;
    }

    private static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        try
        {
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new VerifierException($"{typeof(TCodeFix).Name}.RegisterCodeFixesAsync threw for {DiagnosticComparer.Describe(diagnostic)}: {exception}", exception);
        }

        return Flatten(actions).ToList();
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.NestedActions.IsDefaultOrEmpty)
            {
                yield return action;
            }
            else
            {
                foreach (var nested in Flatten(action.NestedActions))
                {
                    yield return nested;
                }
            }
        }
    }

    private CodeAction? Choose(List<CodeAction> actions, Diagnostic diagnostic)
    {
        if (CodeActionIndex is int index)
        {
            if (index >= actions.Count)
            {
                return null;
            }

            var action = actions[index];
            if (CodeActionEquivalenceKey is not null && action.EquivalenceKey != CodeActionEquivalenceKey)
            {
                throw new VerifierException(
                    $"The action at CodeActionIndex {index} for {DiagnosticComparer.Describe(diagnostic)} has equivalence key "
                    + $"'{action.EquivalenceKey}', not CodeActionEquivalenceKey '{CodeActionEquivalenceKey}'. Offered: "
                    + string.Join(", ", actions.Select(a => $"'{a.Title}' ({a.EquivalenceKey})")));
            }

            return action;
        }

        if (CodeActionEquivalenceKey is not null)
        {
            return actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
        }

        return actions.FirstOrDefault();
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new VerifierException($"Code action '{action.Title}' threw: {exception}", exception);
        }

        var apply = operations.OfType<ApplyChangesOperation>().ToList();
        if (apply.Count != 1)
        {
            throw new VerifierException($"Code action '{action.Title}' produced {apply.Count} ApplyChangesOperation(s); expected exactly one.");
        }

        return apply[0].ChangedSolution;
    }

    private async Task VerifyDocumentsAsync(string stage, TestProject project, IReadOnlyList<TestSource> expected, CancellationToken cancellationToken)
    {
        var documents = project.Project.Documents.ToList();
        var message = new StringBuilder();
        foreach (var source in expected)
        {
            var document = documents.FirstOrDefault(d => d.FilePath == source.Path)
                ?? documents.FirstOrDefault(d => d.FilePath is null && d.Name == source.Name);
            if (document is null)
            {
                message.AppendLine($"Document {source.Path} is missing after the fix.");
                continue;
            }

            var actual = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            if (actual != source.Markup.Text)
            {
                message.AppendLine($"Document {source.Path} differs from the expected text.");
                message.AppendLine(TextDiff.Describe(source.Markup.Text, actual));
                message.AppendLine("Actual text:");
                message.AppendLine(actual);
            }
        }

        foreach (var document in documents)
        {
            if (!expected.Any(s => s.Path == document.FilePath || (document.FilePath is null && s.Name == document.Name)))
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                message.AppendLine($"Unexpected document {document.FilePath ?? document.Name} after the fix:");
                message.AppendLine(text.ToString());
            }
        }

        if (message.Length > 0)
        {
            throw new VerifierException($"{stage}: the fixed code does not match.\n{message}");
        }
    }

    /// <summary>Every fixed tree must be what parsing its own text gives.</summary>
    private static async Task VerifyRoundTripAsync(TestProject project, CancellationToken cancellationToken)
    {
        foreach (var document in project.Project.Documents)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null)
            {
                continue;
            }

            var text = await tree.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var reparsed = CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath, cancellationToken);
            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var reparsedRoot = reparsed.GetRoot(cancellationToken);

            // IsEquivalentTo compares the internal (green) slot structure, which can differ for identical-looking trees
            // (a one-element list may or may not be wrapped after ReplaceNode). Only a difference visible in the public
            // tree (kinds, spans, missing tokens, token text) counts.
            if (!reparsedRoot.IsEquivalentTo(root, topLevel: false) && FirstDifference(root, reparsedRoot) is string difference)
            {
                throw new VerifierException(
                    $"Re-parse check: the syntax tree the fix produced for {document.FilePath} is not what parsing its text gives "
                    + "(e.g. missing parentheses or whitespace, or nodes built with the wrong kind).\n"
                    + difference + "\nText:\n" + text);
            }
        }
    }

    private static string? FirstDifference(SyntaxNode produced, SyntaxNode reparsed)
    {
        var left = produced.DescendantNodesAndTokensAndSelf().ToList();
        var right = reparsed.DescendantNodesAndTokensAndSelf().ToList();
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var a = left[i];
            var b = right[i];
            if (a.RawKind != b.RawKind
                || a.Span != b.Span
                || a.IsMissing != b.IsMissing
                || (a.IsToken && a.AsToken().Text != b.AsToken().Text))
            {
                var line = a.GetLocation()?.GetLineSpan().StartLinePosition.Line + 1;
                return $"First difference near line {line}: the fix produced {Kind(a)} '{a}' where parsing gives {Kind(b)} '{b}'.";
            }
        }

        return left.Count == right.Count
            ? null
            : $"The produced tree has {left.Count} nodes and tokens, the re-parsed one {right.Count}.";
    }

    private static string Kind(SyntaxNodeOrToken item)
        => ((SyntaxKind)item.RawKind).ToString();

    private async Task VerifyFixAllAsync(FixAllScope scope, TestProject original, IReadOnlyList<TestSource> expected, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var fixer = new TCodeFix();
        var provider = fixer.GetFixAllProvider();
        if (provider is null || !provider.GetSupportedFixAllScopes().Contains(scope))
        {
            return;
        }

        var ids = fixer.FixableDiagnosticIds;
        var solution = original.Solution;
        var initial = await GetFixableDiagnosticsAsync(fixer, original.Project, original.DocumentIds, $"FixAll ({scope})", cancellationToken).ConfigureAwait(false);
        var documentsWithDiagnostics = initial.Select(d => d.Location.SourceTree).Distinct().Count();
        var limit = NumberOfFixAllIterations ?? (scope == FixAllScope.Document ? Math.Max(1, documentsWithDiagnostics) : 1);
        var passes = 0;

        while (true)
        {
            var project = solution.GetProject(original.ProjectId)!;
            var diagnostics = await GetFixableDiagnosticsAsync(fixer, project, original.DocumentIds, $"FixAll ({scope})", cancellationToken).ConfigureAwait(false);
            if (diagnostics.Count == 0)
            {
                break;
            }

            var document = project.GetDocument(diagnostics[0].Location.SourceTree)!;
            var context = new FixAllContext(
                document,
                fixer,
                scope,
                equivalenceKey,
                ids,
                new AnalyzerDiagnosticProvider(this, ids),
                cancellationToken);

            CodeAction? action;
            try
            {
                action = await provider.GetFixAsync(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new VerifierException($"FixAll ({scope}): GetFixAsync threw: {exception}", exception);
            }

            if (action is null)
            {
                break;
            }

            var changed = await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
            if (!await HasTextChangesAsync(solution, changed, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            solution = changed;
            passes++;
            if (passes > limit)
            {
                throw new VerifierException(
                    $"FixAll ({scope}) still changed the code after {limit} pass(es)"
                    + (NumberOfFixAllIterations is null ? "; set NumberOfFixAllIterations if more passes are intended." : "."));
            }
        }

        await VerifyDocumentsAsync(
            $"FixAll ({scope}) compared with {(BatchFixedCode is null ? "FixedCode" : "BatchFixedCode")}",
            original with { Solution = solution },
            expected,
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> HasTextChangesAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var changes = after.GetChanges(before);
        foreach (var projectChanges in changes.GetProjectChanges())
        {
            if (projectChanges.GetAddedDocuments().Any() || projectChanges.GetRemovedDocuments().Any())
            {
                return true;
            }

            foreach (var id in projectChanges.GetChangedDocuments())
            {
                var oldText = await before.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newText = await after.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (!oldText.ContentEquals(newText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task VerifyBehaviorAsync(TestProject original, TestProject fixedProject, string entryPoint, CancellationToken cancellationToken)
    {
        var beforeCompilation = await original.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var afterCompilation = await fixedProject.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        ExecutionResult before;
        ExecutionResult after;
        try
        {
            before = await BehaviorRunner.RunAsync(beforeCompilation!, entryPoint, BehaviorTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (VerifierException exception)
        {
            throw new VerifierException("Behaviour check (original code): " + exception.Message, exception);
        }

        try
        {
            after = await BehaviorRunner.RunAsync(afterCompilation!, entryPoint, BehaviorTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (VerifierException exception)
        {
            throw new VerifierException("Behaviour check (fixed code): " + exception.Message, exception);
        }

        if (before != after)
        {
            throw new VerifierException($"Behaviour check: the fix changed what the program does ({entryPoint}).\nBefore the fix:\n{before}\nAfter the fix:\n{after}");
        }

        if (before.ObservedNothing)
        {
            throw new VerifierException($"Behaviour check: {entryPoint} printed nothing, returned void and threw nothing before and after the fix, so the check observes nothing. Print or return something.");
        }
    }

    /// <summary>Gives FixAll the analyzer's diagnostics.</summary>
    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly CSharpCodeFixTest<TAnalyzer, TCodeFix> _test;
        private readonly HashSet<string> _ids;

        public AnalyzerDiagnosticProvider(CSharpCodeFixTest<TAnalyzer, TCodeFix> test, IEnumerable<string> ids)
        {
            _test = test;
            _ids = new HashSet<string>(ids);
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await GetAsync(project, cancellationToken).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var all = await GetAsync(document.Project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => d.Location.SourceTree == tree).ToList();
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = await GetAsync(project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => !d.Location.IsInSource).ToList();
        }

        private async Task<List<Diagnostic>> GetAsync(Project project, CancellationToken cancellationToken)
        {
            var analysis = await _test.AnalyzeAsync(project, "FixAll diagnostics", cancellationToken).ConfigureAwait(false);
            return analysis.AnalyzerDiagnostics.Where(d => _ids.Contains(d.Id)).ToList();
        }
    }
}
