using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Names the code an operation belongs to, for messages.</summary>
    internal static class CodePlace
    {
        /// <summary>'OnPacket', the lambda in 'OnPacket', the local function 'Parse' in 'OnPacket', the top-level statements.</summary>
        public static string Describe(IOperation operation, ISymbol containingSymbol)
        {
            // A call site inside a lambda or local function may come with that function as its symbol: name the member.
            while (containingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function
                && function.ContainingSymbol != null)
            {
                containingSymbol = function.ContainingSymbol;
            }

            var member = containingSymbol is IMethodSymbol { Name: "<Main>$" } ? "the top-level statements" : "'" + MemberName(containingSymbol) + "'";
            switch (operation.GetEnclosingFunction())
            {
                case ILocalFunctionOperation local:
                    return "the local function '" + local.Symbol.Name + "' in " + member;
                case IAnonymousFunctionOperation _:
                    return "the lambda in " + member;
                default:
                    return member;
            }
        }

        internal static string MemberName(ISymbol symbol)
        {
            return symbol is IMethodSymbol method && method.AssociatedSymbol != null ? method.AssociatedSymbol.Name : symbol.Name;
        }
    }
}
