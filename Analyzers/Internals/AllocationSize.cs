using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// How many bytes a buffer allocation asks the heap for, counted as payload (elements, capacity) without the
    /// runtime's object header, which differs between runtimes. Null when the size is not known at compile time.
    /// </summary>
    internal static class AllocationSize
    {
        /// <summary>Default capacity of <c>new StringBuilder()</c> in chars.</summary>
        private const int StringBuilderDefaultCapacity = 16;

        private const int MaxStructDepth = 8;

        /// <summary>The payload size of <paramref name="allocation"/> in bytes, or null when it is not a compile-time constant.</summary>
        public static long? Of(BufferAllocation allocation, int referenceSize)
        {
            switch (allocation.Kind)
            {
                case BufferKind.Array:
                    return OfArray(allocation, referenceSize);
                case BufferKind.MemoryStream:
                    return OfCapacity(allocation, defaultCapacity: 0, elementSize: 1);
                case BufferKind.StringBuilder:
                    return OfStringBuilder(allocation);
                case BufferKind.List:
                    return OfList(allocation, referenceSize);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The bytes one run of an allocation asks for, as FRAG003 counts them: the payload of an array or known
        /// buffer; for a configured buffer type or another object created in source, what its construction allocates
        /// (<see cref="ConstructionAllocations"/>). Null when unknown; 0 for an object that is no buffer and allocates
        /// none. Used by the tool's report.
        /// </summary>
        public static long? OfCreation(BufferAllocation? allocation, IOperation operation, ConstructionAllocations construction, int referenceSize, System.Threading.CancellationToken cancellationToken)
        {
            if (allocation != null && allocation.Kind != BufferKind.Custom)
                return Of(allocation, referenceSize);
            if (operation is IObjectCreationOperation creation && creation.Constructor != null)
            {
                var bytes = construction.Of(creation.Constructor, referenceSize, cancellationToken);
                if (bytes > 0)
                    return bytes;
            }

            return allocation != null ? (long?)null : 0;
        }

        /// <summary>
        /// The size of one value of <paramref name="type"/> as an array element or field: primitives by their size,
        /// enums by their underlying type, references (and pointers) at <paramref name="referenceSize"/>, structs
        /// declared in source by the sum of their fields laid out with natural alignment. Null when unknown.
        /// </summary>
        public static long? OfElement(ITypeSymbol type, int referenceSize)
        {
            var layout = Layout(type, referenceSize, depth: 0);
            return layout?.Size;
        }

        private static long? OfArray(BufferAllocation allocation, int referenceSize)
        {
            if (!(allocation.Type is IArrayTypeSymbol arrayType))
                return null;

            var element = OfElement(arrayType.ElementType, referenceSize);
            if (element == null)
                return null;

            long count = 1;
            if (allocation.Operation is IArrayCreationOperation creation)
            {
                // new T[] { … } and new[] { … } get implicit constant dimension sizes from the initializer.
                foreach (var dimension in creation.DimensionSizes)
                {
                    var length = ToInt64(dimension.ConstantValue);
                    if (length == null || length < 0)
                        return null;
                    count = Multiply(count, length.Value);
                }
            }
            else
            {
                // A collection expression: its elements, unless a spread makes the count unknown.
                var elements = allocation.Operation.Children.ToList();
                if (elements.Any(e => (int)e.Kind == 0x80))
                    return null;
                count = elements.Count;
            }

            return Multiply(count, element.Value);
        }

        private static long? OfStringBuilder(BufferAllocation allocation)
        {
            if (!(allocation.Operation is IObjectCreationOperation creation))
                return null;

            long? chars;
            var arguments = creation.Arguments;
            if (arguments.Length == 0)
            {
                chars = StringBuilderDefaultCapacity;
            }
            else if (arguments.Length == 1 && arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                // new StringBuilder("text"): capacity is the larger of the default and the text's length.
                var value = arguments[0].Value.ConstantValue;
                if (!value.HasValue)
                    return null;
                var length = value.Value is string text ? text.Length : 0;
                chars = System.Math.Max(StringBuilderDefaultCapacity, length);
            }
            else
            {
                chars = CapacityArgument(creation);
            }

            return chars == null ? null : Multiply(chars.Value, 2);
        }

        private static long? OfList(BufferAllocation allocation, int referenceSize)
        {
            if (!(allocation.Type is INamedTypeSymbol list) || list.TypeArguments.Length != 1)
                return null;
            var element = OfElement(list.TypeArguments[0], referenceSize);
            if (element == null)
                return null;

            if (!(allocation.Operation is IObjectCreationOperation creation))
            {
                var elements = allocation.Operation.Children.ToList();
                if (elements.Any(e => (int)e.Kind == 0x80))
                    return null;
                return Multiply(elements.Count, element.Value);
            }

            var capacity = OfCapacity(allocation, defaultCapacity: 0, elementSize: 1);
            return capacity == null ? null : Multiply(capacity.Value, element.Value);
        }

        private static long? OfCapacity(BufferAllocation allocation, long defaultCapacity, long elementSize)
        {
            if (!(allocation.Operation is IObjectCreationOperation creation))
                return null;
            if (creation.Arguments.Length == 0)
                return defaultCapacity * elementSize;
            var capacity = CapacityArgument(creation);
            return capacity == null ? null : Multiply(capacity.Value, elementSize);
        }

        /// <summary>The constant value of the constructor argument named <c>capacity</c>, or null.</summary>
        private static long? CapacityArgument(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "capacity")
                {
                    var value = ToInt64(argument.Value.ConstantValue);
                    return value == null || value < 0 ? null : value;
                }
            }

            return null;
        }

        private sealed class TypeLayout
        {
            public TypeLayout(long size, long alignment)
            {
                Size = size;
                Alignment = alignment;
            }

            public long Size { get; }

            public long Alignment { get; }
        }

        private static TypeLayout? Layout(ITypeSymbol type, int referenceSize, int depth)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                    return new TypeLayout(1, 1);
                case SpecialType.System_Char:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                    return new TypeLayout(2, 2);
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Single:
                    return new TypeLayout(4, 4);
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                    // 8-byte values: aligned to 8 here; some 32-bit ABIs align them to 4 (documented approximation).
                    return new TypeLayout(8, 8);
                case SpecialType.System_Decimal:
                    return new TypeLayout(16, 8);
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return new TypeLayout(referenceSize, referenceSize);
                case SpecialType.System_DateTime:
                    return new TypeLayout(8, 8);
            }

            switch (type.TypeKind)
            {
                case TypeKind.Class:
                case TypeKind.Interface:
                case TypeKind.Array:
                case TypeKind.Delegate:
                case TypeKind.Pointer:
                case TypeKind.Dynamic:
                    return new TypeLayout(referenceSize, referenceSize);
                case TypeKind.Enum:
                    var underlying = (type as INamedTypeSymbol)?.EnumUnderlyingType;
                    return underlying == null ? null : Layout(underlying, referenceSize, depth + 1);
                case TypeKind.TypeParameter:
                    var parameter = (ITypeParameterSymbol)type;
                    return parameter.HasReferenceTypeConstraint ? new TypeLayout(referenceSize, referenceSize) : null;
                case TypeKind.Struct:
                    return depth > MaxStructDepth ? null : StructLayout((INamedTypeSymbol)type, referenceSize, depth + 1);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Sequential layout: each instance field at the next multiple of its alignment, the total rounded up to the
        /// largest alignment (an empty struct takes one byte). Only source structs: the private fields of metadata
        /// structs are not visible. <c>Nullable&lt;T&gt;</c> is a bool followed by a T.
        /// </summary>
        private static TypeLayout? StructLayout(INamedTypeSymbol type, int referenceSize, int depth)
        {
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type.TypeArguments.Length == 1)
            {
                var value = Layout(type.TypeArguments[0], referenceSize, depth);
                return value == null ? null : Sequential(new[] { new TypeLayout(1, 1), value });
            }

            if (!type.Locations.Any(l => l.IsInSource) || HasExplicitLayout(type))
                return null;

            var fields = new List<TypeLayout>();
            foreach (var member in type.GetMembers())
            {
                ITypeSymbol? fieldType;
                switch (member)
                {
                    case IFieldSymbol field when !field.IsStatic && !field.IsConst:
                        if (field.IsFixedSizeBuffer)
                            return null;
                        if (field.AssociatedSymbol != null)
                            continue; // an auto-property's backing field, counted with the property
                        fieldType = field.Type;
                        break;
                    case IPropertySymbol property when !property.IsStatic && IsAutoProperty(property):
                        fieldType = property.Type;
                        break;
                    default:
                        continue;
                }

                var layout = Layout(fieldType, referenceSize, depth);
                if (layout == null)
                    return null;
                fields.Add(layout);
            }

            return Sequential(fields);
        }

        private static TypeLayout Sequential(IReadOnlyList<TypeLayout> fields)
        {
            long offset = 0;
            long alignment = 1;
            foreach (var field in fields)
            {
                offset = Align(offset, field.Alignment) + field.Size;
                alignment = System.Math.Max(alignment, field.Alignment);
            }

            return new TypeLayout(System.Math.Max(1, Align(offset, alignment)), alignment);
        }

        private static long Align(long offset, long alignment) => alignment <= 1 ? offset : (offset + alignment - 1) / alignment * alignment;

        private static bool HasExplicitLayout(INamedTypeSymbol type)
        {
            // [StructLayout(LayoutKind.Explicit)], Pack or Size: the sequential approximation would be wrong.
            return type.GetAttributes().Any(a => a.AttributeClass?.Name == "StructLayoutAttribute"
                && (a.ConstructorArguments.Any(c => c.Value is int kind && kind == 2) || a.NamedArguments.Length > 0));
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            if (property.IsAbstract || property.IsExtern || property.IsIndexer)
                return false;

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax syntax)
                    || syntax.ExpressionBody != null
                    || syntax.AccessorList == null
                    || syntax.AccessorList.Accessors.Any(a => a.Body != null || a.ExpressionBody != null))
                {
                    return false;
                }
            }

            return property.DeclaringSyntaxReferences.Length > 0;
        }

        private static long? ToInt64(Optional<object?> constant)
        {
            if (!constant.HasValue)
                return null;
            switch (constant.Value)
            {
                case int i: return i;
                case long l: return l;
                case uint ui: return ui;
                case ulong ul: return ul > long.MaxValue ? (long?)null : (long)ul;
                case short s: return s;
                case ushort us: return us;
                case byte b: return b;
                case sbyte sb: return sb;
                case char c: return c;
                default: return null;
            }
        }

        private static long Multiply(long a, long b)
        {
            try
            {
                return checked(a * b);
            }
            catch (System.OverflowException)
            {
                return long.MaxValue;
            }
        }
    }
}
