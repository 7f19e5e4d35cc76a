namespace Fragless.Analyzers.Internals
{
    internal static class RuleCategories
    {
        public const string Allocation = "Allocation";
    }
}
