using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// FRAG007: whether wrapping the loop body in <c>using (arena.Scope()) { … }</c> keeps behaviour. It does when
    /// nothing the body takes from the arena is used after the iteration: every allocation's memory stays in locals
    /// declared in the body, is read, written and passed only to calls that cannot keep it, and is not captured, stored,
    /// returned or assigned elsewhere; the body has no <c>await</c> or <c>yield</c> (the scope would span them); and no
    /// method in the body that Fragless can read may allocate from the same arena and keep the result.
    /// </summary>
    internal static class ArenaAllocationInLoopFixPlan
    {
        public static bool CanWrapBodyInScope(IInvocationOperation allocation, ILoopOperation loop, ISymbol arena, ArenaTypes types)
        {
            var body = loop.Body;
            if (body == null || !allocation.IsDescendantOf(body) || body.Syntax == null)
                return false;

            var function = allocation.GetEnclosingFunction();
            foreach (var descendant in body.Descendants())
            {
                switch (descendant)
                {
                    case IAwaitOperation _:
                        return false;
                    case IReturnOperation ret when ret.Kind == OperationKind.YieldReturn:
                        return false;
                    case IInvocationOperation call:
                        if (!(arena is ILocalSymbol) && !(arena is IParameterSymbol) && call.TargetMethod.Locations.Any(l => l.IsInSource) && types.Classify(call) == ArenaCallKind.None)
                            return false; // a method of this program might allocate from the same arena and keep it
                        var kind = types.Classify(call);
                        if ((kind == ArenaCallKind.Alloc || kind == ArenaCallKind.TryAlloc)
                            && SymbolEqualityComparer.Default.Equals(ArenaTypes.GetArenaSymbol(call.Instance), arena)
                            && (call.GetEnclosingFunction() != function || !StaysInIteration(call, kind, body, types, 0)))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        private static bool StaysInIteration(IInvocationOperation allocation, ArenaCallKind kind, IOperation body, ArenaTypes types, int depth)
        {
            if (kind == ArenaCallKind.Alloc)
                return IsContained(allocation, body, types, depth);

            // TryAlloc(n, out var memory): the bool result is harmless; the out local is what must stay.
            foreach (var argument in allocation.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out)
                    continue;
                var local = argument.Value switch
                {
                    IDeclarationExpressionOperation declaration when declaration.Expression is ILocalReferenceOperation declared => declared.Local,
                    ILocalReferenceOperation reference => reference.Local,
                    _ => null,
                };
                if (local == null || !LocalStays(local, body, types, depth))
                    return false;
            }

            return true;
        }

        /// <summary>True when the value of <paramref name="value"/> (arena memory or a view of it) is not kept past the iteration.</summary>
        private static bool IsContained(IOperation value, IOperation body, ArenaTypes types, int depth)
        {
            if (depth > 8)
                return false;

            var use = value.WalkUpConversions();
            switch (use.Parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Syntax.SpanStart >= body.Syntax.SpanStart && LocalStays(declarator.Symbol, body, types, depth + 1);
                case IArgumentOperation argument:
                    return argument.Parameter != null
                        && argument.Parameter.RefKind == RefKind.None
                        && (types.IsSpan(argument.Parameter.Type) || BorrowsOnly(argument.Parent as IInvocationOperation));
                case IInvocationOperation call when call.Instance == use:
                    return Harmless(call, body, types, depth);
                case IPropertyReferenceOperation property when property.Instance == use:
                    return Harmless(property, body, types, depth);
                case IArrayElementReferenceOperation element when element.ArrayReference == use:
                    return true; // seg.Array[i]: an element, not the memory
                case IForEachLoopOperation forEach when forEach.Collection == use:
                    return true;
                case IExpressionStatementOperation _:
                    return true;
                case ISimpleAssignmentOperation assignment when assignment.Target == use:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A member of the view used on it: its result is a plain value, or a view that stays in turn.</summary>
        private static bool Harmless(IOperation result, IOperation body, ArenaTypes types, int depth)
        {
            var type = result.Type;
            if (type == null || type.SpecialType == SpecialType.System_Void)
                return true;
            if (types.IsView(type) || type.IsReferenceType || type.TypeKind == TypeKind.TypeParameter)
                return IsContained(result, body, types, depth + 1);
            return true;
        }

        private static bool LocalStays(ILocalSymbol local, IOperation body, ArenaTypes types, int depth)
        {
            if (local.IsRef)
                return false;
            var function = body.GetEnclosingFunction();
            foreach (var reference in body.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    continue;
                if (reference.GetEnclosingFunction() != function)
                    return false; // captured
                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                    continue;
                if (reference.Parent is IDeclarationExpressionOperation || reference.Parent is IArgumentOperation argument && argument.Parameter?.RefKind == RefKind.Out)
                    continue;
                if (!IsContained(reference, body, types, depth + 1))
                    return false;
            }

            return true;
        }

        /// <summary>Calls that use memory during the call and keep nothing: the BCL's I/O, text and copy APIs.</summary>
        private static bool BorrowsOnly(IInvocationOperation? call)
        {
            if (call == null)
                return false;
            var type = call.TargetMethod.ContainingType;
            var ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns == "System.IO" || ns.StartsWith("System.IO.", System.StringComparison.Ordinal)
                || ns == "System.Net.Sockets" || ns == "System.Text" || ns == "System.Buffers.Binary"
                || ns == "System.Security.Cryptography")
            {
                return true;
            }

            if (ns == "System")
            {
                switch (type!.Name)
                {
                    case "Console":
                    case "BitConverter":
                    case "Buffer":
                    case "Convert":
                    case "MemoryExtensions":
                        return true;
                }
            }

            return false;
        }
    }
}
