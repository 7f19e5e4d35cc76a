using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// Formats what a fix added (<see cref="Formatter.Annotation"/>) with the indentation of the code around it: the
    /// unit (2, 3, 4 spaces or a tab) the nearest enclosing block, type, switch or embedded statement already uses,
    /// unless <c>indent_size</c> or <c>indent_style</c> in .editorconfig says otherwise (then the formatter's options
    /// decide, as everywhere else).
    /// </summary>
    internal static class IndentationStyle
    {
        /// <summary>No unit shown: the formatter's options decide.</summary>
        private const string Default = "default";

        /// <summary>Nothing is indented: what the fix adds is not either.</summary>
        private const string None = "";

        /// <summary>
        /// Formats every node or token carrying <see cref="Formatter.Annotation"/> or elastic trivia, each with its own
        /// context's indentation, and takes the annotation and the elasticity off: the host's own clean-up after the code
        /// action formats what still carries them with the workspace's options, which would put its default indentation
        /// back.
        /// </summary>
        public static async Task<Document> FormatAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
                return document;

            // What the fix marked for formatting, and tokens with elastic trivia (what SyntaxFactory makes) outside it.
            var annotated = root.GetAnnotatedNodesAndTokens(Formatter.Annotation).ToList();
            var elastic = root.GetAnnotatedTrivia(SyntaxAnnotation.ElasticAnnotation)
                .Select(t => t.Token)
                .Where(t => t.RawKind != 0 && !t.HasAnnotation(Formatter.Annotation) && !HasAnnotatedAncestor(t))
                .Distinct()
                .ToList();
            if (annotated.Count == 0 && elastic.Count == 0)
                return document;

            var targets = annotated.Where(t => !HasAnnotatedAncestor(t)).Concat(elastic.Select(t => (SyntaxNodeOrToken)t)).ToList();
            var inferFromCode = !SetInEditorConfig(document, root.SyntaxTree);
            var text = root.SyntaxTree.GetText(cancellationToken);
            var units = new Dictionary<SyntaxNodeOrToken, string>();
            var inDocument = new System.Lazy<string?>(() => InDocument(root, text, targets[0].SpanStart));
            foreach (var target in targets)
                units[target] = inferFromCode ? Nearest(target, text) ?? inDocument.Value ?? Default : Default;

            var annotations = units.Values.Distinct().ToDictionary(unit => unit, _ => new SyntaxAnnotation("Fragless.Indentation"));
            root = root.ReplaceSyntax(
                annotated.Where(t => t.IsNode).Select(t => t.AsNode()!),
                (original, rewritten) =>
                {
                    var node = rewritten.WithoutAnnotations(Formatter.Annotation);
                    return units.TryGetValue(original, out var unit) ? node.WithAdditionalAnnotations(annotations[unit]) : node;
                },
                annotated.Where(t => t.IsToken).Select(t => t.AsToken()).Concat(elastic),
                (original, rewritten) =>
                {
                    var token = rewritten.WithoutAnnotations(Formatter.Annotation);
                    return units.TryGetValue(original, out var unit) ? token.WithAdditionalAnnotations(annotations[unit]) : token;
                },
                Enumerable.Empty<SyntaxTrivia>(),
                (_, rewritten) => rewritten);
            document = document.WithSyntaxRoot(root);

            foreach (var group in annotations)
            {
                var options = group.Key == Default || group.Key == None ? null : await OptionsForAsync(document, group.Key, cancellationToken).ConfigureAwait(false);
                document = await Formatter.FormatAsync(document, group.Value, options, cancellationToken).ConfigureAwait(false);
                if (group.Key == None)
                    document = await UnindentAsync(document, group.Value, cancellationToken).ConfigureAwait(false);
            }

            // Whitespace left elastic is formatted already; as it is, the clean-up would format it again.
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var remaining = root?.GetAnnotatedTrivia(SyntaxAnnotation.ElasticAnnotation).ToList();
            if (root != null && remaining!.Count > 0)
                document = document.WithSyntaxRoot(root.ReplaceTrivia(remaining, (_, rewritten) => rewritten.WithoutAnnotations(SyntaxAnnotation.ElasticAnnotation)));
            return document;
        }

        /// <summary>
        /// The indentation unit (<c>"\t"</c>, one to eight spaces, or <see cref="None"/> where nothing is indented) the
        /// code around <paramref name="target"/> uses: that of the nearest enclosing construct whose lines show it; null
        /// when none does (then the most common in the document decides, <see cref="InDocument"/>).
        /// </summary>
        private static string? Nearest(SyntaxNodeOrToken target, SourceText text)
        {
            for (var container = target.Parent; container != null; container = container.Parent)
            {
                var unit = Vote(Candidates(container, text), target.SpanStart);
                if (unit != null)
                    return unit;
            }

            return null;
        }

        /// <summary>The most common unit in the document (ties to the one nearest <paramref name="position"/>); null when all is on one line.</summary>
        private static string? InDocument(SyntaxNode root, SourceText text, int position)
            => Vote(root.DescendantNodesAndSelf().Where(n => !HasAnnotatedAncestor(n)).SelectMany(n => Candidates(n, text)), position);

        /// <summary>
        /// Takes the indentation off every line the formatter indented in what carries <paramref name="annotation"/>
        /// (and the line after it), for code that indents nothing (the formatter takes no indentation size of 0).
        /// </summary>
        private static async Task<Document> UnindentAsync(Document document, SyntaxAnnotation annotation, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
                return document;

            var text = root.SyntaxTree.GetText(cancellationToken);
            var tokens = new HashSet<SyntaxToken>();
            foreach (var item in root.GetAnnotatedNodesAndTokens(annotation))
            {
                var last = item.IsNode ? item.AsNode()!.GetLastToken() : item.AsToken();
                if (item.IsNode)
                    tokens.UnionWith(item.AsNode()!.DescendantTokens());
                else
                    tokens.Add(item.AsToken());
                var next = last.GetNextToken();
                if (next.RawKind != 0)
                    tokens.Add(next);
            }

            return document.WithSyntaxRoot(root.ReplaceTokens(tokens, (original, rewritten) =>
            {
                var leading = original.LeadingTrivia;
                var kept = leading.Where((trivia, i) => !(trivia.IsKind(SyntaxKind.WhitespaceTrivia)
                    && (i > 0 ? leading[i - 1].IsKind(SyntaxKind.EndOfLineTrivia) : text.Lines.GetLineFromPosition(trivia.SpanStart).Start == trivia.SpanStart)));
                return rewritten.WithLeadingTrivia(kept);
            }));
        }

        private static async Task<OptionSet> OptionsForAsync(Document document, string unit, CancellationToken cancellationToken)
        {
            var language = document.Project.Language;
            var options = (OptionSet)await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
            if (unit == "\t")
            {
                // One tab a level: the indentation size is the tab size.
                var tabSize = options.GetOption(FormattingOptions.TabSize, language);
                if (tabSize <= 0)
                    tabSize = 4;
                return options
                    .WithChangedOption(FormattingOptions.UseTabs, language, true)
                    .WithChangedOption(FormattingOptions.TabSize, language, tabSize)
                    .WithChangedOption(FormattingOptions.IndentationSize, language, tabSize);
            }

            return options
                .WithChangedOption(FormattingOptions.UseTabs, language, false)
                .WithChangedOption(FormattingOptions.IndentationSize, language, unit.Length);
        }

        private static bool SetInEditorConfig(Document document, SyntaxTree tree)
        {
            var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
            return options.TryGetValue("indent_size", out _) || options.TryGetValue("indent_style", out _);
        }

        private static bool HasAnnotatedAncestor(SyntaxNodeOrToken item)
        {
            for (var node = item.Parent; node != null; node = node.Parent)
            {
                if (node.HasAnnotation(Formatter.Annotation))
                    return true;
            }

            return false;
        }

        private static bool IsAnnotated(SyntaxNode node) => node.HasAnnotation(Formatter.Annotation) || node.GetFirstToken().HasAnnotation(Formatter.Annotation);

        /// <summary>The most common unit, ties going to the one seen nearest <paramref name="position"/>.</summary>
        private static string? Vote(IEnumerable<(string Unit, int Position)> candidates, int position)
        {
            return candidates
                .GroupBy(c => c.Unit)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Min(c => System.Math.Abs(c.Position - position)))
                .Select(g => g.Key)
                .FirstOrDefault();
        }

        /// <summary>
        /// What one construct shows of the unit: how much deeper than the line of its opening brace (or keyword, for an
        /// embedded statement or a switch section) each of its statements or members that starts a line is indented.
        /// What the fix added is not evidence.
        /// </summary>
        private static IEnumerable<(string Unit, int Position)> Candidates(SyntaxNode container, SourceText text)
        {
            if (!TryGetLevel(container, out var opening, out var children) || opening.IsMissing || opening.Span.IsEmpty)
                yield break;

            var outer = LineIndentation(opening, text);
            var openingLine = text.Lines.GetLineFromPosition(opening.SpanStart).LineNumber;
            foreach (var child in children)
            {
                if (child == null || child is LabeledStatementSyntax || IsAnnotated(child))
                    continue;
                var first = child.GetFirstToken();
                if (first.IsMissing || text.Lines.GetLineFromPosition(first.SpanStart).LineNumber == openingLine)
                    continue;
                var unit = Unit(outer, IndentationBefore(first, text));
                if (unit != null)
                    yield return (unit, first.SpanStart);
            }
        }

        private static bool TryGetLevel(SyntaxNode container, out SyntaxToken opening, out IEnumerable<SyntaxNode?> children)
        {
            opening = default;
            children = Enumerable.Empty<SyntaxNode>();
            switch (container)
            {
                case BlockSyntax block:
                    (opening, children) = (block.OpenBraceToken, block.Statements);
                    return true;
                case TypeDeclarationSyntax type:
                    (opening, children) = (type.OpenBraceToken, type.Members);
                    return true;
                case EnumDeclarationSyntax enumeration:
                    (opening, children) = (enumeration.OpenBraceToken, enumeration.Members);
                    return true;
                case NamespaceDeclarationSyntax ns:
                    (opening, children) = (ns.OpenBraceToken, ns.Members);
                    return true;
                case SwitchStatementSyntax switchStatement:
                    (opening, children) = (switchStatement.OpenBraceToken, switchStatement.Sections);
                    return true;
                case SwitchSectionSyntax section when section.Labels.Count > 0:
                    (opening, children) = (section.Labels[0].GetFirstToken(), section.Statements);
                    return true;
                case AccessorListSyntax accessors:
                    (opening, children) = (accessors.OpenBraceToken, accessors.Accessors);
                    return true;
                case ElseClauseSyntax elseClause when !(elseClause.Statement is BlockSyntax) && !(elseClause.Statement is IfStatementSyntax):
                    (opening, children) = (elseClause.ElseKeyword, new SyntaxNode?[] { elseClause.Statement });
                    return true;
                case StatementSyntax statement:
                    var embedded = Embedded(statement);
                    if (embedded == null || embedded is BlockSyntax)
                        return false;
                    (opening, children) = (statement.GetFirstToken(), new SyntaxNode?[] { embedded });
                    return true;
                default:
                    return false;
            }
        }

        private static StatementSyntax? Embedded(StatementSyntax statement)
        {
            switch (statement)
            {
                case IfStatementSyntax s: return s.Statement;
                case WhileStatementSyntax s: return s.Statement;
                case DoStatementSyntax s: return s.Statement;
                case ForStatementSyntax s: return s.Statement;
                case CommonForEachStatementSyntax s: return s.Statement;
                case UsingStatementSyntax s: return s.Statement;
                case LockStatementSyntax s: return s.Statement;
                case FixedStatementSyntax s: return s.Statement;
                default: return null;
            }
        }

        /// <summary>
        /// What <paramref name="inner"/> adds to <paramref name="outer"/>: one tab, one to eight spaces, or nothing
        /// (<see cref="None"/>); else null.
        /// </summary>
        private static string? Unit(string outer, string? inner)
        {
            if (inner == null || inner.Length < outer.Length || !inner.StartsWith(outer, System.StringComparison.Ordinal))
                return null;
            var extra = inner.Substring(outer.Length);
            if (extra == "\t")
                return extra;
            return extra.Length <= 8 && extra.All(c => c == ' ') ? extra : null;
        }

        /// <summary>The whitespace the line of <paramref name="token"/> starts with.</summary>
        private static string LineIndentation(SyntaxToken token, SourceText text)
        {
            var line = text.Lines.GetLineFromPosition(token.SpanStart);
            var end = line.Start;
            while (end < token.SpanStart && (text[end] == ' ' || text[end] == '\t'))
                end++;
            return text.ToString(TextSpan.FromBounds(line.Start, end));
        }

        /// <summary>The whitespace before <paramref name="token"/> when it starts its line; else null.</summary>
        private static string? IndentationBefore(SyntaxToken token, SourceText text)
        {
            var indentation = LineIndentation(token, text);
            return text.Lines.GetLineFromPosition(token.SpanStart).Start + indentation.Length == token.SpanStart ? indentation : null;
        }
    }
}
