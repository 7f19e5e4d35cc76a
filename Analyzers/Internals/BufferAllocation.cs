using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    internal enum BufferKind
    {
        Array,
        MemoryStream,
        StringBuilder,
        List,
        Custom,
    }

    /// <summary>An operation that creates a new buffer: an array, a MemoryStream, a StringBuilder, a List&lt;T&gt; or a configured type.</summary>
    internal sealed class BufferAllocation
    {
        /// <summary>OperationKind.CollectionExpression (C# 12), unknown to the Roslyn the analyzers compile against.</summary>
        public const OperationKind CollectionExpressionKind = (OperationKind)0x7F;

        private readonly Func<string> _describe;
        private string? _display;

        private BufferAllocation(IOperation operation, BufferKind kind, ITypeSymbol type, ImmutableArray<IOperation> sizeOperands, bool canRestoreFreshState, Func<string> describe)
        {
            Operation = operation;
            Kind = kind;
            Type = type;
            SizeOperands = sizeOperands;
            CanRestoreFreshState = canRestoreFreshState;
            _describe = describe;
        }

        public IOperation Operation { get; }

        public BufferKind Kind { get; }

        public ITypeSymbol Type { get; }

        /// <summary>Everything the new buffer's size and initial contents depend on (dimension sizes, constructor arguments, initializer elements).</summary>
        public ImmutableArray<IOperation> SizeOperands { get; }

        /// <summary>True when a statement can put a reused buffer back in the state a new one starts in (clear, SetLength(0), Clear()).</summary>
        public bool CanRestoreFreshState { get; }

        /// <summary>What the message calls the buffer: <c>byte[32]</c>, <c>MemoryStream</c>, <c>List&lt;int&gt;</c> (spelled only when asked: most allocations are never reported).</summary>
        public string Display => _display ??= _describe();

        /// <summary>True when the array has an initializer whose values a reused buffer would have to get back.</summary>
        public bool HasInitialValues { get; private set; }

        public static BufferAllocation? TryCreate(IOperation operation, WellKnownTypes types, ImmutableArray<INamedTypeSymbol> customTypes)
        {
            switch (operation)
            {
                case IArrayCreationOperation arrayCreation:
                    return IsConstantDataOfAReadOnlySpan(arrayCreation, types) ? null : FromArrayCreation(arrayCreation);
                case IObjectCreationOperation objectCreation:
                    return FromObjectCreation(objectCreation, types, customTypes);
                default:
                    if (operation.Kind == CollectionExpressionKind)
                        return FromCollectionExpression(operation, types);
                    return null;
            }
        }

        /// <summary>
        /// <c>ReadOnlySpan&lt;byte&gt; table = new byte[] { 1, 2, 3 };</c>, or such a literal passed as a
        /// <c>ReadOnlySpan&lt;T&gt;</c>: the compiler points the span at constant data in the assembly, and nothing is
        /// allocated. Every element is a constant of one byte (<c>byte</c>, <c>sbyte</c>, <c>bool</c>), or of another
        /// primitive type where the target has <c>RuntimeHelpers.CreateSpan</c>. A <c>Span&lt;T&gt;</c> (writable) and
        /// nanoFramework's <c>SpanByte</c> get a new array.
        /// </summary>
        private static bool IsConstantDataOfAReadOnlySpan(IArrayCreationOperation creation, WellKnownTypes types)
        {
            if (creation.Initializer == null || creation.DimensionSizes.Length != 1 || !(creation.Type is IArrayTypeSymbol arrayType))
                return false;

            ITypeSymbol? target;
            switch (creation.Parent)
            {
                case IConversionOperation conversion when conversion.OperatorMethod != null:
                    target = conversion.Type;
                    break;
                case IArgumentOperation argument when argument.Parent is IObjectCreationOperation span && span.Arguments.Length == 1:
                    target = span.Type;
                    break;
                default:
                    return false;
            }

            if (target == null || target.Name != "ReadOnlySpan" || !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, types.Get(WellKnownTypes.Names.ReadOnlySpan)))
                return false;

            switch (arrayType.ElementType.SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Boolean:
                    break;
                case SpecialType.System_Char:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    if (!types.HasCreateSpan)
                        return false;
                    break;
                default:
                    return false;
            }

            foreach (var element in creation.Initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                    return false;
            }

            return true;
        }

        private static BufferAllocation? FromArrayCreation(IArrayCreationOperation creation)
        {
            if (!(creation.Type is IArrayTypeSymbol arrayType))
                return null;

            foreach (var size in creation.DimensionSizes)
            {
                if (size.ConstantValue.HasValue && IsZero(size.ConstantValue.Value))
                    return null;
            }

            var initializerValues = creation.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty;
            if (creation.Initializer != null && initializerValues.IsEmpty && creation.DimensionSizes.All(d => !d.ConstantValue.HasValue))
                return null;

            var operands = creation.DimensionSizes.AddRange(initializerValues);
            var allocation = new BufferAllocation(creation, BufferKind.Array, arrayType, operands, canRestoreFreshState: true, () => DescribeArray(creation, arrayType));
            allocation.HasInitialValues = creation.Initializer != null;
            return allocation;
        }

        private static BufferAllocation? FromCollectionExpression(IOperation operation, WellKnownTypes types)
        {
            var elements = operation.Children.ToImmutableArray();
            if (elements.IsEmpty)
                return null;

            if (operation.Type is IArrayTypeSymbol arrayType)
            {
                var hasSpread = elements.Any(e => (int)e.Kind == 0x80);
                var display = Describe(arrayType.ElementType) + "[" + (hasSpread ? string.Empty : elements.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "]";
                var allocation = new BufferAllocation(operation, BufferKind.Array, arrayType, elements, canRestoreFreshState: !hasSpread, () => display);
                allocation.HasInitialValues = true;
                return allocation;
            }

            if (operation.Type is INamedTypeSymbol named
                && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.Get(WellKnownTypes.Names.ListOfT)))
            {
                return new BufferAllocation(operation, BufferKind.List, named, elements, canRestoreFreshState: false, () => Describe(named));
            }

            return null;
        }

        private static BufferAllocation? FromObjectCreation(IObjectCreationOperation creation, WellKnownTypes types, ImmutableArray<INamedTypeSymbol> customTypes)
        {
            if (!(creation.Type is INamedTypeSymbol type) || creation.Constructor == null)
                return null;

            // The type first: most objects made are not buffers, and their arguments need not be read.
            var kind = KindOf(type.OriginalDefinition, types, customTypes);
            if (kind == null)
                return null;

            var parameters = creation.Constructor.Parameters;
            var hasInitializer = creation.Initializer != null && creation.Initializer.Initializers.Length > 0;
            var operands = creation.Arguments.Select(a => a.Value).ToImmutableArray();
            var onlyCapacities = parameters.All(p => p.Type.SpecialType == SpecialType.System_Int32);
            switch (kind.Value)
            {
                case BufferKind.MemoryStream:
                    // new MemoryStream(byte[]) wraps the caller's array: no new buffer.
                    if (!onlyCapacities)
                        return null;
                    return new BufferAllocation(creation, BufferKind.MemoryStream, type, operands, canRestoreFreshState: !hasInitializer, () => Describe(type));
                case BufferKind.Custom:
                    return new BufferAllocation(creation, BufferKind.Custom, type, operands, canRestoreFreshState: false, () => Describe(type));
                default:
                    return new BufferAllocation(creation, kind.Value, type, operands, canRestoreFreshState: onlyCapacities && !hasInitializer, () => Describe(type));
            }
        }

        /// <summary>The kind of buffer an object of <paramref name="definition"/> is, or null for any other object.</summary>
        private static BufferKind? KindOf(INamedTypeSymbol definition, WellKnownTypes types, ImmutableArray<INamedTypeSymbol> customTypes)
        {
            // The simple name first, which most types fail: no lookup of a well-known type for them.
            switch (definition.Name)
            {
                case "MemoryStream" when SymbolEqualityComparer.Default.Equals(definition, types.Get(WellKnownTypes.Names.MemoryStream)):
                    return BufferKind.MemoryStream;
                case "StringBuilder" when SymbolEqualityComparer.Default.Equals(definition, types.Get(WellKnownTypes.Names.StringBuilder)):
                    return BufferKind.StringBuilder;
                case "List" when SymbolEqualityComparer.Default.Equals(definition, types.Get(WellKnownTypes.Names.ListOfT)):
                    return BufferKind.List;
            }

            foreach (var custom in customTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, custom.OriginalDefinition))
                    return BufferKind.Custom;
            }

            return null;
        }

        private static bool IsZero(object? value)
        {
            switch (value)
            {
                case int i: return i == 0;
                case long l: return l == 0;
                case uint ui: return ui == 0;
                case ulong ul: return ul == 0;
                case short s: return s == 0;
                case ushort us: return us == 0;
                case byte b: return b == 0;
                case sbyte sb: return sb == 0;
                default: return false;
            }
        }

        private static string DescribeArray(IArrayCreationOperation creation, IArrayTypeSymbol arrayType)
        {
            // Explicit sizes read best as written: byte[32], byte[size], int[4, 4], byte[8][].
            if (creation.Syntax is ArrayCreationExpressionSyntax syntax
                && syntax.Type.RankSpecifiers.Count > 0
                && !(syntax.Type.RankSpecifiers[0].Sizes.FirstOrDefault() is OmittedArraySizeExpressionSyntax))
            {
                var text = string.Join(" ", syntax.Type.ToString().Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
                return text.Length <= 40 ? text : Describe(arrayType);
            }

            var count = creation.Initializer?.ElementValues.Length ?? 0;
            var element = arrayType.ElementType;
            var suffix = string.Empty;
            while (element is IArrayTypeSymbol nested)
            {
                suffix += "[]";
                element = nested.ElementType;
            }

            return Describe(element) + "[" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" + suffix;
        }

        private static string Describe(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }
}
