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
    /// FRAG001 for <c>byte[] b = cond ? new byte[5] : new byte[3];</c> in a loop: one array per arm is made before the
    /// loop (<c>b5</c>, <c>b3</c>), the condition chooses between them, and the chosen one is reset after the declaration.
    /// Fixing either arm's diagnostic fixes both.
    /// </summary>
    internal static class BufferAllocationInLoopConditionalFix
    {
        public static bool Hoist(Document document, SyntaxEditor editor, SemanticModel model, ExpressionSyntax allocation, StatementSyntax loop, string restore, CancellationToken cancellationToken)
        {
            var arm = (SyntaxNode)allocation;
            while (arm.Parent is ParenthesizedExpressionSyntax)
                arm = arm.Parent;
            if (!(arm.Parent is ConditionalExpressionSyntax conditional))
                return false;

            SyntaxNode value = conditional;
            while (value.Parent is ParenthesizedExpressionSyntax)
                value = value.Parent;
            if (!(value.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement)
                || !(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
                || !(Unparenthesize(conditional.WhenTrue) is ArrayCreationExpressionSyntax whenTrue)
                || !(Unparenthesize(conditional.WhenFalse) is ArrayCreationExpressionSyntax whenFalse))
            {
                return false;
            }

            var scope = LocalNames.GetNameScope(loop);
            var useVar = DeclarationStyle.PrefersVar(document, loop, statement);
            var hoisted = new StatementSyntax[2];
            var names = new string[2];
            var arms = new[] { whenTrue, whenFalse };
            for (var i = 0; i < 2; i++)
            {
                var size = arms[i].Type.RankSpecifiers.Count == 1 && arms[i].Type.RankSpecifiers[0].Sizes.Count == 1
                    ? model.GetConstantValue(arms[i].Type.RankSpecifiers[0].Sizes[0], cancellationToken)
                    : default;
                var type = model.GetTypeInfo(arms[i], cancellationToken).Type;
                if (!size.HasValue || type == null)
                    return false;

                names[i] = LocalNames.GetUnique(local.Name + System.Convert.ToString(size.Value, System.Globalization.CultureInfo.InvariantCulture), scope, model, self: null, cancellationToken);
                if (i == 1 && names[1] == names[0])
                    names[1] = LocalNames.GetUnique(names[1] + "_", scope, model, self: null, cancellationToken);
                hoisted[i] = DeclarationStyle.Declare(useVar, type.ToMinimalDisplayString(model, loop.SpanStart), names[i], arms[i].WithoutTrivia())
                    .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                editor.ReplaceNode(arms[i], SyntaxFactory.IdentifierName(names[i]).WithTriviaFrom(arms[i]));
            }

            var reset = BufferResetSyntax.Create(local.Name, restore, loop);
            if (reset != null)
                editor.InsertAfter(statement, reset.WithAdditionalAnnotations(Formatter.Annotation));

            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, conditional.SpanStart, cancellationToken);
            return true;
        }

        private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
                expression = parenthesized.Expression;
            return expression;
        }
    }
}
