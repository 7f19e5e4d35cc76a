using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// What a method does with an array parameter, read from its syntax alone when that is enough: every use is an
    /// element read or write (<c>p[i]</c>, <c>p[i] = v</c>, <c>p[i]++</c>) or its length. Such a method only borrows
    /// the array, and the callee summary needs no binding of its body (a body in another file, bound for nothing
    /// else than this question when the code is analysed file by file, as in an editor). Anything else (the array
    /// passed on, stored, returned, captured, or a shape not listed) is left to the flow analysis: null.
    /// </summary>
    internal static class ParameterUsesBySyntax
    {
        /// <summary><see cref="CalleeEffect.BorrowRead"/> or <see cref="CalleeEffect.BorrowWrite"/>, or null when the body has to be bound.</summary>
        public static CalleeEffect? Borrows(SyntaxNode declaration, IParameterSymbol parameter)
        {
            if (!(parameter.Type is IArrayTypeSymbol) || parameter.RefKind != RefKind.None)
                return null;

            SyntaxNode? body;
            switch (declaration)
            {
                case ConstructorDeclarationSyntax constructor when constructor.Initializer != null:
                    return null; // base(p) or this(p) runs too
                case BaseMethodDeclarationSyntax method:
                    body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                    break;
                default:
                    return null;
            }

            if (body == null)
                return null;

            var name = parameter.Name;
            var written = false;
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case AnonymousFunctionExpressionSyntax _:
                    case LocalFunctionStatementSyntax _:
                    case QueryExpressionSyntax _:
                        // A capture, or a name that a nested declaration may give to something else.
                        return null;
                    case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name:
                        switch (Use(identifier))
                        {
                            case UseKind.Read:
                                break;
                            case UseKind.Write:
                                written = true;
                                break;
                            case UseKind.NotTheParameter:
                                break;
                            default:
                                return null;
                        }

                        break;
                }
            }

            return written ? CalleeEffect.BorrowWrite : CalleeEffect.BorrowRead;
        }

        /// <summary>
        /// Whether the body stores the parameter itself where it outlives the call: <c>F = p</c> (or <c>F = p ?? throw …</c>)
        /// into a member or an element (<c>this.F</c>, <c>x.F</c>, <c>a[i]</c>, or a name the member does not declare,
        /// which is a field or property). The flow analysis calls each of these kept, whatever else the body does, so
        /// the body need not be bound for it. A reference type's parameter only: a struct's is copied.
        /// </summary>
        public static bool Stores(SyntaxNode declaration, IParameterSymbol parameter)
        {
            if (!parameter.Type.IsReferenceType || parameter.RefKind != RefKind.None || !(declaration is BaseMethodDeclarationSyntax method))
                return false;

            var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            if (body == null)
                return false;

            // Not inside a lambda, a local function or a query, whose declarations may give the name to something else;
            // outside them nothing in the member can (a local may not share a parameter's name).
            var name = parameter.Name;
            foreach (var node in body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax || n is QueryExpressionSyntax)))
            {
                if (node is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && IsTheParameter(assignment.Right, name) && IsStorage(assignment.Left, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>p</c> or <c>p ?? throw …</c>.</summary>
        private static bool IsTheParameter(ExpressionSyntax value, string name)
        {
            if (value is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right is ThrowExpressionSyntax)
                value = coalesce.Left;
            return value is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name;
        }

        /// <summary>A member or an element: <c>x.F</c>, <c>a[i]</c>, or a simple name that no parameter or local of the member declares.</summary>
        private static bool IsStorage(ExpressionSyntax target, BaseMethodDeclarationSyntax method)
        {
            switch (target)
            {
                case MemberAccessExpressionSyntax access:
                    return access.IsKind(SyntaxKind.SimpleMemberAccessExpression);
                case ElementAccessExpressionSyntax _:
                    return true;
                case IdentifierNameSyntax identifier:
                    var name = identifier.Identifier.ValueText;
                    foreach (var token in method.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && !(token.Parent is SimpleNameSyntax) && token.ValueText == name)
                            return false; // a parameter or a local (or anything else the member declares) of that name
                    }

                    return true;
                default:
                    return false;
            }
        }

        private enum UseKind
        {
            Unknown,
            Read,
            Write,
            NotTheParameter,
        }

        private static UseKind Use(IdentifierNameSyntax identifier)
        {
            switch (identifier.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == identifier:
                    // x.p: a member of that name, not the parameter.
                    return access.Expression is ThisExpressionSyntax ? UseKind.Unknown : UseKind.NotTheParameter;
                case MemberAccessExpressionSyntax access when access.Expression == identifier:
                    // p.Length, p.LongLength read the array's length; any other member (a call) is left to binding.
                    return access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
                        && (access.Name.Identifier.ValueText == "Length" || access.Name.Identifier.ValueText == "LongLength")
                        && !(access.Parent is InvocationExpressionSyntax)
                        ? UseKind.Read
                        : UseKind.Unknown;
                case ElementAccessExpressionSyntax element when element.Expression == identifier:
                    return ElementUse(element);
                default:
                    return UseKind.Unknown;
            }
        }

        private static UseKind ElementUse(ElementAccessExpressionSyntax element)
        {
            foreach (var argument in element.ArgumentList.Arguments)
            {
                if (argument.Expression is RangeExpressionSyntax || !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon != null)
                    return UseKind.Unknown; // p[a..b] copies; the rest is unusual enough to bind
            }

            switch (element.Parent)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == element ? UseKind.Write : UseKind.Read;
                case PrefixUnaryExpressionSyntax prefix:
                    return prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)
                        ? UseKind.Write
                        : prefix.IsKind(SyntaxKind.AddressOfExpression) ? UseKind.Unknown : UseKind.Read;
                case PostfixUnaryExpressionSyntax postfix:
                    return postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression)
                        ? UseKind.Write
                        : UseKind.Unknown;
                case ArgumentSyntax argument:
                    // (p[0], p[1]) = … writes; f(ref p[i]) may.
                    return argument.RefKindKeyword.IsKind(SyntaxKind.None) && !(argument.Parent is TupleExpressionSyntax) ? UseKind.Read : UseKind.Unknown;
                case MemberAccessExpressionSyntax _:
                case ConditionalAccessExpressionSyntax _:
                case RefExpressionSyntax _:
                case ElementAccessExpressionSyntax _:
                case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax declarator && IsRefLocal(declarator):
                    // A member of a struct element may be changed in place; a ref to an element writes through.
                    return UseKind.Unknown;
                default:
                    return UseKind.Read;
            }
        }

        private static bool IsRefLocal(VariableDeclaratorSyntax declarator)
            => declarator.Parent is VariableDeclarationSyntax declaration && declaration.Type is RefTypeSyntax;
    }
}
