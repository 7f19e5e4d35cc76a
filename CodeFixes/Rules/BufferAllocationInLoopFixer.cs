using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Rules;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG001 fixes: move the allocation before the loop and give each iteration a fresh-looking buffer
    /// (clear it, SetLength(0), Clear()), or, where every element read is written first, reuse the contents.
    /// The analyzer decides which variants keep behaviour; this class only carries them out.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BufferAllocationInLoopFixer))]
    [Shared]
    public sealed class BufferAllocationInLoopFixer : CodeFixProvider
    {
        /// <summary>
        /// The first FRAG001 fix of every diagnostic that can be hoisted: allocate once before the loop, reusing the
        /// contents where every element is proven written before it is read, else resetting the buffer each iteration.
        /// </summary>
        public const string HoistKey = "FRAG001.Hoist";

        /// <summary>Offered second where reusing the contents comes first: hoist and reset the buffer each iteration anyway.</summary>
        public const string HoistAndResetKey = "FRAG001.HoistAndReset";

        public const string AllocateFromArenaKey = "FRAG001.AllocateFromArena";

        /// <summary>SyntaxKind.CollectionExpression (C# 12), newer than the Roslyn the fixes compile against.</summary>
        private const int CollectionExpressionKind = 9076;

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BufferAllocationInLoop);

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

                foreach (var key in GetVariants(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(GetTitle(diagnostic, key), ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, key, ct), key),
                        diagnostic);
                }
            }
        }

        /// <summary>The fixes a diagnostic offers, first the one Fix All and <c>dotnet format</c> apply.</summary>
        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
        {
            var variants = ImmutableArray.CreateBuilder<string>(3);
            var properties = diagnostic.Properties;
            var restore = properties.GetValueOrDefault(BufferAllocationInLoopFixPlan.RestoreKey);
            if (properties.ContainsKey(BufferAllocationInLoopFixPlan.ReuseKey))
            {
                variants.Add(HoistKey);
                // Resetting a buffer whose every element is written first changes nothing, but it is what some want to read.
                if (restore != null && restore != BufferReset.None)
                    variants.Add(HoistAndResetKey);
            }
            else if (restore != null)
            {
                variants.Add(HoistKey);
            }

            if (properties.ContainsKey(ArenaPlan.ViewKey))
                variants.Add(AllocateFromArenaKey);
            return variants.ToImmutable();
        }

        private static string GetTitle(Diagnostic diagnostic, string key)
        {
            if (key == AllocateFromArenaKey)
                return "Allocate from arena";
            if (key == HoistAndResetKey)
                return "Allocate once before the loop and reset it each iteration";
            if (diagnostic.Properties.ContainsKey(BufferAllocationInLoopFixPlan.FillKey))
                return "Allocate once before the loop and fill it each iteration";
            if (diagnostic.Properties.ContainsKey(BufferAllocationInLoopFixPlan.ReuseKey))
                return "Allocate once before the loop and reuse its contents";
            return diagnostic.Properties.GetValueOrDefault(BufferAllocationInLoopFixPlan.RestoreKey) == BufferReset.None
                ? "Allocate once before the loop"
                : "Allocate once before the loop and reset it each iteration";
        }

        private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
        {
            if (!GetVariants(diagnostic).Contains(equivalenceKey))
                return document;

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
                return document;

            if (!(root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax allocation))
                return document;

            var properties = diagnostic.Properties;
            if (equivalenceKey == AllocateFromArenaKey)
            {
                // Each iteration of the innermost loop rewinds; a local arena, when one is needed, goes before the outermost.
                var innermost = LoopSyntax.FindEnclosingLoop(allocation, 1);
                var body = innermost == null ? null : LoopSyntax.GetBody(innermost);
                if (body == null)
                    return document;
                return await ArenaFix.ApplyAsync(document, root, model, allocation, properties, body, LoopSyntax.FindOutermostLoop(allocation), cancellationToken).ConfigureAwait(false);
            }

            if (!int.TryParse(properties.GetValueOrDefault(BufferAllocationInLoopFixPlan.HoistLoopsKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hoistLoops))
                return document;

            var loop = LoopSyntax.FindEnclosingLoop(allocation, hoistLoops);
            if (loop == null)
                return document;

            var restore = equivalenceKey == HoistKey && properties.ContainsKey(BufferAllocationInLoopFixPlan.ReuseKey)
                ? BufferReset.None
                : properties.GetValueOrDefault(BufferAllocationInLoopFixPlan.RestoreKey) ?? BufferReset.None;

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            var shape = properties.GetValueOrDefault(BufferAllocationInLoopFixPlan.ShapeKey);
            var sizeOnFirstUse = properties.ContainsKey(BufferAllocationInLoopFixPlan.SizeOnFirstUseKey);
            bool ok;
            if (shape == BufferAllocationInLoopFixPlan.ConditionalShape)
                ok = BufferAllocationInLoopConditionalFix.Hoist(document, editor, model, allocation, loop, restore, cancellationToken);
            else if (properties.ContainsKey(BufferAllocationInLoopFixPlan.FillKey))
                ok = shape == BufferAllocationInLoopFixPlan.DeclarationShape
                    ? BufferAllocationInLoopFillFix.HoistDeclaration(editor, model, allocation, loop, cancellationToken)
                    : BufferAllocationInLoopFillFix.HoistInline(document, editor, model, allocation, loop, cancellationToken);
            else if (shape == BufferAllocationInLoopFixPlan.DeclarationShape)
                ok = HoistDeclaration(editor, model, allocation, loop, restore, sizeOnFirstUse, cancellationToken);
            else
                ok = HoistInline(document, editor, model, allocation, loop, restore, sizeOnFirstUse, cancellationToken);
            if (!ok)
                return document;

            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>var frame = new byte[32];</c> in the loop: the declaration moves before the loop, a reset takes its place.</summary>
        /// <param name="sizeOnFirstUse">
        /// The size may be negative: the array starts as <c>Array.Empty&lt;T&gt;()</c> and is made at its size where the
        /// allocation was, the first time round (<c>if (a.Length != n) a = new T[n]; else reset</c>).
        /// </param>
        private static bool HoistDeclaration(SyntaxEditor editor, SemanticModel model, ExpressionSyntax allocation, StatementSyntax loop, string restore, bool sizeOnFirstUse, CancellationToken cancellationToken)
        {
            if (!(allocation.Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement))
            {
                return false;
            }

            var local = model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
            if (local == null)
                return false;

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique(local.Name, scope, model, local, cancellationToken);
            var moved = statement;
            if (name != local.Name)
            {
                moved = moved.ReplaceToken(declarator.Identifier, SyntaxFactory.Identifier(name).WithTriviaFrom(declarator.Identifier));
                foreach (var reference in LocalNames.FindReferences(scope, model, local, cancellationToken))
                    editor.ReplaceNode(reference, reference.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(reference.Identifier)));
            }

            // Comments about the buffer travel with its declaration; blank lines and indentation stay where they were.
            var leading = statement.GetLeadingTrivia();
            var layout = leading.TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
            var comments = leading.Skip(layout.Count);
            var hoisted = moved
                .WithLeadingTrivia(comments)
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);

            var reset = BufferResetSyntax.Create(name, restore, loop);
            if (sizeOnFirstUse)
            {
                if (!TrySizeOnFirstUse(model, allocation, name, reset, loop, cancellationToken, out var empty, out reset))
                    return false;
                hoisted = hoisted.ReplaceNode(hoisted.Declaration.Variables[0].Initializer!.Value, empty);
            }

            if (reset == null)
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            else
                editor.ReplaceNode(statement, reset.WithLeadingTrivia(layout).WithTrailingTrivia(statement.GetTrailingTrivia()));

            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, allocation.SpanStart, cancellationToken);
            return true;
        }

        /// <summary>
        /// A size that may be negative: the array starts as <c>Array.Empty&lt;T&gt;()</c> (<paramref name="empty"/>) and
        /// is made at its size where the allocation was, the first time round:
        /// <c>if (a.Length != n) a = new T[n]; else reset</c> (<paramref name="sized"/>).
        /// </summary>
        private static bool TrySizeOnFirstUse(
            SemanticModel model,
            ExpressionSyntax allocation,
            string name,
            StatementSyntax? reset,
            StatementSyntax loop,
            CancellationToken cancellationToken,
            out ExpressionSyntax empty,
            out StatementSyntax? sized)
        {
            empty = allocation;
            sized = null;
            if (!(allocation is ArrayCreationExpressionSyntax creation)
                || creation.Type.RankSpecifiers.Count == 0
                || creation.Type.RankSpecifiers[0].Sizes.Count != 1
                || !(model.GetTypeInfo(allocation, cancellationToken).Type is IArrayTypeSymbol arrayType))
            {
                return false;
            }

            empty = DeclarationStyle.EmptyArray(model, arrayType.ElementType.ToMinimalDisplayString(model, loop.SpanStart));
            var size = creation.Type.RankSpecifiers[0].Sizes[0].WithoutTrivia();
            var buffer = SyntaxFactory.IdentifierName(name);
            sized = SyntaxFactory.IfStatement(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.NotEqualsExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, buffer, SyntaxFactory.IdentifierName("Length")),
                        SyntaxFactory.ParenthesizedExpression(size).WithAdditionalAnnotations(Simplifier.Annotation)),
                    SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, buffer, creation.WithoutTrivia())),
                    reset == null ? null : SyntaxFactory.ElseClause(reset.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return true;
        }

        /// <summary>
        /// <c>Send(new byte[16])</c> in the loop: a local made before the loop takes the allocation's place.
        /// <c>Span&lt;byte&gt; s = new byte[n];</c> with a size that may be negative: the array is sized on first use.
        /// </summary>
        private static bool HoistInline(Document document, SyntaxEditor editor, SemanticModel model, ExpressionSyntax allocation, StatementSyntax loop, string restore, bool sizeOnFirstUse, CancellationToken cancellationToken)
        {
            var typeInfo = model.GetTypeInfo(allocation, cancellationToken);
            var type = typeInfo.Type ?? typeInfo.ConvertedType;
            if (type == null || type.TypeKind == TypeKind.Error)
                return false;

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique(PreferredName(type, model.GetOperation(allocation, cancellationToken)), scope, model, self: null, cancellationToken);

            var needsExplicitType = allocation is ImplicitObjectCreationExpressionSyntax || allocation.RawKind == CollectionExpressionKind;
            var typeSyntax = needsExplicitType || !DeclarationStyle.PrefersVar(document, loop)
                ? SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, loop.SpanStart))
                : SyntaxFactory.IdentifierName("var");
            var hoisted = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(
                        typeSyntax,
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(allocation.WithoutTrivia())))))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);

            editor.ReplaceNode(allocation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(allocation));

            var reset = BufferResetSyntax.Create(name, restore, loop);
            if (sizeOnFirstUse)
            {
                if (!TrySizeOnFirstUse(model, allocation, name, reset, loop, cancellationToken, out var empty, out reset))
                    return false;
                hoisted = hoisted.ReplaceNode(hoisted.Declaration.Variables[0].Initializer!.Value, empty);
                reset = reset!.WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop));
            }

            if (reset != null)
            {
                var statement = allocation.FirstAncestorOrSelf<StatementSyntax>();
                if (statement == null || statement == loop)
                    return false;
                StatementPlacement.InsertBefore(editor, statement, reset.WithAdditionalAnnotations(Formatter.Annotation));
            }

            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, allocation.SpanStart, cancellationToken);
            return true;
        }

        private static readonly ImmutableHashSet<string> s_uninformativeNames = ImmutableHashSet.Create("array", "value", "values", "arg", "args", "obj", "item", "items", "input", "source");

        /// <summary>The parameter's name for an argument (<c>separator</c> for <c>Split</c>), else one for the type.</summary>
        private static string PreferredName(ITypeSymbol type, IOperation? allocation)
        {
            var argument = allocation?.Parent is IConversionOperation conversion ? conversion.Parent : allocation?.Parent;
            if (argument is IArgumentOperation { Parameter: { } parameter } && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary }
                && parameter.Name.Length > 1 && !s_uninformativeNames.Contains(parameter.Name)
                && SyntaxFacts.IsValidIdentifier(parameter.Name) && SyntaxFacts.GetKeywordKind(parameter.Name) == SyntaxKind.None)
            {
                return parameter.Name;
            }

            switch (type.Name)
            {
                case "MemoryStream":
                    return "stream";
                case "StringBuilder":
                    return "builder";
                case "List":
                    return "list";
                default:
                    return "buffer";
            }
        }
    }
}
