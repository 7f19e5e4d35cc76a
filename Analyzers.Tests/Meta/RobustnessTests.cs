using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// Half-typed code never makes an analyzer throw: every analyzer runs over realistic programs cut off at many
/// points (as they are while being typed), and no analyzer exception (AD0001) may come out.
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
}
