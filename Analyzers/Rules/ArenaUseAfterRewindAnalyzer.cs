using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>FRAG006: memory from an arena is read, written or passed on after a reset, rewind or scope end released it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ArenaUseAfterRewindAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.ArenaUseAfterRewind,
            title: "Arena memory used after it was rewound",
            messageFormat: "'{0}' is used after {1} rewound the memory it points into",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "Memory from an arena belongs to the arena again once a Reset(), a RewindTo(mark) to a mark taken before the allocation, or the end of the scope it was allocated in releases it; the next allocation hands the same bytes to someone else.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = ArenaTypes.TryCreate(WellKnownTypes.For(context.Compilation));
            if (types == null)
                return;

            var baseline = BaselineRun.Start(context, BaselineAnalyzer.StaleEntryRule, Rule);
            context.RegisterOperationAction(c => AnalyzeBody(c, baseline, types), OperationKind.MethodBody, OperationKind.ConstructorBody);
        }

        private static void AnalyzeBody(OperationAnalysisContext context, BaselineRun baseline, ArenaTypes types)
        {
            var body = context.Operation;
            if (body.Parent != null || body.Syntax == null || !MentionsAllocation(body.Syntax))
                return;

            ControlFlowGraph graph;
            switch (body)
            {
                case IMethodBodyOperation method:
                    graph = ControlFlowGraph.Create(method, context.CancellationToken);
                    break;
                case IConstructorBodyOperation constructor:
                    graph = ControlFlowGraph.Create(constructor, context.CancellationToken);
                    break;
                default:
                    return;
            }

            foreach (var use in ArenaFlow.FindUsesAfterRewind(graph, types, context.CancellationToken))
                baseline.Report(context.ReportDiagnostic, Diagnostic.Create(Rule, use.Use.Syntax.GetLocation(), use.Local.Name, use.Release));
        }

        /// <summary>The cheap filter: no identifier starting with Alloc or TryAlloc, no arena memory to follow.</summary>
        internal static bool MentionsAllocation(SyntaxNode syntax)
        {
            return syntax.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken)
                && (t.ValueText.StartsWith("Alloc", System.StringComparison.Ordinal) || t.ValueText.StartsWith("TryAlloc", System.StringComparison.Ordinal)));
        }
    }
}
