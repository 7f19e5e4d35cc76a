using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// One <c>dotnet format analyzers</c> pass applies every fixable diagnostic of every rule, whichever diagnostic the
/// tool happens to see first. This replays what the tool does (dotnet/sdk,
/// src/BuiltInTools/dotnet-format/Analyzers/SolutionCodeFixApplier.cs): per diagnostic ID, ask the fixer for the
/// actions of the first diagnostic only, take the first action's equivalence key (none when that diagnostic has no
/// fix), and run the fixer's Fix All over the solution with that key. Every diagnostic takes a turn at being first.
/// <c>.ci/format-pass-check.sh</c> runs the real tool on the same program.
/// </summary>
public class FormatPassTests
{
    private const string ProgramPath = ".ci/consumers/FormatPass/Program.cs";

    public static TheoryData<string, bool> Rules() => new()
    {
        { DiagnosticIds.BufferAllocationInLoop, false },
        { DiagnosticIds.BufferAllocationInLoop, true },
        { DiagnosticIds.AllocatingRead, false },
        { DiagnosticIds.LargeAllocationAfterStartup, false },
        { DiagnosticIds.LargeAllocationAfterStartup, true },
        { DiagnosticIds.HotPathAllocation, false },
        { DiagnosticIds.HotPathAllocation, true },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task OnePass_WhicheverDiagnosticIsFirst_FixesEveryFixableOne(string id, bool referencesRuntime)
    {
        var source = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, ProgramPath));
        var references = TestReferences.Resolve(TestReferences.Net10);
        if (referencesRuntime)
            references = references.Add(TestReferences.Runtime(TestReferences.Net10));
        var document = CreateDocument(source, references);
        var fixer = Fixers().Single(f => f.FixableDiagnosticIds.Contains(id));

        var diagnostics = await AnalyzeAsync(document.Project, id);
        var fixable = new List<Diagnostic>();
        var unfixable = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
            ((await GetActionsAsync(fixer, document, diagnostic)).Count > 0 ? fixable : unfixable).Add(diagnostic);
        Assert.NotEmpty(fixable);
        Assert.NotEmpty(unfixable);

        // The program lists each rule's unfixable diagnostic first, but the tool's order is the analyzer driver's: try every one.
        foreach (var first in diagnostics)
        {
            var key = (await GetActionsAsync(fixer, document, first)).FirstOrDefault()?.EquivalenceKey;
            var context = new FixAllContext(
                document,
                fixer,
                FixAllScope.Solution,
                key!,
                new[] { id },
                new Diagnostics(diagnostics),
                CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(action);
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;

            var compilation = (await changed.Project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"first {Describe(first)}: the fixed program does not compile:\n" + string.Join("\n", errors));

            var remaining = await AnalyzeAsync(changed.Project, id);
            Assert.True(
                remaining.Select(d => d.GetMessage()).OrderBy(m => m).SequenceEqual(unfixable.Select(d => d.GetMessage()).OrderBy(m => m)),
                $"first {Describe(first)} (key {key ?? "none"}): expected only the unfixable diagnostics to remain, got:\n"
                    + string.Join("\n", remaining.Select(Describe)));

            var before = (await document.Project.GetCompilationAsync())!;
            var loadable = referencesRuntime ? new[] { typeof(Fragless.Arena).Assembly.Location } : System.Array.Empty<string>();
            await BehaviorRunner.VerifySameBehaviorAsync(before, compilation, "Main", loadable);
        }
    }

    private static string Describe(Diagnostic diagnostic)
        => diagnostic.Location.GetLineSpan().StartLinePosition + " " + diagnostic.GetMessage();

    private static Document CreateDocument(string source, ImmutableArray<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "FormatPass",
                "FormatPass",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Program.cs", SourceText.From(source), filePath: "/0/Program.cs");
        return solution.GetDocument(documentId)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, string id)
    {
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
            .ToImmutableArray();
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static IEnumerable<CodeFixProvider> Fixers()
        => typeof(BufferAllocationInLoopFixer).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!);

    private static async Task<List<CodeAction>> GetActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        return actions;
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
