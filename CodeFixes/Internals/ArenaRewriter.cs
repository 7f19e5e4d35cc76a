using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// Moves an array local into a <c>Fragless.Arena</c>: the declaration allocates from the arena, every use is
    /// rewritten for the chosen view (Span, ArraySegment or Memory), and the code that must rewind the arena is
    /// wrapped in a scope. Shared by the fixes that offer "Allocate from arena".
    /// </summary>
    internal static class ArenaRewriter
    {
        /// <summary>
        /// Rewrites <paramref name="declarator"/>'s array and its uses for <paramref name="view"/>, allocating from
        /// <paramref name="arena"/>. Returns false (and edits nothing) when the code no longer has the expected shape.
        /// </summary>
        public static bool RewriteBuffer(SyntaxEditor editor, SemanticModel model, VariableDeclaratorSyntax declarator, string view, ExpressionSyntax arena, CancellationToken cancellationToken)
        {
            if (!(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
                || !(declarator.Initializer?.Value is ArrayCreationExpressionSyntax creationSyntax)
                || !(model.GetOperation(creationSyntax, cancellationToken) is IArrayCreationOperation creation)
                || creation.DimensionSizes.Length != 1
                || !(creation.Type is IArrayTypeSymbol arrayType))
            {
                return false;
            }

            var isAsync = view == ArenaPlan.MemoryView;
            var uses = ArenaUses.Classify(creation, local, isAsync);
            if (uses == null)
                return false;

            var size = creationSyntax.Type.RankSpecifiers[0].Sizes[0].WithoutTrivia();
            var element = arrayType.ElementType;
            string method;
            TypeSyntax viewType;
            switch (view)
            {
                case ArenaPlan.SpanView:
                    method = element.SpecialType == SpecialType.System_Byte ? "Alloc" : "Alloc<" + element.ToMinimalDisplayString(model, declarator.SpanStart) + ">";
                    viewType = SystemType("Span", element, model, declarator.SpanStart);
                    break;
                case ArenaPlan.SegmentView:
                    method = "AllocSegment";
                    viewType = SystemType("ArraySegment", element, model, declarator.SpanStart);
                    break;
                case ArenaPlan.MemoryView:
                    method = "AllocMemory";
                    viewType = SystemType("Memory", element, model, declarator.SpanStart);
                    break;
                default:
                    return false;
            }

            // Inner edits first: element accesses, Length; the (array, offset, count) triples are rebuilt from
            // the already-edited argument lists afterwards.
            var triples = new List<ArenaUse>();
            foreach (var use in uses.Uses)
            {
                var name = (IdentifierNameSyntax)use.Reference.Syntax;
                switch (use.Kind)
                {
                    case ArenaUseKind.Element when view == ArenaPlan.MemoryView:
                        editor.ReplaceNode(name, Member(name, "Span"));
                        break;
                    case ArenaUseKind.Element when view == ArenaPlan.SegmentView:
                        if (name.Parent is ElementAccessExpressionSyntax access && access.ArgumentList.Arguments.Count == 1)
                        {
                            var index = access.ArgumentList.Arguments[0].Expression;
                            editor.ReplaceNode(access, (current, _) =>
                            {
                                var currentAccess = (ElementAccessExpressionSyntax)current;
                                var currentIndex = currentAccess.ArgumentList.Arguments[0].Expression;
                                var offset = SyntaxFactory.BinaryExpression(
                                    SyntaxKind.AddExpression,
                                    Member(name.WithoutTrivia(), "Offset"),
                                    SyntaxFactory.ParenthesizedExpression(currentIndex.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation));
                                return currentAccess
                                    .WithExpression(Member(name.WithoutTrivia(), "Array").WithTriviaFrom(currentAccess.Expression))
                                    .WithArgumentList(currentAccess.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(offset))));
                            });
                        }
                        else
                        {
                            return false;
                        }

                        break;
                    case ArenaUseKind.Length when view == ArenaPlan.SegmentView:
                        if (name.Parent is MemberAccessExpressionSyntax length)
                            editor.ReplaceNode(length.Name, SyntaxFactory.IdentifierName("Count").WithTriviaFrom(length.Name));
                        break;
                    case ArenaUseKind.ArrayOffsetCount:
                        triples.Add(use);
                        break;
                }
            }

            foreach (var use in triples)
            {
                if (!(use.Call!.Syntax is InvocationExpressionSyntax invocation))
                    return false;

                var index = use.ArgumentIndex;
                var originalArguments = invocation.ArgumentList.Arguments;
                var wholeBuffer = IsZero(originalArguments[index + 1].Expression) && IsLengthOf(originalArguments[index + 2].Expression, local, model, cancellationToken);
                var name = ((IdentifierNameSyntax)use.Reference.Syntax).Identifier.ValueText;
                editor.ReplaceNode(invocation.ArgumentList, (current, _) =>
                {
                    var list = (ArgumentListSyntax)current;
                    var arguments = list.Arguments;
                    var offset = arguments[index + 1].Expression.WithoutTrivia();
                    var count = arguments[index + 2].Expression.WithoutTrivia();
                    var first = arguments[index];
                    if (view == ArenaPlan.SegmentView)
                    {
                        var buffer = SyntaxFactory.IdentifierName(name);
                        var newOffset = IsZero(offset)
                            ? (ExpressionSyntax)Member(buffer, "Offset")
                            : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, Member(buffer, "Offset"), SyntaxFactory.ParenthesizedExpression(offset).WithAdditionalAnnotations(Simplifier.Annotation));
                        arguments = arguments.Replace(arguments[index + 1], arguments[index + 1].WithExpression(newOffset));
                        arguments = arguments.Replace(arguments[index], first.WithExpression(Member(buffer, "Array").WithTriviaFrom(first.Expression)));
                        return list.WithArguments(arguments);
                    }

                    ExpressionSyntax source = SyntaxFactory.IdentifierName(name);
                    if (view == ArenaPlan.MemoryView && use.MemoryOverload == null)
                        source = Member((IdentifierNameSyntax)source, "Span");
                    var replacement = wholeBuffer
                        ? source
                        : SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, source, SyntaxFactory.IdentifierName("Slice")),
                            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(offset), SyntaxFactory.Argument(count) })));
                    var kept = arguments.RemoveAt(index + 2).RemoveAt(index + 1);
                    return list.WithArguments(kept.Replace(kept[index], first.WithExpression(replacement.WithTriviaFrom(first.Expression))));
                });
            }

            // The declaration itself.
            var allocation = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, arena, SyntaxFactory.ParseName(method) is SimpleNameSyntax simple ? simple : SyntaxFactory.IdentifierName(method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(size))));
            editor.ReplaceNode(creationSyntax, allocation.WithTriviaFrom(creationSyntax));
            if (declarator.Parent is VariableDeclarationSyntax declaration && !declaration.Type.IsVar)
                editor.ReplaceNode(declaration.Type, viewType.WithTriviaFrom(declaration.Type));

            return true;
        }

        /// <summary>Wraps a loop body or method body in <c>using (arena.Scope()) { … }</c> unless it already is.</summary>
        public static void WrapInScope(SyntaxEditor editor, StatementSyntax body, ExpressionSyntax arena)
        {
            if (body is BlockSyntax existing
                && existing.Statements.Count == 1
                && existing.Statements[0] is UsingStatementSyntax inner
                && inner.Expression is InvocationExpressionSyntax call
                && call.Expression is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText == "Scope"
                && access.Expression.IsEquivalentTo(arena))
            {
                return;
            }

            editor.ReplaceNode(body, (current, _) =>
            {
                var statements = current is BlockSyntax block ? block.Statements : SyntaxFactory.SingletonList((StatementSyntax)current);
                var scope = SyntaxFactory.UsingStatement(
                    declaration: null,
                    expression: SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, arena, SyntaxFactory.IdentifierName("Scope"))),
                    statement: SyntaxFactory.Block(statements));
                var wrapped = SyntaxFactory.Block(scope).WithAdditionalAnnotations(Formatter.Annotation);
                return current is BlockSyntax original ? wrapped.WithTriviaFrom(original) : wrapped;
            });
        }

        /// <summary>
        /// The arena to allocate from: one in scope at <paramref name="position"/> (an arena the fix added earlier
        /// is grown to hold <paramref name="capacity"/> bytes if it is smaller), or null when the caller has to add one.
        /// </summary>
        public static ExpressionSyntax? FindArena(SyntaxEditor editor, SemanticModel model, int position, int capacity, CancellationToken cancellationToken)
        {
            var arenaType = model.Compilation.GetTypeByMetadataName(ArenaPlan.ArenaTypeName);
            if (arenaType == null)
                return null;

            var name = ArenaPlan.FindArenaInScope(model, arenaType, position);
            if (name == null)
                return null;

            if (capacity > 0)
                GrowIfAddedByFragless(editor, model, name, position, capacity, cancellationToken);
            return SyntaxFactory.IdentifierName(name);
        }

        /// <summary>A name for a new static arena field: <c>s_arena</c>, or <c>s_arena1</c>, … when the type or a base has one.</summary>
        public static string ChooseStaticArenaName(SemanticModel model, TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            var typeSymbol = model.GetDeclaredSymbol(type, cancellationToken);
            var taken = new HashSet<string>();
            for (var current = typeSymbol; current != null; current = current.BaseType)
                taken.UnionWith(current.MemberNames);

            var name = "s_arena";
            for (var i = 1; taken.Contains(name); i++)
                name = "s_arena" + i.ToString(CultureInfo.InvariantCulture);
            return name;
        }

        /// <summary>
        /// Adds <c>private static readonly Arena name = new Arena(capacity);</c> as the type's first member.
        /// Register it after every edit inside the type: it replaces the whole type declaration.
        /// </summary>
        public static void InsertStaticArena(SyntaxEditor editor, TypeDeclarationSyntax type, string name, int capacity)
        {
            var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                "private static readonly global::Fragless.Arena " + name + " = new global::Fragless.Arena(" + capacity.ToString(CultureInfo.InvariantCulture) + ");")!;
            field = field
                .ReplaceNodes(field.DescendantNodes().OfType<AliasQualifiedNameSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(type), StatementPlacement.GetEndOfLine(type))
                .WithAdditionalAnnotations(Formatter.Annotation);

            editor.ReplaceNode(type, (current, _) =>
            {
                var declaration = (TypeDeclarationSyntax)current;
                return declaration.WithMembers(declaration.Members.Insert(0, field));
            });
        }

        /// <summary><c>var arena = new Arena(capacity);</c> before a top-level statement.</summary>
        public static ExpressionSyntax AddLocalArena(SyntaxEditor editor, SemanticModel model, StatementSyntax before, int capacity, CancellationToken cancellationToken)
        {
            var name = LocalNames.GetUnique("arena", LocalNames.GetNameScope(before), model, self: null, cancellationToken);
            var statement = SyntaxFactory.ParseStatement("var " + name + " = new global::Fragless.Arena(" + capacity.ToString(CultureInfo.InvariantCulture) + ");");
            statement = statement
                .ReplaceNodes(statement.DescendantNodes().OfType<AliasQualifiedNameSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(before))
                .WithAdditionalAnnotations(Formatter.Annotation);
            StatementPlacement.InsertBefore(editor, before, statement);
            return SyntaxFactory.IdentifierName(name);
        }

        private static void GrowIfAddedByFragless(SyntaxEditor editor, SemanticModel model, string name, int position, int capacity, CancellationToken cancellationToken)
        {
            var symbol = model.LookupSymbols(position, name: name).FirstOrDefault();
            // Only an arena this fix added (s_arena, s_arena1, …): a user's own arena keeps the size they chose.
            if (!(symbol is IFieldSymbol field) || !field.IsStatic || !field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1
                || !System.Text.RegularExpressions.Regex.IsMatch(field.Name, "^s_arena[0-9]*$"))
            {
                return;
            }

            if (!(field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator)
                || !(declarator.Initializer?.Value is ObjectCreationExpressionSyntax creation)
                || creation.ArgumentList?.Arguments.Count != 1
                || !(creation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal)
                || !(literal.Token.Value is int current)
                || declarator.SyntaxTree != editor.OriginalRoot.SyntaxTree)
            {
                return;
            }

            // Buffers in different loops take turns (each loop's scope rewinds), so the largest one sets the size.
            if (capacity > current)
                editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(capacity)).WithTriviaFrom(literal));
        }

        private static MemberAccessExpressionSyntax Member(IdentifierNameSyntax name, string member)
        {
            return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, name.WithoutTrivia(), SyntaxFactory.IdentifierName(member)).WithTriviaFrom(name);
        }

        private static TypeSyntax SystemType(string name, ITypeSymbol element, SemanticModel model, int position)
        {
            var type = SyntaxFactory.ParseTypeName("global::System." + name + "<" + element.ToMinimalDisplayString(model, position) + ">");
            return type.ReplaceNodes(type.DescendantNodesAndSelf().OfType<QualifiedNameSyntax>().Where(q => q.Left is AliasQualifiedNameSyntax), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        }

        private static bool IsZero(ExpressionSyntax expression)
        {
            return expression is LiteralExpressionSyntax literal && literal.Token.Value is int value && value == 0;
        }

        private static bool IsLengthOf(ExpressionSyntax expression, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            return expression is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText == "Length"
                && access.Expression is IdentifierNameSyntax name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local);
        }
    }
}
