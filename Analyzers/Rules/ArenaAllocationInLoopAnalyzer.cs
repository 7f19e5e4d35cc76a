using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>FRAG007: an arena allocates on every iteration of a loop and nothing in the loop rewinds it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ArenaAllocationInLoopAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Set when wrapping the innermost loop's body in <c>using (arena.Scope())</c> keeps behaviour.</summary>
        public const string ScopeFixKey = "ScopeFix";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.ArenaAllocationInLoopWithoutRewind,
            title: "Arena allocation in a loop with no rewind",
            messageFormat: "'{0}' allocates on every iteration and nothing in the loop rewinds '{1}'; the arena grows until it is exhausted",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "An arena only releases memory on Reset(), RewindTo(mark) or the end of a scope. A loop that allocates from it on every pass without one of these uses more of it each time, until it is full and falls back to the heap (the churn the arena was meant to avoid) or throws.");

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
            context.RegisterOperationAction(c => AnalyzeInvocation(c, baseline, types), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, BaselineRun baseline, ArenaTypes types)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var name = invocation.TargetMethod?.Name;
            if (name == null || !(name.StartsWith("Alloc", System.StringComparison.Ordinal) || name.StartsWith("TryAlloc", System.StringComparison.Ordinal)))
                return;

            var kind = types.Classify(invocation);
            if (kind != ArenaCallKind.Alloc && kind != ArenaCallKind.TryAlloc)
                return;

            var arena = ArenaTypes.GetArenaSymbol(invocation.Instance);
            if (arena == null || invocation.Syntax == null)
                return;

            if (!LoopAnalysis.RunsRepeatedly(invocation, out var loops))
                return;

            // A rewind in any enclosing loop bounds the growth; an arena handed to a call may be rewound there.
            foreach (var loop in loops)
            {
                if (RewindsOrHandsOn(loop, arena, types))
                    return;
            }

            var properties = ArenaAllocationInLoopFixPlan.CanWrapBodyInScope(invocation, loops[0], arena, types)
                ? ImmutableDictionary<string, string>.Empty.Add(ScopeFixKey, "true")
                : ImmutableDictionary<string, string>.Empty;
            baseline.Report(context.ReportDiagnostic, Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                properties,
                ArenaTypes.Describe(invocation),
                ArenaTypes.Describe(invocation.Instance!)));
        }

        private static bool RewindsOrHandsOn(ILoopOperation loop, ISymbol arena, ArenaTypes types)
        {
            foreach (var descendant in loop.Descendants())
            {
                if (descendant is IInvocationOperation call)
                {
                    var kind = types.Classify(call);
                    if ((kind == ArenaCallKind.Reset || kind == ArenaCallKind.RewindTo || kind == ArenaCallKind.Scope)
                        && SymbolEqualityComparer.Default.Equals(ArenaTypes.GetArenaSymbol(call.Instance), arena))
                    {
                        return true;
                    }
                }
                else if (IsReferenceTo(descendant, arena))
                {
                    var parent = descendant.WalkUpConversions().Parent;
                    if (parent is IArgumentOperation
                        || parent is ISimpleAssignmentOperation assignment && assignment.Value == descendant.WalkUpConversions()
                        || parent is IVariableInitializerOperation)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        internal static bool IsReferenceTo(IOperation operation, ISymbol symbol)
        {
            switch (operation)
            {
                case ILocalReferenceOperation _:
                case IParameterReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return SymbolEqualityComparer.Default.Equals(ArenaTypes.GetArenaSymbol(operation), symbol);
                default:
                    return false;
            }
        }
    }
}
