using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG002 fixes: the allocating call becomes a call that fills a buffer declared once before the loop. The
    /// analyzer decides where that keeps behaviour (<see cref="AllocatingReadFixPlan"/>); this class carries it out.
    /// Every fix kind shares one equivalence key naming the intent, <see cref="ReadIntoKey"/>, so that one Fix All
    /// (and one <c>dotnet format</c> pass) applies each diagnostic's own variant, whatever kind comes first.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllocatingReadFixer))]
    [Shared]
    public sealed class AllocatingReadFixer : CodeFixProvider
    {
        /// <summary>The equivalence key of every FRAG002 fix: read or write into a reused buffer.</summary>
        public const string ReadIntoKey = "FRAG002.ReadInto";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.AllocatingRead);

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

                if (!diagnostic.Properties.TryGetValue(AllocatingReadFixPlan.FixKey, out var kind) || kind == null)
                    continue;

                var key = ReadIntoKey;
                context.RegisterCodeFix(
                    CodeAction.Create(GetTitle(kind), ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, key, ct), key),
                    diagnostic);
            }
        }

        private static string GetTitle(string kind)
        {
            switch (kind)
            {
                case AllocatingReadFixKinds.BitConverterGetBytes:
                    return "Write the value into a buffer allocated once before the loop";
                case AllocatingReadFixKinds.GuidToByteArray:
                    return "Write the Guid into a buffer allocated once before the loop";
                case AllocatingReadFixKinds.EncodingGetBytes:
                    return "Encode into a reused buffer";
                case AllocatingReadFixKinds.ReadBytes:
                    return "Read into a buffer allocated once before the loop";
                case AllocatingReadFixKinds.StringToCharArray:
                    return "Copy the characters into a reused buffer";
                case AllocatingReadFixKinds.MemoryStreamBuffer:
                    return "Write the stream's own buffer";
                case AllocatingReadFixKinds.SerialPortReadByte:
                    return "Read into a one-byte buffer allocated once before the loop";
                case AllocatingReadFixKinds.UdpReceive:
                    return "Receive into a buffer allocated once before the loop";
                default:
                    return "Read into a reused buffer";
            }
        }

        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
            => HasVariant(diagnostic, ReadIntoKey) ? ImmutableArray.Create(ReadIntoKey) : ImmutableArray<string>.Empty;

        private static bool HasVariant(Diagnostic diagnostic, string equivalenceKey)
        {
            return equivalenceKey == ReadIntoKey && diagnostic.Properties.TryGetValue(AllocatingReadFixPlan.FixKey, out var kind) && kind != null;
        }

        private static async Task<Document> ApplyAsync(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
        {
            if (!HasVariant(diagnostic, equivalenceKey))
                return document;

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
                return document;

            if (!(root.FindNode(span, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation))
                return document;

            var properties = diagnostic.Properties;
            var plan = new Plan(
                properties.GetValueOrDefault(AllocatingReadFixPlan.FixKey) ?? string.Empty,
                properties.GetValueOrDefault(AllocatingReadFixPlan.ShapeKey) == AllocatingReadFixPlan.DeclarationShape,
                properties.GetValueOrDefault(AllocatingReadFixPlan.SpanKey) == "true",
                properties.GetValueOrDefault(AllocatingReadFixPlan.SizeKey),
                properties.GetValueOrDefault(AllocatingReadFixPlan.BitsKey));

            var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
            bool ok;
            if (plan.Kind == AllocatingReadFixKinds.MemoryStreamBuffer)
            {
                ok = AllocatingReadStreamFix.Apply(editor, model, invocation, plan.IsDeclaration, cancellationToken);
            }
            else
            {
                if (!int.TryParse(properties.GetValueOrDefault(AllocatingReadFixPlan.HoistLoopsKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hoistLoops))
                    return document;
                var loop = LoopSyntax.FindEnclosingLoop(invocation, hoistLoops);
                if (loop == null)
                    return document;
                ok = plan.Kind == AllocatingReadFixKinds.SerialPortReadByte
                    ? ApplyReadByte(document, editor, model, invocation, loop, cancellationToken)
                    : plan.IsDeclaration
                    ? ApplyDeclaration(document, editor, model, invocation, loop, plan, cancellationToken)
                    : ApplyInline(document, editor, model, invocation, loop, plan, cancellationToken);
            }

            if (!ok)
                return document;

            return await FixedDocument.CreateAsync(document, editor, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>var bytes = BitConverter.GetBytes(x);</c> in the loop: the buffer is declared before the loop, filled where the call was.</summary>
        private static bool ApplyDeclaration(Document document, SyntaxEditor editor, SemanticModel model, InvocationExpressionSyntax invocation, StatementSyntax loop, Plan plan, CancellationToken cancellationToken)
        {
            if (!(WalkUpParentheses(invocation).Parent is EqualsValueClauseSyntax equals)
                || !(equals.Parent is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement)
                || !(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
                || !(local.Type is IArrayTypeSymbol arrayType))
            {
                return false;
            }

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique(local.Name, scope, model, local, cancellationToken);
            var references = LocalNames.FindReferences(scope, model, local, cancellationToken);
            var countName = plan.UsesCount ? LocalNames.GetUnique(name + "Length", scope, model, null, cancellationToken) : null;

            List<StatementSyntax>? fill;
            var alsoHoisted = new List<StatementSyntax>();
            if (plan.Kind == AllocatingReadFixKinds.UdpReceive)
            {
                var udp = countName == null ? null : AllocatingReadUdpFix.Create(document, model, invocation, loop, name, countName, scope, cancellationToken);
                if (udp == null)
                    return false;
                fill = udp.Fill;
                alsoHoisted = udp.Hoisted;
            }
            else
            {
                fill = CreateFill(model, invocation, name, countName, scope, plan, cancellationToken);
                if (fill == null)
                    return false;
            }

            foreach (var reference in references)
            {
                if (countName != null && reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference && access.Name.Identifier.ValueText == "Length")
                {
                    editor.ReplaceNode(access, SyntaxFactory.IdentifierName(countName).WithTriviaFrom(access));
                    continue;
                }

                if (name != local.Name)
                    editor.ReplaceNode(reference, reference.WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(reference.Identifier)));

                // Write(bytes) with a (T[], int, int) overload: hand over only the part that was filled.
                if (countName != null && reference.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list && list.Arguments.Count == 1)
                {
                    editor.ReplaceNode(list, (current, _) => ((ArgumentListSyntax)current).AddArguments(
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))),
                        SyntaxFactory.Argument(SyntaxFactory.IdentifierName(countName))));
                }
            }

            var elementType = arrayType.ElementType.ToMinimalDisplayString(model, loop.SpanStart);
            var hoisted = DeclarationStyle.Declare(
                    DeclarationStyle.PrefersVar(document, statement, statement),
                    elementType + "[]",
                    name,
                    NewArray(model, elementType, plan.InitialSize))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);

            // The call stays in the loop as the fill, and so do the comments above it; only the buffer is new.
            var leading = statement.GetLeadingTrivia();
            var endOfLine = StatementPlacement.GetEndOfLine(loop);
            var replacement = fill.Select((s, i) => (SyntaxNode)(i == 0 ? s.WithLeadingTrivia(leading) : s).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            editor.InsertBefore(statement, replacement);
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            var allHoisted = new List<StatementSyntax> { hoisted };
            allHoisted.AddRange(alsoHoisted.Select(s => s.WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)));
            StatementPlacement.InsertHoisted(editor, model, loop, allHoisted, invocation.SpanStart, cancellationToken);
            return true;
        }

        /// <summary><c>port.Write(BitConverter.GetBytes(x))</c> in the loop: a buffer made before the loop is filled just before the statement.</summary>
        private static bool ApplyInline(Document document, SyntaxEditor editor, SemanticModel model, InvocationExpressionSyntax invocation, StatementSyntax loop, Plan plan, CancellationToken cancellationToken)
        {
            var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
            if (statement == null || statement == loop || plan.UsesCount)
                return false;

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique("buffer", scope, model, null, cancellationToken);
            var fill = CreateFill(model, invocation, name, null, scope, plan, cancellationToken);
            if (fill == null)
                return false;

            var endOfLine = StatementPlacement.GetEndOfLine(loop);
            var filled = fill.Select(s => s.WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            editor.ReplaceNode(invocation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(invocation));
            if (statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax)
            {
                editor.InsertBefore(statement, filled);
            }
            else if (filled.Count == 1)
            {
                StatementPlacement.InsertBefore(editor, statement, filled[0]);
            }
            else
            {
                editor.ReplaceNode(statement, (current, _) => SyntaxFactory.Block(filled.Concat(new[] { (StatementSyntax)current })).WithAdditionalAnnotations(Formatter.Annotation));
            }

            var hoisted = DeclarationStyle.Declare(DeclarationStyle.PrefersVar(document, loop), "byte[]", name, NewArray(model, "byte", plan.InitialSize))
                .WithTrailingTrivia(endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, invocation.SpanStart, cancellationToken);
            return true;
        }

        /// <summary>
        /// <c>port.ReadByte()</c> in the loop: <c>(port.Read(oneByte, 0, 1) == 1 ? oneByte[0] : 0)</c> in its place, over
        /// a byte[1] made before the loop. nanoFramework's ReadByte reads into a new byte[1] and returns its first byte,
        /// 0 when nothing was read; this returns the same. A statement that drops the result becomes <c>port.Read(oneByte, 0, 1);</c>.
        /// </summary>
        private static bool ApplyReadByte(Document document, SyntaxEditor editor, SemanticModel model, InvocationExpressionSyntax invocation, StatementSyntax loop, CancellationToken cancellationToken)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access) || invocation.ArgumentList.Arguments.Count != 0)
                return false;

            var scope = LocalNames.GetNameScope(loop);
            var name = LocalNames.GetUnique("oneByte", scope, model, null, cancellationToken);
            // A discarded ReadByte() (draining a port) becomes a discarded Read: a conditional is no statement.
            var call = access.WithName(SyntaxFactory.IdentifierName("Read")).WithoutTrivia() + "(" + name + ", 0, 1)";
            var read = SyntaxFactory.ParseExpression(invocation.Parent is ExpressionStatementSyntax ? call : "(" + call + " == 1 ? " + name + "[0] : 0)");
            editor.ReplaceNode(invocation, read.WithTriviaFrom(invocation).WithAdditionalAnnotations(Simplifier.Annotation));

            var hoisted = DeclarationStyle.Declare(DeclarationStyle.PrefersVar(document, loop), "byte[]", name, SyntaxFactory.ParseExpression("new byte[1]"))
                .WithTrailingTrivia(StatementPlacement.GetEndOfLine(loop))
                .WithAdditionalAnnotations(Formatter.Annotation);
            StatementPlacement.InsertHoisted(editor, model, loop, hoisted, invocation.SpanStart, cancellationToken);
            return true;
        }

        private const string BinaryPrimitives = "System.Buffers.Binary.BinaryPrimitives";

        /// <summary>
        /// Where <c>System.Buffers.Binary.BinaryPrimitives</c> exists (netstandard2.0 with System.Memory):
        /// <c>BinaryPrimitives.WriteInt32LittleEndian(bytes, v);</c>, reversed on big-endian machines as
        /// <c>GetBytes</c> is. Null where it does not (nanoFramework, netstandard2.0 alone): the bits are shifted instead.
        /// </summary>
        private static List<StatementSyntax>? BinaryPrimitivesFill(SemanticModel model, string name, string argument, string? bits, int size)
        {
            var type = WellKnownTypes.For(model.Compilation).Get(BinaryPrimitives);
            if (type == null || type.DeclaredAccessibility != Accessibility.Public)
                return null;

            string method;
            var value = argument;
            switch (bits)
            {
                case AllocatingReadFixPlan.BitsSigned:
                    method = "WriteInt" + (8 * size).ToString(CultureInfo.InvariantCulture) + "LittleEndian";
                    break;
                case AllocatingReadFixPlan.BitsUnsigned:
                    method = "WriteUInt" + (8 * size).ToString(CultureInfo.InvariantCulture) + "LittleEndian";
                    break;
                case AllocatingReadFixPlan.BitsDouble:
                    method = "WriteInt64LittleEndian";
                    value = "global::System.BitConverter.DoubleToInt64Bits(" + argument + ")";
                    break;
                case AllocatingReadFixPlan.BitsSingle:
                    method = "WriteInt32LittleEndian";
                    value = "global::System.BitConverter.SingleToInt32Bits(" + argument + ")";
                    break;
                default:
                    return null;
            }

            if (size != 2 && size != 4 && size != 8 || !type.GetMembers(method).OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.Length == 2))
                return null;

            var statements = Parse(
                "global::" + BinaryPrimitives + "." + method + "(" + name + ", " + value + ");",
                "if (!global::System.BitConverter.IsLittleEndian) global::System.Array.Reverse(" + name + ");");
            var write = statements[0];
            var typeName = write.DescendantNodes().OfType<MemberAccessExpressionSyntax>().First(m => m.ToString() == "global::" + BinaryPrimitives);
            statements[0] = write.ReplaceNode(typeName, typeName.WithoutAnnotations(Simplifier.Annotation).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            return statements;
        }

        /// <summary><c>new T[size]</c>, or the target's empty array for a buffer that starts empty and grows.</summary>
        private static ExpressionSyntax NewArray(SemanticModel model, string elementType, string size)
            => size == "0" ? DeclarationStyle.EmptyArray(model, elementType) : SyntaxFactory.ParseExpression("new " + elementType + "[" + size + "]");

        /// <summary>The statements that fill buffer <paramref name="name"/> where the call was.</summary>
        private static List<StatementSyntax>? CreateFill(SemanticModel model, InvocationExpressionSyntax invocation, string name, string? countName, SyntaxNode scope, Plan plan, CancellationToken cancellationToken)
        {
            var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression.WithoutTrivia().ToString();
            var arguments = invocation.ArgumentList.Arguments;
            var firstArgument = arguments.Count > 0 ? Atom(arguments[0].Expression) : null;
            var firstArgumentText = arguments.Count > 0 ? arguments[0].Expression.WithoutTrivia().ToString() : null;
            switch (plan.Kind)
            {
                case AllocatingReadFixKinds.BitConverterGetBytes:
                    if (firstArgumentText == null)
                        return null;
                    return plan.UsesSpan
                        ? Parse(RenameCall(invocation, "TryWriteBytes") + "(" + name + ", " + firstArgumentText + ");")
                        : BitConverterArrayFill(model, name, firstArgumentText, scope, plan, cancellationToken);

                case AllocatingReadFixKinds.GuidToByteArray:
                    return receiver == null ? null : Parse(receiver + ".TryWriteBytes(" + name + ");");

                case AllocatingReadFixKinds.EncodingGetBytes:
                    if (receiver == null || firstArgument == null || countName == null)
                        return null;
                    return Parse(
                        "int " + countName + " = " + receiver + ".GetByteCount(" + firstArgumentText + ");",
                        "if (" + name + ".Length < " + countName + ") " + name + " = new byte[" + countName + "];",
                        receiver + ".GetBytes(" + firstArgumentText + ", 0, " + firstArgument + ".Length, " + name + ", 0);");

                case AllocatingReadFixKinds.StringToCharArray:
                    if (receiver == null || countName == null)
                        return null;
                    return Parse(
                        "int " + countName + " = " + receiver + ".Length;",
                        "if (" + name + ".Length < " + countName + ") " + name + " = new char[" + countName + "];",
                        receiver + ".CopyTo(0, " + name + ", 0, " + countName + ");");

                case AllocatingReadFixKinds.ReadBytes:
                    if (receiver == null || countName == null || firstArgument == null)
                        return null;
                    var readName = LocalNames.GetUnique(name + "Read", scope, model, null, cancellationToken);
                    return Parse(
                        "int " + countName + " = 0;",
                        ("while (" + countName + " < " + firstArgument + ")\n{\n"
                        + "int " + readName + " = " + receiver + ".Read(" + name + ", " + countName + ", " + firstArgument + " - " + countName + ");\n"
                        + "if (" + readName + " == 0)\nbreak;\n"
                        + countName + " += " + readName + ";\n}").Replace("\n", StatementPlacement.GetEndOfLine(invocation).ToFullString()));

                default:
                    return null;
            }
        }

        private static SyntaxNode WalkUpParentheses(SyntaxNode node)
        {
            var current = node;
            while (current.Parent is ParenthesizedExpressionSyntax)
                current = current.Parent;
            return current;
        }

        /// <summary>The expression's text, parenthesised unless it is a name, member access, literal or call, so <c>.Length</c> or an operator can follow it.</summary>
        private static string Atom(ExpressionSyntax expression)
        {
            var text = expression.WithoutTrivia().ToString();
            switch (expression)
            {
                case IdentifierNameSyntax _:
                case MemberAccessExpressionSyntax _:
                case LiteralExpressionSyntax _:
                case InvocationExpressionSyntax _:
                case ParenthesizedExpressionSyntax _:
                case ThisExpressionSyntax _:
                    return text;
                default:
                    return "(" + text + ")";
            }
        }

        /// <summary><c>BitConverter.GetBytes</c> as written (qualified or not) with another method name.</summary>
        private static string RenameCall(InvocationExpressionSyntax invocation, string newName)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    return access.WithName(SyntaxFactory.IdentifierName(newName)).WithoutTrivia().ToString();
                default:
                    return newName;
            }
        }

        /// <summary>
        /// Targets without <c>BitConverter.TryWriteBytes</c>: the value's bits shifted out low byte first, then
        /// reversed on big-endian machines, which is what GetBytes returns on either.
        /// </summary>
        private static List<StatementSyntax>? BitConverterArrayFill(SemanticModel model, string name, string argument, SyntaxNode scope, Plan plan, CancellationToken cancellationToken)
        {
            if (!int.TryParse(plan.Size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 1 || size > 8)
                return null;

            if (plan.Bits == AllocatingReadFixPlan.BitsBoolean)
                return Parse(name + "[0] = (byte)((" + argument + ") ? 1 : 0);");

            var primitives = BinaryPrimitivesFill(model, name, argument, plan.Bits, size);
            if (primitives != null)
                return primitives;

            string declaration;
            switch (plan.Bits)
            {
                case AllocatingReadFixPlan.BitsSigned:
                    declaration = "long {0} = " + argument + ";";
                    break;
                case AllocatingReadFixPlan.BitsUnsigned:
                    declaration = "ulong {0} = " + argument + ";";
                    break;
                case AllocatingReadFixPlan.BitsDouble:
                    declaration = "long {0} = global::System.BitConverter.DoubleToInt64Bits(" + argument + ");";
                    break;
                case AllocatingReadFixPlan.BitsSingle:
                    declaration = "long {0} = global::System.BitConverter.SingleToInt32Bits(" + argument + ");";
                    break;
                default:
                    return null;
            }

            var bits = LocalNames.GetUnique(name + "Bits", scope, model, null, cancellationToken);
            var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, declaration, bits) };

            // Without Array.Reverse (nanoFramework), each byte goes straight to its big- or little-endian index.
            var canReverse = !model.Compilation.GetSpecialType(SpecialType.System_Array).GetMembers("Reverse").IsEmpty;
            for (var i = 0; i < size; i++)
            {
                var index = canReverse
                    ? i.ToString(CultureInfo.InvariantCulture)
                    : "global::System.BitConverter.IsLittleEndian ? " + i.ToString(CultureInfo.InvariantCulture) + " : " + (size - 1 - i).ToString(CultureInfo.InvariantCulture);
                lines.Add(i == 0
                    ? name + "[" + index + "] = (byte)(" + bits + " & 0xFF);"
                    : name + "[" + index + "] = (byte)((" + bits + " >> " + (8 * i).ToString(CultureInfo.InvariantCulture) + ") & 0xFF);");
            }

            if (canReverse)
                lines.Add("if (!global::System.BitConverter.IsLittleEndian) global::System.Array.Reverse(" + name + ");");
            return Parse(lines.ToArray());
        }

        /// <summary>Statements from text; <c>global::System.X</c> names are left for the simplifier and import adder to shorten.</summary>
        internal static List<StatementSyntax> Parse(params string[] statements)
        {
            var result = new List<StatementSyntax>();
            foreach (var text in statements)
            {
                var statement = SyntaxFactory.ParseStatement(text);
                var qualified = statement.DescendantNodes().OfType<AliasQualifiedNameSyntax>().Select(q => q.Parent).OfType<MemberAccessExpressionSyntax>().ToList();
                if (qualified.Count > 0)
                    statement = statement.ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
                result.Add(statement);
            }

            return result;
        }

        internal sealed class Plan
        {
            public Plan(string kind, bool isDeclaration, bool usesSpan, string? size, string? bits)
            {
                Kind = kind;
                IsDeclaration = isDeclaration;
                UsesSpan = usesSpan;
                Size = size;
                Bits = bits;
            }

            public string Kind { get; }

            public bool IsDeclaration { get; }

            public bool UsesSpan { get; }

            public string? Size { get; }

            public string? Bits { get; }

            /// <summary>The fix hands over a buffer that may be larger than the result, with the count filled.</summary>
            public bool UsesCount => Kind == AllocatingReadFixKinds.EncodingGetBytes || Kind == AllocatingReadFixKinds.StringToCharArray || Kind == AllocatingReadFixKinds.ReadBytes
                || Kind == AllocatingReadFixKinds.UdpReceive;

            /// <summary>Size of the buffer declared before the loop: fixed sizes, or 0 for buffers that grow when needed.</summary>
            public string InitialSize => Kind == AllocatingReadFixKinds.EncodingGetBytes || Kind == AllocatingReadFixKinds.StringToCharArray ? "0" : Size ?? "0";
        }
    }
}
