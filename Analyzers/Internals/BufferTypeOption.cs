using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Reads <c>fragless.buffer_types</c>: extra types whose construction counts as a buffer allocation.</summary>
    internal static class BufferTypeOption
    {
        private static readonly Regex GenericArguments = new Regex(@"<([^<>]*)>$", RegexOptions.CultureInvariant);

        /// <summary>
        /// What the option resolved to, per file and per text, for one analysis (made at compilation start, when the
        /// options are fixed): every allocation a rule looks at asks, and most files share one text (or none).
        /// </summary>
        public sealed class Cache
        {
            internal ConcurrentDictionary<SyntaxTree, ImmutableArray<INamedTypeSymbol>> ByTree { get; } = new ConcurrentDictionary<SyntaxTree, ImmutableArray<INamedTypeSymbol>>();

            internal ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> ByText { get; } = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(System.StringComparer.Ordinal);
        }

        public static ImmutableArray<INamedTypeSymbol> Resolve(AnalyzerOptions options, SyntaxTree tree, WellKnownTypes types, Cache cache)
        {
            if (cache.ByTree.TryGetValue(tree, out var resolved))
                return resolved;
            return cache.ByTree.GetOrAdd(tree, ResolveForTree(options, tree, types, cache));
        }

        private static ImmutableArray<INamedTypeSymbol> ResolveForTree(AnalyzerOptions options, SyntaxTree tree, WellKnownTypes types, Cache cache)
        {
            var text = AnalyzerOptionsReader.GetString(options, tree, OptionKeys.BufferTypes);
            if (text == null)
                return ImmutableArray<INamedTypeSymbol>.Empty;
            if (cache.ByText.TryGetValue(text, out var known))
                return known;
            return cache.ByText.GetOrAdd(text, ResolveUncached(options, tree, types));
        }

        private static ImmutableArray<INamedTypeSymbol> ResolveUncached(AnalyzerOptions options, SyntaxTree tree, WellKnownTypes types)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in AnalyzerOptionsReader.GetList(options, tree, OptionKeys.BufferTypes))
            {
                var type = types.Get(ToMetadataName(name));
                if (type != null)
                    builder.Add(type);
            }

            return builder.ToImmutable();
        }

        /// <summary>Accepts <c>Ns.Type`1</c> as well as the C# spelling <c>Ns.Type&lt;T&gt;</c>; drops a leading <c>global::</c>.</summary>
        public static string ToMetadataName(string name)
        {
            var result = name.Trim();
            if (result.StartsWith("global::", System.StringComparison.Ordinal))
                result = result.Substring("global::".Length);

            var match = GenericArguments.Match(result);
            if (match.Success)
            {
                var arity = match.Groups[1].Value.Split(',').Length;
                result = result.Substring(0, match.Index) + "`" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return result;
        }
    }
}
