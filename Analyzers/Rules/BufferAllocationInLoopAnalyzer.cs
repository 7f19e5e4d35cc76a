using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>FRAG001: a buffer is allocated on every iteration of a loop and dropped at its end.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BufferAllocationInLoopAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BufferAllocationInLoop,
            title: "Buffer allocated inside a loop",
            messageFormat: "{0} {1}; allocate it once before the loop and reuse it{2}",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "Allocating a buffer on every iteration and dropping it at the end churns the heap; on a non-moving heap the churn fragments free memory until a large allocation fails.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = WellKnownTypes.For(context.Compilation);
            if (types.Get(WellKnownTypes.Names.Array) == null)
                return;

            var model = ChurnModel.For(context.Compilation);
            var customTypes = new BufferTypeOption.Cache();
            var baseline = BaselineRun.Start(context, BaselineAnalyzer.StaleEntryRule, Rule);
            context.RegisterOperationAction(
                c => AnalyzeAllocation(c, baseline, types, model, customTypes),
                OperationKind.ArrayCreation,
                OperationKind.ObjectCreation,
                BufferAllocation.CollectionExpressionKind);
        }

        private static void AnalyzeAllocation(
            OperationAnalysisContext context,
            BaselineRun baseline,
            WellKnownTypes types,
            ChurnModel model,
            BufferTypeOption.Cache customTypeCache)
        {
            var operation = context.Operation;
            if (operation.IsImplicit || operation.Syntax == null)
                return;

            var tree = operation.Syntax.SyntaxTree;
            var customTypes = BufferTypeOption.Resolve(context.Options, tree, types, customTypeCache);
            var allocation = BufferAllocation.TryCreate(operation, types, customTypes);
            if (allocation == null)
                return;

            // Cheap before the model: only an allocation inside a loop can run per iteration.
            if (!LoopAnalysis.RunsRepeatedly(operation, out var loops) || allocation.SizeOperands.Any(HasErrors)
                || model.IsExcluded(operation, context.ContainingSymbol, context.Options))
            {
                return;
            }

            // A buffer that outlives the iteration is kept, not churn: the loop's flow settles that before the model
            // is asked whether the loop's method runs once.
            var flow = model.Lifetime(operation, loops, context.CancellationToken);
            if (flow.Escapes
                && !AnalyzerOptionsReader.GetBoolean(context.Options, tree, OptionKeys.Frag001ReportEscaping, defaultValue: false)
                && !AnalyzerOptionsReader.GetBoolean(context.Options, tree, OptionKeys.ReportKept, defaultValue: false))
            {
                return;
            }

            var execution = model.Classify(operation, context.ContainingSymbol, context.Options, context.CancellationToken);
            if (execution.Kind != RunKind.PerIteration)
                return;

            var subject = flow.Local != null
                ? "'" + flow.Local.Name + "' allocates a new " + allocation.Display
                : "A new " + allocation.Display + " is allocated";
            var fix = BufferAllocationInLoopFixPlan.Decide(allocation, flow, execution.Loops, types);
            baseline.Report(context.ReportDiagnostic, Diagnostic.Create(Rule, operation.Syntax.GetLocation(), fix.Properties, subject, execution.Reason, fix.MessageSuffix));
        }

        /// <summary>Half-typed code (an unknown name in the size, say) is not worth a warning yet.</summary>
        private static bool HasErrors(IOperation operation)
        {
            return operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error);
        }
    }
}
