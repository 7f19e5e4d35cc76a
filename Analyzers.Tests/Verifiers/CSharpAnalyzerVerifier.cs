using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Entry points for analyzer tests; mirrors <c>Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerVerifier</c>.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of the analyzer's first supported descriptor.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerTest<TAnalyzer>.DefaultDiagnostic();

    /// <summary>A diagnostic of the analyzer's descriptor with this id.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerTest<TAnalyzer>.DiagnosticForId(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer>
    {
    }
}
