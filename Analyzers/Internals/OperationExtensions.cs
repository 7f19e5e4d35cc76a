using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    internal static class OperationExtensions
    {
        /// <summary>
        /// Climbs through conversions that keep the same object (implicit or reference conversions,
        /// boxing is not possible for buffers) and returns the outermost such operation.
        /// </summary>
        public static IOperation WalkUpConversions(this IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation conversion
                && conversion.OperatorMethod == null
                && (conversion.Conversion.IsIdentity || conversion.Conversion.IsReference || conversion.Conversion.IsImplicit))
            {
                current = conversion;
            }

            return current;
        }

        /// <summary>Steps down through conversions to the converted value.</summary>
        public static IOperation WalkDownConversions(this IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation conversion)
                current = conversion.Operand;
            return current;
        }

        /// <summary>True for operations that start a new function body: lambdas and local functions.</summary>
        public static bool IsFunctionBoundary(this IOperation operation)
        {
            return operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation;
        }

        /// <summary>The nearest enclosing lambda or local function, or null when the operation is in the member's own body.</summary>
        public static IOperation? GetEnclosingFunction(this IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current.IsFunctionBoundary())
                    return current;
            }

            return null;
        }

        /// <summary>The root of the operation tree that contains this operation.</summary>
        public static IOperation GetRoot(this IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
                current = current.Parent;
            return current;
        }

        public static bool IsDescendantOf(this IOperation operation, IOperation ancestor)
        {
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current == ancestor)
                    return true;
            }

            return false;
        }

        /// <summary>The statement-level operation that contains this operation (its ancestor whose parent is a block), or null.</summary>
        public static IOperation? GetContainingStatement(this IOperation operation)
        {
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current.Parent is IBlockOperation || current.Parent is ILoopOperation loop && loop.Body == current)
                    return current;
                if (current.IsFunctionBoundary())
                    return null;
            }

            return null;
        }
    }
}
