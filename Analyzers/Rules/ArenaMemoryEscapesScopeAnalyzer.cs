using System.Collections.Immutable;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// FRAG008: memory allocated under an arena scope or mark is stored in a field, returned, captured by a lambda or
    /// held by an operation that is not awaited before the scope ends or the mark is rewound.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ArenaMemoryEscapesScopeAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.ArenaMemoryEscapesScope,
            title: "Arena memory escapes its scope",
            messageFormat: "'{0}' {1}, which outlives {2}: the arena hands the same memory out again while it is still held",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "Memory allocated inside an arena scope, or after a mark, is released when the scope ends or the mark is rewound. A field, a caller, a lambda or a pending operation that keeps it past that point reads and writes memory the arena has handed to someone else.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = ArenaTypes.TryCreate(WellKnownTypes.For(context.Compilation));
            if (types == null)
                return;

            var baseline = BaselineRun.Start(context, BaselineAnalyzer.StaleEntryRule, Rule);
            context.RegisterOperationAction(c => AnalyzeBody(c, baseline, types), OperationKind.MethodBody, OperationKind.ConstructorBody);
        }

        private static void AnalyzeBody(OperationAnalysisContext context, BaselineRun baseline, ArenaTypes types)
        {
            var body = context.Operation;
            if (body.Parent != null || body.Syntax == null || !ArenaUseAfterRewindAnalyzer.MentionsAllocation(body.Syntax) || !MentionsRelease(body.Syntax))
                return;

            ControlFlowGraph graph;
            switch (body)
            {
                case IMethodBodyOperation method:
                    graph = ControlFlowGraph.Create(method, context.CancellationToken);
                    break;
                case IConstructorBodyOperation constructor:
                    graph = ControlFlowGraph.Create(constructor, context.CancellationToken);
                    break;
                default:
                    return;
            }

            foreach (var escape in ArenaFlow.FindEscapes(graph, types, context.CancellationToken))
                baseline.Report(context.ReportDiagnostic, Diagnostic.Create(Rule, escape.At.Syntax.GetLocation(), escape.Name, escape.How, escape.Release));
        }

        /// <summary>The cheap filter: no Scope or Mark, nothing to escape from.</summary>
        private static bool MentionsRelease(SyntaxNode syntax)
        {
            foreach (var token in syntax.DescendantTokens())
            {
                if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && (token.ValueText == "Scope" || token.ValueText == "Mark"))
                    return true;
            }

            return false;
        }
    }
}
