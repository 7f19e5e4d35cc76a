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

/// <summary>Throws while analyzing any class declaration.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("TEST002", "Throws", "Never reported", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("test analyzer failure"), SyntaxKind.ClassDeclaration);
    }
}

/// <summary>Like <see cref="ByteArrayAnalyzer"/> but also analyzes and reports in generated code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedCodeReportingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ByteArrayAnalyzer.Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (ByteArrayAnalyzer.IsByteArrayWithSize((ArrayCreationExpressionSyntax)c.Node, out var size))
                {
                    c.ReportDiagnostic(Diagnostic.Create(ByteArrayAnalyzer.Rule, c.Node.GetLocation(), size.ToString()));
                }
            },
            SyntaxKind.ArrayCreationExpression);
    }
}

/// <summary>
/// Reports TEST010 on the first token of every tree, with the value of the editorconfig option
/// <c>fragless_test.option</c> and the names of the additional files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionsAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TEST010", "Options", "option={0}; additional files={1}", "Test", DiagnosticSeverity.Info, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(c =>
        {
            var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Tree);
            var value = options.TryGetValue("fragless_test.option", out var v) ? v : "<unset>";
            var files = string.Join(",", c.Options.AdditionalFiles.Select(f => System.IO.Path.GetFileName(f.Path) + ":" + f.GetText()?.ToString()));
            var token = c.Tree.GetRoot(c.CancellationToken).GetFirstToken();
            c.ReportDiagnostic(Diagnostic.Create(Rule, token.GetLocation(), value, files));
        });
    }
}
