using System.Linq;
using System.Threading;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG002's MemoryStream fix: the bytes that <c>ms.ToArray()</c> copied out go to the write straight from the
    /// stream's own buffer, <c>dest.Write(ms.GetBuffer(), 0, (int)ms.Length)</c>. Nothing is allocated at all.
    /// </summary>
    internal static class AllocatingReadStreamFix
    {
        public static bool Apply(SyntaxEditor editor, SemanticModel model, InvocationExpressionSyntax invocation, bool isDeclaration, CancellationToken cancellationToken)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access))
                return false;

            var stream = access.Expression.WithoutTrivia();
            var buffer = SyntaxFactory.Argument(SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, stream, SyntaxFactory.IdentifierName("GetBuffer"))));
            var length = SyntaxFactory.CastExpression(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)),
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, stream, SyntaxFactory.IdentifierName("Length")));
            var zero = SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)));

            if (!isDeclaration)
            {
                if (!(invocation.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax list) || list.Arguments.Count != 1)
                    return false;
                editor.ReplaceNode(list, list.WithArguments(SyntaxFactory.SeparatedList(new[] { buffer, zero, SyntaxFactory.Argument(length) })));
                return true;
            }

            if (!(invocation.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement)
                || !(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local))
            {
                return false;
            }

            var scope = LocalNames.GetNameScope(statement);
            foreach (var reference in LocalNames.FindReferences(scope, model, local, cancellationToken))
            {
                if (reference.Parent is MemberAccessExpressionSyntax lengthAccess && lengthAccess.Expression == reference)
                {
                    editor.ReplaceNode(lengthAccess, length.WithTriviaFrom(lengthAccess));
                }
                else if (reference.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list)
                {
                    if (list.Arguments.Count == 1)
                        editor.ReplaceNode(list, list.WithArguments(SyntaxFactory.SeparatedList(new[] { buffer, zero, SyntaxFactory.Argument(length) })));
                    else
                        editor.ReplaceNode(reference, buffer.Expression.WithTriviaFrom(reference));
                }
                else
                {
                    return false;
                }
            }

            // The declaration's comments stay with the statement that now does the work.
            var next = statement.Parent is BlockSyntax block ? block.Statements.ElementAtOrDefault(block.Statements.IndexOf(statement) + 1) : null;
            if (next == null)
                return false;
            var comments = statement.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (comments.Any())
                editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(statement.GetLeadingTrivia()));
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            return true;
        }
    }
}
