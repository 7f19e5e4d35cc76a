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

        public static ImmutableArray<INamedTypeSymbol> Resolve(
            AnalyzerOptions options,
            SyntaxTree tree,
            WellKnownTypes types,
            ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> cache)
        {
            var text = AnalyzerOptionsReader.GetString(options, tree, OptionKeys.BufferTypes);
            if (text == null)
                return ImmutableArray<INamedTypeSymbol>.Empty;

            // Asked for every allocation a rule looks at: once the option's text is known, the lookup alone, no closure.
            if (cache.TryGetValue(text, out var known))
                return known;
            return cache.GetOrAdd(text, ResolveUncached(options, tree, types));
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
