using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>Puts new statements before an existing one, wherever that statement stands.</summary>
    internal static class StatementPlacement
    {
        /// <summary>
        /// Inserts <paramref name="newStatement"/> just before <paramref name="statement"/> (before its labels):
        /// in a block or switch section, among top-level statements, or by turning an embedded statement into a block.
        /// </summary>
        public static void InsertBefore(SyntaxEditor editor, StatementSyntax statement, StatementSyntax newStatement)
        {
            var anchor = (StatementSyntax)statement;
            while (anchor.Parent is LabeledStatementSyntax labeled)
                anchor = labeled;

            switch (anchor.Parent)
            {
                case BlockSyntax _:
                case SwitchSectionSyntax _:
                    editor.InsertBefore(anchor, newStatement);
                    break;
                case GlobalStatementSyntax global:
                    editor.InsertBefore(global, SyntaxFactory.GlobalStatement(newStatement));
                    break;
                default:
                    editor.ReplaceNode(anchor, (current, _) => SyntaxFactory.Block(newStatement, (StatementSyntax)current).WithAdditionalAnnotations(Formatter.Annotation));
                    break;
            }
        }

        /// <summary>The line ending the document already uses (its first one), so inserted lines match it.</summary>
        public static SyntaxTrivia GetEndOfLine(SyntaxNode node)
        {
            foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    return SyntaxFactory.EndOfLine(trivia.ToString());
            }

            return SyntaxFactory.EndOfLine("\n");
        }

        /// <summary>The whitespace that indents a statement's first line.</summary>
        public static SyntaxTriviaList GetIndentation(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            var indentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
            return SyntaxFactory.TriviaList(indentation);
        }
    }
}
