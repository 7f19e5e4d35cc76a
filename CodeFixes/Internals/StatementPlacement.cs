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
    /// <summary>Puts new statements before an existing one, wherever that statement stands.</summary>
    internal static class StatementPlacement
    {
        /// <summary>
        /// Inserts <paramref name="newStatement"/> just before <paramref name="statement"/> (before its labels):
        /// in a block or switch section, among top-level statements, or by turning an embedded statement into a block.
        /// </summary>
        public static void InsertBefore(SyntaxEditor editor, StatementSyntax statement, StatementSyntax newStatement)
        {
            InsertBefore(editor, statement, new[] { newStatement });
        }

        /// <summary>Inserts <paramref name="newStatements"/>, in order, just before <paramref name="statement"/>, as the single-statement overload does.</summary>
        public static void InsertBefore(SyntaxEditor editor, StatementSyntax statement, IReadOnlyList<StatementSyntax> newStatements)
        {
            var anchor = (StatementSyntax)statement;
            while (anchor.Parent is LabeledStatementSyntax labeled)
                anchor = labeled;

            switch (anchor.Parent)
            {
                case BlockSyntax _:
                case SwitchSectionSyntax _:
                    editor.InsertBefore(anchor, TakeBlankLines(editor, anchor, newStatements.Cast<SyntaxNode>().ToList()));
                    break;
                case GlobalStatementSyntax global:
                    editor.InsertBefore(global, TakeBlankLines(editor, global, newStatements.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)).ToList()));
                    break;
                default:
                    editor.ReplaceNode(anchor, (current, _) => SyntaxFactory.Block(newStatements.Concat(new[] { (StatementSyntax)current })).WithAdditionalAnnotations(Formatter.Annotation));
                    break;
            }
        }

        /// <summary>
        /// Puts a declaration hoisted out of <paramref name="loop"/> before it, the way one would write it by hand:
        /// declarations hoisted earlier stay together in the order the loop first uses them (source order), and one
        /// blank line separates them from the loop.
        /// </summary>
        /// <param name="origin">Where in the loop the hoisted buffer was allocated.</param>
        public static void InsertHoisted(SyntaxEditor editor, SemanticModel model, StatementSyntax loop, StatementSyntax hoisted, int origin, CancellationToken cancellationToken)
        {
            InsertHoisted(editor, model, loop, new[] { hoisted }, origin, cancellationToken);
        }

        /// <summary>Puts several declarations hoisted from one place before the loop, in order, as the single-declaration overload does.</summary>
        public static void InsertHoisted(SyntaxEditor editor, SemanticModel model, StatementSyntax loop, IReadOnlyList<StatementSyntax> hoisted, int origin, CancellationToken cancellationToken)
        {
            var anchor = (StatementSyntax)loop;
            while (anchor.Parent is LabeledStatementSyntax labeled)
                anchor = labeled;

            var item = anchor.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : anchor;
            var siblings = item.Parent switch
            {
                BlockSyntax block => block.Statements.Cast<SyntaxNode>().ToList(),
                SwitchSectionSyntax section => section.Statements.Cast<SyntaxNode>().ToList(),
                CompilationUnitSyntax unit => unit.Members.Cast<SyntaxNode>().ToList(),
                _ => null,
            };
            if (siblings == null)
            {
                InsertBefore(editor, loop, hoisted);
                return;
            }

            var newNodes = hoisted.Select(h => item is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(h) : (SyntaxNode)h).ToList();

            // Before the declarations just above the loop whose locals the loop uses only after this buffer.
            var used = hoisted.SelectMany(h => h.DescendantTokens()).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToList();
            var before = item;
            for (var i = siblings.IndexOf(item) - 1; i >= 0; i--)
            {
                var statement = Unwrap(siblings[i]);
                if (!(statement is LocalDeclarationStatementSyntax declaration)
                    || !declaration.Declaration.Variables.All(v => IsBuffer(v.Initializer?.Value) && !used.Contains(v.Identifier.ValueText) && FirstUseIn(loop, model, v, cancellationToken) > origin))
                {
                    break;
                }

                before = siblings[i];
                if (HasBlankLine(before))
                    break;
            }

            if (before != item)
            {
                editor.InsertBefore(before, TakeBlankLines(editor, before, newNodes));
                return;
            }

            // One blank line between the declarations and the loop. A blank line that set the loop apart from other work
            // before it (a block, a call, the usings) now sets the declarations apart too; declarations before it are
            // joined, as one groups declarations by hand.
            var index = siblings.IndexOf(item);
            if (!HasBlankLine(item))
                editor.ReplaceNode(item, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, GetEndOfLine(item))));
            else if (!(index > 0 && Unwrap(siblings[index - 1]) is LocalDeclarationStatementSyntax))
                newNodes[0] = newNodes[0].WithLeadingTrivia(GetBlankLines(item).Concat(newNodes[0].GetLeadingTrivia()));
            editor.InsertBefore(item, newNodes);
        }

        /// <summary>
        /// A declaration such as a hoist leaves: a new buffer of a size (<c>new byte[4]</c>, <c>new StringBuilder(2048)</c>)
        /// or an empty array made at its size later. Declarations with contents (<c>new byte[] { 5 }</c>,
        /// <c>new MemoryStream(data)</c>) are the program's own and keep their place.
        /// </summary>
        private static bool IsBuffer(ExpressionSyntax? value)
        {
            switch (value)
            {
                case ArrayCreationExpressionSyntax array:
                    return array.Initializer == null;
                case BaseObjectCreationExpressionSyntax creation:
                    return creation.Initializer == null
                        && (creation.ArgumentList == null || creation.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax || a.Expression is IdentifierNameSyntax));
                case InvocationExpressionSyntax invocation:
                    return invocation.ArgumentList.Arguments.Count == 0 && invocation.Expression.ToString().Contains("Array.Empty<");
                default:
                    return false;
            }
        }

        /// <summary>
        /// Where <paramref name="loop"/> first uses the local <paramref name="variable"/> declares; -1 when it does not, or
        /// when code outside the loop uses it too (then it is not a buffer only the loop needs, as hoisted ones are).
        /// </summary>
        private static int FirstUseIn(StatementSyntax loop, SemanticModel model, VariableDeclaratorSyntax variable, CancellationToken cancellationToken)
        {
            var local = model.GetDeclaredSymbol(variable, cancellationToken);
            var scope = variable.FirstAncestorOrSelf<StatementSyntax>()?.Parent;
            if (local == null || scope == null)
                return -1;
            var first = -1;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                    continue;
                if (!loop.Span.Contains(name.Span))
                    return -1;
                if (first < 0)
                    first = name.SpanStart;
            }

            return first;
        }

        /// <summary>The statement a top-level statement holds; other nodes as they are.</summary>
        private static SyntaxNode Unwrap(SyntaxNode node) => node is GlobalStatementSyntax global ? global.Statement : node;

        /// <summary>Whether a blank line comes before the node (before any comment above it).</summary>
        private static bool HasBlankLine(SyntaxNode node)
        {
            foreach (var trivia in node.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    return true;
                if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                    return false;
            }

            return false;
        }

        /// <summary>The blank lines before the node (before its indentation and any comment above it).</summary>
        private static IEnumerable<SyntaxTrivia> GetBlankLines(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            var end = 0;
            for (var i = 0; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                    end = i + 1;
                else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                    break;
            }

            return leading.Take(end);
        }

        /// <summary>
        /// Blank lines that separated the anchor from what came before now separate the first new statement,
        /// so the new statements sit right against the one they serve.
        /// </summary>
        private static List<SyntaxNode> TakeBlankLines(SyntaxEditor editor, SyntaxNode anchor, List<SyntaxNode> newNodes)
        {
            var leading = anchor.GetLeadingTrivia();
            var blank = 0;
            while (blank < leading.Count && leading[blank].IsKind(SyntaxKind.EndOfLineTrivia))
                blank++;
            if (blank == 0)
                return newNodes;

            editor.ReplaceNode(anchor, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Skip(blank)));
            newNodes[0] = newNodes[0].WithLeadingTrivia(leading.Take(blank).Concat(newNodes[0].GetLeadingTrivia()));
            return newNodes;
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
