using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// "Allocate from arena", for any rule: the buffer comes from a Fragless arena and <c>scopeBody</c> (a loop
    /// body, a method body) runs in an arena scope, so each run of it rewinds what the previous one took.
    /// The analyzer's <see cref="ArenaPlan"/> properties say which view the code needs.
    /// </summary>
    internal static class ArenaFix
    {
        /// <param name="scopeBody">The statement wrapped in <c>using (arena.Scope())</c>.</param>
        /// <param name="localArenaAnchor">Where a new local arena goes when no type can hold a static one (top-level statements, async code); null: never a local.</param>
        public static async Task<Document> ApplyAsync(
            Document document,
            SyntaxNode root,
            SemanticModel model,
            ExpressionSyntax allocation,
            ImmutableDictionary<string, string?> properties,
            StatementSyntax scopeBody,
            StatementSyntax? localArenaAnchor,
            CancellationToken cancellationToken)
        {
            var view = properties.GetValueOrDefault(ArenaPlan.ViewKey);
            if (view == null
                || !(allocation.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator))
            {
                return document;
            }

            int.TryParse(properties.GetValueOrDefault(ArenaPlan.CapacityKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity);

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);

            // Looked up again rather than taken from the diagnostic: an earlier fix in the same Fix All may have added one.
            var position = scopeBody is BlockSyntax block ? block.OpenBraceToken.Span.End : scopeBody.SpanStart;
            var arena = ArenaRewriter.FindArena(editor, model, position, capacity, cancellationToken);

            TypeDeclarationSyntax? newFieldOwner = null;
            string? newFieldName = null;
            if (arena == null)
            {
                if (capacity <= 0)
                    return document;

                // Async code gets an arena of its own call: a shared one would see scopes of interleaved calls close out of order.
                var type = view == ArenaPlan.MemoryView ? null : scopeBody.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (type != null)
                {
                    newFieldOwner = type;
                    newFieldName = ArenaRewriter.ChooseStaticArenaName(model, type, cancellationToken);
                    arena = SyntaxFactory.IdentifierName(newFieldName);
                }
                else if (localArenaAnchor != null)
                {
                    arena = ArenaRewriter.AddLocalArena(editor, model, localArenaAnchor, capacity, cancellationToken);
                }
                else
                {
                    return document;
                }
            }

            if (!ArenaRewriter.RewriteBuffer(editor, model, declarator, view, arena, cancellationToken))
                return document;

            ArenaRewriter.WrapInScope(editor, scopeBody, arena);
            if (newFieldOwner != null)
                ArenaRewriter.InsertStaticArena(editor, newFieldOwner, newFieldName!, capacity);

            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }
    }
}
