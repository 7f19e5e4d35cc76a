using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers;
using Fragless.Analyzers.Rules;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG009 fix: the statements after <c>var x = pool.Rent();</c> run in <c>try { … } finally { pool.Return(x); }</c>;
    /// every <c>pool.Return(x);</c> there (the block's last statement, or one right before a jump out) is removed and one
    /// becomes the finally. The analyzer decides when that keeps behaviour (<see cref="PooledObjectFixPlan"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PooledObjectMisuseFixer))]
    [Shared]
    public sealed class PooledObjectMisuseFixer : CodeFixProvider
    {
        public const string TryFinallyKey = "FRAG009.ReturnInFinally";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.PooledObjectMisuse);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(GetVariants, ApplyAsync);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!HasVariant(diagnostic, TryFinallyKey))
                    continue;

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Return it to the pool in a finally",
                        ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, TryFinallyKey, ct),
                        TryFinallyKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>The one fix a diagnostic may offer.</summary>
        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
            => HasVariant(diagnostic, TryFinallyKey) ? ImmutableArray.Create(TryFinallyKey) : ImmutableArray<string>.Empty;

        private static bool HasVariant(Diagnostic diagnostic, string equivalenceKey)
            => equivalenceKey == TryFinallyKey && diagnostic.Properties.ContainsKey(PooledObjectMisuseAnalyzer.TryFinallyFixKey);

        private static async Task<Document> ApplyAsync(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !HasVariant(diagnostic, equivalenceKey))
                return document;

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var declaration = node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            if (declaration == null || !(declaration.Parent is BlockSyntax block) || declaration.Declaration.Variables.Count != 1)
                return document;

            var name = declaration.Declaration.Variables[0].Identifier.ValueText;
            var index = block.Statements.IndexOf(declaration);
            var after = block.Statements.Skip(index + 1).ToList();
            if (after.Count < 2)
                return document;

            // Every Return of the object (the last statement, or one right before a jump out) moves to the finally.
            var wrapped = SyntaxFactory.Block(after);
            var returns = wrapped.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax))
                .OfType<ExpressionStatementSyntax>()
                .Where(s => IsReturnOf(s, name))
                .ToList();
            if (returns.Count == 0)
                return document;
            var last = returns[0];
            wrapped = wrapped.RemoveNodes(returns, SyntaxRemoveOptions.KeepNoTrivia)!;

            var tryStatement = SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(wrapped.Statements),
                    default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(last.WithoutTrivia())))
                .WithLeadingTrivia(after[0].GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            var statements = block.Statements.Take(index + 1).Concat(new StatementSyntax[] { tryStatement });
            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            editor.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(statements)));
            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }

        private static bool IsReturnOf(ExpressionStatementSyntax statement, string name)
        {
            return statement.Expression is InvocationExpressionSyntax call
                && call.Expression is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText == "Return"
                && call.ArgumentList.Arguments.Count == 1
                && call.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax argument
                && argument.Identifier.ValueText == name;
        }
    }
}
