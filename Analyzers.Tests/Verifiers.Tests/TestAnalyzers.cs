using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Verifiers.Tests;

// Small analyzers that exist only to exercise the verifier.

/// <summary>Reports every <c>new byte[n]</c> (without initializer) as TEST001 with the size as argument.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ByteArrayAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "TEST001";

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Byte array allocation",
        "Byte array of size {0} is allocated",
        "Test",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ArrayCreationExpression);
    }

    internal static bool IsByteArrayWithSize(ArrayCreationExpressionSyntax creation, out ExpressionSyntax size)
    {
        size = null!;
        if (creation.Initializer is not null
            || creation.Type.ElementType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.ByteKeyword }
            || creation.Type.RankSpecifiers.Count != 1
            || creation.Type.RankSpecifiers[0].Sizes.Count != 1
            || creation.Type.RankSpecifiers[0].Sizes[0] is OmittedArraySizeExpressionSyntax)
        {
            return false;
        }

        size = creation.Type.RankSpecifiers[0].Sizes[0];
        return true;
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var creation = (ArrayCreationExpressionSyntax)context.Node;
        if (IsByteArrayWithSize(creation, out var size))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.GetLocation(), size.ToString()));
        }
    }
}
