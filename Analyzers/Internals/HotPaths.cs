using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Which methods are hot, for <see cref="ChurnModel"/>: marked ones (<c>[HotPath]</c>, <c>[PerformanceSensitive]</c>,
    /// <c>fragless.hot_attributes</c>, <c>fragless.hot_methods</c>), Unity per-frame messages, event, timer and GPIO
    /// callbacks, and, through direct calls in source, the methods a loop or a hot method calls, up to
    /// <see cref="MaxDepth"/> calls away.
    /// </summary>
    internal sealed class HotPaths
    {
        /// <summary>How many calls from a hot method (or a loop) its callees still count as hot.</summary>
        public const int MaxDepth = 4;

        public static readonly ImmutableArray<string> DefaultAttributes = ImmutableArray.Create("HotPath", "PerformanceSensitive");

        public static readonly ImmutableArray<string> DefaultUnityMessages = ImmutableArray.Create(
            "Update", "LateUpdate", "FixedUpdate", "OnGUI",
            "OnAnimatorMove", "OnAnimatorIK",
            "OnWillRenderObject", "OnRenderObject", "OnPreCull", "OnPreRender", "OnPostRender", "OnRenderImage",
            "OnTriggerStay", "OnTriggerStay2D", "OnCollisionStay", "OnCollisionStay2D");

        private static readonly HotMethod NotHot = new HotMethod(string.Empty, HotSource.Marked, string.Empty, -1, false);

        [ThreadStatic]
        private static HashSet<IMethodSymbol>? s_inProgress;

        private readonly CallSites _callSites;
        private readonly PossiblyHot _possiblyHot;
        private readonly bool _unityGame;
        private readonly ConcurrentDictionary<SyntaxTree, Settings> _settings = new ConcurrentDictionary<SyntaxTree, Settings>();
        private readonly ConcurrentDictionary<IMethodSymbol, HotMethod> _fromUses = new ConcurrentDictionary<IMethodSymbol, HotMethod>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<SimpleNameSyntax>> _hotSpellings = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<SimpleNameSyntax>>(SymbolEqualityComparer.Default);

        /// <summary>How often a call site runs: the model's <c>Classify</c> one level further from the allocation.</summary>
        public delegate Execution ClassifySite(IOperation call, ISymbol caller, int depth);

        /// <summary>The same for a call in the body of <c>caller</c>, from its syntax; null when syntax cannot tell.</summary>
        public delegate Execution? ClassifySiteBySyntax(SyntaxNode call, IMethodSymbol caller, int depth);

        /// <summary>Whether a method is hot: the model's answer for the method a call site is in.</summary>
        public delegate HotMethod? HotOfCaller(IMethodSymbol method, IOperation operation, int depth);

        /// <summary>What hot-path derivation asks the model about the call sites it reads.</summary>
        public sealed class SiteQuestions
        {
            public SiteQuestions(ClassifySite classify, ClassifySiteBySyntax classifyBySyntax, HotOfCaller hotOf)
            {
                Classify = classify;
                ClassifyBySyntax = classifyBySyntax;
                HotOf = hotOf;
            }

            public ClassifySite Classify { get; }

            public ClassifySiteBySyntax ClassifyBySyntax { get; }

            public HotOfCaller HotOf { get; }
        }

        public HotPaths(CallSites callSites, bool unityGame)
        {
            _callSites = callSites;
            _possiblyHot = new PossiblyHot(callSites);
            _unityGame = unityGame;
        }

        /// <summary>Hot by what it is: marked, listed, or a Unity per-frame message. Cheap: no call sites are read.</summary>
        public HotMethod? Marked(IMethodSymbol method, AnalyzerOptions options, SyntaxTree tree)
        {
            var accessor = method.MethodKind == MethodKind.PropertyGet || method.MethodKind == MethodKind.PropertySet;
            if (method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.ExplicitInterfaceImplementation && !accessor)
                return null;

            var settings = SettingsOf(tree, options);
            var attributes = accessor ? method.GetAttributes().AddRange(method.AssociatedSymbol!.GetAttributes()) : method.GetAttributes();
            foreach (var attribute in attributes)
            {
                var attributeName = attribute.AttributeClass?.Name;
                if (attributeName != null && settings.IsHotAttribute(attributeName))
                    return new HotMethod(NameOf(method, accessor), HotSource.Marked, "is marked [" + TrimAttributeSuffix(attributeName) + "]", 0, mayRunConcurrently: false);
            }

            if (accessor)
                return null;

            if (settings.IsListed(method))
                return new HotMethod(NameOf(method, accessor), HotSource.Listed, "fragless.hot_methods lists as hot", 0, mayRunConcurrently: false);

            if (!method.IsStatic && settings.UnityMessages.Contains(method.Name) && IsUnityBehaviour(method.ContainingType))
            {
                var physics = method.Name.StartsWith("FixedUpdate", StringComparison.Ordinal) || method.Name.EndsWith("Stay", StringComparison.Ordinal) || method.Name.EndsWith("Stay2D", StringComparison.Ordinal);
                var often = physics ? "every physics step" : method.Name == "OnGUI" ? "several times every frame" : "every frame";
                var name = NameOf(method, accessor);
                return new HotMethod(name, HotSource.UnityMessage, "runs " + often, 0, mayRunConcurrently: false, callReason: often + " (" + name + ")");
            }

            if (method.Name == "OnUpdate" && IsEntitiesSystem(method.ContainingType))
            {
                var name = NameOf(method, accessor);
                return new HotMethod(name, HotSource.UnityMessage, "runs every frame", 0, mayRunConcurrently: false, callReason: "every frame (" + name + ")");
            }

            return null;
        }

        /// <summary>The name a message gives a marked method: made only for one that is (this is asked of most methods).</summary>
        private static string NameOf(IMethodSymbol method, bool accessor) => "'" + (accessor ? method.AssociatedSymbol!.Name : method.Name) + "'";

        /// <summary>The hot-path options of a tree, read once (no closure once they are known: asked for most methods).</summary>
        private Settings SettingsOf(SyntaxTree tree, AnalyzerOptions options)
        {
            if (_settings.TryGetValue(tree, out var known))
                return known;
            return _settings.GetOrAdd(tree, Settings.Read(options, tree));
        }

        /// <summary>A lambda subscribed to an event or passed as a timer or pin callback.</summary>
        public static HotMethod? ForLambda(IOperation function, string place)
        {
            var because = CallbackOf(function);
            if (because == null)
                return null;
            return new HotMethod(place, HotSource.Callback, because.Value.Because, 0, mayRunConcurrently: true, callReason: because.Value.Every + ", in " + place);
        }

        /// <summary>
        /// False when <see cref="FromUses"/> is certainly null: the uses are not followed, or their syntax shows that
        /// none can make the method hot. Nothing is bound; the syntax walk is remembered for <see cref="FromUses"/>.
        /// </summary>
        public bool MayBeHotByUses(IMethodSymbol method, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (!IsFollowedByUses(definition))
                return false;
            if (_fromUses.TryGetValue(definition, out var cached))
                return cached != NotHot;
            return _possiblyHot.ByUses(definition, (m, tree) => Marked(m, options, tree) != null, cancellationToken);
        }

        /// <summary>
        /// Hot by how it is used: subscribed or passed as a callback, called from a loop in code that is not once-code,
        /// or called from a hot method, at most <see cref="MaxDepth"/> calls away.
        /// </summary>
        public HotMethod? FromUses(IMethodSymbol method, AnalyzerOptions options, int depth, SiteQuestions sites, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (!IsFollowedByUses(definition))
                return null;
            if (_fromUses.TryGetValue(definition, out var cached))
                return cached == NotHot ? null : cached;
            if (depth > MaxDepth || definition.DeclaringSyntaxReferences.IsEmpty)
                return null;

            // Syntax first: when no use can make it hot, none is bound.
            if (!_possiblyHot.ByUses(definition, (m, tree) => Marked(m, options, tree) != null, cancellationToken))
            {
                _fromUses.TryAdd(definition, NotHot);
                return null;
            }

            var inProgress = s_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(definition))
                return null;

            try
            {
                var result = Compute(definition, options, depth, sites, cancellationToken);
                if (result != null || depth == 0)
                    _fromUses.TryAdd(definition, result ?? NotHot);
                return result;
            }
            finally
            {
                inProgress.Remove(definition);
            }
        }

        /// <summary>
        /// Whether the uses of a method are searched: those in its own type's files (all of a private method's). Every
        /// file that spells a public method's name would have to be bound, which costs a second compile of the project.
        /// </summary>
        public static bool IsFollowedByUses(IMethodSymbol method)
        {
            return method.ContainingType != null && !method.DeclaringSyntaxReferences.IsEmpty;
        }

        private HotMethod? Compute(IMethodSymbol method, AnalyzerOptions options, int depth, SiteQuestions sites, CancellationToken cancellationToken)
        {
            // Only the uses whose syntax can make it hot are read: a straight-line call from a method that cannot be
            // hot (most) contributes nothing here.
            var spellings = _hotSpellings.GetOrAdd(method, m => _possiblyHot.SpellingsThatMayMakeHot(
                m, (caller, tree) => Marked(caller, options, tree) != null, cancellationToken).ToImmutableArray());

            // A method group handed to an event, a timer or a pin makes it a callback, whatever its calls do.
            var name = "'" + method.Name + "'";
            var groups = _callSites.UsesAt(spellings.Where(s => !IsCall(s)), method, cancellationToken);
            if (groups.IsDefault)
                return null;
            foreach (var use in groups)
            {
                var because = CallbackOf(use.Operation);
                if (because != null)
                    return new HotMethod(name, HotSource.Callback, because.Value.Because, 0, mayRunConcurrently: true);
            }

            HotMethod? best = null;
            foreach (var spelling in spellings)
            {
                if (!IsCall(spelling))
                    continue;

                // A call in a method's own body, certainly of this method, is judged from its syntax where that can
                // tell; any other is bound, and judged on its operation.
                var bySyntax = _unityGame ? null : SiteBySyntax(spelling, method, depth, sites, cancellationToken);
                if (bySyntax != null && bySyntax.Value.Caller == null)
                    continue; // the method calling itself
                if (bySyntax != null)
                {
                    var site = bySyntax.Value.Site;
                    if (site.Kind == RunKind.PerIteration)
                        return new HotMethod(name, HotSource.CalledInLoop, "is called " + site.Reason, 1, mayRunConcurrently: false);
                    if (site.Kind != RunKind.HotCall || site.Hot == null || site.Hot.Depth >= MaxDepth || best != null && site.Hot.Depth + 1 >= best.Depth)
                        continue;
                    if (RootOf(site.Hot).Source != HotSource.UnityMessage)
                    {
                        best = new HotMethod(name, HotSource.CalledFromHot, "is called from " + Describe(site.Hot), site.Hot.Depth + 1, site.Hot.MayRunConcurrently, site.Hot);
                        continue;
                    }

                    // Whether the call runs only in a branch of a game's per-frame method is read on its operation.
                }

                var uses = _callSites.UsesAt(new[] { spelling }, method, cancellationToken);
                if (uses.IsDefault)
                    return null;
                foreach (var use in uses)
                {
                    var hot = FromBoundCall(use, method, name, depth, sites, options, best, out var returnNow);
                    if (returnNow)
                        return hot;
                    best = hot ?? best;
                }
            }

            return best;
        }

        private static bool IsCall(SimpleNameSyntax spelling)
        {
            var expression = CallSites.QualifiedExpression(spelling);
            return expression.Parent is InvocationExpressionSyntax call && call.Expression == expression;
        }

        /// <summary>
        /// A call judged from syntax: its caller (null when that is the method itself) and how often it runs; null when
        /// it is not certainly a call of <paramref name="method"/> from a method's own body, or syntax cannot tell.
        /// </summary>
        private (IMethodSymbol? Caller, Execution Site)? SiteBySyntax(SimpleNameSyntax spelling, IMethodSymbol method, int depth, SiteQuestions sites, CancellationToken cancellationToken)
        {
            var call = (InvocationExpressionSyntax)CallSites.QualifiedExpression(spelling).Parent!;
            var member = call.Parent;
            while (member != null && !(member is BaseMethodDeclarationSyntax) && !(member is AccessorDeclarationSyntax))
            {
                if (CallSiteSyntax.IsBoundary(member))
                    return null;
                member = member.Parent;
            }

            if (member == null || CallSites.IsInNameOf(spelling))
                return null;
            var caller = _callSites.Targets.DeclaredMethod(member, cancellationToken)?.OriginalDefinition;
            if (caller == null || !_callSites.Targets.CertainlyCalls(call, spelling, method, member, caller, cancellationToken))
                return null;
            if (SymbolEqualityComparer.Default.Equals(caller, method))
                return (null, Execution.Create(RunKind.PerCall, string.Empty));

            var site = sites.ClassifyBySyntax(call, caller, depth + 1);
            return site == null ? ((IMethodSymbol?, Execution)?)null : (caller, site);
        }

        /// <summary>
        /// What one bound call of the method makes of it (the answer is <c>best</c> or better); <paramref name="returnNow"/>
        /// when it settles the question.
        /// </summary>
        private HotMethod? FromBoundCall(MethodUse use, IMethodSymbol method, string name, int depth, SiteQuestions sites, AnalyzerOptions options, HotMethod? best, out bool returnNow)
        {
            returnNow = false;
            if (!use.IsCall || use.Caller is IMethodSymbol self && SymbolEqualityComparer.Default.Equals(self.OriginalDefinition, method))
                return null; // a method calling itself does not make itself hot

            var site = sites.Classify(use.Operation, use.Caller, depth + 1);
            if (site.Kind == RunKind.PerIteration && !_unityGame)
            {
                returnNow = true;
                return new HotMethod(name, HotSource.CalledInLoop, "is called " + site.Reason, 1, mayRunConcurrently: false);
            }

            // In a game the frame is the unit of time: a loop makes its callees hot only when it runs every frame,
            // in a hot method (a loop that loads a level, parses a file or saves the game does not).
            if (site.Kind == RunKind.PerIteration && use.Caller is IMethodSymbol loopMethod && loopMethod.MethodKind == MethodKind.Ordinary
                && depth + 1 <= MaxDepth && sites.HotOf(loopMethod, use.Operation, depth + 1) is HotMethod loopHot && loopHot.Depth < MaxDepth
                && (best == null || loopHot.Depth + 1 < best.Depth))
            {
                return new HotMethod(name, HotSource.CalledFromHot, "is called on every iteration of a loop in " + Describe(loopHot), loopHot.Depth + 1, loopHot.MayRunConcurrently, loopHot);
            }

            // In a game (a per-frame message, or any code of an assembly that references UnityEngine) a call in a
            // branch (if the key was pressed, when the level changed) runs when the branch is taken, which is seldom
            // every frame: only the calls every run makes are followed, unless fragless.hot_follow_branches says
            // otherwise. A device loop's or callback's branches pick the work for each packet or sample, and are
            // followed.
            if (site.Kind == RunKind.HotCall && site.Hot != null && site.Hot.Depth < MaxDepth && (best == null || site.Hot.Depth + 1 < best.Depth)
                && !RunsSeldomInGameCode(use.Operation, site.Hot, options))
            {
                return new HotMethod(name, HotSource.CalledFromHot, "is called from " + Describe(site.Hot), site.Hot.Depth + 1, site.Hot.MayRunConcurrently, site.Hot);
            }

            return null;
        }

        private static HotMethod RootOf(HotMethod hot)
        {
            while (hot.Via != null)
                hot = hot.Via;
            return hot;
        }

        /// <summary>
        /// In game code (a per-frame message, or any code of an assembly that references UnityEngine), code of a hot
        /// method that runs only in one branch (if the key was pressed, when the level changed), or after an early
        /// return that asks something (<c>if (!Input.GetMouseButtonDown(0)) return;</c>), runs when the branch is
        /// taken, which is seldom every frame, unless fragless.hot_follow_branches says otherwise. A device loop's or
        /// callback's branches pick the work for each packet or sample, and count.
        /// </summary>
        public bool RunsSeldomInGameCode(IOperation operation, HotMethod hot, AnalyzerOptions options)
        {
            return (_unityGame || RootOf(hot).Source == HotSource.UnityMessage)
                && RunsOnlyInABranch(operation)
                && !SettingsOf(operation.Syntax.SyntaxTree, options).FollowBranches;
        }

        /// <summary>
        /// Inside an <c>if</c> or <c>switch</c> branch, a <c>catch</c>, the right of <c>&amp;&amp;</c>/<c>||</c>/<c>??</c> or a
        /// <c>?:</c> arm of its function, or after an <c>if</c> that makes a call and whose branch returns or throws.
        /// </summary>
        private static bool RunsOnlyInABranch(IOperation call)
        {
            var child = call;
            for (var current = call.Parent; current != null && !current.IsFunctionBoundary(); child = current, current = current.Parent)
            {
                if (current is IBlockOperation block && FollowsAnEarlyExit(block, child))
                    return true;

                switch (current)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                    case ISwitchCaseOperation _:
                    case ISwitchExpressionArmOperation _:
                    case ICatchClauseOperation _:
                    case ICoalesceOperation coalesce when child == coalesce.WhenNull:
                    case IBinaryOperation logical when (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd || logical.OperatorKind == BinaryOperatorKind.ConditionalOr) && child == logical.RightOperand:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>if (!Input.GetMouseButtonDown(0)) return;</c> (or <c>throw</c>), with no <c>else</c>, before
        /// <paramref name="child"/> in <paramref name="block"/>: a guard that asks something (a call: input, a query,
        /// a timer), which lets the rest run when it happens. A guard on state (<c>if (_target == null) return;</c>,
        /// <c>if (!_moved) return;</c>) usually lets it run on every frame, and does not count.
        /// </summary>
        private static bool FollowsAnEarlyExit(IBlockOperation block, IOperation child)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == child)
                    return false;
                if (statement is IConditionalOperation guard && guard.WhenFalse == null && Exits(guard.WhenTrue)
                    && guard.Condition.DescendantsAndSelf().Any(o => o is IInvocationOperation))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exits(IOperation statement)
        {
            switch (statement)
            {
                case IReturnOperation _:
                case IThrowOperation _:
                    return true;
                case IExpressionStatementOperation expression:
                    return expression.Operation is IThrowOperation;
                case IBlockOperation block:
                    return block.Operations.Length > 0 && Exits(block.Operations[block.Operations.Length - 1]);
                default:
                    return false;
            }
        }

        /// <summary>"'Update', which runs every frame"; a longer chain names each caller: "'Fire' (from 'Update', which runs every frame)".</summary>
        private static string Describe(HotMethod caller)
        {
            return caller.Via == null ? caller.Describe() : caller.Name + " (from " + Describe(caller.Via) + ")";
        }

        /// <summary>What a method group or lambda is handed to: an event (<c>+=</c>), a timer, a GPIO pin callback.</summary>
        private static (string Because, string Every)? CallbackOf(IOperation function)
        {
            var child = function;
            var parent = function.Parent;
            while (parent is IDelegateCreationOperation || parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IEventAssignmentOperation subscription when subscription.Adds && subscription.HandlerValue == child:
                    var @event = (subscription.EventReference as IEventReferenceOperation)?.Event;
                    if (@event == null)
                        return null;
                    if (@event.Name == "Elapsed" && IsNamed(@event.ContainingType, "Timer", "System.Timers"))
                        return ("runs on every tick of a timer", "on every tick of the timer");
                    if (FiresOnUserAction(@event.Name))
                        return null;
                    return ("handles every '" + @event.Name + "' event", "on every '" + @event.Name + "' event");
                case IArgumentOperation argument:
                    switch (argument.Parent)
                    {
                        case IObjectCreationOperation creation when IsNamed(creation.Type, "Timer", "System.Threading"):
                            return ("runs on every tick of a timer", "on every tick of the timer");
                        case IInvocationOperation invocation when invocation.TargetMethod.Name == "RegisterCallbackForPinValueChangedEvent":
                            return ("runs on every change of a GPIO pin", "on every change of the pin");
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Words of event names that fire at human speed: a click, a submitted form, a window opened or closed, a game loaded.</summary>
        private static readonly ImmutableHashSet<string> s_userActionWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "Click", "Clicked", "Button", "Pressed", "Press", "Key", "Keyboard", "Input", "Submit", "Submitted", "Command",
            "Open", "Opened", "Opening", "Close", "Closed", "Closing", "Select", "Selected", "Picked", "Pick", "Toggle", "Toggled",
            "Focus", "Menu", "Dialog", "Confirm", "Cancel", "Load", "Loaded", "Save", "Saved", "Game", "Start", "Started",
            "Quit", "Exit", "Login", "Logout", "Connect", "Connected", "Disconnect", "Disconnected");

        /// <summary>Words that say the event fires continuously, whatever else its name says: a mouse move, a drag, a tick, data.</summary>
        private static readonly ImmutableHashSet<string> s_streamWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "Move", "Moved", "Drag", "Scroll", "Update", "Updated", "Tick", "Frame", "Data", "Received", "Sample", "Reading", "Changed", "Value", "Packet", "Message");

        /// <summary>
        /// An event that fires on a user's action or once in a while (<c>OnMouseClick</c>, <c>Submit</c>, <c>Closed</c>,
        /// <c>OnNewGame</c>): its handlers run at human speed and are not hot. Judged by the words of the name.
        /// </summary>
        internal static bool FiresOnUserAction(string eventName)
        {
            var words = Words(eventName);
            return words.Any(s_userActionWords.Contains) && !words.Any(s_streamWords.Contains);
        }

        private static List<string> Words(string name)
        {
            var words = new List<string>();
            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                if (i == name.Length || char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]) || name[i] == '_')
                {
                    var word = name.Substring(start, i - start).Trim('_');
                    if (word.Length > 0)
                        words.Add(word);
                    start = i;
                }
            }

            return words;
        }

        private static bool IsNamed(ITypeSymbol? type, string name, string @namespace)
        {
            return type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == @namespace;
        }

        private static bool IsUnityBehaviour(INamedTypeSymbol? type)
        {
            for (var current = type?.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == "MonoBehaviour" && current.ContainingNamespace?.Name == "UnityEngine" && current.ContainingNamespace.ContainingNamespace?.IsGlobalNamespace == true)
                    return true;
            }

            return false;
        }

        private static bool IsEntitiesSystem(INamedTypeSymbol? type)
        {
            if (type == null)
                return false;
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == "SystemBase")
                    return true;
            }

            return type.AllInterfaces.Any(i => i.Name == "ISystem");
        }

        private static string TrimAttributeSuffix(string name)
        {
            return name.Length > "Attribute".Length && name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>The hot-method options of one tree, read once.</summary>
        private sealed class Settings
        {
            private readonly ImmutableHashSet<string> _attributes;
            private readonly ImmutableArray<string> _methods;

            private Settings(ImmutableHashSet<string> attributes, ImmutableArray<string> methods, ImmutableHashSet<string> unityMessages, bool followBranches)
            {
                _attributes = attributes;
                _methods = methods;
                UnityMessages = unityMessages;
                FollowBranches = followBranches;
            }

            public ImmutableHashSet<string> UnityMessages { get; }

            /// <summary><c>fragless.hot_follow_branches</c>: also follow a hot method's calls made in one branch.</summary>
            public bool FollowBranches { get; }

            // The sets most files use (no hot-path options): made once, not once per file.
            private static readonly ImmutableHashSet<string> s_defaultAttributes = DefaultAttributes.ToImmutableHashSet(StringComparer.Ordinal);
            private static readonly ImmutableHashSet<string> s_defaultUnityMessages = DefaultUnityMessages.ToImmutableHashSet(StringComparer.Ordinal);

            public static Settings Read(AnalyzerOptions options, SyntaxTree tree)
            {
                var extraAttributes = AnalyzerOptionsReader.GetList(options, tree, OptionKeys.HotAttributes).Where(IsValidName).Select(TrimAttributeSuffix).ToList();
                var attributes = extraAttributes.Count == 0 ? s_defaultAttributes : s_defaultAttributes.Union(extraAttributes);
                var methods = AnalyzerOptionsReader.GetList(options, tree, OptionKeys.HotMethods).Where(StartupCode.IsValidEntry).ToImmutableArray();
                var unity = AnalyzerOptionsReader.GetList(options, tree, OptionKeys.UnityHotMessages).Where(IsValidName).ToImmutableArray();
                var followBranches = AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.HotFollowBranches, defaultValue: false);
                return new Settings(attributes, methods, unity.IsEmpty ? s_defaultUnityMessages : unity.ToImmutableHashSet(StringComparer.Ordinal), followBranches);
            }

            public bool IsHotAttribute(string attributeClassName) => _attributes.Contains(TrimAttributeSuffix(attributeClassName));

            public bool IsListed(IMethodSymbol method) => StartupCode.IsListed(method, _methods);

            private static bool IsValidName(string entry) => SyntaxFacts.IsValidIdentifier(entry);

        }
    }
}
