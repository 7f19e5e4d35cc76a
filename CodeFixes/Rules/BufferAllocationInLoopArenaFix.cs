using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG001 "Allocate from arena": the buffer comes from a Fragless arena and the loop body runs in an arena
    /// scope, so each iteration rewinds what the previous one took. Also serves buffers whose size changes.
    /// </summary>
    internal static class BufferAllocationInLoopArenaFix
    {
        public static async Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax allocation, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            var view = properties.GetValueOrDefault(ArenaPlan.ViewKey);
            if (view == null
                || !(allocation.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator))
            {
                return document;
            }

            var loop = LoopSyntax.FindEnclosingLoop(allocation, 1);
            var body = loop == null ? null : LoopSyntax.GetBody(loop);
            if (loop == null || body == null)
                return document;

            int.TryParse(properties.GetValueOrDefault(ArenaPlan.CapacityKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity);

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            // Looked up again rather than taken from the diagnostic: an earlier fix in the same Fix All may have added one.
            var arena = ArenaRewriter.FindArena(editor, model, loop.SpanStart, capacity, cancellationToken);

            TypeDeclarationSyntax? newFieldOwner = null;
            string? newFieldName = null;
            if (arena == null)
            {
                if (capacity <= 0)
                    return document;

                // Async code gets an arena of its own call: a shared one would see scopes of interleaved calls close out of order.
                var type = view == ArenaPlan.MemoryView ? null : loop.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (type != null)
                {
                    newFieldOwner = type;
                    newFieldName = ArenaRewriter.ChooseStaticArenaName(model, type, cancellationToken);
                    arena = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IdentifierName(newFieldName);
                }
                else
                {
                    // One arena made before the outermost loop of the function (top-level statements, async methods).
                    var outermost = LoopSyntax.FindOutermostLoop(allocation) ?? loop;
                    arena = ArenaRewriter.AddLocalArena(editor, model, outermost, capacity, cancellationToken);
                }
            }

            if (!ArenaRewriter.RewriteBuffer(editor, model, declarator, view, arena, cancellationToken))
                return document;

            ArenaRewriter.WrapInScope(editor, body, arena);
            if (newFieldOwner != null)
                ArenaRewriter.InsertStaticArena(editor, newFieldOwner, newFieldName!, capacity);

            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }
    }
}
