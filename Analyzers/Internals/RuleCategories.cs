namespace Fragless.Analyzers.Internals
{
    internal static class RuleCategories
    {
        public const string Allocation = "Allocation";

        /// <summary>Fragless's own configuration files.</summary>
        public const string Configuration = "Configuration";
    }
}
