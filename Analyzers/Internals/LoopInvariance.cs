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
