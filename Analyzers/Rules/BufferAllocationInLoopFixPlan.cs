using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Decides which FRAG001 fixes keep the program's behaviour and hands the decision to the fixer through
    /// <see cref="Diagnostic.Properties"/>, and to the message the reason when there is none. No properties means no fix.
    /// </summary>
    public static class BufferAllocationInLoopFixPlan
    {
        /// <summary>"Declaration" (the allocation initialises a local declared in the loop) or "Inline" (it is used directly).</summary>
        public const string ShapeKey = "Shape";

        /// <summary>How many enclosing loops, innermost first, the allocation moves out of (1 = just before the innermost).</summary>
        public const string HoistLoopsKey = "HoistLoops";

        /// <summary>How each iteration gets a fresh-looking buffer back: one of the <see cref="BufferReset"/> constants.</summary>
        public const string RestoreKey = "Restore";

        /// <summary>"true" when every element read in an iteration is written earlier in it, so the contents can be reused.</summary>
        public const string ReuseKey = "Reuse";

        /// <summary>
        /// "true" when the size is not provably non-negative: the array starts empty before the loop and is made at its
        /// size on the first iteration, so a bad size still throws where it did (and not at all when the loop never runs).
        /// </summary>
        public const string SizeOnFirstUseKey = "SizeOnFirstUse";

        /// <summary>
        /// "true" for an array literal whose elements change between iterations: <c>new T[n]</c> is made before the loop
        /// and each element is written where the literal was (just before its statement, for an inline literal).
        /// </summary>
        public const string FillKey = "Fill";

        public const string DeclarationShape = "Declaration";
        public const string InlineShape = "Inline";

        /// <summary>
        /// <c>byte[] b = cond ? new byte[5] : new byte[3];</c>: one array per arm is made before the loop, the condition
        /// chooses between them, and the chosen one gets the reset after the declaration.
        /// </summary>
        public const string ConditionalShape = "Conditional";


        /// <summary>The one place that decides whether a FRAG001 diagnostic has a fix, and which: the message and the fixer both read it.</summary>
        internal static FixDecision Decide(BufferAllocation allocation, BufferFlow flow, ImmutableArray<ILoopOperation> loops, WellKnownTypes types)
        {
            var operation = allocation.Operation;
            if (!WellFormedCode.Contains(operation.Syntax.SyntaxTree.GetRoot(), operation.Syntax.Span))
                return FixDecision.None("the code around it has syntax errors");

            var what = flow.Local != null ? "'" + flow.Local.Name + "'" : "the buffer";
            var blocker = flow.WhyNotReusable(what);
            if (blocker != null)
                return FixDecision.None(blocker);

            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            var noHoist = AddHoist(builder, allocation, flow, loops);

            // "Allocate from arena" also serves buffers whose size changes every iteration.
            if (flow.Local != null && LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local) && IsInsideLoopBody(operation, loops[0]))
                ArenaPlan.TryAdd(builder, allocation, flow.Local, types, loops[0].Syntax.SpanStart);

            return FixDecision.From(builder.ToImmutable(), noHoist ?? string.Empty);
        }

        /// <summary>Adds the hoist properties; returns why not when the buffer cannot be hoisted.</summary>
        private static string? AddHoist(ImmutableDictionary<string, string>.Builder builder, BufferAllocation allocation, BufferFlow flow, ImmutableArray<ILoopOperation> loops)
        {
            if (flow.ObservesCapacity)
                return BufferReset.WhyNone(allocation, flow);

            var hoistLoops = CountInvariantLoops(allocation, loops);
            if (hoistLoops == 0)
            {
                return GetSizes(allocation).All(o => LoopInvariance.IsInvariant(o, loops[0]))
                    ? AddFill(builder, allocation, flow, loops)
                    : "its size changes between iterations";
            }

            var operation = allocation.Operation;
            if (flow.Local != null && operation.WalkUpConversions().Parent is IConditionalOperation conditional)
                return AddConditional(builder, allocation, flow, conditional, hoistLoops);

            string shape;
            if (flow.Local != null && !ArrayViews.IsViewOfNewArray(operation))
            {
                if (!LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local))
                    return "'" + flow.Local.Name + "' is not declared alone in a plain declaration";
                shape = DeclarationShape;
            }
            else
            {
                shape = InlineShape;
            }

            // Moving `new T[n]` before the loop must not make it throw where it did not (a negative n and a loop that
            // never runs). A size that may be negative is made on the first iteration instead: arrays declared in the
            // loop, and arrays a span declared in the loop views (`Span<byte> s = new byte[n];`), only; other buffers
            // and inline allocations keep their diagnostic without a hoist.
            var sizeOnFirstUse = !GetSizes(allocation).All(LoopInvariance.IsNonNegative);
            if (sizeOnFirstUse
                && (!(operation is IArrayCreationOperation creation) || creation.DimensionSizes.Length != 1 || creation.Initializer != null
                    || shape != DeclarationShape && !(IsViewDeclaration(operation, flow) && IsInsideLoopBody(operation, loops[0]))))
            {
                return "its size may be negative, and made before the loop it could throw where it did not";
            }

            var restore = BufferReset.Choose(allocation, flow);
            var reuse = shape == DeclarationShape && flow.IsWritten && allocation.Kind == BufferKind.Array && !flow.HasAlias
                && BufferAllocationInLoopReuseProof.EveryReadFollowsAWrite(operation, flow.Local!);

            // A restore statement goes just before the statement that holds an inline allocation, which has to be in the loop body.
            if (restore != null && restore != BufferReset.None && shape == InlineShape && !IsInsideLoopBody(operation, loops[0]))
            {
                restore = null;
                if (!reuse)
                    return "it is in the loop's header, where there is no statement before it to reset it in";
            }

            if (restore == null && !reuse)
                return BufferReset.WhyNone(allocation, flow);

            builder[ShapeKey] = shape;
            builder[HoistLoopsKey] = hoistLoops.ToString(CultureInfo.InvariantCulture);
            if (restore != null)
                builder[RestoreKey] = restore;
            if (reuse)
                builder[ReuseKey] = "true";
            if (sizeOnFirstUse)
                builder[SizeOnFirstUseKey] = "true";
            return null;
        }

        /// <summary>
        /// An array literal whose elements change: its length is constant, so <c>new T[n]</c> moves before every loop and
        /// each iteration writes every element where the literal was. Returns why not when it cannot.
        /// </summary>
        private static string? AddFill(ImmutableDictionary<string, string>.Builder builder, BufferAllocation allocation, BufferFlow flow, ImmutableArray<ILoopOperation> loops)
        {
            var operation = allocation.Operation;
            var inline = flow.Local == null;
            var why = BufferAllocationInLoopFill.WhyNot(operation, flow, inline);
            if (why != null)
                return why;
            if (!inline && !LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local!))
                return "'" + flow.Local!.Name + "' is not declared alone in a plain declaration";
            if (inline && !IsInsideLoopBody(operation, loops[0]))
                return "it is in the loop's header, where there is no statement before it to fill it in";

            builder[ShapeKey] = inline ? InlineShape : DeclarationShape;
            builder[HoistLoopsKey] = loops.Length.ToString(CultureInfo.InvariantCulture);
            builder[RestoreKey] = BufferReset.None;
            builder[FillKey] = "true";
            return null;
        }

        /// <summary>
        /// <c>byte[] b = cond ? new byte[5] : new byte[3];</c>: both arms are new arrays of different constant sizes and
        /// the conditional is the declaration's whole initializer, so each arm can be made once before the loop.
        /// </summary>
        private static string? AddConditional(ImmutableDictionary<string, string>.Builder builder, BufferAllocation allocation, BufferFlow flow, IConditionalOperation conditional, int hoistLoops)
        {
            var arms = new[] { conditional.WhenTrue, conditional.WhenFalse };
            var sizes = arms.Select(ConstantArraySize).ToArray();
            if (conditional.IsRef || sizes.Any(s => s == null) || sizes[0] == sizes[1]
                || !arms.All(a => SymbolEqualityComparer.Default.Equals(a.Type, conditional.Type)))
            {
                return "a condition chooses it, and only two new arrays of different constant sizes can each be made before the loop";
            }

            if (!LocalDeclarations.IsSingleLocalDeclaration(conditional, flow.Local!))
                return "'" + flow.Local!.Name + "' is not declared alone in a plain declaration";

            builder[ShapeKey] = ConditionalShape;
            builder[HoistLoopsKey] = hoistLoops.ToString(CultureInfo.InvariantCulture);
            builder[RestoreKey] = BufferReset.Choose(allocation, flow) ?? BufferReset.ArrayClear;
            return null;
        }

        /// <summary>The size of <c>new T[n]</c> (one dimension, no initializer) when n is a positive constant, else null.</summary>
        private static int? ConstantArraySize(IOperation operation)
        {
            return operation is IArrayCreationOperation creation && creation.Initializer == null && creation.DimensionSizes.Length == 1
                && creation.DimensionSizes[0].ConstantValue.HasValue && creation.DimensionSizes[0].ConstantValue.Value is int size && size > 0
                ? size
                : (int?)null;
        }

        /// <summary>What decides how big the new buffer is: array dimensions, or constructor capacities (not initializer values).</summary>
        private static IEnumerable<IOperation> GetSizes(BufferAllocation allocation)
        {
            switch (allocation.Operation)
            {
                case IArrayCreationOperation array:
                    return array.DimensionSizes;
                case IObjectCreationOperation creation:
                    return creation.Arguments.Select(a => a.Value);
                default:
                    return Enumerable.Empty<IOperation>();
            }
        }

        private static int CountInvariantLoops(BufferAllocation allocation, ImmutableArray<ILoopOperation> loops)
        {
            var count = 0;
            foreach (var loop in loops)
            {
                if (!allocation.SizeOperands.All(o => LoopInvariance.IsInvariant(o, loop)))
                    break;
                count++;
            }

            return count;
        }

        /// <summary>
        /// <c>SpanByte s = new byte[n];</c> or <c>Span&lt;byte&gt; s = new SpanByte(new byte[n]);</c>: the view of the
        /// new array is the whole initializer of a declaration of its own, so nothing in the statement runs before the
        /// allocation.
        /// </summary>
        private static bool IsViewDeclaration(IOperation operation, BufferFlow flow)
        {
            if (flow.Local == null || !ArrayViews.IsViewOfNewArray(operation))
                return false;
            var view = operation.WalkUpConversions().Parent;
            if (view is IArgumentOperation argument)
            {
                if (!(argument.Parent is IObjectCreationOperation creation) || creation.Arguments.Length != 1 || creation.Initializer != null)
                    return false;
                view = creation;
            }

            return view != null && LocalDeclarations.IsSingleLocalDeclaration(view, flow.Local);
        }

        private static bool IsInsideLoopBody(IOperation operation, ILoopOperation loop)
        {
            var statement = operation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            var body = loop.Body?.Syntax;
            return statement != null && body != null && body.Span.Contains(statement.Span);
        }
    }
}
