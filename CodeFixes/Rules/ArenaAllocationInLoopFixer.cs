using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Rules;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG007 fix: the loop body runs in <c>using (arena.Scope()) { … }</c>, so each iteration gives back what it took
    /// (the C# 7.3 form, no <c>using</c> declaration). The analyzer decides when nothing allocated is used after the iteration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ArenaAllocationInLoopFixer))]
    [Shared]
    public sealed class ArenaAllocationInLoopFixer : CodeFixProvider
    {
        public const string WrapInScopeKey = "FRAG007.WrapLoopBodyInScope";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ArenaAllocationInLoopWithoutRewind);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(GetVariants, ApplyAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
                return;

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!WellFormedCode.Contains(root, diagnostic.Location.SourceSpan))
                    continue;

                if (!HasVariant(diagnostic, WrapInScopeKey))
                    continue;

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Rewind the arena each iteration (using arena.Scope())",
                        ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, WrapInScopeKey, ct),
                        WrapInScopeKey),
                    diagnostic);
            }
        }

        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
            => HasVariant(diagnostic, WrapInScopeKey) ? ImmutableArray.Create(WrapInScopeKey) : ImmutableArray<string>.Empty;

        private static bool HasVariant(Diagnostic diagnostic, string equivalenceKey)
            => equivalenceKey == WrapInScopeKey && diagnostic.Properties.ContainsKey(ArenaAllocationInLoopAnalyzer.ScopeFixKey);

        private static async Task<Document> ApplyAsync(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !HasVariant(diagnostic, equivalenceKey))
                return document;

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (!(invocation?.Expression is MemberAccessExpressionSyntax access))
                return document;

            var body = FindLoopBody(invocation);
            if (body == null)
                return document;

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            ArenaRewriter.WrapInScope(editor, body, access.Expression.WithoutTrivia());
            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The body of the innermost loop around the call, in the same function.</summary>
        private static StatementSyntax? FindLoopBody(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax || current is MemberDeclarationSyntax)
                    return null;

                StatementSyntax? body = current switch
                {
                    WhileStatementSyntax loop => loop.Statement,
                    DoStatementSyntax loop => loop.Statement,
                    ForStatementSyntax loop => loop.Statement,
                    CommonForEachStatementSyntax loop => loop.Statement,
                    _ => null,
                };
                if (body != null && body.Span.Contains(node.Span))
                    return body;
            }

            return null;
        }
    }
}
