using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Where a compilation's source spells a name, found from the text: an ordinal search of each tree's characters
    /// (vectorised by the runtime), and at each hit that is a whole word only the token there is read. Walking every
    /// tree's syntax nodes to index its names costs several times more than searching its characters, and most names
    /// are asked of few trees. One per compilation, shared through <see cref="ChurnModel"/>.
    /// </summary>
    internal sealed class NameOccurrences
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, TreeText> _texts = new ConcurrentDictionary<SyntaxTree, TreeText>();
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _sourceTypes = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);

        public NameOccurrences(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>
        /// The compilation's own types called <paramref name="name"/>, from its declaration table (no binding, no walk of
        /// every type); the names the assembly declares say first whether there are any (most types a name is asked of
        /// are the framework's). Looked up once per name.
        /// </summary>
        public ImmutableArray<INamedTypeSymbol> SourceTypesNamed(string name, CancellationToken cancellationToken)
        {
            if (!_compilation.Assembly.TypeNames.Contains(name))
                return ImmutableArray<INamedTypeSymbol>.Empty;
            if (_sourceTypes.TryGetValue(name, out var types))
                return types;
            return _sourceTypes.GetOrAdd(name, _compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>().ToImmutableArray());
        }

        /// <summary>The trees whose text contains <paramref name="name"/> (a few that do not use it as a name, never one that does).</summary>
        public IEnumerable<SyntaxTree> TreesSpelling(string name, CancellationToken cancellationToken)
        {
            foreach (var tree in _compilation.SyntaxTrees)
            {
                var text = Text(tree, cancellationToken);
                if (text.MaySpellOtherwise || text.Chars.IndexOf(name, StringComparison.Ordinal) >= 0)
                    yield return tree;
            }
        }

        /// <summary>The simple names (<c>M</c>, <c>M&lt;T&gt;</c>, <c>@M</c>) in <paramref name="tree"/> whose identifier is <paramref name="name"/>.</summary>
        public ImmutableArray<SimpleNameSyntax> In(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            var text = Text(tree, cancellationToken);
            if (text.Names.TryGetValue(name, out var found))
                return found;
            return text.Names.GetOrAdd(name, Find(tree, name, cancellationToken));
        }

        private ImmutableArray<SimpleNameSyntax> Find(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            var treeText = Text(tree, cancellationToken);
            var text = treeText.Chars;
            if (name.Length == 0)
                return ImmutableArray<SimpleNameSyntax>.Empty;

            var root = tree.GetRoot(cancellationToken);
            var result = ImmutableArray.CreateBuilder<SimpleNameSyntax>();
            for (var at = IndexOfWord(text, name, 0, text.Length); at >= 0; at = IndexOfWord(text, name, at + name.Length, text.Length))
            {
                var end = at + name.Length;
                var token = root.FindToken(at);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == end && token.ValueText == name && token.Parent is SimpleNameSyntax simple)
                    result.Add(simple);
            }

            // A name spelled with an escape (M\u0065thod) is not in the text as itself; the few such names were listed once.
            foreach (var escaped in EscapedNames(treeText, root))
            {
                if (escaped.Identifier.ValueText == name)
                    result.Add(escaped);
            }

            if (result.Count > 1 && !treeText.EscapedNames.IsDefaultOrEmpty)
                result.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
            return result.ToImmutable();
        }

        /// <summary>
        /// Whether <paramref name="scope"/> spells <paramref name="name"/> other than as a simple name: a declaration of
        /// that name there (a local, a parameter, a local function, a label, a type parameter), or the member's own
        /// name, which <paramref name="ownName"/> skips.
        /// </summary>
        public bool DeclaresIn(SyntaxNode scope, string name, SyntaxToken ownName, CancellationToken cancellationToken)
        {
            foreach (var token in IdentifiersIn(scope, name, cancellationToken))
            {
                if (!(token.Parent is SimpleNameSyntax) && token != ownName)
                    return true;
            }

            return false;
        }

        /// <summary>The identifier tokens in <paramref name="scope"/> whose name is <paramref name="name"/>, from the text.</summary>
        public IEnumerable<SyntaxToken> IdentifiersIn(SyntaxNode scope, string name, CancellationToken cancellationToken)
        {
            var treeText = Text(scope.SyntaxTree, cancellationToken);
            if (treeText.MaySpellOtherwise || name.Length == 0)
            {
                foreach (var token in scope.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                        yield return token;
                }

                yield break;
            }

            var text = treeText.Chars;
            var span = scope.Span;
            for (var at = IndexOfWord(text, name, span.Start, span.End); at >= 0; at = IndexOfWord(text, name, at + name.Length, span.End))
            {
                var token = scope.FindToken(at);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == at + name.Length && token.ValueText == name)
                    yield return token;
            }
        }

        /// <summary>
        /// The simple names whose identifier holds a <c>\u</c> or <c>\U</c> escape, found once per tree from the escapes in
        /// its text (most of them are in string literals, which are not names).
        /// </summary>
        private static ImmutableArray<SimpleNameSyntax> EscapedNames(TreeText treeText, SyntaxNode root)
        {
            if (!treeText.MaySpellOtherwise)
                return ImmutableArray<SimpleNameSyntax>.Empty;
            if (!treeText.EscapedNames.IsDefault)
                return treeText.EscapedNames;

            var text = treeText.Chars;
            var names = ImmutableArray.CreateBuilder<SimpleNameSyntax>();
            var lastToken = -1;
            for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
            {
                if (text[at + 1] != 'u' && text[at + 1] != 'U')
                    continue;
                var token = root.FindToken(at);
                if (token.SpanStart == lastToken || !token.Span.Contains(at))
                    continue;
                lastToken = token.SpanStart;
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax simple)
                    names.Add(simple);
            }

            treeText.EscapedNames = names.ToImmutable();
            return treeText.EscapedNames;
        }

        /// <summary>The tree's text as one string, for a search of its characters (read once per tree, shared).</summary>
        public string TextOf(SyntaxTree tree, CancellationToken cancellationToken) => Text(tree, cancellationToken).Chars;

        /// <summary>The tree's text as one string (the text's own for most files, made once for a large one), read once.</summary>
        private TreeText Text(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_texts.TryGetValue(tree, out var known))
                return known;
            return _texts.GetOrAdd(tree, t =>
            {
                var chars = t.GetText(cancellationToken).ToString();
                return new TreeText(chars, HasUnicodeEscape(chars));
            });
        }

        private sealed class TreeText
        {
            public TreeText(string chars, bool maySpellOtherwise)
            {
                Chars = chars;
                MaySpellOtherwise = maySpellOtherwise;
            }

            public string Chars { get; }

            /// <summary>The simple names found so far, by name (one small table per tree: a name is looked up by its string alone).</summary>
            public ConcurrentDictionary<string, ImmutableArray<SimpleNameSyntax>> Names { get; } = new ConcurrentDictionary<string, ImmutableArray<SimpleNameSyntax>>(StringComparer.Ordinal);

            /// <summary>The text has a <c>\u</c> escape, so it may spell a name otherwise than as itself.</summary>
            public bool MaySpellOtherwise { get; }

            /// <summary>The names spelled with an escape, once listed (default until then; a race lists the same ones twice).</summary>
            public ImmutableArray<SimpleNameSyntax> EscapedNames { get; set; }
        }

        /// <summary>
        /// A <c>\u</c> escape: the text may spell an identifier otherwise than its name. Rare, and mostly in string
        /// literals; the identifiers among the tokens that hold one are listed once (<see cref="EscapedNames"/>). (A
        /// formatting character inside an identifier, which its name drops, is not looked for: no real code was seen to
        /// have one.)
        /// </summary>
        private static bool HasUnicodeEscape(string text)
        {
            for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
            {
                if (text[at + 1] == 'u' || text[at + 1] == 'U')
                    return true;
            }

            return false;
        }

        /// <summary>The next place in [start, end) of <paramref name="text"/> where <paramref name="word"/> is spelled as a whole word, or -1.</summary>
        public static int IndexOfWord(string text, string word, int start, int end)
        {
            for (var at = start; at <= end - word.Length; at++)
            {
                at = text.IndexOf(word, at, end - at, StringComparison.Ordinal);
                if (at < 0)
                    return -1;
                var after = at + word.Length;
                if ((at == 0 || !IsWordPart(text[at - 1])) && (after >= text.Length || !IsWordPart(text[after])))
                    return at;
            }

            return -1;
        }

        private static bool IsWordPart(char c)
        {
            if (c < 128)
                return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.LetterNumber:
                    return true;
                default:
                    return char.IsLetterOrDigit(c);
            }
        }
    }
}
