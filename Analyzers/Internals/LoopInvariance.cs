using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Whether an expression has the same value on every iteration of a loop.</summary>
    internal static class LoopInvariance
    {
        /// <summary>
        /// True when every operand is a constant, or a local or parameter declared outside the loop and
        /// never written inside it (nor in any lambda or local function), or a readonly field, or the
        /// Length of such an array or string, combined with operators. Calls never count: they may have effects.
        /// </summary>
        public static bool IsInvariant(IOperation operation, ILoopOperation loop)
        {
            if (operation.ConstantValue.HasValue)
                return true;

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return IsDeclaredOutside(local.Local, loop) && !IsWrittenIn(local.Local, loop);
                case IParameterReferenceOperation parameter:
                    return !IsWrittenIn(parameter.Parameter, loop);
                case IFieldReferenceOperation field:
                    return (field.Field.IsReadOnly || field.Field.IsConst)
                        && (field.Instance == null || field.Instance is IInstanceReferenceOperation);
                case IPropertyReferenceOperation property:
                    return property.Instance != null
                        && (property.Property.Name == "Length" || property.Property.Name == "LongLength")
                        && (property.Instance.Type is IArrayTypeSymbol || property.Instance.Type?.SpecialType == SpecialType.System_String)
                        && IsInvariant(property.Instance, loop);
                case IConversionOperation conversion:
                    return conversion.OperatorMethod == null && IsInvariant(conversion.Operand, loop);
                case IBinaryOperation binary:
                    return binary.OperatorMethod == null && IsInvariant(binary.LeftOperand, loop) && IsInvariant(binary.RightOperand, loop);
                case IUnaryOperation unary:
                    return unary.OperatorMethod == null && IsInvariant(unary.Operand, loop);
                case ISizeOfOperation _:
                case ITypeOfOperation _:
                case IDefaultValueOperation _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the value can never be negative: a non-negative constant, an unsigned value, a Length, LongLength
        /// or Count, a local that is only ever given such a value at its declaration, or sums and products of these.
        /// A size that passes cannot make <c>new T[size]</c> throw for being negative, wherever it is evaluated.
        /// </summary>
        public static bool IsNonNegative(IOperation operation)
        {
            if (operation.ConstantValue.HasValue)
                return operation.ConstantValue.Value is object value && IsNonNegativeNumber(value);

            if (operation.Type != null)
            {
                switch (operation.Type.SpecialType)
                {
                    case SpecialType.System_Byte:
                    case SpecialType.System_UInt16:
                    case SpecialType.System_UInt32:
                    case SpecialType.System_UInt64:
                    case SpecialType.System_Char:
                        return true;
                }
            }

            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    return property.Property.Name == "Length" || property.Property.Name == "LongLength" || property.Property.Name == "Count";
                case ILocalReferenceOperation local:
                    return IsOnlyGivenNonNegativeValues(local);
                case IConversionOperation conversion:
                    return conversion.OperatorMethod == null && IsNonNegative(conversion.Operand);
                case IBinaryOperation binary:
                    return binary.OperatorMethod == null
                        && (binary.OperatorKind == BinaryOperatorKind.Add || binary.OperatorKind == BinaryOperatorKind.Multiply)
                        && IsNonNegative(binary.LeftOperand)
                        && IsNonNegative(binary.RightOperand);
                default:
                    return false;
            }
        }

        private static bool IsOnlyGivenNonNegativeValues(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.DeclaringSyntaxReferences.Length != 1 || GetWrites(reference.GetRoot(), local).Any())
                return false;

            foreach (var declarator in reference.GetRoot().Descendants().OfType<IVariableDeclaratorOperation>())
            {
                if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    return declarator.Initializer != null && IsNonNegative(declarator.Initializer.Value);
            }

            return false;
        }

        private static bool IsNonNegativeNumber(object value)
        {
            switch (value)
            {
                case int i: return i >= 0;
                case long l: return l >= 0;
                case short s: return s >= 0;
                case sbyte b: return b >= 0;
                case byte _:
                case ushort _:
                case uint _:
                case ulong _:
                case char _:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsDeclaredOutside(ILocalSymbol local, ILoopOperation loop)
        {
            var loopSpan = loop.Syntax.Span;
            return local.DeclaringSyntaxReferences.All(r => r.SyntaxTree != loop.Syntax.SyntaxTree || !loopSpan.Contains(r.Span));
        }

        private static bool IsWrittenIn(ISymbol symbol, ILoopOperation loop)
        {
            foreach (var write in GetWrites(loop.GetRoot(), symbol))
            {
                if (write.IsDescendantOf(loop) || write.GetEnclosingFunction() != loop.GetEnclosingFunction())
                    return true;
            }

            return false;
        }

        private static IEnumerable<IOperation> GetWrites(IOperation root, ISymbol symbol)
        {
            foreach (var descendant in root.Descendants())
            {
                ISymbol? referenced;
                switch (descendant)
                {
                    case ILocalReferenceOperation local:
                        referenced = local.Local;
                        break;
                    case IParameterReferenceOperation parameter:
                        referenced = parameter.Parameter;
                        break;
                    default:
                        continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(referenced, symbol))
                    continue;

                var parent = descendant.Parent;
                var isWrite = parent is IAssignmentOperation assignment && assignment.Target == descendant
                    || parent is IIncrementOrDecrementOperation
                    || parent is IArgumentOperation argument && argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In
                    || parent is ITupleOperation
                    || parent is IAddressOfOperation;
                if (isWrite)
                    yield return descendant;
            }
        }
    }
}
