using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// FRAG005: a buffer is allocated, and dropped, on every call of a hot method: a Unity per-frame message, an event
    /// or timer callback, a <c>[HotPath]</c> method, or a method a loop or another hot method calls. Buffers in a loop
    /// are FRAG001's, large ones FRAG003's.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HotPathAllocationAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.HotPathAllocation,
            title: "Buffer allocated on every call of a hot method",
            messageFormat: "{0} {1}; allocate it once and reuse it{2}",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "A method that runs every frame, on every event or on every pass of the main loop and allocates a buffer it drops churns the heap as surely as a loop does; on a non-moving heap the churn fragments free memory until a large allocation fails.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        /// <summary>An event or timer callback (or a callee of one) that may run on two threads at once, unless the user says callbacks run on one.</summary>
        internal static bool MayRunConcurrently(Execution execution, AnalyzerOptions options, SyntaxTree tree)
        {
            return execution.Hot != null && execution.Hot.MayRunConcurrently
                && !AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.CallbacksSingleThreaded, defaultValue: false);
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
            var options = context.Options;

            // Cheapest first: most objects made are not buffers. Then initializers, constructors and startup methods
            // are not hot (outside their lambdas).
            var customTypes = BufferTypeOption.Resolve(options, tree, types, customTypeCache);
            var allocation = BufferAllocation.TryCreate(operation, types, customTypes);
            if (allocation == null)
                return;
            if (operation.GetEnclosingFunction() == null
                && StartupCode.ClassifyMember(context.ContainingSymbol, operation.Syntax, model.StartupMethods(options, tree)) != StartupKind.Late)
            {
                return;
            }

            // Editor and test code, and what fragless.exclude names, are settled per file and member, before the
            // buffer's own questions.
            if (model.IsExcluded(operation, context.ContainingSymbol, options) || allocation.SizeOperands.Any(HasErrors))
                return;

            // A buffer in a loop is FRAG001's.
            if (LoopAnalysis.RunsRepeatedly(operation, out _))
                return;

            // A large one is FRAG003's, which names the hot context too.
            if (IsLarge(allocation, operation, options, tree, model.Construction, context.CancellationToken))
                return;

            // Code that cannot be hot by what is cheap to know (most) needs no flow analysis; kept data is not churn,
            // and one member's flow settles that before the costlier question of whether it is hot.
            if (!model.MayBeHot(operation, context.ContainingSymbol, options, context.CancellationToken))
                return;
            var flow = model.Lifetime(operation, ImmutableArray<ILoopOperation>.Empty, context.CancellationToken);
            if (flow.Escapes && !AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.ReportKept, defaultValue: false))
                return;

            var execution = model.HotExecution(operation, context.ContainingSymbol, options, context.CancellationToken);
            if (execution == null)
                return;

            var subject = flow.Local != null
                ? "'" + flow.Local.Name + "' allocates a new " + allocation.Display
                : "A new " + allocation.Display + " is allocated";
            var fix = LargeAllocationFixPlan.Decide(operation, allocation, flow, context.ContainingSymbol, execution, model, types, options, context.CancellationToken);
            baseline.Report(context.ReportDiagnostic, Diagnostic.Create(Rule, operation.Syntax.GetLocation(), fix.Properties, subject, execution.Reason, fix.MessageSuffix));
        }

        /// <summary>At or above FRAG003's threshold (and, where FRAG003 reports them, of unknown size).</summary>
        private static bool IsLarge(BufferAllocation allocation, IOperation operation, AnalyzerOptions options, SyntaxTree tree, ConstructionAllocations construction, System.Threading.CancellationToken cancellationToken)
        {
            var threshold = AnalyzerOptionsReader.GetInt32(options, tree, OptionKeys.LargeAllocationBytes, LargeAllocationAnalyzer.DefaultThreshold, minValue: 1);
            var referenceSize = LargeAllocationAnalyzer.ReadReferenceSize(options, tree);
            long? size;
            if (allocation.Kind != BufferKind.Custom)
                size = AllocationSize.Of(allocation, referenceSize);
            else if (operation is IObjectCreationOperation creation && creation.Constructor != null)
                size = construction.Of(creation.Constructor, referenceSize, cancellationToken) is var bytes && bytes > 0 ? bytes : (long?)null;
            else
                size = null;

            if (size == null)
                return AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.Frag003ReportUnknownSize, defaultValue: false);
            return size.Value >= threshold;
        }

        /// <summary>Half-typed code (an unknown name in the size, say) is not worth a warning yet.</summary>
        private static bool HasErrors(IOperation operation)
        {
            return operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error);
        }
    }
}
