using System.Collections.Immutable;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// The baseline's own rules. FRAG011: a <c>fragless.baseline.json</c> among the additional files cannot be read,
    /// so it hides nothing. FRAG010 (an entry that matches nothing) is reported by each rule's analyzer, which alone
    /// knows what it found (<see cref="BaselineRun"/>); its descriptor lives here.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor StaleEntryRule = RuleDescriptors.Create(
            DiagnosticIds.StaleBaselineEntry,
            title: "Baseline entry matches nothing",
            messageFormat: "The baseline accepts a {0} in {2} of '{1}' that is no longer there; remove the entry (fragless baseline prune)",
            RuleCategories.Configuration,
            DiagnosticSeverity.Info,
            description: "An entry of fragless.baseline.json that no diagnostic matches any more was fixed, or its line changed; left in the file, it would hide a new finding with the same text. 'fragless baseline prune' removes such entries.",
            customTags: "CompilationEnd");

        public static readonly DiagnosticDescriptor UnreadableRule = RuleDescriptors.Create(
            DiagnosticIds.UnreadableBaseline,
            title: "Baseline file cannot be read",
            messageFormat: "{0} line {1}: {2}; no diagnostic is taken from the baseline",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            description: "A fragless.baseline.json that cannot be read accepts nothing, so every diagnostic it listed shows again. Restore the file from version control or write it anew with 'fragless baseline write'.",
            customTags: "CompilationEnd");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(StaleEntryRule, UnreadableRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(OnCompilation);
        }

        private static void OnCompilation(CompilationAnalysisContext context)
        {
            foreach (var source in BaselineSource.All(context.Options, context.CancellationToken))
            {
                if (source.File != null)
                    continue;
                context.ReportDiagnostic(Diagnostic.Create(UnreadableRule, source.LocationOf(source.ErrorLine), BaselineFile.FileName, source.ErrorLine, source.Error));
            }
        }
    }
}
