using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Benchmarks;

// Part of the harness, handed to the driver directly and never loaded as an analyzer: it reports nothing, binds other
// trees' code on purpose, and registers no action of its own after the compilation starts.
#pragma warning disable RS1001, RS1012, RS1026, RS1030, RS2008

/// <summary>
/// For <c>analyzer-cost --thread-time</c>: binds every body, initializer and top-level statement in the driver's own
/// cached semantic models when the analysis starts, before any operation action runs, and keeps the processor time
/// that took. The driver binds each body anyway, outside the analyzers' callbacks, to hand any operation analyzer
/// (CA1861 as much as Fragless) its operations; an analyzer that reads another member's code first only pulls that
/// binding forward, and without this would be charged for it.
/// </summary>
internal sealed class BodyBindingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public double Milliseconds { get; private set; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.RegisterCompilationStartAction(start =>
        {
            var began = ThreadTimedAnalyzer.ThreadMilliseconds();
            foreach (var tree in start.Compilation.SyntaxTrees)
            {
                var model = start.Compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot(start.CancellationToken).DescendantNodes(n => !IsBindingRoot(n)))
                {
                    if (IsBindingRoot(node))
                        model.GetOperation(node, start.CancellationToken);
                }
            }

            Milliseconds = ThreadTimedAnalyzer.ThreadMilliseconds() - began;
        });
    }

    private static bool IsBindingRoot(SyntaxNode node)
    {
        switch (node)
        {
            case BaseMethodDeclarationSyntax _:
            case AccessorDeclarationSyntax _:
            case ArrowExpressionClauseSyntax _:
            case EqualsValueClauseSyntax _:
            case GlobalStatementSyntax _:
                return true;
            default:
                return false;
        }
    }
}
