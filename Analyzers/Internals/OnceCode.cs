using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Shapes of code that run once however often their member runs: lazy initialisation, and code before a loop that never ends.</summary>
    internal static class OnceCode
    {
        /// <summary>
        /// Inside the guarded part of a lazy initialisation of a field or property: <c>if (_table == null) { … _table = …; }</c>,
        /// <c>if (!_ready) { … _ready = true; }</c>, <c>_table ??= …</c>, <c>_table ?? (_table = …)</c>.
        /// </summary>
        public static bool IsInLazyInitialization(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current != null && !current.IsFunctionBoundary(); child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ICoalesceAssignmentOperation coalesceAssignment when child == coalesceAssignment.Value && MemberOf(coalesceAssignment.Target) != null:
                        return true;
                    case ICoalesceOperation coalesce when child == coalesce.WhenNull
                        && MemberOf(coalesce.Value) is ISymbol member && AssignsMember(coalesce.WhenNull, member):
                        return true;
                    case IConditionalOperation conditional when child == conditional.WhenTrue
                        && GuardedMember(conditional.Condition) is ISymbol guarded && AssignsMember(conditional.WhenTrue, guarded):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The operation comes before a loop of its member that never ends (<c>while (true)</c>, <c>for (;;)</c>) or runs
        /// while the program runs (<c>while (_listening)</c>), with no break, in a member with no return: what precedes it
        /// runs once per run of that loop.
        /// </summary>
        public static bool PrecedesEndlessLoop(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                if (current.IsFunctionBoundary())
                    return false;

                if (current is IBlockOperation block)
                {
                    var index = block.Operations.IndexOf(child);
                    for (var i = index + 1; i >= 1 && i < block.Operations.Length; i++)
                    {
                        if (block.Operations[i] is ILoopOperation loop && (NeverEnds(loop) || LooksLikeMainLoop(loop) && !HasBreak(loop)))
                            return !HasReturn(operation.GetRoot());
                    }
                }
            }

            return false;
        }

        /// <summary>A loop written to run while the program runs: no condition, <c>true</c>, or a flag or property of state (<c>while (_running)</c>, <c>while (!token.IsCancellationRequested)</c>).</summary>
        public static bool LooksLikeMainLoop(ILoopOperation loop)
        {
            IOperation? condition;
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    condition = whileLoop.Condition;
                    break;
                case IForLoopOperation forLoop:
                    condition = forLoop.Condition;
                    break;
                default:
                    return false;
            }

            if (condition == null || condition.ConstantValue.HasValue && condition.ConstantValue.Value is true)
                return true;
            if (condition is IUnaryOperation unary && unary.OperatorKind == UnaryOperatorKind.Not)
                condition = unary.Operand;
            return condition.WalkDownConversions() is IMemberReferenceOperation member
                && (member is IFieldReferenceOperation || member is IPropertyReferenceOperation)
                && member.Type?.SpecialType == SpecialType.System_Boolean;
        }

        private static bool NeverEnds(ILoopOperation loop)
        {
            IOperation? condition;
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    condition = whileLoop.Condition;
                    break;
                case IForLoopOperation forLoop:
                    condition = forLoop.Condition;
                    break;
                default:
                    return false;
            }

            if (condition != null && !(condition.ConstantValue.HasValue && condition.ConstantValue.Value is true))
                return false;

            return !loop.Descendants().Any(d =>
                d is IBranchOperation branch && branch.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel)
                || d is IBranchOperation jump && jump.BranchKind == BranchKind.GoTo);
        }

        private static bool HasBreak(ILoopOperation loop)
        {
            return loop.Descendants().Any(d => d is IBranchOperation branch && branch.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel));
        }

        private static bool HasReturn(IOperation root)
        {
            return root.Descendants().Any(d => d is IReturnOperation && !IsInNestedFunction(d, root));
        }

        private static bool IsInNestedFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current != null && current != root; current = current.Parent)
            {
                if (current.IsFunctionBoundary())
                    return true;
            }

            return false;
        }

        /// <summary>The field or property <c>member == null</c>, <c>member is null</c>, <c>null == member</c> or <c>!member</c> tests.</summary>
        private static ISymbol? GuardedMember(IOperation condition)
        {
            switch (condition)
            {
                case IBinaryOperation either when either.OperatorKind == BinaryOperatorKind.ConditionalOr:
                    // if (_table == null || _table.Length == 0)
                    return GuardedMember(either.LeftOperand);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals:
                    if (IsNull(binary.RightOperand))
                        return MemberOf(binary.LeftOperand);
                    return IsNull(binary.LeftOperand) ? MemberOf(binary.RightOperand) : null;
                case IIsPatternOperation pattern when pattern.Pattern is IConstantPatternOperation constant && IsNull(constant.Value):
                    return MemberOf(pattern.Value);
                case IUnaryOperation unary when unary.OperatorKind == UnaryOperatorKind.Not && unary.Operand.Type?.SpecialType == SpecialType.System_Boolean:
                    return MemberOf(unary.Operand);
                default:
                    return null;
            }
        }

        private static bool IsNull(IOperation operation)
        {
            var value = operation.WalkDownConversions();
            return value.ConstantValue.HasValue && value.ConstantValue.Value == null;
        }

        private static ISymbol? MemberOf(IOperation operation)
        {
            switch (operation.WalkDownConversions())
            {
                case IFieldReferenceOperation field:
                    return field.Field;
                case IPropertyReferenceOperation property:
                    return property.Property;
                default:
                    return null;
            }
        }

        private static bool AssignsMember(IOperation scope, ISymbol member)
        {
            return scope.DescendantsAndSelf().Any(d =>
                d is IAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(MemberOf(assignment.Target), member));
        }
    }
}
