using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
    internal static class SequentialFixAllProvider
    {
        public delegate Task<Document> ApplyFix(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken);

        public static FixAllProvider Create(Func<Diagnostic, string, bool> hasVariant, ApplyFix apply)
        {
            return FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var key = context.CodeActionEquivalenceKey ?? string.Empty;
                var ordered = diagnostics
                    .Where(d => d.Location.IsInSource && hasVariant(d, key))
                    .OrderBy(d => d.Location.SourceSpan.Start)
                    .ToImmutableArray();
                if (ordered.IsEmpty)
                    return document;

                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root == null)
                    return document;

                // Mark every diagnostic's node so it can be found again after earlier fixes moved text around.
                var annotations = ordered.Select(_ => new SyntaxAnnotation("Fragless.FixAll")).ToArray();
                var nodes = ordered.Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)).ToArray();
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

                    current = await apply(current, node.Span, ordered[i], key, context.CancellationToken).ConfigureAwait(false);
                }

                return current;
            });
        }
    }
}
