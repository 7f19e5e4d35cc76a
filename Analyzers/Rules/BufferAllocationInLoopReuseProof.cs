using System;
using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Proves, for the "reuse the contents" fix, that every element of a new array is written before
    /// anything reads the array in the same iteration: constant-index stores that cover every element,
    /// a counting <c>for</c> loop that stores every element, or <c>Array.Fill</c>, right after the declaration.
    /// </summary>
    internal static class BufferAllocationInLoopReuseProof
    {
        private const int MaxTrackedLength = 4096;

        public static bool EveryReadFollowsAWrite(IOperation allocation, ILocalSymbol local)
        {
            if (!(allocation is IArrayCreationOperation creation) || creation.DimensionSizes.Length != 1)
                return false;

            var lengthValue = creation.DimensionSizes[0].ConstantValue;
            if (!lengthValue.HasValue || !(lengthValue.Value is int length) || length <= 0 || length > MaxTrackedLength)
                return false;

            var declarationStatement = FindStatement(allocation);
            if (declarationStatement == null || !(declarationStatement.Parent is IBlockOperation block))
                return false;

            var written = new bool[length];
            var remaining = length;
            for (var i = block.Operations.IndexOf(declarationStatement) + 1; i < block.Operations.Length; i++)
            {
                var statement = block.Operations[i];
                if (!References(statement, local))
                {
                    if (statement.Descendants().Any(d => d is IInvocationOperation call && call.TargetMethod.MethodKind == MethodKind.LocalFunction))
                        return false;
                    continue;
                }

                if (TryGetConstantIndexStore(statement, local, out var index))
                {
                    if (index < 0 || index >= length)
                        return false;
                    if (!written[index])
                    {
                        written[index] = true;
                        remaining--;
                    }

                    if (remaining == 0)
                        return true;
                    continue;
                }

                return IsFullFill(statement, local, length);
            }

            return false;
        }

        private static IOperation? FindStatement(IOperation operation)
        {
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current.Parent is IBlockOperation)
                    return current;
            }

            return null;
        }

        private static bool References(IOperation operation, ILocalSymbol local)
        {
            return operation.DescendantsAndSelf().Any(d => d is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local));
        }

        private static bool IsElementOf(IOperation operation, ILocalSymbol local, out IOperation? index)
        {
            index = null;
            if (operation is IArrayElementReferenceOperation element
                && element.ArrayReference is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && element.Indices.Length == 1)
            {
                index = element.Indices[0];
                return true;
            }

            return false;
        }

        /// <summary><c>local[c] = value;</c> where the value does not read the array.</summary>
        private static bool TryGetConstantIndexStore(IOperation statement, ILocalSymbol local, out int index)
        {
            index = -1;
            if (!(statement is IExpressionStatementOperation expression)
                || !(expression.Operation is ISimpleAssignmentOperation assignment)
                || !IsElementOf(assignment.Target, local, out var indexOperation)
                || References(assignment.Value, local))
            {
                return false;
            }

            var constant = indexOperation!.ConstantValue;
            if (!constant.HasValue || !(constant.Value is int value))
                return false;

            index = value;
            return true;
        }

        /// <summary><c>Array.Fill(local, v)</c> or <c>for (int i = 0; i &lt; length; i++) local[i] = value;</c>.</summary>
        private static bool IsFullFill(IOperation statement, ILocalSymbol local, int length)
        {
            if (statement is IExpressionStatementOperation expression
                && expression.Operation is IInvocationOperation invocation
                && invocation.TargetMethod.Name == "Fill"
                && invocation.TargetMethod.ContainingType?.Name == "Array"
                && invocation.TargetMethod.Parameters.Length == 2
                && invocation.Arguments.Length == 2)
            {
                var target = invocation.Arguments.First(a => a.Parameter?.Ordinal == 0).Value.WalkDownConversions();
                var value = invocation.Arguments.First(a => a.Parameter?.Ordinal == 1).Value;
                return target is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !References(value, local);
            }

            if (!(statement is IForLoopOperation loop)
                || loop.Before.Length != 1
                || loop.AtLoopBottom.Length != 1
                || !(loop.Condition is IBinaryOperation condition)
                || condition.OperatorKind != BinaryOperatorKind.LessThan)
            {
                return false;
            }

            // for (int i = 0; ...
            var counter = GetCounter(loop.Before[0]);
            if (counter == null)
                return false;

            // ...; i < length or i < local.Length; ...
            if (!IsCounter(condition.LeftOperand, counter) || !IsLength(condition.RightOperand, local, length))
                return false;

            // ...; i++)
            if (!(loop.AtLoopBottom[0] is IExpressionStatementOperation bottom)
                || !(bottom.Operation is IIncrementOrDecrementOperation increment)
                || increment.Kind != OperationKind.Increment
                || !IsCounter(increment.Target, counter))
            {
                return false;
            }

            // local[i] = value; as the whole body.
            var body = loop.Body;
            if (body is IBlockOperation bodyBlock)
            {
                if (bodyBlock.Operations.Length != 1)
                    return false;
                body = bodyBlock.Operations[0];
            }

            return body is IExpressionStatementOperation store
                && store.Operation is ISimpleAssignmentOperation assignment
                && IsElementOf(assignment.Target, local, out var index)
                && IsCounter(index!, counter)
                && !References(assignment.Value, local)
                && !loop.Body.Descendants().Any(d => d is IBranchOperation);
        }

        private static ILocalSymbol? GetCounter(IOperation before)
        {
            var declarators = before is IVariableDeclarationGroupOperation group
                ? group.Declarations.SelectMany(d => d.Declarators).ToArray()
                : Array.Empty<IVariableDeclaratorOperation>();
            if (declarators.Length != 1)
                return null;

            var initializer = declarators[0].Initializer?.Value;
            return initializer != null && initializer.ConstantValue.HasValue && Equals(initializer.ConstantValue.Value, 0)
                ? declarators[0].Symbol
                : null;
        }

        private static bool IsCounter(IOperation operation, ILocalSymbol counter)
        {
            return operation.WalkDownConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, counter);
        }

        private static bool IsLength(IOperation operation, ILocalSymbol local, int length)
        {
            var value = operation.WalkDownConversions();
            if (value.ConstantValue.HasValue && Equals(value.ConstantValue.Value, length))
                return true;

            return value is IPropertyReferenceOperation property
                && property.Property.Name == "Length"
                && property.Instance is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }
    }
}
