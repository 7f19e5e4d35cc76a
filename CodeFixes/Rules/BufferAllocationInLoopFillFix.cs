using System.Threading;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG001 for an array literal whose elements change between iterations: <c>new T[n]</c> is made once before the
    /// loop and each element is written, in order, where the literal was (<c>cmd[0] = reg; cmd[1] = values[i];</c>).
    /// </summary>
    internal static class BufferAllocationInLoopFillFix
    {
        /// <summary><c>var cmd = new byte[] { reg, v };</c> in the loop becomes <c>var cmd = new byte[2];</c> before it and the writes in it.</summary>
        public static bool HoistDeclaration(SyntaxEditor editor, SemanticModel model, ExpressionSyntax allocation, StatementSyntax loop, CancellationToken cancellationToken)
        {
            if (!(allocation.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement)
                || !(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
                || !ArrayLiteralFill.TryGetLiteral(model, allocation, loop.SpanStart, cancellationToken, out var sized, out var elements))
            {
                return false;
            }

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique(local.Name, scope, model, local, cancellationToken);
            if (name != local.Name)
            {
                foreach (var reference in LocalNames.FindReferences(scope, model, local, cancellationToken))
                    editor.ReplaceNode(reference, reference.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(reference.Identifier)));
            }

            var hoisted = statement
                .WithDeclaration(statement.Declaration.WithVariables(SyntaxFactory.SingletonSeparatedList(
                    declarator.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(declarator.Identifier))
                        .WithInitializer(equals.WithValue(sized)))))
                .WithLeadingTrivia()
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);

            // The writes do the work the literal did, so its comments stay with them.
            ArrayLiteralFill.ReplaceWithWrites(editor, statement, name, elements, statement.GetLeadingTrivia(), loop);

            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, allocation.SpanStart, cancellationToken);
            return true;
        }

        /// <summary><c>Write(new byte[] { 0x10, v })</c> in the loop: a local made before the loop, filled just before the statement.</summary>
        public static bool HoistInline(Document document, SyntaxEditor editor, SemanticModel model, ExpressionSyntax allocation, StatementSyntax loop, CancellationToken cancellationToken)
        {
            var statement = allocation.FirstAncestorOrSelf<StatementSyntax>();
            if (statement == null || statement == loop || !ArrayLiteralFill.TryGetLiteral(model, allocation, loop.SpanStart, cancellationToken, out var sized, out var elements))
                return false;

            var name = LocalNames.GetUnique("buffer", LocalNames.GetNameScope(loop), model, self: null, cancellationToken);
            var type = model.GetTypeInfo(allocation, cancellationToken);
            var hoisted = DeclarationStyle.Declare(
                    DeclarationStyle.PrefersVar(document, loop),
                    (type.Type ?? type.ConvertedType)!.ToMinimalDisplayString(model, loop.SpanStart),
                    name,
                    sized)
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);

            editor.ReplaceNode(allocation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(allocation));
            StatementPlacement.InsertBefore(editor, statement, ArrayLiteralFill.CreateWrites(name, elements, loop));
            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, allocation.SpanStart, cancellationToken);
            return true;
        }
    }
}
