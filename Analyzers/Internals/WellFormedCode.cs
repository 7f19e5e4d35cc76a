using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Fixes are offered only on code that parses: statements with syntax errors (code being typed) are moved and
    /// formatted unpredictably, and the formatter can throw on them.
    /// </summary>
    internal static class WellFormedCode
    {
        /// <summary>Whether the member (or top-level program) around <paramref name="span"/> has no syntax error.</summary>
        public static bool Contains(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
                return false;
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            SyntaxNode scope = node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => !(m is GlobalStatementSyntax)) ?? root;
            // A member's type holds the fields a fix may add: its own declaration line must parse too.
            if (scope.Parent is TypeDeclarationSyntax type && (type.OpenBraceToken.IsMissing || type.CloseBraceToken.IsMissing))
                return false;
            return !scope.ContainsDiagnostics;
        }
    }
}
