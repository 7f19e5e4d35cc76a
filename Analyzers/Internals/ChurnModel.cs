using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// The one model every rule asks, made once per compilation and shared by all Fragless analyzers: how often does
    /// this code run (<see cref="Classify"/>), and does this allocation outlive its use (<see cref="Lifetime"/>).
    /// Everything is computed lazily, per member, and cached.
    /// </summary>
    internal sealed class ChurnModel
    {
        /// <summary>How far "only called from once-code" follows callers of callers.</summary>
        public const int MaxCallerDepth = 6;

        private static readonly ConditionalWeakTable<Compilation, ChurnModel> s_models = new ConditionalWeakTable<Compilation, ChurnModel>();

        [ThreadStatic]
        private static HashSet<IMethodSymbol>? s_inProgress;

        private readonly ExcludedCode _excluded;
        private readonly CallSites _callSites;
        private readonly HotPaths _hotPaths;
        private readonly bool _closedWorld;
        private readonly Compilation _compilation;
        private readonly NameOccurrences _names;
        // 0 unknown, 1 no, 2 yes: asked only when an internal member's callers are, and settled once (a race settles it twice, the same).
        private int _internalsVisibleElsewhere;
        private readonly bool _unityGame;
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<string>> _startupMethods = new ConcurrentDictionary<SyntaxTree, ImmutableArray<string>>();
        private readonly ConcurrentDictionary<IMethodSymbol, MemberRuns> _derived = new ConcurrentDictionary<IMethodSymbol, MemberRuns>(SymbolEqualityComparer.Default);

        private ChurnModel(Compilation compilation)
        {
            Summaries = new CalleeSummaries(compilation);
            var names = new NameOccurrences(compilation);
            _compilation = compilation;
            _names = names;
            Construction = new ConstructionAllocations(WellKnownTypes.For(compilation), names);
            _excluded = new ExcludedCode(compilation, names);
            _callSites = new CallSites(compilation, names);
            // An executable, or a Unity game assembly: no one outside calls its methods (the engine calls its messages by name).
            var unityGame = compilation.ReferencedAssemblyNames.Any(a => a.Name == "UnityEngine" || a.Name.StartsWith("UnityEngine.", StringComparison.Ordinal));
            _closedWorld = compilation.Options.OutputKind == OutputKind.ConsoleApplication
                || compilation.Options.OutputKind == OutputKind.WindowsApplication
                || unityGame;
            _hotPaths = new HotPaths(_callSites, unityGame);
            _unityGame = unityGame;
        }

        /// <summary>How a member as a whole runs.</summary>
        private enum MemberRuns
        {
            /// <summary>Called from somewhere Fragless cannot see, or as often as its callers run.</summary>
            Unknown,

            /// <summary><c>Main</c>, top-level statements, a configured startup method or one marked <c>[Startup]</c>.</summary>
            Startup,

            /// <summary>A static constructor or initializer, or a method only once-code calls.</summary>
            Once,

            /// <summary>A constructor or instance initializer, or a method only they (and once-code) call.</summary>
            Construction,

            /// <summary>Marked hot: <c>[HotPath]</c>, <c>fragless.hot_methods</c>, a Unity per-frame message.</summary>
            Hot,
        }

        /// <summary>What callee summaries Fragless has for the compilation's source methods.</summary>
        public CalleeSummaries Summaries { get; }

        /// <summary>What constructing an object of a source type allocates, summed once per constructor for every rule.</summary>
        public ConstructionAllocations Construction { get; }

        public static ChurnModel For(Compilation compilation) => s_models.GetValue(compilation, c => new ChurnModel(c));

        /// <summary><c>fragless.startup_methods</c> for a tree, read once.</summary>
        public ImmutableArray<string> StartupMethods(AnalyzerOptions options, SyntaxTree tree)
        {
            // Asked for every allocation and call a rule looks at: the lookup alone, no closure, once it is known.
            if (_startupMethods.TryGetValue(tree, out var known))
                return known;
            return _startupMethods.GetOrAdd(tree, StartupCode.ReadStartupMethods(options, tree));
        }

        /// <summary>
        /// Whether the code is out of scope (editor, test, <c>fragless.exclude</c>): <see cref="Classify"/> says so too,
        /// but a rule asks this first, before it follows the buffer, to spend nothing on code that is never reported.
        /// </summary>
        public bool IsExcluded(IOperation operation, ISymbol member, AnalyzerOptions options)
        {
            return _excluded.Why(operation.Syntax, member, options) != null;
        }

        /// <summary>
        /// False when <see cref="HotExecution"/> is certainly null for code in <paramref name="member"/>, from what is
        /// cheap to know: not a lambda, not a marked method, and no use of the method whose syntax could make it hot.
        /// For a rule to ask before its own costlier questions (the flow analysis); nothing is bound.
        /// </summary>
        public bool MayBeHot(IOperation operation, ISymbol member, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var function = operation.GetEnclosingFunction();
            if (function != null)
                return function is IAnonymousFunctionOperation;
            if (!(member is IMethodSymbol method))
                return false;
            return _hotPaths.Marked(method, options, operation.Syntax.SyntaxTree) != null
                || _hotPaths.MayBeHotByUses(method, options, cancellationToken);
        }

        /// <summary>
        /// <see cref="Classify"/> for a rule that only reports hot code outside loops (FRAG005, FRAG002 outside loops):
        /// the <see cref="RunKind.HotCall"/> execution, or null. The same answer, cheaper: whether a method runs once is
        /// only worked out for methods that are hot.
        /// </summary>
        public Execution? HotExecution(IOperation operation, ISymbol member, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (_excluded.Why(operation.Syntax, member, options) != null || OnceCode.IsInLazyInitialization(operation)
                || LoopAnalysis.RunsRepeatedly(operation, out _))
            {
                return null;
            }

            var function = operation.GetEnclosingFunction();
            if (function != null)
            {
                var callback = function is IAnonymousFunctionOperation ? HotPaths.ForLambda(function, CodePlace.Describe(operation, member)) : null;
                return callback != null ? Execution.HotCall(callback) : null;
            }

            if (!(member is IMethodSymbol method) || StartupCode.ClassifyMember(member, operation.Syntax, StartupMethods(options, operation.Syntax.SyntaxTree)) != StartupKind.Late)
                return null;

            var marked = _hotPaths.Marked(method, options, operation.Syntax.SyntaxTree);
            if (marked != null)
                return _hotPaths.RunsSeldomInGameCode(operation, marked, options) ? null : Execution.HotCall(marked);

            // Hot by its uses means one of its calls runs more than once (a loop's, a hot caller's that does not run
            // once), so its callers need not be searched for whether all of them run once.
            var hot = _hotPaths.FromUses(method, options, 0, Sites(options, cancellationToken), cancellationToken);
            if (hot == null || OnceCode.PrecedesEndlessLoop(operation) || _hotPaths.RunsSeldomInGameCode(operation, hot, options))
                return null;
            return Execution.HotCall(hot);
        }

        /// <summary>
        /// For a method counted per call only because code Fragless cannot see may call it (a public method of a
        /// library, a virtual one): whether every call in this compilation runs once per object (on a constructor's
        /// path), in words for a message; null when some call runs more often, or none is seen. A fix that keeps its
        /// buffer for good would cost memory for nothing there.
        /// </summary>
        public string? WhyItRunsOncePerObject(IMethodSymbol method, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.MethodKind != MethodKind.Ordinary || definition.DeclaringSyntaxReferences.IsEmpty)
                return null;

            var inProgress = s_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(definition))
                return null;

            try
            {
                // Once alone (calls from Main, say) is not enough: a few such calls still run it a few times.
                return Compute(definition, options, depth: 0, cancellationToken) == MemberRuns.Construction
                    ? "is only called while an object is made"
                    : null;
            }
            finally
            {
                inProgress.Remove(definition);
            }
        }

        /// <summary>How often <paramref name="operation"/>, in <paramref name="member"/>, runs.</summary>
        public Execution Classify(IOperation operation, ISymbol member, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var execution = Classify(operation, member, options, depth: 0, cancellationToken);
            return _unityGame ? OnFramePath(execution, member, operation, options) : execution;
        }

        public const string GameScopePerFrame = "per_frame";
        public const string GameScopeEverywhere = "everywhere";

        /// <summary>
        /// In a game, time is counted in frames: a loop or a call that is not on the per-frame path (an Update, an
        /// event handler, their callees) is a loader's, a save's or a menu's, and is not churn while the game runs.
        /// </summary>
        private static Execution OnFramePath(Execution execution, ISymbol member, IOperation operation, AnalyzerOptions options)
        {
            if (execution.Hot != null || (execution.Kind != RunKind.PerIteration && execution.Kind != RunKind.PerCall))
                return execution;
            var scope = AnalyzerOptionsReader.GetChoice(options, operation.Syntax.SyntaxTree, OptionKeys.GameScope, GameScopePerFrame, GameScopePerFrame, GameScopeEverywhere);
            if (scope == GameScopeEverywhere)
                return execution;
            return Execution.Create(RunKind.OffFramePath, "in " + CodePlace.Describe(operation, member) + ", which is not on the game's per-frame path");
        }

        /// <summary>
        /// Follows the buffer <paramref name="allocation"/> makes (or a call returns): is it dropped by the end of the
        /// iteration (for code that runs per iteration) or of the member's run (otherwise), or kept?
        /// </summary>
        public BufferFlow Lifetime(IOperation allocation, Execution execution, CancellationToken cancellationToken)
        {
            return Lifetime(allocation, execution.Kind == RunKind.PerIteration ? execution.Loops : ImmutableArray<ILoopOperation>.Empty, cancellationToken);
        }

        /// <summary>
        /// <see cref="Lifetime(IOperation, Execution, CancellationToken)"/> before the frequency is known: by the end of
        /// the innermost of <paramref name="loops"/> (the loops <see cref="LoopAnalysis.RunsRepeatedly"/> found), or
        /// of the member's run when there are none. Rules ask it first when a kept result settles the question: it
        /// reads one member, where the frequency may search callers across the compilation.
        /// </summary>
        public BufferFlow Lifetime(IOperation allocation, ImmutableArray<ILoopOperation> loops, CancellationToken cancellationToken)
        {
            return !loops.IsDefaultOrEmpty
                ? BufferFlowAnalysis.AnalyzeAllocation(allocation, loops[0], Summaries, cancellationToken)
                : BufferFlowAnalysis.AnalyzeAllocationInMember(allocation, Summaries, cancellationToken);
        }

        private Execution Classify(IOperation operation, ISymbol member, AnalyzerOptions options, int depth, CancellationToken cancellationToken, bool forHotPath = false)
        {
            var excluded = _excluded.Why(operation.Syntax, member, options);
            if (excluded != null)
                return Execution.Create(RunKind.Excluded, "in " + excluded);

            var place = CodePlace.Describe(operation, member);
            var inLoop = LoopAnalysis.RunsRepeatedly(operation, out var loops);
            if (OnceCode.IsInLazyInitialization(operation))
                return Execution.Create(RunKind.Once, "in a lazy initialisation");

            var function = operation.GetEnclosingFunction();
            if (function != null)
            {
                // A lambda or local function runs whenever it is invoked, wherever it is declared.
                if (inLoop)
                    return Execution.PerIteration(loops, "on every iteration of the loop in " + place);
                var callback = function is IAnonymousFunctionOperation ? HotPaths.ForLambda(function, place) : null;
                return callback != null ? Execution.HotCall(callback) : Execution.Create(RunKind.PerCall, "each time " + place + " runs");
            }

            if (inLoop)
            {
                if (OnceCode.PrecedesEndlessLoop(loops[loops.Length - 1]))
                    return Execution.Create(RunKind.Once, "before the loop that never ends in " + place);

                // A once-method's loops run at startup, unless one is the program's main loop (then the callers need
                // not be looked at).
                if (!loops.Any(OnceCode.LooksLikeMainLoop))
                {
                    // A bounded loop of a startup method (a loader loop in Start, a font loaded in Initialize) runs at
                    // startup too, its allocations and its calls alike. Main's loops are the program's main loop.
                    var loopMember = RunsOf(member, operation.Syntax, options, depth, cancellationToken);
                    if (loopMember == MemberRuns.Once || loopMember == MemberRuns.Construction
                        || loopMember == MemberRuns.Startup && !StartupCode.IsEntryPoint(member, operation.Syntax))
                        return Execution.Create(loopMember == MemberRuns.Construction ? RunKind.Construction : RunKind.Once, "in " + place + ", which runs once");
                }

                // Only the allocation's own message says whether the loop's method is hot: a call site in a loop is
                // per iteration whatever its method is.
                var hotLoop = depth == 0 && member is IMethodSymbol loopMethod ? HotOf(loopMethod, operation, options, depth, cancellationToken) : null;
                return hotLoop == null
                    ? Execution.PerIteration(loops, "on every iteration of the loop in " + place)
                    : Execution.PerIteration(loops, "on every iteration of the loop in " + hotLoop.Describe(), hotLoop);
            }

            // A call site that hot-path derivation asks about matters only if it is hot: whether its method runs once
            // (the costly search of that method's callers) is asked only when it is.
            if (forHotPath && member is IMethodSymbol caller)
                return CallSiteOutsideLoops(operation, caller, place, options, depth, cancellationToken);

            var runs = RunsOf(member, operation.Syntax, options, depth, cancellationToken);
            if (OnceExecution(runs, place) is Execution onceOrPerObject)
                return onceOrPerObject;

            // In game code, what runs in one branch of a hot method (or after an early return) is not counted as
            // running on every call: it is per call, which off the per-frame path is not churn.
            if (runs == MemberRuns.Hot && member is IMethodSymbol marked && _hotPaths.Marked(marked, options, operation.Syntax.SyntaxTree) is HotMethod markedHot)
                return _hotPaths.RunsSeldomInGameCode(operation, markedHot, options) ? Execution.Create(RunKind.PerCall, "each time " + place + " runs") : Execution.HotCall(markedHot);

            if (OnceCode.PrecedesEndlessLoop(operation))
                return Execution.Create(RunKind.Once, "before the loop that never ends in " + place);

            if (member is IMethodSymbol method && _hotPaths.FromUses(method, options, depth, Sites(options, cancellationToken), cancellationToken) is HotMethod hot
                && !_hotPaths.RunsSeldomInGameCode(operation, hot, options))
            {
                return Execution.HotCall(hot);
            }

            return Execution.Create(RunKind.PerCall, "each time " + place + " runs");
        }

        /// <summary>
        /// <see cref="Classify"/> of a call site outside loops, in <paramref name="caller"/>, for hot-path derivation:
        /// HotCall when the caller is hot and does not run once; anything else is PerCall or Once, which derivation
        /// treats alike, so the caller's own callers are searched only for a hot caller.
        /// </summary>
        private Execution CallSiteOutsideLoops(IOperation operation, IMethodSymbol caller, string place, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            var marked = _hotPaths.Marked(caller, options, operation.Syntax.SyntaxTree);
            var hot = marked ?? _hotPaths.FromUses(caller, options, depth, Sites(options, cancellationToken), cancellationToken);
            if (hot == null)
                return Execution.Create(RunKind.PerCall, "each time " + place + " runs");

            // A hot caller (marked, or by its uses: one of its calls runs more than once) runs once only by what it is:
            // a constructor, a startup method. Its callers need not be searched.
            if (OnceExecution(RunsByWhatItIs(caller, operation.Syntax, options), place) is Execution once)
                return once;

            if (marked == null && OnceCode.PrecedesEndlessLoop(operation))
                return Execution.Create(RunKind.Once, "before the loop that never ends in " + place);
            return Execution.HotCall(hot);
        }

        /// <summary>
        /// <see cref="Classify"/> of a call site for hot-path derivation, from its syntax alone, for a call made in the
        /// body of <paramref name="caller"/> (not in a lambda or local function): the same answer without binding the
        /// caller, or null when syntax cannot tell (a lazy initialisation, a loop after the call, a loop that may be
        /// the main loop of a method that runs once), and the site must be bound.
        /// </summary>
        private Execution? ClassifyBySyntax(SyntaxNode call, IMethodSymbol caller, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            var excluded = _excluded.Why(call, caller, options);
            if (excluded != null)
                return Execution.Create(RunKind.Excluded, "in " + excluded);

            var loops = CallSiteSyntax.EnclosingLoops(call);
            if (loops == null || caller.Name == "<Main>$" || CallSiteSyntax.MayBeInLazyInitialization(call))
                return null;

            var place = "'" + CodePlace.MemberName(caller) + "'";
            if (loops.Count > 0)
            {
                var leaves = CallSiteSyntax.LeavesOnEveryPath(call, loops[loops.Count - 1]);
                if (leaves == null)
                    return null;
                if (!leaves.Value)
                {
                    if (CallSiteSyntax.MayPrecedeALoop(loops[loops.Count - 1]))
                        return null;
                    if (!loops.Any(CallSiteSyntax.CertainlyLooksLikeMainLoop)
                        && OnceExecution(RunsOf(caller, call, options, depth, cancellationToken), place) != null)
                    {
                        return null; // whether one of the loops is the program's main loop needs binding
                    }

                    return Execution.PerIteration(ImmutableArray<ILoopOperation>.Empty, "on every iteration of the loop in " + place);
                }
            }

            var marked = _hotPaths.Marked(caller, options, call.SyntaxTree);
            var hot = marked ?? _hotPaths.FromUses(caller, options, depth, Sites(options, cancellationToken), cancellationToken);
            if (hot == null)
                return Execution.Create(RunKind.PerCall, "each time " + place + " runs");
            if (OnceExecution(RunsByWhatItIs(caller, call, options), place) is Execution once)
                return once;
            if (marked == null && CallSiteSyntax.MayPrecedeALoop(call))
                return null;
            return Execution.HotCall(hot);
        }

        /// <summary>The execution of code in a member that runs once or once per object; null for any other member.</summary>
        private static Execution? OnceExecution(MemberRuns runs, string place)
        {
            switch (runs)
            {
                case MemberRuns.Startup:
                case MemberRuns.Once:
                    return Execution.Create(RunKind.Once, "in " + place + ", which runs once");
                case MemberRuns.Construction:
                    return Execution.Create(RunKind.Construction, "in " + place + ", which runs when an object is made");
                default:
                    return null;
            }
        }

        /// <summary>Whether a method is hot, by what it is or how it is used (null when it is not, or is once-code).</summary>
        private HotMethod? HotOf(IMethodSymbol method, IOperation operation, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            var marked = _hotPaths.Marked(method, options, operation.Syntax.SyntaxTree);
            if (marked != null)
                return marked;
            // Hot first: whether the method runs once (a search of its callers) is asked only of a hot one.
            var hot = _hotPaths.FromUses(method, options, depth, Sites(options, cancellationToken), cancellationToken);
            if (hot == null)
                return null;
            return RunsByWhatItIs(method, operation.Syntax, options) == MemberRuns.Unknown ? hot : null;
        }

        private HotPaths.HotOfCaller HotOfCaller(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            return (method, operation, depth) => HotOf(method, operation, options, depth, cancellationToken);
        }

        private HotPaths.ClassifySite ClassifySite(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            return (call, caller, depth) => Classify(call, caller, options, depth, cancellationToken, forHotPath: true);
        }

        private HotPaths.SiteQuestions Sites(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            return new HotPaths.SiteQuestions(
                ClassifySite(options, cancellationToken),
                (call, caller, depth) => ClassifyBySyntax(call, caller, options, depth, cancellationToken),
                HotOfCaller(options, cancellationToken));
        }

        /// <summary>How a member runs by what it is (a static or instance constructor, a startup method); Unknown otherwise.</summary>
        private MemberRuns RunsByWhatItIs(ISymbol member, SyntaxNode syntax, AnalyzerOptions options)
        {
            switch (StartupCode.ClassifyMember(member, syntax, StartupMethods(options, syntax.SyntaxTree)))
            {
                case StartupKind.TypeInitialization:
                    return MemberRuns.Once;
                case StartupKind.Construction:
                    return MemberRuns.Construction;
                case StartupKind.StartupMethod:
                    return MemberRuns.Startup;
                default:
                    return MemberRuns.Unknown;
            }
        }

        private MemberRuns RunsOf(ISymbol member, SyntaxNode syntax, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            var byWhatItIs = RunsByWhatItIs(member, syntax, options);
            if (byWhatItIs != MemberRuns.Unknown)
                return byWhatItIs;

            if (!(member is IMethodSymbol method))
                return MemberRuns.Unknown;

            // Marked hot (an attribute, an option, a Unity per-frame message): hot whoever else calls it.
            if (_hotPaths.Marked(method, options, syntax.SyntaxTree) != null)
                return MemberRuns.Hot;

            return DerivedFromCallers(method, options, depth, cancellationToken);
        }

        /// <summary>Once when every call of the method runs once (Construction when some run once per object).</summary>
        private MemberRuns DerivedFromCallers(IMethodSymbol method, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (_derived.TryGetValue(definition, out var cached))
                return cached;
            if (depth >= MaxCallerDepth || !AllCallersInSource(definition))
                return MemberRuns.Unknown;

            var inProgress = s_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(definition))
                return MemberRuns.Unknown; // recursion: it calls itself again and again

            try
            {
                var result = Compute(definition, options, depth, cancellationToken);
                if (depth == 0 || result != MemberRuns.Unknown)
                    _derived.TryAdd(definition, result);
                return result;
            }
            finally
            {
                inProgress.Remove(definition);
            }
        }

        private MemberRuns Compute(IMethodSymbol method, AnalyzerOptions options, int depth, CancellationToken cancellationToken)
        {
            // One call at a time: the first that does not run once settles it, and the rest are never bound.
            var counted = 0;
            var construction = false;
            foreach (var found in _callSites.Calls(method, cancellationToken))
            {
                if (!(found is CallSite site))
                    return MemberRuns.Unknown; // its callers cannot all be known
                var execution = Classify(site.Call, site.Caller, options, depth + 1, cancellationToken);
                switch (execution.Kind)
                {
                    case RunKind.Excluded:
                        continue; // a test or the editor calls it: not a run on the device
                    case RunKind.Once:
                        counted++;
                        continue;
                    case RunKind.Construction:
                        counted++;
                        construction = true;
                        continue;
                    default:
                        return MemberRuns.Unknown;
                }
            }

            if (counted == 0)
                return MemberRuns.Unknown;
            return construction ? MemberRuns.Construction : MemberRuns.Once;
        }

        /// <summary>Only direct calls in this compilation can run the method: its body is the one that runs, and no one outside sees it.</summary>
        private bool AllCallersInSource(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
                || !method.ExplicitInterfaceImplementations.IsEmpty || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            if (!_closedWorld && !IsHiddenFromOtherAssemblies(method))
                return false;

            var type = method.ContainingType;
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The assembly has <c>[assembly: InternalsVisibleTo(…)]</c>. Only a file that spells the name can apply it, so
        /// the assembly's attributes (which binding them costs about a millisecond in a large project) are read only
        /// when one does.
        /// </summary>
        private bool InternalsVisibleElsewhere()
        {
            if (_internalsVisibleElsewhere == 0)
            {
                var visible = _names.TreesSpelling("InternalsVisibleTo", default).Any()
                    && _compilation.Assembly.GetAttributes().Any(a => a.AttributeClass?.Name == "InternalsVisibleToAttribute");
                _internalsVisibleElsewhere = visible ? 2 : 1;
            }

            return _internalsVisibleElsewhere == 2;
        }

        private bool IsHiddenFromOtherAssemblies(ISymbol symbol)
        {
            for (var current = symbol; current != null && !(current is INamespaceSymbol); current = current.ContainingSymbol)
            {
                switch (current.DeclaredAccessibility)
                {
                    case Accessibility.Private:
                        return true;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedAndInternal:
                        if (!InternalsVisibleElsewhere())
                            return true;
                        break;
                }
            }

            return false;
        }
    }
}
