using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Defaults both test kinds share.</summary>
internal static class TestDefaults
{
    /// <summary>A test whose code has top-level statements is a program, unless it says otherwise.</summary>
    public static void InferOutputKind(SolutionState state, LanguageVersion languageVersion)
    {
        if (state.OutputKind is not null)
        {
            return;
        }

        var options = new CSharpParseOptions(languageVersion);
        var hasTopLevelStatements = state.Sources.Any(source =>
        {
            TestFileMarkupParser.GetSpans(source.content.ToString(), out string text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, options).GetRoot();
            return root.Members.OfType<GlobalStatementSyntax>().Any();
        });
        if (hasTopLevelStatements)
        {
            state.OutputKind = OutputKind.ConsoleApplication;
        }
    }

    /// <summary>An expected diagnostic of <paramref name="descriptor"/> whose message is not compared unless the test
    /// adds <c>WithMessage</c> or <c>WithArguments</c> (the library compares the unformatted format otherwise).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
        => new(descriptor.Id, descriptor.DefaultSeverity);
}
