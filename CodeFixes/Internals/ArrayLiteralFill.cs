using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// An array literal whose elements change between runs, made once at its length (<c>new byte[2]</c>) and filled where
    /// it was (<c>cmd[0] = reg; cmd[1] = value;</c>): shared by the FRAG001 fix (made before the loop) and the FRAG003 and
    /// FRAG005 fix (made once in a field).
    /// </summary>
    internal static class ArrayLiteralFill
    {
        /// <summary>The literal's elements, and <c>new T[n]</c> for its type and length (the type spelled as at <paramref name="position"/>).</summary>
        public static bool TryGetLiteral(
            SemanticModel model,
            ExpressionSyntax allocation,
            int position,
            CancellationToken cancellationToken,
            out ExpressionSyntax sized,
            out IReadOnlyList<ExpressionSyntax> elements)
        {
            var initializer = allocation switch
            {
                ArrayCreationExpressionSyntax creation => creation.Initializer,
                ImplicitArrayCreationExpressionSyntax implicitCreation => implicitCreation.Initializer,
                InitializerExpressionSyntax bare => bare,
                _ => null,
            };
            var typeInfo = model.GetTypeInfo(allocation, cancellationToken);
            sized = allocation;
            elements = initializer?.Expressions.ToList() ?? new List<ExpressionSyntax>();
            if (elements.Count == 0 || !((typeInfo.Type ?? typeInfo.ConvertedType) is IArrayTypeSymbol type) || type.Rank != 1 || type.ElementType is IArrayTypeSymbol)
                return false;

            sized = SyntaxFactory.ParseExpression(
                "new " + type.ElementType.ToMinimalDisplayString(model, position) + "[" + elements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            return true;
        }

        /// <summary><c>name[0] = first;</c>, <c>name[1] = second;</c>, … in the literal's order, so the elements are evaluated as they were.</summary>
        public static List<StatementSyntax> CreateWrites(string name, IReadOnlyList<ExpressionSyntax> elements, SyntaxNode context)
        {
            var writes = new List<StatementSyntax>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var target = SyntaxFactory.ElementAccessExpression(
                    SyntaxFactory.IdentifierName(name),
                    SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(i))))));
                writes.Add(SyntaxFactory.ExpressionStatement(
                        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, elements[i].WithoutTrivia()))
                    .WithTrailingTrivia(StatementPlacement.GetEndOfLine(context))
                    .WithAdditionalAnnotations(Formatter.Annotation));
            }

            return writes;
        }

        /// <summary>
        /// The declaration that held the literal becomes the writes, where it was: the first gets
        /// <paramref name="leading"/>, the last the declaration's trailing trivia.
        /// </summary>
        public static void ReplaceWithWrites(SyntaxEditor editor, StatementSyntax declaration, string name, IReadOnlyList<ExpressionSyntax> elements, IEnumerable<SyntaxTrivia> leading, SyntaxNode context)
        {
            var writes = CreateWrites(name, elements, context);
            writes[0] = writes[0].WithLeadingTrivia(leading);
            writes[writes.Count - 1] = writes[writes.Count - 1].WithTrailingTrivia(declaration.GetTrailingTrivia());
            if (writes.Count > 1)
                editor.InsertBefore(declaration, writes.Take(writes.Count - 1));
            editor.ReplaceNode(declaration, writes[writes.Count - 1]);
        }
    }
}
