using System.Collections.Immutable;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Rules
{
    /// <summary>FRAG001: a buffer is allocated on every iteration of a loop and dropped at its end.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BufferAllocationInLoopAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.BufferAllocationInLoop,
            title: "Buffer allocated inside a loop",
            messageFormat: "{0} on every iteration; allocate it once before the loop and reuse it",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "Allocating a buffer on every iteration and dropping it at the end churns the heap; on a non-moving heap the churn fragments free memory until a large allocation fails.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
