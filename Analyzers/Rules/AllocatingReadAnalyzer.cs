using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// FRAG002: a call that returns a new buffer runs repeatedly, where an API that fills a caller's buffer exists.
    /// Also FRAG004 for lines of <c>fragless.pairs.txt</c> that cannot be used.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AllocatingReadAnalyzer : DiagnosticAnalyzer
    {
        public const string ScopeLoops = "loops";
        public const string ScopeEverywhere = "everywhere";

        public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            DiagnosticIds.AllocatingRead,
            title: "Allocating read where a read-into API exists",
            messageFormat: "'{0}' allocates a new {1}{2}; {3}{4}",
            RuleCategories.Allocation,
            DiagnosticSeverity.Warning,
            description: "A call that returns a new buffer on every iteration churns the heap; the same data can be read into one buffer that the caller allocates once and reuses.");

        public static readonly DiagnosticDescriptor ConfigurationRule = RuleDescriptors.Create(
            DiagnosticIds.MalformedConfiguration,
            title: "Malformed Fragless configuration",
            messageFormat: "{0} line {1}: {2}; the line is ignored",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            description: "A line of a Fragless configuration file cannot be used; Fragless skips it and carries on with the rest.",
            customTags: "CompilationEnd");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, ConfigurationRule, BaselineAnalyzer.StaleEntryRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = WellKnownTypes.For(context.Compilation);
            if (types.Get(WellKnownTypes.Names.Array) == null)
                return;

            var pairs = AllocatingReadPairs.Read(context.Options, types, context.CancellationToken);
            if (!pairs.Problems.IsEmpty)
            {
                context.RegisterCompilationEndAction(c =>
                {
                    foreach (var problem in pairs.Problems)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            ConfigurationRule,
                            problem.GetLocation(),
                            AllocatingReadPairs.FileName,
                            problem.LineNumber,
                            problem.Reason));
                    }
                });
            }

            var index = new Index(types, pairs);
            var model = ChurnModel.For(context.Compilation);
            var baseline = BaselineRun.Start(context, BaselineAnalyzer.StaleEntryRule, Rule);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, baseline, index, types, model), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, BaselineRun baseline, Index index, WellKnownTypes types, ChurnModel model)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.IsImplicit || invocation.Syntax == null || invocation.TargetMethod == null)
                return;

            var method = invocation.TargetMethod;
            var match = index.Find(method);
            if (match == null || model.IsExcluded(invocation, context.ContainingSymbol, context.Options))
                return;

            if (match.Entry?.Allocates == null && !ReturnsSomething(method.ReturnType))
                return;

            var tree = invocation.Syntax.SyntaxTree;
            var everywhere = AnalyzerOptionsReader.GetChoice(context.Options, tree, OptionKeys.Frag002Scope, ScopeLoops, ScopeLoops, ScopeEverywhere) == ScopeEverywhere;

            // A result that is kept (stored, queued, returned) is the program's data, not churn. One member's flow
            // settles this before the model's costlier question of how often the call runs.
            var repeats = LoopAnalysis.RunsRepeatedly(invocation, out var loops);
            if (!everywhere && !repeats && !model.MayBeHot(invocation, context.ContainingSymbol, context.Options, context.CancellationToken))
                return; // outside loops only hot code is reported, and this cannot be hot by what is cheap to know

            // Half-typed code (an unknown name in an argument) is not worth a warning yet.
            if (invocation.Descendants().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error))
                return;
            var result = invocation.Parent is IAwaitOperation awaited ? awaited : (IOperation)invocation;
            var flow = model.Lifetime(result, repeats ? loops : ImmutableArray<ILoopOperation>.Empty, context.CancellationToken);
            if (flow.Escapes && !AnalyzerOptionsReader.GetBoolean(context.Options, tree, OptionKeys.ReportKept, defaultValue: false))
                return;

            // Outside a loop only hot code is reported (unless scope = everywhere): the cheaper question does.
            var execution = everywhere || repeats
                ? model.Classify(invocation, context.ContainingSymbol, context.Options, context.CancellationToken)
                : model.HotExecution(invocation, context.ContainingSymbol, context.Options, context.CancellationToken);
            if (execution == null)
                return;
            // In a loop, or on every call of a hot method (an Update, an event handler, a callee of the main loop).
            var inLoop = execution.Kind == RunKind.PerIteration;
            if (!inLoop && execution.Kind != RunKind.HotCall && !(everywhere && execution.Kind == RunKind.PerCall))
                return;

            var allocated = match.Entry?.Allocates ?? DescribeAllocated(method.ReturnType);
            var callee = method.ContainingType.OriginalDefinition.ToDisplayString(AllocatingReadSignatures.TypeFormat) + "." + method.Name;
            var fix = AllocatingReadFixPlan.Decide(invocation, match.Entry?.Fix, inLoop, execution.Loops, types, model.Summaries, context.CancellationToken);
            baseline.Report(context.ReportDiagnostic, Diagnostic.Create(
                Rule,
                invocation.Syntax.GetLocation(),
                fix.Properties,
                callee,
                allocated,
                " " + execution.Reason,
                match.Advice,
                fix.MessageSuffix));
        }

        /// <summary><c>byte[]</c> for <c>byte[]</c> and <c>Task&lt;byte[]&gt;</c>; the type's name for anything else but void.</summary>
        private static string DescribeAllocated(ITypeSymbol type) => Awaited(type).ToDisplayString(AllocatingReadSignatures.TypeFormat);

        /// <summary>Whether a call returns something that can be described (<see cref="DescribeAllocated"/>): not void, and a type that bound.</summary>
        private static bool ReturnsSomething(ITypeSymbol type)
        {
            type = Awaited(type);
            return type.SpecialType != SpecialType.System_Void && type.TypeKind != TypeKind.Error;
        }

        private static ITypeSymbol Awaited(ITypeSymbol type)
        {
            return type is INamedTypeSymbol named && named.IsGenericType && named.TypeArguments.Length == 1 && (named.Name == "Task" || named.Name == "ValueTask")
                ? named.TypeArguments[0]
                : type;
        }

        private sealed class Match
        {
            public Match(AllocatingReadEntry? entry, string advice)
            {
                Entry = entry;
                Advice = advice;
            }

            public AllocatingReadEntry? Entry { get; }

            public string Advice { get; }
        }

        /// <summary>The catalogue resolved against one compilation, with the user's pairs.</summary>
        private sealed class Index
        {
            private readonly WellKnownTypes _types;
            private readonly AllocatingReadPairs _pairs;
            // Catalogue rows by method name; a row's type is matched by name against the type chain of a call of that
            // name, and never looked up in the references (a lookup by metadata name is costly, and most rows never
            // match anything in a given project).
            private readonly Dictionary<string, List<AllocatingReadEntry>> _entriesByMethod = new Dictionary<string, List<AllocatingReadEntry>>(StringComparer.Ordinal);
            private readonly ConcurrentDictionary<(AllocatingReadEntry Entry, INamedTypeSymbol Type), string?> _advice =
                new ConcurrentDictionary<(AllocatingReadEntry, INamedTypeSymbol), string?>();
            private readonly Dictionary<string, AllocatingReadEntry> _bySimpleTypeName = new Dictionary<string, AllocatingReadEntry>(StringComparer.Ordinal);
            private readonly ConcurrentDictionary<IMethodSymbol, Match?> _cache = new ConcurrentDictionary<IMethodSymbol, Match?>(SymbolEqualityComparer.Default);

            public Index(WellKnownTypes types, AllocatingReadPairs pairs)
            {
                _types = types;
                _pairs = pairs;
                foreach (var entry in AllocatingReadCatalog.Entries)
                {
                    if (entry.IsBySimpleName)
                    {
                        _bySimpleTypeName[entry.Type.Substring(AllocatingReadCatalog.SimpleNamePrefix.Length)] = entry;
                        continue;
                    }

                    if (!_entriesByMethod.TryGetValue(entry.Method, out var list))
                        _entriesByMethod[entry.Method] = list = new List<AllocatingReadEntry>();
                    list.Add(entry);
                }
            }

            /// <summary>
            /// The catalogue rows of a method's name whose type is <paramref name="type"/>, matched by its metadata name
            /// (<c>System.IO.Stream</c>, <c>System.Collections.Generic.List`1</c>): no row's type is looked up in the
            /// references, which costs more than the rest of the catalogue's work together. The advice is chosen once
            /// per row and type.
            /// </summary>
            private IEnumerable<(AllocatingReadEntry Entry, string? Advice)> EntriesOf(List<AllocatingReadEntry> entries, INamedTypeSymbol type)
            {
                string? fullName = null;
                foreach (var entry in entries)
                {
                    // The simple name first: most types in a method's chain are no row's.
                    var row = entry.Type;
                    if (!row.EndsWith(type.MetadataName, StringComparison.Ordinal)
                        || row.Length > type.MetadataName.Length && row[row.Length - type.MetadataName.Length - 1] != '.' && row[row.Length - type.MetadataName.Length - 1] != '+')
                    {
                        continue;
                    }

                    fullName ??= MetadataName(type);
                    if (row != fullName)
                        continue;
                    yield return (entry, _advice.GetOrAdd((entry, type), key => ChooseAdvice(key.Entry, key.Type)));
                }
            }

            /// <summary><c>Namespace.Outer+Inner`1</c>, as <c>GetTypeByMetadataName</c> spells it.</summary>
            private static string MetadataName(INamedTypeSymbol type)
            {
                var name = type.MetadataName;
                for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
                    name = outer.MetadataName + "+" + name;
                var ns = type.ContainingNamespace;
                return ns == null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
            }

            public Match? Find(IMethodSymbol method)
            {
                // By name first: most calls are of methods no pair or catalogue row names and that return no array,
                // which can match nothing (and are not worth a cache entry). The name is the cheapest thing to read.
                var name = method.Name;
                if (!_entriesByMethod.ContainsKey(name) && !_pairs.Names(name) && !(method.ReturnType is IArrayTypeSymbol))
                    return null;
                if (method.ContainingType == null || method.MethodKind != MethodKind.Ordinary)
                    return null;
                var definition = method.OriginalDefinition;
                return _cache.TryGetValue(definition, out var known) ? known : _cache.GetOrAdd(definition, FindUncached(definition));
            }

            private Match? FindUncached(IMethodSymbol method)
            {
                var pairAdvice = _pairs.FindAdvice(method);
                if (pairAdvice != null)
                    return new Match(null, pairAdvice);

                if (_entriesByMethod.TryGetValue(method.Name, out var entries))
                {
                    foreach (var type in AllocatingReadSignatures.GetSelfAndBases(method.ContainingType))
                    {
                        foreach (var (entry, advice) in EntriesOf(entries, type.OriginalDefinition))
                        {
                            if (AllocatingReadSignatures.Matches(entry.Shape, method))
                                return advice == null ? null : new Match(entry, AllocatingReadCatalog.Specialize(advice, method));
                        }
                    }
                }

                if (!(method.ReturnType is IArrayTypeSymbol))
                    return null;

                foreach (var type in AllocatingReadSignatures.GetSelfAndBases(method.ContainingType))
                {
                    if (_bySimpleTypeName.TryGetValue(type.Name, out var device))
                        return Sibling(device, method);
                }

                // The heuristic, for APIs the catalogue does not know. The BCL is left to the catalogue: its
                // array-returning methods with array-taking overloads (string.Split and friends) are not reads.
                return IsFrameworkNamespace(method.ContainingType.ContainingNamespace) ? null : Sibling(null, method);
            }

            private static Match? Sibling(AllocatingReadEntry? entry, IMethodSymbol method)
            {
                var sibling = AllocatingReadSignatures.FindFillingSibling(method);
                return sibling == null ? null : new Match(entry, "read into a reused buffer with '" + AllocatingReadSignatures.Display(sibling) + "'");
            }

            private string? ChooseAdvice(AllocatingReadEntry entry, INamedTypeSymbol type)
            {
                foreach (var alternative in entry.Alternatives)
                {
                    if (alternative.IsSibling)
                        continue;
                    if (alternative.RequiredMethod == null)
                        return alternative.Advice;

                    var requiredType = alternative.RequiredType == null ? type : _types.Get(alternative.RequiredType);
                    if (requiredType != null && AllocatingReadSignatures.GetMethods(requiredType, alternative.RequiredMethod).Any(m => AllocatingReadSignatures.Matches(alternative.RequiredShape, m)))
                        return alternative.Advice;
                }

                return null;
            }

            private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
            {
                if (ns == null || ns.IsGlobalNamespace)
                    return false;
                while (!ns.ContainingNamespace.IsGlobalNamespace)
                    ns = ns.ContainingNamespace;
                return ns.Name == "System" || ns.Name == "Microsoft";
            }
        }
    }
}
