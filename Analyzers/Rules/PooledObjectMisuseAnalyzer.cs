using System.Collections.Generic;
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
    /// <summary>FRAG009: an object rented from a <c>Fragless.Pool&lt;T&gt;</c> is not returned on some path, returned twice, or used after its return.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PooledObjectMisuseAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Set on a not-returned diagnostic when wrapping the code after the rent in <c>try … finally { pool.Return(x); }</c> keeps behaviour.</summary>
        public const string TryFinallyFixKey = "TryFinallyFix";

        /// <summary>The diagnostic's kind: "NotReturned", "ReturnedTwice" or "UsedAfterReturn".</summary>
        public const string KindKey = "Kind";

        private const string Title = "Pooled object not returned, returned twice, or used after return";

        private const string Description = "An object rented from a pool must go back to it exactly once, on every path, and not be touched afterwards. One that is never returned makes the pool create a new one on a later rent (the allocation the pool was there to avoid); one returned twice is handed to two owners at once; one used after its return is changing an object someone else may already hold.";

        public static readonly DiagnosticDescriptor NotReturnedRule = RuleDescriptors.Create(
            DiagnosticIds.PooledObjectMisuse,
            Title,
            messageFormat: "'{0}' from '{1}' {2}; return it in a 'finally'",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            Description);

        public static readonly DiagnosticDescriptor ReturnedTwiceRule = RuleDescriptors.Create(
            DiagnosticIds.PooledObjectMisuse,
            Title,
            messageFormat: "'{0}' is returned to the pool again after '{1}'; the pool will hand the same object out twice",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            Description);

        public static readonly DiagnosticDescriptor UsedAfterReturnRule = RuleDescriptors.Create(
            DiagnosticIds.PooledObjectMisuse,
            Title,
            messageFormat: "'{0}' is used after '{1}' gave it back to the pool, which may already have handed it to someone else",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            Description);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NotReturnedRule, ReturnedTwiceRule, UsedAfterReturnRule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var pool = WellKnownTypes.For(context.Compilation).Get(WellKnownTypes.Names.Pool);
            if (pool == null)
                return;

            var baseline = BaselineRun.Start(context, BaselineAnalyzer.StaleEntryRule, NotReturnedRule, ReturnedTwiceRule, UsedAfterReturnRule);
            context.RegisterOperationAction(c => AnalyzeBody(c, baseline, pool), OperationKind.MethodBody, OperationKind.ConstructorBody);
        }

        private static void AnalyzeBody(OperationAnalysisContext context, BaselineRun baseline, INamedTypeSymbol pool)
        {
            var body = context.Operation;
            if (body.Parent != null || body.Syntax == null || !MentionsRent(body.Syntax))
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

            var findings = PooledObjectFlow.Analyze(graph, pool, context.CancellationToken);
            if (findings.Count == 0)
                return;

            // The fix plan reads the original operation tree (the graph's operations are rewritten).
            var rents = new Dictionary<SyntaxNode, IInvocationOperation>();
            foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
            {
                if (PooledObjectFlow.IsPoolCall(invocation, pool, "Rent") && !rents.ContainsKey(invocation.Syntax))
                    rents.Add(invocation.Syntax, invocation);
            }

            foreach (var finding in findings)
            {
                var location = finding.At.Syntax.GetLocation();
                switch (finding.Kind)
                {
                    case PoolFindingKind.NotReturned:
                    case PoolFindingKind.NotReturnedOnThrow:
                        var properties = ImmutableDictionary<string, string>.Empty.Add(KindKey, "NotReturned");
                        if (finding.Rent != null && rents.TryGetValue(finding.Rent.Syntax, out var original) && PooledObjectFixPlan.CanWrapInTryFinally(original, finding.Local, pool))
                            properties = properties.Add(TryFinallyFixKey, "true");
                        var how = finding.Kind == PoolFindingKind.NotReturned ? "is not returned to the pool on every path" : "is not returned to the pool " + finding.Detail;
                        baseline.Report(context.ReportDiagnostic, Diagnostic.Create(NotReturnedRule, location, properties, finding.Local.Name, ArenaTypes.Describe(finding.At), how));
                        break;
                    case PoolFindingKind.ReturnedTwice:
                        baseline.Report(context.ReportDiagnostic, Diagnostic.Create(ReturnedTwiceRule, location, ImmutableDictionary<string, string>.Empty.Add(KindKey, "ReturnedTwice"), finding.Local.Name, finding.Detail));
                        break;
                    case PoolFindingKind.UsedAfterReturn:
                        baseline.Report(context.ReportDiagnostic, Diagnostic.Create(UsedAfterReturnRule, location, ImmutableDictionary<string, string>.Empty.Add(KindKey, "UsedAfterReturn"), finding.Local.Name, finding.Detail));
                        break;
                }
            }
        }

        /// <summary>The cheap filter: no identifier <c>Rent</c>, nothing rented.</summary>
        private static bool MentionsRent(SyntaxNode syntax)
        {
            return syntax.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "Rent");
        }
    }
}
