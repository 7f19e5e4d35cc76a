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
                    editor.InsertBefore(anchor, TakeBlankLines(editor, anchor, newStatement));
                    break;
                case GlobalStatementSyntax global:
                    editor.InsertBefore(global, TakeBlankLines(editor, global, SyntaxFactory.GlobalStatement(newStatement)));
                    break;
                default:
                    editor.ReplaceNode(anchor, (current, _) => SyntaxFactory.Block(newStatement, (StatementSyntax)current).WithAdditionalAnnotations(Formatter.Annotation));
                    break;
            }
        }

        /// <summary>
        /// Blank lines that separated the anchor from what came before now separate the new statement,
        /// so the new statement sits right against the one it serves.
        /// </summary>
        private static T TakeBlankLines<T>(SyntaxEditor editor, SyntaxNode anchor, T newNode)
            where T : SyntaxNode
        {
            var leading = anchor.GetLeadingTrivia();
            var blank = 0;
            while (blank < leading.Count && leading[blank].IsKind(SyntaxKind.EndOfLineTrivia))
                blank++;
            if (blank == 0)
                return newNode;

            editor.ReplaceNode(anchor, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Skip(blank)));
            return newNode.WithLeadingTrivia(leading.Take(blank).Concat(newNode.GetLeadingTrivia()));
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
    }
}
