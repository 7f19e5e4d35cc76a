using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// Analyzer tests on Microsoft.CodeAnalysis.Testing, with the project's defaults (net10.0 references, the latest
/// language version). Aliased in tests as <c>VerifyCS</c>, as NetAnalyzers and Meziantou do.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's first descriptor. Its message is checked only when the test says
    /// <c>WithMessage</c> or <c>WithArguments</c>.</summary>
    public static DiagnosticResult Diagnostic() => TestDefaults.Diagnostic(new TAnalyzer().SupportedDiagnostics[0]);

    /// <summary>The analyzer's descriptor with this ID; its message is checked as for <see cref="Diagnostic()"/>.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
        => TestDefaults.Diagnostic(new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == diagnosticId));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net10;
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // [|…|] is the analyzer's first descriptor (FRAG002 before FRAG004)
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestDefaults.InferOutputKind(TestState, LanguageVersion);
            return base.RunImplAsync(cancellationToken);
        }
    }
}
