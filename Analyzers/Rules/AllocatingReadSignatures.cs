using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Rules
{
    /// <summary>Method shapes for FRAG002: how catalogue rows name parameters, and the search for a filling sibling.</summary>
    internal static class AllocatingReadSignatures
    {
        /// <summary>Types as C# spells them without namespaces: <c>byte[]</c>, <c>Span&lt;byte&gt;</c>, <c>IPEndPoint</c>.</summary>
        public static readonly SymbolDisplayFormat TypeFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private static readonly string[] FillingPrefixes = { "Read", "Try" };
        private static readonly string[] FillingSuffixes = { "Into", "NonAlloc" };
        private static readonly string[] StemPrefixes = { "Get", "Read", "To", "Fetch" };

        public static string Render(IParameterSymbol parameter)
        {
            string prefix;
            switch (parameter.RefKind)
            {
                case RefKind.Ref:
                    prefix = "ref ";
                    break;
                case RefKind.Out:
                    prefix = "out ";
                    break;
                case RefKind.In:
                    prefix = "in ";
                    break;
                default:
                    prefix = string.Empty;
                    break;
            }

            return prefix + parameter.Type.ToDisplayString(TypeFormat);
        }

        /// <summary>A row's shape against a method's parameters (null matches anything, "*" any one parameter).</summary>
        public static bool Matches(string? shape, IMethodSymbol method)
        {
            if (shape == null)
                return true;

            var parameters = method.Parameters;
            if (shape.Length == 0)
                return parameters.Length == 0;

            var parts = shape.Split(',');
            if (parts.Length != parameters.Length)
                return false;

            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                if (part != "*" && !string.Equals(part, Render(parameters[i]), StringComparison.Ordinal))
                    return false;
            }

            return true;
        }

        /// <summary>The methods called <paramref name="name"/> on the type, its base types and (for interfaces) the interfaces it extends.</summary>
        public static IEnumerable<IMethodSymbol> GetMethods(INamedTypeSymbol type, string name)
        {
            foreach (var current in GetSelfAndBases(type))
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility != Accessibility.Private)
                        yield return method;
                }
            }
        }

        public static IEnumerable<INamedTypeSymbol> GetSelfAndBases(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
                yield return current;
            foreach (var implemented in type.AllInterfaces)
                yield return implemented;
        }

        /// <summary><c>Read(byte[], int, int)</c>.</summary>
        public static string Display(IMethodSymbol method)
        {
            return method.Name + "(" + string.Join(", ", method.Parameters.Select(Render)) + ")";
        }

        /// <summary>
        /// For a method that returns <c>T[]</c>: a method of the same type that fills a caller's <c>T[]</c> or
        /// <c>Span&lt;T&gt;</c> instead, and returns nothing, a count or a success flag. It must be an overload (same
        /// name), or be named <c>Read…</c>/<c>Try…</c>/<c>…Into</c>/<c>…NonAlloc</c> and mention the allocating
        /// method's name (without a Get/Read/To prefix or an All suffix), or be plain <c>Read</c> beside a <c>Read…</c>
        /// method. Null when there is none.
        /// </summary>
        public static IMethodSymbol? FindFillingSibling(IMethodSymbol method)
        {
            if (!(method.ReturnType is IArrayTypeSymbol array) || method.ContainingType == null)
                return null;

            var element = array.ElementType;
            var stem = Stem(method.Name);
            IMethodSymbol? best = null;
            var bestRank = int.MaxValue;
            foreach (var type in GetSelfAndBases(method.ContainingType))
            {
                foreach (var member in type.GetMembers())
                {
                    if (!(member is IMethodSymbol candidate)
                        || candidate.MethodKind != MethodKind.Ordinary
                        || candidate.DeclaredAccessibility == Accessibility.Private
                        || SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition)
                        || !ReturnsNothingCountOrFlag(candidate)
                        || !candidate.Parameters.Any(p => IsDestination(p, element)))
                    {
                        continue;
                    }

                    int rank;
                    if (candidate.Name == method.Name)
                        rank = 0;
                    else if (IsFillingName(candidate.Name, stem) || candidate.Name == "Read" && method.Name.StartsWith("Read", StringComparison.Ordinal))
                        rank = 1;
                    else
                        continue;

                    if (rank < bestRank || rank == bestRank && best != null && string.CompareOrdinal(Display(candidate), Display(best)) < 0)
                    {
                        best = candidate;
                        bestRank = rank;
                    }
                }
            }

            return best;
        }

        private static string Stem(string name)
        {
            var stem = name;
            foreach (var prefix in StemPrefixes)
            {
                if (stem.Length > prefix.Length && stem.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(stem[prefix.Length]))
                {
                    stem = stem.Substring(prefix.Length);
                    break;
                }
            }

            if (stem.Length > 3 && stem.EndsWith("All", StringComparison.Ordinal))
                stem = stem.Substring(0, stem.Length - 3);
            return stem;
        }

        private static bool IsFillingName(string name, string stem)
        {
            var named = FillingPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || FillingSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
            return named && name.IndexOf(stem, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static bool ReturnsNothingCountOrFlag(IMethodSymbol method)
        {
            if (method.ReturnsVoid)
                return true;
            switch (method.ReturnType.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsDestination(IParameterSymbol parameter, ITypeSymbol element)
        {
            if (parameter.IsParams || parameter.RefKind == RefKind.In)
                return false;

            if (parameter.Type is IArrayTypeSymbol array)
                return array.Rank == 1 && SymbolEqualityComparer.Default.Equals(array.ElementType, element);

            return parameter.Type is INamedTypeSymbol named
                && named.Name == "Span"
                && named.Arity == 1
                && named.ContainingNamespace?.ToDisplayString() == "System"
                && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], element);
        }
    }
}
