using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Whether an array literal whose elements change between iterations (<c>new byte[] { reg, values[i] }</c>) can be
    /// made once before the loop at its length (<c>new byte[2]</c>) and filled where it was (<c>cmd[0] = reg;
    /// cmd[1] = values[i];</c>). Every element is written each iteration, so no reset is needed.
    /// </summary>
    internal static class BufferAllocationInLoopFill
    {
        /// <summary>Why the literal cannot be filled in place, or null when it can. The flow has already been judged reusable.</summary>
        /// <param name="inline">The literal is used directly (an argument), not the initializer of a local of its own.</param>
        /// <param name="between">What the values change between, for the message: "iterations" (a loop), "calls" (a method).</param>
        /// <param name="aliasesDieWithTheRun">
        /// True where every variable or view of the buffer dies when the run ends (a method's locals, for a buffer kept in
        /// a field): the flow has judged that none is kept, so none sees the next run's values.
        /// </param>
        public static string? WhyNot(IOperation operation, BufferFlow flow, bool inline, string between = "iterations", bool aliasesDieWithTheRun = false)
        {
            var changes = "its initial values change between " + between;
            if (!(operation is IArrayCreationOperation creation)
                || creation.Initializer == null
                || creation.DimensionSizes.Length != 1
                || !(creation.Type is IArrayTypeSymbol type)
                || type.Rank != 1
                || type.ElementType is IArrayTypeSymbol
                || creation.Initializer.ElementValues.IsEmpty
                || creation.Initializer.ElementValues.Any(e => e is IArrayInitializerOperation))
            {
                return changes;
            }

            // Another variable or view would see the elements change in place, where it saw a new array before.
            if (flow.HasAlias && !aliasesDieWithTheRun)
                return changes + ", and it is also reached through another variable or view";

            if (!inline)
                return null;

            // Filled before the statement, the elements are evaluated before the rest of it: only values that nothing
            // earlier in the statement can change, read where nothing earlier in it has an effect or can throw.
            if (!creation.Initializer.ElementValues.All(IsSteadyElement))
                return changes + ", and its elements are not plain values that could be read before the rest of the statement";
            if (!OnlyPlainReadsBefore(creation))
                return changes + ", and the statement does something before it that filling it earlier would reorder";
            return null;
        }

        /// <summary>A constant, a local, a parameter, or an element read of those (<c>values[i]</c>), through plain conversions.</summary>
        private static bool IsSteadyElement(IOperation element)
        {
            var value = SkipPlainConversions(element);
            if (value is IArrayElementReferenceOperation read)
                return IsPlainRead(read.ArrayReference) && read.Indices.All(IsPlainRead);
            return IsPlainRead(value);
        }

        /// <summary>Reads that have no effect and cannot throw: constants, locals, by-value parameters, <c>this</c> and its fields.</summary>
        private static bool IsPlainRead(IOperation operation)
        {
            var value = SkipPlainConversions(operation);
            if (value.ConstantValue.HasValue)
                return true;
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return !local.Local.IsRef;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.RefKind == RefKind.None;
                case IInstanceReferenceOperation _:
                    return true;
                case IFieldReferenceOperation field:
                    return field.Instance is IInstanceReferenceOperation && !field.Field.IsStatic;
                default:
                    return false;
            }
        }

        /// <summary>Steps down through conversions that cannot throw or run code: implicit ones, and unchecked integral casts.</summary>
        private static IOperation SkipPlainConversions(IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation conversion && conversion.OperatorMethod == null
                && (conversion.Conversion.IsImplicit && !conversion.Conversion.IsUserDefined
                    || conversion.Conversion.IsNumeric && !conversion.IsChecked && IsIntegral(conversion.Type) && IsIntegral(conversion.Operand.Type)))
            {
                current = conversion.Operand;
            }

            return current;
        }

        private static bool IsIntegral(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Char:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The literal is evaluated whenever its statement runs, and everything its statement evaluates before it is a
        /// plain read: arguments, calls, constructions, declarations and assignments lead to it, nothing conditional.
        /// </summary>
        private static bool OnlyPlainReadsBefore(IOperation creation)
        {
            var statement = creation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (statement == null)
                return false;

            var child = creation.WalkUpConversions();
            for (var parent = child.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (!LeadsToItsValue(parent, child))
                    return false;

                foreach (var sibling in parent.Children)
                {
                    if (sibling != child && sibling.Syntax.SpanStart <= child.Syntax.SpanStart && !sibling.DescendantsAndSelf().All(IsPlainPart))
                        return false;
                }

                if (parent.Syntax == statement)
                    return true;
            }

            return false;
        }

        /// <summary>Parents that always evaluate <paramref name="child"/> when they run.</summary>
        private static bool LeadsToItsValue(IOperation parent, IOperation child)
        {
            switch (parent)
            {
                case IArgumentOperation _:
                case IInvocationOperation _:
                case IObjectCreationOperation _:
                case IExpressionStatementOperation _:
                case IVariableInitializerOperation _:
                case IVariableDeclaratorOperation _:
                case IVariableDeclarationOperation _:
                case IVariableDeclarationGroupOperation _:
                case IReturnOperation _:
                case IAwaitOperation _:
                    return true;
                case IConversionOperation conversion:
                    return conversion.OperatorMethod == null;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Value == child;
                default:
                    return false;
            }
        }

        private static bool IsPlainPart(IOperation operation)
        {
            if (operation is IConversionOperation conversion)
                return SkipPlainConversions(conversion) != conversion;
            return operation is IArgumentOperation || IsPlainRead(operation);
        }
    }
}
