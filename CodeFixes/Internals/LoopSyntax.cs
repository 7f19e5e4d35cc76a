using Microsoft.CodeAnalysis;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>Syntax-side twin of the analyzers' loop analysis: which loops run a node on every iteration.</summary>
    internal static class LoopSyntax
    {
        /// <summary>
        /// The <paramref name="count"/>-th loop, innermost first, whose iteration (body, condition or increment)
        /// contains the node, stopping at lambdas and local functions. Null when there are fewer.
        /// </summary>
        public static StatementSyntax? FindEnclosingLoop(SyntaxNode node, int count)
        {
            var found = 0;
            var child = node;
            for (var current = node.Parent; current != null; child = current, current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax || current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                    return null;

                if (current is StatementSyntax statement && IsPartOfIteration(statement, child) && ++found == count)
                    return statement;
            }

            return null;
        }

        public static bool IsPartOfIteration(StatementSyntax loop, SyntaxNode child) => CallSiteSyntax.IsPartOfIteration(loop, child);

        /// <summary>The outermost loop of the node's own function whose iteration contains the node.</summary>
        public static StatementSyntax? FindOutermostLoop(SyntaxNode node)
        {
            StatementSyntax? outermost = null;
            for (var count = 1; FindEnclosingLoop(node, count) is StatementSyntax loop; count++)
                outermost = loop;
            return outermost;
        }

        /// <summary>The statement a loop repeats.</summary>
        public static StatementSyntax? GetBody(StatementSyntax loop) => CallSiteSyntax.GetBody(loop);
    }
}
