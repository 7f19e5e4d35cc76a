using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>What a call on a <c>Fragless.Arena</c> does to its memory.</summary>
    internal enum ArenaCallKind
    {
        None,

        /// <summary><c>Alloc</c>, <c>Alloc&lt;T&gt;</c>, <c>AllocUninitialized</c>, <c>AllocSegment</c>, <c>AllocMemory</c>, <c>AllocSlice</c>: returns the memory.</summary>
        Alloc,

        /// <summary><c>TryAlloc</c>, <c>TryAllocSegment</c>: the memory comes out through the <c>out</c> argument.</summary>
        TryAlloc,
        Reset,
        RewindTo,
        Mark,
        Scope,
    }

    /// <summary>The arena types of one compilation, resolved by full metadata name (a user's own <c>Arena</c> is not ours).</summary>
    internal sealed class ArenaTypes
    {
        private ArenaTypes(INamedTypeSymbol arena, WellKnownTypes types)
        {
            Arena = arena;
            Types = types;
        }

        public INamedTypeSymbol Arena { get; }

        public WellKnownTypes Types { get; }

        /// <summary>The arena types, or null when <c>Fragless.Arena</c> does not resolve (then no arena rule registers anything).</summary>
        public static ArenaTypes? TryCreate(WellKnownTypes types)
        {
            var arena = types.Get(WellKnownTypes.Names.Arena);
            return arena == null ? null : new ArenaTypes(arena, types);
        }

        public ArenaCallKind Classify(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method == null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, Arena) || method.IsStatic)
                return ArenaCallKind.None;

            switch (method.Name)
            {
                case "Alloc":
                case "AllocUninitialized":
                case "AllocSegment":
                case "AllocMemory":
                case "AllocSlice":
                    return ArenaCallKind.Alloc;
                case "TryAlloc":
                case "TryAllocSegment":
                    return ArenaCallKind.TryAlloc;
                case "Reset":
                    return ArenaCallKind.Reset;
                case "RewindTo":
                    return ArenaCallKind.RewindTo;
                case "Mark":
                    return ArenaCallKind.Mark;
                case "Scope":
                    return ArenaCallKind.Scope;
                default:
                    return ArenaCallKind.None;
            }
        }

        /// <summary>
        /// The variable an arena call is made on, when the analysis can follow it: a local, a parameter, or a field or
        /// property of <c>this</c> or of a type. Anything else (a call's result, another object's field) is null.
        /// </summary>
        public static ISymbol? GetArenaSymbol(IOperation? receiver)
        {
            switch (receiver?.WalkDownConversions())
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    return field.Field;
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty && (property.Instance == null || property.Instance is IInstanceReferenceOperation):
                    return property.Property;
                default:
                    return null;
            }
        }

        /// <summary>True for the views memory from an arena is handed out as (and derived from): spans, memory, segments, slices.</summary>
        public bool IsView(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named))
                return false;
            var original = named.OriginalDefinition;
            return Is(original, WellKnownTypes.Names.Span)
                || Is(original, WellKnownTypes.Names.ReadOnlySpan)
                || Is(original, WellKnownTypes.Names.Memory)
                || Is(original, WellKnownTypes.Names.ReadOnlyMemory)
                || Is(original, WellKnownTypes.Names.ArraySegment)
                || Is(original, WellKnownTypes.Names.ArenaSlice);
        }

        public bool IsSpan(ITypeSymbol? type)
        {
            return type is INamedTypeSymbol named
                && (Is(named.OriginalDefinition, WellKnownTypes.Names.Span) || Is(named.OriginalDefinition, WellKnownTypes.Names.ReadOnlySpan));
        }

        public bool Is(ITypeSymbol? type, string metadataName)
        {
            var known = Types.Get(metadataName);
            return known != null && SymbolEqualityComparer.Default.Equals(type, known);
        }

        /// <summary>A text to name a call by in a message: its source, on one line.</summary>
        public static string Describe(IOperation operation)
        {
            var text = operation.Syntax.ToString();
            var newline = text.IndexOfAny(new[] { '\r', '\n' });
            return newline < 0 ? text : text.Substring(0, newline).TrimEnd() + " …";
        }
    }
}
