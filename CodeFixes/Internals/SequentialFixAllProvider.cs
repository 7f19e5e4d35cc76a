using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// Applies a fix to every diagnostic of a document one after another, each on the document the previous
    /// one produced, in source order. Fixes that add declarations (and so choose names) see what earlier fixes
    /// added, and the result is the same as applying them one at a time, which the batch fixer cannot promise.
    /// </summary>
    /// <remarks>
    /// Every fixable diagnostic is fixed, whatever the equivalence key: each gets the variant the key names when it
    /// offers that variant, and otherwise its own first variant (the one its first code action applies). That is what
    /// makes one <c>dotnet format</c> pass apply every fix: the tool asks only the first diagnostic of an ID for its
    /// actions and runs Fix All with the first action's key, or with no key at all when that diagnostic has no fix
    /// (docs/ci.md, "dotnet format").
    /// </remarks>
    internal static class SequentialFixAllProvider
    {
        public delegate Task<Document> ApplyFix(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

        /// <param name="getVariants">The equivalence keys a diagnostic's fixes carry, in the order its code actions are offered.</param>
        /// <param name="apply">Applies the variant a key names to one diagnostic.</param>
        public static FixAllProvider Create(Func<Diagnostic, ImmutableArray<string>> getVariants, ApplyFix apply)
        {
            return FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var key = context.CodeActionEquivalenceKey;
                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root == null)
                    return document;

                var ordered = diagnostics
                    .Where(d => d.Location.IsInSource && WellFormedCode.Contains(root, d.Location.SourceSpan))
                    .Select(d => (Diagnostic: d, Variant: ChooseVariant(getVariants(d), key)))
                    .Where(d => d.Variant != null)
                    .OrderBy(d => d.Diagnostic.Location.SourceSpan.Start)
                    .ToImmutableArray();
                if (ordered.IsEmpty)
                    return document;

                // Mark every diagnostic's node so it can be found again after earlier fixes moved text around.
                var annotations = ordered.Select(_ => new SyntaxAnnotation("Fragless.FixAll")).ToArray();
                var nodes = ordered.Select(d => root.FindNode(d.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)).ToArray();
                var annotated = root.ReplaceNodes(nodes.Distinct(), (original, rewritten) =>
                {
                    var result = rewritten;
                    for (var i = 0; i < nodes.Length; i++)
                    {
                        if (nodes[i] == original)
                            result = result.WithAdditionalAnnotations(annotations[i]);
                    }

                    return result;
                });

                var current = document.WithSyntaxRoot(annotated);
                for (var i = 0; i < ordered.Length; i++)
                {
                    var currentRoot = await current.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                    var node = currentRoot?.GetAnnotatedNodes(annotations[i]).FirstOrDefault();
                    if (node == null)
                        continue;

                    current = await apply(current, node.Span, ordered[i].Diagnostic, ordered[i].Variant!, context.CancellationToken).ConfigureAwait(false);
                }

                return current;
            });
        }

        /// <summary>The variant <paramref name="key"/> names when the diagnostic offers it, else its first; null when it has no fix.</summary>
        public static string? ChooseVariant(ImmutableArray<string> variants, string? key)
        {
            if (variants.IsDefaultOrEmpty)
                return null;
            return key != null && variants.Contains(key) ? key : variants[0];
        }
    }
}
