using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG003 fix: allocate the buffer once, in a <c>readonly</c> field (<c>static readonly</c> for static members)
    /// initialized at its declaration; the local becomes the field, and where the allocation was, the buffer gets back
    /// the state of a new one (clear, SetLength(0), Clear()), or, for an array literal whose elements change, gets each
    /// element written. The analyzer decides when this keeps behaviour.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LargeAllocationFixer))]
    [Shared]
    public sealed class LargeAllocationFixer : CodeFixProvider
    {
        public const string AllocateOnceInFieldKey = "FRAG003.AllocateOnceInField";
        public const string AllocateFromArenaKey = "FRAG003.AllocateFromArena";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.LargeAllocationAfterStartup);

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

                if (HasVariant(diagnostic, AllocateOnceInFieldKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Allocate once in a field",
                            ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, AllocateOnceInFieldKey, ct),
                            AllocateOnceInFieldKey),
                        diagnostic);
                }

                if (HasVariant(diagnostic, AllocateFromArenaKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Allocate from arena",
                            ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, AllocateFromArenaKey, ct),
                            AllocateFromArenaKey),
                        diagnostic);
                }
            }
        }

        /// <summary>The fixes a diagnostic offers, first the one Fix All and <c>dotnet format</c> apply.</summary>
        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
        {
            var variants = ImmutableArray.CreateBuilder<string>(2);
            if (HasVariant(diagnostic, AllocateOnceInFieldKey))
                variants.Add(AllocateOnceInFieldKey);
            if (HasVariant(diagnostic, AllocateFromArenaKey))
                variants.Add(AllocateFromArenaKey);
            return variants.ToImmutable();
        }

        internal static bool HasVariant(Diagnostic diagnostic, string equivalenceKey)
        {
            if (equivalenceKey == AllocateFromArenaKey)
                return diagnostic.Properties.ContainsKey(ArenaPlan.ViewKey);
            return equivalenceKey == AllocateOnceInFieldKey
                && diagnostic.Properties.ContainsKey(LargeAllocationFixPlan.ShapeKey)
                && diagnostic.Properties.ContainsKey(LargeAllocationFixPlan.RestoreKey);
        }

        internal static async Task<Document> ApplyAsync(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || !HasVariant(diagnostic, equivalenceKey))
                return document;

            if (!(root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax allocation))
                return document;

            var properties = diagnostic.Properties;
            if (equivalenceKey == AllocateFromArenaKey)
            {
                // The whole method body runs in the scope: each call rewinds.
                var member = allocation.FirstAncestorOrSelf<MemberDeclarationSyntax>();
                var body = member switch
                {
                    BaseMethodDeclarationSyntax method => method.Body,
                    _ => allocation.FirstAncestorOrSelf<AccessorDeclarationSyntax>()?.Body,
                };
                if (body == null)
                    return document;
                return await ArenaFix.ApplyAsync(document, root, model, allocation, properties, body, localArenaAnchor: null, cancellationToken).ConfigureAwait(false);
            }

            var isStatic = properties.GetValueOrDefault(LargeAllocationFixPlan.StaticKey) == "true";
            var restore = properties.GetValueOrDefault(LargeAllocationFixPlan.RestoreKey) ?? BufferReset.None;
            var isDeclaration = properties.GetValueOrDefault(LargeAllocationFixPlan.ShapeKey) == LargeAllocationFixPlan.DeclarationShape;

            var typeSyntax = allocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (typeSyntax == null || !(model.GetDeclaredSymbol(typeSyntax, cancellationToken) is INamedTypeSymbol type))
                return document;

            ILocalSymbol? local = null;
            LocalDeclarationStatementSyntax? statement = null;
            ITypeSymbol? fieldType;
            string baseName;
            if (isDeclaration)
            {
                if (!(allocation.Parent is EqualsValueClauseSyntax equals)
                    || !(equals.Parent is VariableDeclaratorSyntax declarator)
                    || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration))
                {
                    return document;
                }

                statement = declaration;
                local = model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
                // var x = …: the field gets the allocation's own type (no nullable annotation from the inferred local).
                fieldType = declaration.Declaration.Type.IsVar
                    ? model.GetTypeInfo(allocation, cancellationToken).Type ?? local?.Type
                    : local?.Type;
                baseName = local?.Name.TrimStart('_') ?? string.Empty;
            }
            else
            {
                var typeInfo = model.GetTypeInfo(allocation, cancellationToken);
                fieldType = typeInfo.Type ?? typeInfo.ConvertedType;
                baseName = fieldType == null ? string.Empty : PreferredName(fieldType);
                // `SpanByte received = new byte[1024];` keeps its span local: the field is the array under it.
                if (allocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax view })
                    baseName = view.Identifier.ValueText.TrimStart('_') + "Buffer";
            }

            if (fieldType == null || fieldType.TypeKind == TypeKind.Error || baseName.Length == 0)
                return document;

            // An array literal whose elements change: the field is made at its length, and each run writes the elements.
            var initializer = allocation;
            IReadOnlyList<ExpressionSyntax>? elements = null;
            if (properties.GetValueOrDefault(LargeAllocationFixPlan.FillKey) == "true")
            {
                if (!ArrayLiteralFill.TryGetLiteral(model, allocation, typeSyntax.OpenBraceToken.Span.End, cancellationToken, out initializer, out elements))
                    return document;
            }

            var name = FieldNames.Choose(baseName, type, isStatic, typeSyntax, model, local, cancellationToken);
            var field = CreateField(name, fieldType, isStatic, initializer, model, typeSyntax);

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            var reset = BufferResetSyntax.Create(name, restore, allocation);
            if (statement != null && local != null)
            {
                var member = (SyntaxNode?)statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement;
                foreach (var reference in member.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (reference.Identifier.ValueText == local.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
                    {
                        editor.ReplaceNode(reference, reference.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(reference.Identifier)));
                    }
                }

                // Comments about the buffer travel with it to the field; blank lines and indentation stay where they were.
                var leading = statement.GetLeadingTrivia();
                var layout = leading.TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
                var comments = leading.Skip(layout.Count).Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
                if (comments.Count > 0)
                    field = field.WithLeadingTrivia(comments.Concat(field.GetLeadingTrivia()));

                if (elements != null)
                {
                    // The writes do the work the literal did where it was.
                    ArrayLiteralFill.ReplaceWithWrites(editor, statement, name, elements, layout, statement);
                }
                else if (reset == null)
                    editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
                else
                    editor.ReplaceNode(statement, reset.WithLeadingTrivia(layout).WithTrailingTrivia(statement.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                editor.ReplaceNode(allocation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(allocation));
                if (elements != null)
                {
                    var containing = allocation.FirstAncestorOrSelf<StatementSyntax>();
                    if (containing == null)
                        return document;
                    StatementPlacement.InsertBefore(editor, containing, ArrayLiteralFill.CreateWrites(name, elements, containing));
                }
                else if (reset != null)
                {
                    var containing = allocation.FirstAncestorOrSelf<StatementSyntax>();
                    if (containing == null)
                        return document;
                    StatementPlacement.InsertBefore(editor, containing, reset.WithAdditionalAnnotations(Formatter.Annotation));
                }
            }

            var lastField = typeSyntax.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
            if (lastField != null)
                editor.InsertAfter(lastField, field);
            else
            {
                // The new field opens the type, separated from what was its first member by a blank line.
                var first = typeSyntax.Members.FirstOrDefault();
                if (first != null && !first.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                    editor.ReplaceNode(first, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, StatementPlacement.GetEndOfLine(typeSyntax))));
                editor.InsertMembers(typeSyntax, 0, new[] { field });
            }

            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }

        private static FieldDeclarationSyntax CreateField(string name, ITypeSymbol fieldType, bool isStatic, ExpressionSyntax allocation, SemanticModel model, TypeDeclarationSyntax typeSyntax)
        {
            var modifiers = new List<SyntaxToken> { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) };
            if (isStatic)
                modifiers.Add(SyntaxFactory.Token(SyntaxKind.StaticKeyword));
            modifiers.Add(SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword));

            var type = SyntaxFactory.ParseTypeName(fieldType.ToMinimalDisplayString(model, typeSyntax.OpenBraceToken.Span.End));
            return SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(
                        type,
                        SyntaxFactory.SingletonSeparatedList(
                            SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                                .WithInitializer(SyntaxFactory.EqualsValueClause(allocation.WithoutTrivia())))))
                .WithModifiers(SyntaxFactory.TokenList(modifiers))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(typeSyntax))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static string PreferredName(ITypeSymbol type)
        {
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
