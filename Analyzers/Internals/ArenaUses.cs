using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>How one reference to an array local is used, as far as moving the array into an arena goes.</summary>
    public enum ArenaUseKind
    {
        /// <summary><c>buffer[i]</c>.</summary>
        Element,

        /// <summary><c>buffer.Length</c>.</summary>
        Length,

        /// <summary><c>foreach (var x in buffer)</c>.</summary>
        ForEach,

        /// <summary>Passed where a Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; is expected.</summary>
        SpanArgument,

        /// <summary>Passed as the array of an (array, offset, count) triple.</summary>
        ArrayOffsetCount,
    }

    /// <summary>One use of the array: what it is, and for (array, offset, count) calls, the overloads that take a view instead.</summary>
    public sealed class ArenaUse
    {
        internal ArenaUse(ILocalReferenceOperation reference, ArenaUseKind kind, IInvocationOperation? call = null, int argumentIndex = -1, IMethodSymbol? spanOverload = null, IMethodSymbol? memoryOverload = null)
        {
            Reference = reference;
            Kind = kind;
            Call = call;
            ArgumentIndex = argumentIndex;
            SpanOverload = spanOverload;
            MemoryOverload = memoryOverload;
        }

        public ILocalReferenceOperation Reference { get; }

        public ArenaUseKind Kind { get; }

        /// <summary>For <see cref="ArenaUseKind.ArrayOffsetCount"/>: the call.</summary>
        public IInvocationOperation? Call { get; }

        /// <summary>For <see cref="ArenaUseKind.ArrayOffsetCount"/>: the position of the array among the call's arguments (in source order).</summary>
        public int ArgumentIndex { get; }

        /// <summary>An overload of the call taking Span&lt;T&gt;/ReadOnlySpan&lt;T&gt; in place of the triple, if any.</summary>
        public IMethodSymbol? SpanOverload { get; }

        /// <summary>An overload of the call taking Memory&lt;T&gt;/ReadOnlyMemory&lt;T&gt; in place of the triple, if any.</summary>
        public IMethodSymbol? MemoryOverload { get; }
    }

    /// <summary>Every use of an array local, and which arena views all of them accept.</summary>
    public sealed class ArenaUses
    {
        private ArenaUses(List<ArenaUse> uses, bool span, bool segment, bool memory)
        {
            Uses = uses;
            SpanCompatible = span;
            SegmentCompatible = segment;
            MemoryCompatible = memory;
        }

        public IReadOnlyList<ArenaUse> Uses { get; }

        public bool SpanCompatible { get; }

        public bool SegmentCompatible { get; }

        public bool MemoryCompatible { get; }

        /// <summary>Null when some use fits no view (captured, reassigned, stored, passed as a whole array, …).</summary>
        public static ArenaUses? Classify(IOperation allocation, ILocalSymbol local, bool isAsync)
        {
            var function = allocation.GetEnclosingFunction();
            var uses = new List<ArenaUse>();
            bool span = true, segment = true, memory = true;

            foreach (var reference in allocation.GetRoot().Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    continue;
                if (reference.GetEnclosingFunction() != function)
                    return null;

                var parent = reference.Parent;
                switch (parent)
                {
                    case IArrayElementReferenceOperation element when element.ArrayReference == reference && element.Indices.Length == 1:
                        uses.Add(new ArenaUse(reference, ArenaUseKind.Element));
                        continue;

                    case IPropertyReferenceOperation property when property.Instance == reference && property.Property.Name == "Length":
                        uses.Add(new ArenaUse(reference, ArenaUseKind.Length));
                        continue;


                    case IArgumentOperation argument when argument.Parent is IInvocationOperation call:
                        var triple = ClassifyTriple(argument, call, reference, isAsync);
                        if (triple == null)
                            return null;
                        uses.Add(triple);
                        span &= triple.SpanOverload != null;
                        memory &= triple.MemoryOverload != null || triple.SpanOverload != null && !ContainsAwait(call);
                        continue;
                }

                var converted = reference.WalkUpConversions();
                if (converted.Parent is IForEachLoopOperation forEach && forEach.Collection == converted)
                {
                    uses.Add(new ArenaUse(reference, ArenaUseKind.ForEach));
                    segment = false;
                    memory = false;
                    continue;
                }

                // Converted to a span (by the user-defined conversion or the language's own) for a span parameter.
                if (converted.Parent is IConversionOperation spanConversion)
                    converted = spanConversion;
                if (converted != reference
                    && converted.Type != null
                    && CalleeCatalog.IsSpanLike(converted.Type)
                    && converted.Parent is IArgumentOperation spanArgument
                    && spanArgument.Parameter != null
                    && CalleeCatalog.IsSpanLike(spanArgument.Parameter.Type))
                {
                    uses.Add(new ArenaUse(reference, ArenaUseKind.SpanArgument));
                    segment = false;
                    memory = false;
                    continue;
                }

                return null;
            }

            return new ArenaUses(uses, span, segment, memory);
        }

        /// <summary>buffer passed as <c>M(…, buffer, offset, count, …)</c> with an int offset and count right after it.</summary>
        private static ArenaUse? ClassifyTriple(IArgumentOperation argument, IInvocationOperation call, ILocalReferenceOperation reference, bool isAsync)
        {
            var parameter = argument.Parameter;
            if (parameter == null || parameter.RefKind != RefKind.None || argument.Value.WalkDownConversions() != reference)
                return null;

            var method = call.TargetMethod;
            var index = parameter.Ordinal;
            if (index + 2 >= method.Parameters.Length
                || method.Parameters[index + 1].Type.SpecialType != SpecialType.System_Int32
                || method.Parameters[index + 2].Type.SpecialType != SpecialType.System_Int32)
            {
                return null;
            }

            // Positional arguments in parameter order, so the triple can be rewritten in place.
            var arguments = call.Arguments;
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter == null || arguments[i].Parameter!.Ordinal != i || arguments[i].IsImplicit && i <= index + 2)
                    return null;
                if (!(arguments[i].Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax) || syntax.NameColon != null)
                {
                    if (i <= index + 2)
                        return null;
                }
            }

            var elementType = ((IArrayTypeSymbol)parameter.Type).ElementType;
            var spanOverload = FindOverload(method, index, elementType, "Span", "ReadOnlySpan");
            var memoryOverload = isAsync ? FindOverload(method, index, elementType, "Memory", "ReadOnlyMemory") : null;
            return new ArenaUse(reference, ArenaUseKind.ArrayOffsetCount, call, index, spanOverload, memoryOverload);
        }

        /// <summary>
        /// A method of the same name on the same type (or a base) whose parameters are the original's with the
        /// (array, offset, count) triple at <paramref name="index"/> replaced by one view parameter, and any
        /// further parameters optional.
        /// </summary>
        private static IMethodSymbol? FindOverload(IMethodSymbol method, int index, ITypeSymbol elementType, params string[] viewNames)
        {
            var expected = method.Parameters.Length - 2;
            for (INamedTypeSymbol? type = method.ContainingType; type != null; type = type.BaseType)
            {
                foreach (var candidate in type.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (candidate.IsStatic != method.IsStatic || candidate.Parameters.Length < expected || candidate.Arity != method.Arity)
                        continue;

                    var matches = true;
                    for (var i = 0; i < candidate.Parameters.Length && matches; i++)
                    {
                        var parameter = candidate.Parameters[i];
                        if (i == index)
                        {
                            matches = parameter.Type is INamedTypeSymbol view
                                && view.Arity == 1
                                && viewNames.Contains(view.Name)
                                && view.ContainingNamespace?.ToDisplayString() == "System"
                                && SymbolEqualityComparer.Default.Equals(view.TypeArguments[0], elementType);
                        }
                        else if (i < expected)
                        {
                            var original = method.Parameters[i < index ? i : i + 2];
                            matches = SymbolEqualityComparer.Default.Equals(parameter.Type, original.Type) && parameter.RefKind == original.RefKind;
                        }
                        else
                        {
                            matches = parameter.IsOptional;
                        }
                    }

                    if (matches)
                        return candidate;
                }
            }

            return null;
        }

        private static bool ContainsAwait(IOperation operation)
        {
            return operation.DescendantsAndSelf().Any(o => o is IAwaitOperation);
        }
    }
}
