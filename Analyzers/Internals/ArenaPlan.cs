using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Decides whether an array allocation can come from a <c>Fragless.Arena</c> instead, and which view of
    /// the arena's memory the code needs: <c>Span&lt;T&gt;</c> when every use accepts a span,
    /// <c>ArraySegment&lt;byte&gt;</c> when the APIs need array/offset/count, <c>Memory&lt;byte&gt;</c> in async
    /// code. Shared by the rules whose fixes offer "Allocate from arena" (FRAG001, FRAG003).
    /// </summary>
    public static class ArenaPlan
    {
        public const string ArenaTypeName = "Fragless.Arena";

        /// <summary>Diagnostic property: Span, Segment or Memory. Absent: no arena fix.</summary>
        public const string ViewKey = "ArenaView";

        /// <summary>
        /// Diagnostic property: the capacity in bytes of an arena the fix adds (constant sizes only). Absent: the fix
        /// needs an arena already in scope, which it looks up itself (an earlier fix of a Fix All may have added one).
        /// </summary>
        public const string CapacityKey = "ArenaCapacity";

        public const string SpanView = "Span";
        public const string SegmentView = "Segment";
        public const string MemoryView = "Memory";

        /// <summary>
        /// Adds the arena properties to <paramref name="properties"/> when the allocation of <paramref name="local"/>
        /// can move to an arena; <paramref name="scopePosition"/> is where the arena must be visible (the loop, or
        /// the method body). Returns false when it cannot.
        /// </summary>
        internal static bool TryAdd(
            ImmutableDictionary<string, string>.Builder properties,
            BufferAllocation allocation,
            ILocalSymbol local,
            WellKnownTypes types,
            int scopePosition)
        {
            var arenaType = types.Get(ArenaTypeName);
            if (arenaType == null
                || !(allocation.Operation is IArrayCreationOperation creation)
                || creation.Initializer != null
                || creation.DimensionSizes.Length != 1
                || !(creation.Type is IArrayTypeSymbol arrayType)
                || arrayType.Rank != 1)
            {
                return false;
            }

            var element = arrayType.ElementType;
            var isByte = element.SpecialType == SpecialType.System_Byte;
            var elementSize = ElementSize(element);
            if (!isByte && elementSize == 0)
                return false;

            var function = GetFunction(allocation.Operation);
            if (function.IsIterator)
                return false;

            var uses = ArenaUses.Classify(allocation.Operation, local, function.IsAsync);
            if (uses == null)
                return false;

            string? view = null;
            if (!function.IsAsync && uses.SpanCompatible && types.Get(WellKnownTypes.Names.Span) != null)
                view = SpanView;
            else if (isByte && !function.IsAsync && uses.SegmentCompatible)
                view = SegmentView;
            else if (isByte && function.IsAsync && uses.MemoryCompatible && types.Get(WellKnownTypes.Names.Memory) != null)
                view = MemoryView;
            if (view == null)
                return false;

            // A constant size tells how big an arena the fix would add (or grow one it added before).
            var length = creation.DimensionSizes[0].ConstantValue;
            long capacity = 0;
            if (length.HasValue && length.Value is int count && count > 0)
            {
                // Alloc<T> aligns to the element size: leave room for that much padding.
                capacity = (long)count * elementSize + (isByte ? 0 : elementSize);
                if (capacity > int.MaxValue)
                    capacity = 0;
            }

            var arena = allocation.Operation.SemanticModel == null ? null : FindArenaInScope(allocation.Operation.SemanticModel, arenaType, scopePosition);
            if (arena == null && capacity == 0)
                return false;
            if (capacity > 0)
                properties[CapacityKey] = capacity.ToString(CultureInfo.InvariantCulture);

            properties[ViewKey] = view;
            return true;
        }

        private static (bool IsAsync, bool IsIterator) GetFunction(IOperation operation)
        {
            var function = operation.GetEnclosingFunction();
            IMethodSymbol? method = function switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation localFunction => localFunction.Symbol,
                _ => null,
            };

            SyntaxNode? body = function?.Syntax;
            if (method == null)
            {
                method = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) as IMethodSymbol;
                body = operation.GetRoot().Syntax;
            }

            var isIterator = body != null && body.DescendantNodes(n => n == body || !IsNestedFunction(n))
                .Any(n => n.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.YieldReturnStatement || n.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.YieldBreakStatement);
            var isAsync = method?.IsAsync == true
                || body != null && body.DescendantNodes(n => n == body || !IsNestedFunction(n)).Any(n => n.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AwaitExpression);
            return (isAsync, isIterator);
        }

        private static bool IsNestedFunction(SyntaxNode node)
        {
            return node is Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax
                || node is Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax;
        }

        /// <summary>An Arena visible where it is needed: a local or parameter first, then a field or property usable from here.</summary>
        public static string? FindArenaInScope(SemanticModel model, INamedTypeSymbol arenaType, int position)
        {
            var container = model.GetEnclosingSymbol(position);
            var isStaticContext = container != null && IsStaticContext(container);
            ISymbol? best = null;
            var bestRank = int.MaxValue;
            foreach (var symbol in model.LookupSymbols(position))
            {
                ITypeSymbol? type;
                int rank;
                switch (symbol)
                {
                    case ILocalSymbol local:
                        type = local.Type;
                        rank = 0;
                        break;
                    case IParameterSymbol parameter:
                        type = parameter.Type;
                        rank = 1;
                        break;
                    case IFieldSymbol field when !isStaticContext || field.IsStatic:
                        type = field.Type;
                        rank = 2;
                        break;
                    case IPropertySymbol property when (!isStaticContext || property.IsStatic) && !property.IsIndexer && property.GetMethod != null:
                        type = property.Type;
                        rank = 3;
                        break;
                    default:
                        continue;
                }

                if (rank < bestRank && SymbolEqualityComparer.Default.Equals(type, arenaType))
                {
                    best = symbol;
                    bestRank = rank;
                }
            }

            return best?.Name;
        }

        private static bool IsStaticContext(ISymbol symbol)
        {
            for (var current = symbol; current != null; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol method && method.MethodKind != MethodKind.LocalFunction && method.MethodKind != MethodKind.AnonymousFunction)
                    return method.IsStatic;
                if (current is INamedTypeSymbol)
                    return false;
            }

            return false;
        }

        /// <summary>Bytes per element for Alloc&lt;T&gt;: primitives and enums; 0 when not known.</summary>
        private static int ElementSize(ITypeSymbol element)
        {
            if (element is INamedTypeSymbol named && named.TypeKind == TypeKind.Enum && named.EnumUnderlyingType != null)
                element = named.EnumUnderlyingType;

            switch (element.SpecialType)
            {
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Boolean:
                    return 1;
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Char:
                    return 2;
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Single:
                    return 4;
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Double:
                    return 8;
                default:
                    return 0;
            }
        }
    }
}
