using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>An analysis context that only records how an analyzer configures itself in Initialize.</summary>
internal sealed class RecordingAnalysisContext : AnalysisContext
{
    public bool ConcurrentExecutionEnabled { get; private set; }

    public GeneratedCodeAnalysisFlags? GeneratedCodeFlags { get; private set; }

    public override void EnableConcurrentExecution() => ConcurrentExecutionEnabled = true;

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeFlags = analysisMode;

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) { }

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) { }

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { }

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { }

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { }

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { }

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { }

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { }
}
