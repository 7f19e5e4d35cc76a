using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>The one place descriptors are made: every rule gets its help link to docs/rules/ID.md.</summary>
    internal static class RuleDescriptors
    {
        public const string DocumentationRoot = "https://github.com/fragless/fragless/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => DocumentationRoot + id + ".md";

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            string description,
            bool isEnabledByDefault = true,
            params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                defaultSeverity,
                isEnabledByDefault,
                description,
                GetHelpUri(id),
                customTags);
        }
    }
}
