using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>Names for fields a fix adds: in the type's own style, and clashing with nothing the type can see.</summary>
    internal static class FieldNames
    {
        private const string Underscore = "_";
        private const string StaticPrefix = "s_";
        private const string MemberPrefix = "m_";
        private const string Camel = "camel";
        private const string Pascal = "Pascal";

        /// <summary>
        /// A field name for <paramref name="baseName"/> (camelCase, e.g. <c>buffer</c>). The style is the one most of the
        /// type's existing fields of the same kind (static or instance, constants excluded) use: <c>_x</c>, <c>s_x</c>,
        /// <c>m_x</c>, <c>x</c> or <c>X</c>; with none, <c>_x</c> for instance fields and <c>s_x</c> for static ones.
        /// Then the first of name, name1, name2, … that no member of the type or its base types, no symbol in scope in
        /// the type, and no identifier in the type's declarations spells (except references to <paramref name="self"/>,
        /// the local the field replaces).
        /// </summary>
        public static string Choose(string baseName, INamedTypeSymbol type, bool isStatic, TypeDeclarationSyntax typeSyntax, SemanticModel model, ISymbol? self, CancellationToken cancellationToken)
        {
            var preferred = Apply(DetectStyle(type, isStatic), baseName);
            var taken = CollectTaken(type, typeSyntax, model, self, cancellationToken);
            if (!taken.Contains(preferred) && SyntaxFacts.GetKeywordKind(preferred) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(preferred) == SyntaxKind.None)
                return preferred;

            for (var i = 1; ; i++)
            {
                var candidate = preferred + i.ToString(CultureInfo.InvariantCulture);
                if (!taken.Contains(candidate))
                    return candidate;
            }
        }

        internal static string DetectStyle(INamedTypeSymbol type, bool isStatic)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.IsImplicitlyDeclared || field.IsConst || field.IsStatic != isStatic || !field.CanBeReferencedByName)
                    continue;
                var style = Classify(field.Name);
                if (style != null)
                    counts[style] = counts.TryGetValue(style, out var n) ? n + 1 : 1;
            }

            var fallback = isStatic ? StaticPrefix : Underscore;
            if (counts.Count == 0)
                return fallback;

            var best = counts.Max(c => c.Value);
            var winners = counts.Where(c => c.Value == best).Select(c => c.Key).ToList();
            return winners.Count == 1 ? winners[0] : winners.Contains(fallback) ? fallback : winners.OrderBy(w => w, StringComparer.Ordinal).First();
        }

        private static string? Classify(string name)
        {
            if (name.StartsWith(StaticPrefix, StringComparison.Ordinal) && name.Length > 2)
                return StaticPrefix;
            if (name.StartsWith(MemberPrefix, StringComparison.Ordinal) && name.Length > 2)
                return MemberPrefix;
            if (name.StartsWith(Underscore, StringComparison.Ordinal) && name.Length > 1 && name[1] != '_')
                return Underscore;
            if (name.Length > 0 && char.IsLower(name[0]))
                return Camel;
            if (name.Length > 0 && char.IsUpper(name[0]))
                return Pascal;
            return null;
        }

        private static string Apply(string style, string baseName)
        {
            var camel = char.ToLowerInvariant(baseName[0]) + baseName.Substring(1);
            switch (style)
            {
                case Camel:
                    return camel;
                case Pascal:
                    return char.ToUpperInvariant(baseName[0]) + baseName.Substring(1);
                default:
                    return style + camel;
            }
        }

        private static HashSet<string> CollectTaken(INamedTypeSymbol type, TypeDeclarationSyntax typeSyntax, SemanticModel model, ISymbol? self, CancellationToken cancellationToken)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal) { type.Name };
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                    taken.Add(member.Name);
            }

            foreach (var parameter in type.TypeParameters)
                taken.Add(parameter.Name);

            foreach (var symbol in model.LookupSymbols(typeSyntax.OpenBraceToken.Span.End))
                taken.Add(symbol.Name);

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                var declarationModel = declaration.SyntaxTree == model.SyntaxTree ? model : null;
                foreach (var token in declaration.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || taken.Contains(token.ValueText))
                        continue;
                    if (self != null && token.ValueText == self.Name && declarationModel != null && RefersTo(token, self, declarationModel, cancellationToken))
                        continue;
                    taken.Add(token.ValueText);
                }
            }

            return taken;
        }

        private static bool RefersTo(SyntaxToken token, ISymbol self, SemanticModel model, CancellationToken cancellationToken)
        {
            var parent = token.Parent;
            var symbol = parent is IdentifierNameSyntax name
                ? model.GetSymbolInfo(name, cancellationToken).Symbol
                : parent != null ? model.GetDeclaredSymbol(parent, cancellationToken) : null;
            return SymbolEqualityComparer.Default.Equals(symbol, self);
        }
    }
}
