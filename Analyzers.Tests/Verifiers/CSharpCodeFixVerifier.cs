using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// Code-fix tests on Microsoft.CodeAnalysis.Testing, with the project's defaults and one addition the library lacks:
/// <see cref="Test.BehaviorEntryPoint"/>, which compiles and runs the code before and after the fix. Aliased in tests
/// as <c>VerifyCS</c>.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The analyzer's first descriptor. Its message is checked only when the test says
    /// <c>WithMessage</c> or <c>WithArguments</c>.</summary>
    public static DiagnosticResult Diagnostic() => TestDefaults.Diagnostic(new TAnalyzer().SupportedDiagnostics[0]);

    /// <summary>The analyzer's descriptor with this ID; its message is checked as for <see cref="Diagnostic()"/>.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
        => TestDefaults.Diagnostic(new TAnalyzer().SupportedDiagnostics.Single(d => d.Id == diagnosticId));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource)
        => VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource)
        => VerifyCodeFixAsync(source, new[] { expected }, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net10;
            MarkupOptions = MarkupOptions.UseFirstDescriptor; // [|…|] is the analyzer's first descriptor (FRAG002 before FRAG004)
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>
        /// When set, the original and the fixed code (as the library verified them) are compiled and run, and must
        /// print the same, return the same and throw the same exception type. "Main" for the program's entry point,
        /// or "Type.Method" / "Namespace.Type.Method" for a static method without parameters.
        /// </summary>
        public string? BehaviorEntryPoint { get; set; }

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestDefaults.InferOutputKind(TestState, LanguageVersion);

            // Markup in FixedCode / BatchFixedCode marks the diagnostics expected to remain after the fix, fixable or not.
            foreach (var state in new[] { FixedState, BatchFixedState })
            {
                if (state.Sources.Count > 0)
                {
                    state.MarkupHandling ??= MarkupMode.Allow;
                }
            }

            await base.RunImplAsync(cancellationToken).ConfigureAwait(false);
            if (BehaviorEntryPoint is not null)
            {
                await VerifyBehaviorAsync(BehaviorEntryPoint, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task VerifyBehaviorAsync(string entryPoint, CancellationToken cancellationToken)
        {
            if (!CodeActionExpected(FixedState))
            {
                throw new BehaviorCheckException("BehaviorEntryPoint is set but FixedCode is not: the behaviour check compares the code before and after the fix.");
            }

            // The same states the library just verified: inherited values applied, markup removed.
            var analyzers = GetDiagnosticAnalyzers().ToArray();
            var fixable = GetCodeFixProviders().SelectMany(p => p.FixableDiagnosticIds).ToImmutableArray();
            var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();
            var defaultDiagnostic = GetDefaultDiagnostic(analyzers);
            var testState = TestState.WithInheritedValuesApplied(null, fixable);
            var fixedState = FixedState.WithInheritedValuesApplied(testState, fixable);

            var before = await CompileAsync(testState.WithProcessedMarkup(MarkupOptions, defaultDiagnostic, supported, fixable, DefaultFilePath), cancellationToken).ConfigureAwait(false);
            var after = await CompileAsync(fixedState.WithProcessedMarkup(MarkupOptions, defaultDiagnostic, supported, fixable, DefaultFilePath), cancellationToken).ConfigureAwait(false);
            var loadable = testState.AdditionalReferences.OfType<PortableExecutableReference>().Select(r => r.FilePath!).ToImmutableArray();
            await BehaviorRunner.VerifySameBehaviorAsync(before, after, entryPoint, loadable, cancellationToken).ConfigureAwait(false);
        }

        private async Task<Compilation> CompileAsync(SolutionState state, CancellationToken cancellationToken)
        {
            var project = await CreateProjectAsync(new EvaluatedProjectState(state, ReferenceAssemblies), ImmutableArray<EvaluatedProjectState>.Empty, cancellationToken).ConfigureAwait(false);
            return (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
