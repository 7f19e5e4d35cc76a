using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>Chooses local names that neither clash with nor shadow anything in the member.</summary>
    internal static class LocalNames
    {
        /// <summary>
        /// The member (or, for top-level statements, the whole compilation unit) whose names a new or
        /// widened local must not collide with.
        /// </summary>
        public static SyntaxNode GetNameScope(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                if (ancestor is GlobalStatementSyntax)
                    return ancestor.Parent!;
                if (ancestor is MemberDeclarationSyntax)
                    return ancestor;
            }

            return node.SyntaxTree.GetRoot();
        }

        /// <summary>
        /// <paramref name="preferred"/>, or it followed by 1, 2, … : the first that no identifier in the scope
        /// spells, other than the ones that already mean <paramref name="self"/>.
        /// </summary>
        public static string GetUnique(string preferred, SyntaxNode scope, SemanticModel model, ISymbol? self, CancellationToken cancellationToken)
        {
            var taken = new HashSet<string>();
            foreach (var token in scope.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                    continue;

                if (self != null && token.ValueText.Length > 0 && (token.ValueText == preferred || token.ValueText.StartsWith(preferred, System.StringComparison.Ordinal)))
                {
                    var parent = token.Parent;
                    var symbol = parent is IdentifierNameSyntax name
                        ? model.GetSymbolInfo(name, cancellationToken).Symbol
                        : parent != null ? model.GetDeclaredSymbol(parent, cancellationToken) : null;
                    if (SymbolEqualityComparer.Default.Equals(symbol, self))
                        continue;
                }

                taken.Add(token.ValueText);
            }

            if (!taken.Contains(preferred) && SyntaxFacts.GetKeywordKind(preferred) == SyntaxKind.None)
                return preferred;

            for (var i = 1; ; i++)
            {
                var candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
                if (!taken.Contains(candidate))
                    return candidate;
            }
        }

        /// <summary>The identifiers in <paramref name="scope"/> that refer to <paramref name="local"/>.</summary>
        public static List<IdentifierNameSyntax> FindReferences(SyntaxNode scope, SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
        {
            var references = new List<IdentifierNameSyntax>();
            foreach (var reference in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (reference.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
                {
                    references.Add(reference);
                }
            }

            return references;
        }
    }
}
