using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Whether a source method with the shape <c>M(T[] buffer, int offset, int count)</c> only reads
    /// <c>buffer[offset .. offset + count)</c>: every use of <c>buffer</c> is an element read indexed by the variable of
    /// <c>for (int i = offset; i &lt; offset + count; i++)</c> (or <c>buffer[offset + i]</c> in
    /// <c>for (int i = 0; i &lt; count; i++)</c>), or hands on <c>(buffer, offset, count)</c> unchanged to a catalogued
    /// API that only reads (<c>Stream.Write</c>) or to another such method. <c>offset</c> and <c>count</c> are never
    /// written and the buffer's length is never read, so a longer buffer with the same first bytes gives the same
    /// result. <see cref="CalleeSummaries"/> caches the answer; this class only reads one body.
    /// </summary>
    internal static class RangeReads
    {
        /// <summary>
        /// The answer for <paramref name="body"/>, the operation of the method declaring <paramref name="buffer"/>;
        /// <paramref name="forwardsTo"/> answers for the source methods it hands the range on to.
        /// </summary>
        public static bool ReadsOnlyRange(
            IOperation body,
            IParameterSymbol buffer,
            IParameterSymbol offset,
            IParameterSymbol count,
            System.Func<IMethodSymbol, IParameterSymbol, bool> forwardsTo,
            CancellationToken cancellationToken)
        {
            foreach (var reference in body.Descendants().OfType<IParameterReferenceOperation>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parameter = reference.Parameter.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(parameter, offset) || SymbolEqualityComparer.Default.Equals(parameter, count))
                {
                    if (IsWrite(reference))
                        return false;
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(parameter, buffer))
                    continue;
                if (reference.GetEnclosingFunction() != body.GetEnclosingFunction() && reference.GetEnclosingFunction() != body)
                    return false;
                if (!IsElementReadInRange(reference, offset, count) && !IsRangeHandedOn(reference, offset, count, forwardsTo))
                    return false;
            }

            return true;
        }

        /// <summary><c>buffer[i]</c>, read, where the for loop around it keeps <c>i</c> in the range.</summary>
        private static bool IsElementReadInRange(IParameterReferenceOperation reference, IParameterSymbol offset, IParameterSymbol count)
        {
            if (!(reference.Parent is IArrayElementReferenceOperation element) || element.ArrayReference != reference || element.Indices.Length != 1)
                return false;
            if (IsWrite(element) || element.Parent is IAddressOfOperation
                || element.Parent is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator && declarator.Symbol.IsRef
                || element.Type != null && element.Type.IsValueType && (element.Parent is IInvocationOperation || element.Parent is IFieldReferenceOperation || element.Parent is IPropertyReferenceOperation))
            {
                return false;
            }

            var index = element.Indices[0].WalkDownConversions();
            if (index is ILocalReferenceOperation local)
                return IsCountingLoopVariable(element, local.Local, start: offset, IsOffsetPlusCount(offset, count));

            // buffer[offset + i] with 0 <= i < count.
            if (index is IBinaryOperation sum && sum.OperatorKind == BinaryOperatorKind.Add && sum.OperatorMethod == null && !sum.IsChecked)
            {
                var left = sum.LeftOperand.WalkDownConversions();
                var right = sum.RightOperand.WalkDownConversions();
                var variable = IsParameter(left, offset) ? right as ILocalReferenceOperation : IsParameter(right, offset) ? left as ILocalReferenceOperation : null;
                return variable != null && IsCountingLoopVariable(element, variable.Local, start: null, bound => IsParameter(bound, count));
            }

            return false;
        }

        /// <summary>
        /// <paramref name="variable"/> is declared by a for loop around <paramref name="use"/> that starts it at
        /// <paramref name="start"/> (null: a constant at or above 0), runs while <c>variable &lt; bound</c>, and only
        /// raises it by a positive constant in its increment.
        /// </summary>
        private static bool IsCountingLoopVariable(IOperation use, ILocalSymbol variable, IParameterSymbol? start, System.Func<IOperation, bool> isBound)
        {
            for (var current = use.Parent; current != null && !current.IsFunctionBoundary(); current = current.Parent)
            {
                if (!(current is IForLoopOperation loop) || !loop.Locals.Contains(variable, SymbolEqualityComparer.Default))
                    continue;

                if (!(loop.Condition is IBinaryOperation condition)
                    || condition.OperatorKind != BinaryOperatorKind.LessThan
                    || !(condition.LeftOperand.WalkDownConversions() is ILocalReferenceOperation left)
                    || !SymbolEqualityComparer.Default.Equals(left.Local, variable)
                    || !isBound(condition.RightOperand.WalkDownConversions()))
                {
                    return false;
                }

                var declarator = loop.Before.SelectMany(b => b.DescendantsAndSelf()).OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, variable));
                var initial = declarator?.Initializer?.Value.WalkDownConversions();
                if (initial == null)
                    return false;
                if (start != null ? !IsParameter(initial, start) : !(initial.ConstantValue.HasValue && initial.ConstantValue.Value is int first && first >= 0))
                    return false;

                foreach (var write in loop.Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(write.Local, variable) || !IsWrite(write))
                        continue;
                    var up = write.Parent is IIncrementOrDecrementOperation step && step.Kind == OperationKind.Increment
                        || write.Parent is ICompoundAssignmentOperation compound && compound.OperatorKind == BinaryOperatorKind.Add
                            && compound.Value.ConstantValue.HasValue && compound.Value.ConstantValue.Value is int amount && amount > 0;
                    if (!up || !loop.AtLoopBottom.Any(bottom => write.IsDescendantOf(bottom)))
                        return false;
                }

                return true;
            }

            return false;
        }

        private static System.Func<IOperation, bool> IsOffsetPlusCount(IParameterSymbol offset, IParameterSymbol count)
        {
            return bound => bound is IBinaryOperation sum
                && sum.OperatorKind == BinaryOperatorKind.Add
                && sum.OperatorMethod == null
                && (IsParameter(sum.LeftOperand, offset) && IsParameter(sum.RightOperand, count)
                    || IsParameter(sum.LeftOperand, count) && IsParameter(sum.RightOperand, offset));
        }

        /// <summary><c>Write(buffer, offset, count)</c> to a catalogued API that only reads, or to a source method that reads only its range.</summary>
        private static bool IsRangeHandedOn(IParameterReferenceOperation reference, IParameterSymbol offset, IParameterSymbol count, System.Func<IMethodSymbol, IParameterSymbol, bool> forwardsTo)
        {
            if (!(reference.Parent is IArgumentOperation argument) || !(argument.Parent is IInvocationOperation call) || argument.Parameter == null)
                return false;

            var method = call.TargetMethod;
            var ordinal = argument.Parameter.Ordinal;
            if (argument.Parameter.RefKind != RefKind.None || method.MethodKind == MethodKind.DelegateInvoke || ordinal + 2 >= method.Parameters.Length)
                return false;
            if (method.ReturnType.Name == "Task" || method.ReturnType.Name == "ValueTask")
                return false;

            var next = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal + 1);
            var last = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal + 2);
            if (next == null || last == null || !IsParameter(next.Value, offset) || !IsParameter(last.Value, count)
                || method.Parameters[ordinal + 1].Type.SpecialType != SpecialType.System_Int32
                || method.Parameters[ordinal + 2].Type.SpecialType != SpecialType.System_Int32)
            {
                return false;
            }

            if (CalleeCatalog.Classify(method, argument.Parameter) == CalleeEffect.BorrowRead)
                return true;
            return forwardsTo(method, argument.Parameter);
        }

        private static bool IsParameter(IOperation operation, IParameterSymbol parameter)
        {
            return operation.WalkDownConversions() is IParameterReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter);
        }

        /// <summary>Assigned, incremented, passed by ref or out, or a deconstruction's target.</summary>
        private static bool IsWrite(IOperation reference)
        {
            switch (reference.Parent)
            {
                case IAssignmentOperation assignment:
                    return assignment.Target == reference;
                case IIncrementOrDecrementOperation _:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter == null || argument.Parameter.RefKind != RefKind.None;
                case ITupleOperation _:
                    return true;
                default:
                    return false;
            }
        }
    }
}
