using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// Half-typed code never makes an analyzer or a fixer throw: every analyzer runs over realistic programs cut off at
/// many points (as they are while being typed) and randomly mutated, and no analyzer exception (AD0001) may come out;
/// on the mutated ones every fixer computes every action it offers.
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string, bool> Programs() => new()
    {
        { "samples/SensorLogger/Program.cs", true },
        { "samples/SensorLogger/SimulatedUart.cs", false },
        { ".ci/consumers/Console/Program.cs", true },
        { ".ci/consumers/Library/Telemetry.cs", true },
        { ".ci/consumers/FormatPass/Program.cs", true },
        { "Runtime/Arena.cs", false },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task TruncatedPrograms_NoAnalyzerThrows(string relativePath, bool hasFindings)
    {
        var text = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, relativePath));
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var references = TestReferences.Resolve(TestReferences.Net10).Add(TestReferences.Runtime(TestReferences.Net10));

        const int cuts = 40;
        var failures = new List<string>();
        var findings = 0;
        for (var i = 1; i <= cuts; i++)
        {
            var length = text.Length * i / cuts;
            var source = text.Substring(0, length);
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Cut.cs");
            var compilation = CSharpCompilation.Create("Cut", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            findings += diagnostics.Count(d => d.Id.StartsWith("FRAG", StringComparison.Ordinal));
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                failures.Add($"cut at {length}: {diagnostic.GetMessage()}");
            foreach (var exception in exceptions)
                failures.Add($"cut at {length}: {exception}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));

        // The analyzers did run: the complete program (and many of its cuts) has findings.
        Assert.Equal(hasFindings, findings > 0);
    }

    /// <summary>
    /// Random mutations of each program (cut off, a span deleted, a token inserted, two lines swapped): no analyzer
    /// throws, and every fixer, asked for its actions on every diagnostic, computes their changes without throwing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public async Task MutatedPrograms_NoAnalyzerOrFixerThrows(string relativePath, bool hasFindings)
    {
        const int mutations = 60;
        var text = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, relativePath));
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var fixers = typeof(Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        var references = TestReferences.Resolve(TestReferences.Net10).Add(TestReferences.Runtime(TestReferences.Net10));
        string[] tokens = { "{", "}", "(", ")", ";", "new byte[", "for (;;)", "=", "var", ",", "\"", "while (true)", "[", "]" };

        var random = new Random(relativePath.Length * 7919 + 11);
        var failures = new List<string>();
        var actions = 0;
        for (var m = 0; m < mutations; m++)
        {
            var (source, how) = Mutate(text, random, tokens);
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "Mutated", "Mutated", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
            var document = workspace.AddDocument(project.Id, "Mutated.cs", SourceText.From(source));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            foreach (var exception in exceptions)
                failures.Add($"{how}: analyzer: {exception}");
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                failures.Add($"{how}: {diagnostic.GetMessage()}");

            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("FRAG", StringComparison.Ordinal)))
            {
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        var registered = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => registered.Add(a), CancellationToken.None));
                        foreach (var action in registered)
                        {
                            await action.GetOperationsAsync(CancellationToken.None);
                            actions++;
                        }
                    }
                    catch (Exception exception)
                    {
                        failures.Add($"{how}: {fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.SourceSpan}: {exception}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(3)));

        // The fixers did run: most mutations of a program with findings still offer fixes.
        Assert.Equal(hasFindings, actions > 0);
    }

    internal static (string Source, string How) Mutate(string text, Random random, string[] tokens)
    {
        var position = random.Next(text.Length);
        switch (random.Next(4))
        {
            case 0:
                return (text.Substring(0, position), $"cut at {position}");
            case 1:
                var length = Math.Min(random.Next(1, 40), text.Length - position);
                return (text.Remove(position, length), $"deleted {length} at {position}");
            case 2:
                var token = tokens[random.Next(tokens.Length)];
                return (text.Insert(position, " " + token + " "), $"inserted '{token}' at {position}");
            default:
                var lines = text.Split('\n');
                var a = random.Next(lines.Length);
                var b = random.Next(lines.Length);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (string.Join("\n", lines), $"swapped lines {a} and {b}");
        }
    }
}
