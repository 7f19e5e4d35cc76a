using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>FRAG003: a large buffer is allocated by code that runs after startup.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LargeAllocationAnalyzer : DiagnosticAnalyzer
    {
        public const int DefaultThreshold = 1024;
        public const int DefaultReferenceSize = 4;

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.LargeAllocationAfterStartup,
            title: "Large allocation after startup",
            messageFormat: "{0} {1}; allocate it once at startup{2}",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "A large buffer allocated once at boot is part of the program's fixed footprint; the same buffer allocated later, again and again, leaves large holes in a non-moving heap until a large allocation fails with plenty of memory free.");

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
            if (operation.IsImplicit || operation.Syntax == null || operation.Type == null || operation.Type.TypeKind == TypeKind.Error)
                return;

            var tree = operation.Syntax.SyntaxTree;
            var options = context.Options;

            // Cheap first: initializers, constructors and startup methods are never per call (outside their lambdas),
            // so their allocations need no size, no constructor sums and no model.
            if (operation.GetEnclosingFunction() == null
                && StartupCode.ClassifyMember(context.ContainingSymbol, operation.Syntax, model.StartupMethods(options, tree)) != StartupKind.Late)
            {
                return;
            }

            var threshold = AnalyzerOptionsReader.GetInt32(options, tree, OptionKeys.LargeAllocationBytes, DefaultThreshold, minValue: 1);
            var referenceSize = ReadReferenceSize(options, tree);
            var customTypes = BufferTypeOption.Resolve(options, tree, types, customTypeCache);
            var allocation = BufferAllocation.TryCreate(operation, types, customTypes);

            // Every test below is a filter, so they run cheapest first: a buffer's size, then where the code is and
            // whether the buffer is kept, and only then what an object's constructors allocate and how often it runs.
            var isBuffer = allocation != null && allocation.Kind != BufferKind.Custom;
            var creation = operation as IObjectCreationOperation;
            long? size = null;
            if (isBuffer)
            {
                if (allocation!.SizeOperands.Any(HasErrors))
                    return;
                size = AllocationSize.Of(allocation, referenceSize);
                if (size != null ? size.Value < threshold : !ReportsUnknownSize(options, tree))
                    return;
            }
            else if (creation == null || creation.Constructor == null
                || allocation == null && !model.Construction.MayAllocate(creation.Constructor, context.CancellationToken)
                || creation.Arguments.Any(a => HasErrors(a.Value)))
            {
                // Not a buffer, and an object whose construction allocates nothing (most): no size to sum.
                return;
            }

            // An allocation that runs on every iteration of a loop belongs to FRAG001.
            if (LoopAnalysis.RunsRepeatedly(operation, out _) || model.IsExcluded(operation, context.ContainingSymbol, options))
                return;

            // Data that is kept (stored elsewhere, returned, queued) is the program's, not churn; a field of its own
            // type that each run fills with a new buffer drops the previous one, which is. One member's flow settles
            // this before the model's costlier question of how often the code runs.
            var lifetime = model.Lifetime(operation, ImmutableArray<ILoopOperation>.Empty, context.CancellationToken);
            if (lifetime.Escapes && !ReplacesOwnField(operation, context.ContainingSymbol)
                && !AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.ReportKept, defaultValue: false))
            {
                return;
            }

            string what;
            if (isBuffer)
            {
                what = allocation!.Display;
            }
            else
            {
                // Objects that allocate their buffers while they are constructed are judged here, with the sum.
                var bytes = model.Construction.Of(creation!.Constructor!, referenceSize, context.CancellationToken);
                size = bytes > 0 ? bytes : allocation != null ? (long?)null : 0;
                if (size != null ? size.Value < threshold : !ReportsUnknownSize(options, tree))
                    return;
                what = creation.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            }

            // Large enough and dropped: now ask the model. Once-code, construction, editor and test code are not churn;
            // code that runs per iteration is FRAG001's.
            var execution = model.Classify(operation, context.ContainingSymbol, options, context.CancellationToken);
            if (execution.Kind != RunKind.PerCall && execution.Kind != RunKind.HotCall)
                return;

            var flow = allocation != null && allocation.Kind != BufferKind.Custom ? lifetime : null;

            var amount = size?.ToString(CultureInfo.InvariantCulture) + " bytes";
            string subject;
            if (allocation == null || allocation.Kind == BufferKind.Custom)
                subject = size == null ? "A new " + what + " of unknown size is allocated" : "A new " + what + " allocates " + amount + " in its constructor and field initializers";
            else if (flow?.Local != null)
                subject = "'" + flow.Local.Name + "' allocates " + (size == null ? Article(what) + " " + what + " of unknown size" : amount);
            else
                subject = size == null ? "A new " + what + " of unknown size is allocated" : "A new " + what + " allocates " + amount;

            var fix = LargeAllocationFixPlan.Decide(operation, allocation, lifetime, context.ContainingSymbol, execution, model, types, options, context.CancellationToken);
            baseline.Report(context.ReportDiagnostic, Diagnostic.Create(Rule, operation.Syntax.GetLocation(), fix.Properties, subject, execution.Reason, fix.MessageSuffix));
        }

        private static bool ReportsUnknownSize(AnalyzerOptions options, SyntaxTree tree)
            => AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.Frag003ReportUnknownSize, defaultValue: false);

        private static string Article(string noun) => noun.Length > 0 && "aeiouAEIOU".IndexOf(noun[0]) >= 0 ? "an" : "a";

        internal static int ReadReferenceSize(AnalyzerOptions options, SyntaxTree tree)
        {
            var text = AnalyzerOptionsReader.GetChoice(options, tree, OptionKeys.ReferenceSize, "4", "2", "4", "8");
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// <c>_buffer = new byte[n]</c> (or <c>this._buffer</c>, a static field or property of the same type): kept, but
        /// each run drops the previous buffer. Internal for the tool's report.
        /// </summary>
        internal static bool ReplacesOwnField(IOperation allocation, ISymbol containingSymbol)
        {
            if (!(allocation.WalkUpConversions().Parent is ISimpleAssignmentOperation assignment) || !(assignment.Target is IMemberReferenceOperation member))
                return false;
            if (!(member is IFieldReferenceOperation || member is IPropertyReferenceOperation))
                return false;
            var ownType = SymbolEqualityComparer.Default.Equals(member.Member.ContainingType, containingSymbol.ContainingType);
            return ownType && (member.Instance == null || member.Instance is IInstanceReferenceOperation);
        }

        /// <summary>Half-typed code (an unknown name in the size, say) is not worth a warning yet.</summary>
        private static bool HasErrors(IOperation operation)
        {
            return operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error);
        }
    }
}
