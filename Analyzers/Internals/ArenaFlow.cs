using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>A read, write or pass of arena memory after the release named by <see cref="Release"/>.</summary>
    internal readonly struct UseAfterRewind
    {
        public UseAfterRewind(IOperation use, ILocalSymbol local, string release)
        {
            Use = use;
            Local = local;
            Release = release;
        }

        public IOperation Use { get; }

        public ILocalSymbol Local { get; }

        /// <summary>"'arena.Reset()'", "'arena.RewindTo(mark)'", "the end of the scope 'arena.Scope()'".</summary>
        public string Release { get; }
    }

    /// <summary>Arena memory handed to a holder that outlives the scope or mark it was allocated under (FRAG008).</summary>
    internal readonly struct ArenaEscape
    {
        public ArenaEscape(IOperation at, string name, string how, string release)
        {
            At = at;
            Name = name;
            How = how;
            Release = release;
        }

        /// <summary>The escaping reference to the memory (the stored, returned, captured or handed-on value).</summary>
        public IOperation At { get; }

        /// <summary>The local, or the allocation's source text.</summary>
        public string Name { get; }

        /// <summary>"is stored in '_last'", "is returned", "is captured by a lambda", "is held by the pending 'ReadAsync(…)'".</summary>
        public string How { get; }

        /// <summary>The release it outlives: "the end of the scope 'arena.Scope()'", "'arena.RewindTo(mark)'".</summary>
        public string Release { get; }
    }

    /// <summary>
    /// Flow-sensitive lifetimes of arena memory within one function, over its control-flow graph. It follows locals
    /// that hold memory from <c>Alloc*</c> (and views derived from them: <c>Slice</c>, <c>Span</c>, <c>Segment</c>,
    /// <c>Memory</c>, conversions), the marks and scopes of the same arena variable, and the releases: <c>Reset()</c>,
    /// <c>RewindTo(mark)</c> of a mark taken before the allocation, the end (disposal) of a scope opened before it.
    /// A use is reported when some path from the release reaches it without a new allocation in between. It does not
    /// follow callees (a method that resets an arena it is passed is not seen), aliases it cannot name (another
    /// object's arena, a mark in a field), or lambdas' captures; each function is analysed on its own.
    /// </summary>
    internal static class ArenaFlow
    {
        private const int MaxIterationsPerBlock = 50;

        public static ImmutableArray<UseAfterRewind> FindUsesAfterRewind(ControlFlowGraph graph, ArenaTypes types, CancellationToken cancellationToken)
        {
            var results = new List<UseAfterRewind>();
            RunAll(graph, types, cancellationToken, results, escapes: null);
            return results
                .GroupBy(r => r.Use.Syntax.Span)
                .Select(g => g.First())
                .OrderBy(r => r.Use.Syntax.SpanStart)
                .ToImmutableArray();
        }

        /// <summary>
        /// Memory allocated under a scope or a mark that is stored outside the function's locals, returned, captured by a
        /// lambda or handed to an operation not awaited in time, when on some path the scope ends or the mark is rewound
        /// afterwards (for a return: on the way out, a <c>using</c> scope or a <c>finally</c> rewind). Memory allocated
        /// under no scope or mark (released by a caller's <c>Reset()</c>) is not followed.
        /// </summary>
        public static ImmutableArray<ArenaEscape> FindEscapes(ControlFlowGraph graph, ArenaTypes types, CancellationToken cancellationToken)
        {
            var escapes = new List<ArenaEscape>();
            RunAll(graph, types, cancellationToken, new List<UseAfterRewind>(), escapes);
            return escapes
                .GroupBy(r => r.At.Syntax.Span)
                .Select(g => g.First())
                .OrderBy(r => r.At.Syntax.SpanStart)
                .ToImmutableArray();
        }

        private static void RunAll(ControlFlowGraph graph, ArenaTypes types, CancellationToken cancellationToken, List<UseAfterRewind> results, List<ArenaEscape>? escapes)
        {
            var graphs = new Stack<ControlFlowGraph>();
            graphs.Push(graph);
            var depth = 0;
            while (graphs.Count > 0 && depth++ < 64)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = graphs.Pop();
                new Analysis(current, types, cancellationToken, escapes != null).Run(results, escapes);
                foreach (var local in current.LocalFunctions)
                    graphs.Push(current.GetLocalFunctionControlFlowGraph(local, cancellationToken));
                foreach (var block in current.Blocks)
                {
                    foreach (var lambda in block.Operations.Concat(block.BranchValue == null ? Enumerable.Empty<IOperation>() : new[] { block.BranchValue })
                        .SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>())
                    {
                        graphs.Push(current.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken));
                    }
                }
            }
        }

        /// <summary>Memory one local holds. <see cref="Unknown"/> is the top of the lattice: not followed.</summary>
        private sealed class Slice
        {
            public static readonly Slice Unknown = new Slice(null, ImmutableHashSet<object>.Empty, null, int.MaxValue);

            public Slice(ISymbol? arena, ImmutableHashSet<object> olderTokens, string? releasedBy, int releasePosition)
            {
                Arena = arena;
                OlderTokens = olderTokens;
                ReleasedBy = releasedBy;
                ReleasePosition = releasePosition;
            }

            public ISymbol? Arena { get; }

            /// <summary>Marks and scopes of the arena that were taken before this memory was allocated (on every path).</summary>
            public ImmutableHashSet<object> OlderTokens { get; }

            /// <summary>The release that freed the memory on some path, or null while it is live on every path.</summary>
            public string? ReleasedBy { get; }

            public int ReleasePosition { get; }

            public bool IsUnknown => Arena == null;

            public Slice Released(string by, int position) => ReleasedBy != null ? this : new Slice(Arena, OlderTokens, by, position);

            public Slice WithoutToken(object token) => OlderTokens.Contains(token) ? new Slice(Arena, OlderTokens.Remove(token), ReleasedBy, ReleasePosition) : this;

            public static Slice Join(Slice a, Slice b)
            {
                if (a.IsUnknown || b.IsUnknown || !SymbolEqualityComparer.Default.Equals(a.Arena, b.Arena))
                    return Unknown;
                if (a.Equals(b))
                    return a;

                var older = a.OlderTokens.Intersect(b.OlderTokens);
                var first = a.ReleasedBy == null ? b : b.ReleasedBy == null ? a : a.ReleasePosition <= b.ReleasePosition ? a : b;
                return new Slice(a.Arena, older, first.ReleasedBy, first.ReleasePosition);
            }

            public bool Equals(Slice other)
            {
                return ReferenceEquals(this, other)
                    || SymbolEqualityComparer.Default.Equals(Arena, other.Arena)
                        && ReleasedBy == other.ReleasedBy
                        && ReleasePosition == other.ReleasePosition
                        && OlderTokens.SetEquals(other.OlderTokens);
            }
        }

        /// <summary>A mark or an open scope: where a rewind goes back to.</summary>
        private sealed class Token
        {
            public Token(ISymbol arena, string release)
            {
                Arena = arena;
                Release = release;
            }

            public ISymbol Arena { get; }

            /// <summary>How its rewind is named in a message.</summary>
            public string Release { get; }
        }

        /// <summary>Keys are locals (compared as symbols) and flow captures of the graph.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object? x, object? y)
            {
                if (x is ISymbol a && y is ISymbol b)
                    return SymbolEqualityComparer.Default.Equals(a, b);
                return object.Equals(x, y);
            }

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }

        /// <summary>An escape waiting for the release of one of its tokens (only in escape mode).</summary>
        private sealed class PendingEscape
        {
            public PendingEscape(IOperation at, string name, string how, ImmutableHashSet<object> tokens, ILocalSymbol? awaitedThrough)
            {
                At = at;
                Name = name;
                How = how;
                Tokens = tokens;
                AwaitedThrough = awaitedThrough;
            }

            public IOperation At { get; }

            public string Name { get; }

            public string How { get; }

            /// <summary>The scopes and marks whose release the holder outlives.</summary>
            public ImmutableHashSet<object> Tokens { get; }

            /// <summary>For a pending operation kept in a local: awaiting that local ends the escape.</summary>
            public ILocalSymbol? AwaitedThrough { get; }

            public (int, int, string) Key => (At.Syntax.SpanStart, At.Syntax.Span.Length, How);

            public PendingEscape WithoutToken(object token) => Tokens.Contains(token) ? new PendingEscape(At, Name, How, Tokens.Remove(token), AwaitedThrough) : this;
        }

        private sealed class State : IFlowState<State>
        {
            public State()
            {
                Slices = new Dictionary<object, Slice>(KeyComparer.Instance);
                Tokens = new Dictionary<object, Token>(KeyComparer.Instance);
                Pending = new Dictionary<(int, int, string), PendingEscape>();
            }

            public Dictionary<object, Slice> Slices { get; }

            public Dictionary<object, Token> Tokens { get; }

            public Dictionary<(int, int, string), PendingEscape> Pending { get; }

            public State Clone()
            {
                var copy = new State();
                foreach (var pair in Slices)
                    copy.Slices[pair.Key] = pair.Value;
                foreach (var pair in Tokens)
                    copy.Tokens[pair.Key] = pair.Value;
                foreach (var pair in Pending)
                    copy.Pending[pair.Key] = pair.Value;
                return copy;
            }

            /// <summary>Joins <paramref name="other"/> into this state; true when this state changed.</summary>
            public bool JoinWith(State other)
            {
                var changed = false;
                foreach (var pair in other.Slices)
                {
                    if (!Slices.TryGetValue(pair.Key, out var mine))
                    {
                        Slices[pair.Key] = pair.Value;
                        changed = true;
                    }
                    else
                    {
                        var joined = Slice.Join(mine, pair.Value);
                        if (!joined.Equals(mine))
                        {
                            Slices[pair.Key] = joined;
                            changed = true;
                        }
                    }
                }

                foreach (var pair in other.Tokens)
                {
                    if (!Tokens.TryGetValue(pair.Key, out var mine))
                    {
                        Tokens[pair.Key] = pair.Value;
                        changed = true;
                    }
                }

                foreach (var pair in other.Pending)
                {
                    if (!Pending.ContainsKey(pair.Key))
                    {
                        Pending[pair.Key] = pair.Value;
                        changed = true;
                    }
                }

                return changed;
            }
        }

        private sealed class Analysis
        {
            private readonly ControlFlowGraph _graph;
            private readonly ArenaTypes _types;
            private readonly CancellationToken _cancellationToken;
            private readonly bool _trackEscapes;
            private List<UseAfterRewind>? _report;
            private List<ArenaEscape>? _escapes;

            public Analysis(ControlFlowGraph graph, ArenaTypes types, CancellationToken cancellationToken, bool trackEscapes)
            {
                _graph = graph;
                _types = types;
                _cancellationToken = cancellationToken;
                _trackEscapes = trackEscapes;
            }

            public void Run(List<UseAfterRewind> results, List<ArenaEscape>? escapes)
            {
                var blocks = _graph.Blocks;
                var input = ForwardFlow.Solve(_graph, new State(), Transfer, Leave, MaxIterationsPerBlock, _cancellationToken);
                if (input == null)
                    return; // does not settle: say nothing rather than guess

                _report = results;
                _escapes = escapes;
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (input[i] == null)
                        continue;
                    var state = input[i]!.Clone();
                    Transfer(blocks[i], state);
                    if (_trackEscapes)
                    {
                        // Returns, and releases in the finally regions a branch runs on its way out, report escapes.
                        foreach (var branch in new[] { blocks[i].FallThroughSuccessor, blocks[i].ConditionalSuccessor })
                        {
                            if (branch != null)
                                Leave(blocks[i], branch, state);
                        }
                    }
                }

                _report = null;
                _escapes = null;
            }

            /// <summary>The state on <paramref name="branch"/>: a returned value escapes, then the finally regions it leaves through run.</summary>
            private State Leave(BasicBlock block, ControlFlowBranch branch, State state)
            {
                var leaving = state;
                if (_trackEscapes && branch.Semantics == ControlFlowBranchSemantics.Return && block.BranchValue != null && branch == block.FallThroughSuccessor)
                {
                    leaving = state.Clone();
                    Escape(block.BranchValue, "is returned", leaving, awaitedThrough: null);
                }

                if (!branch.FinallyRegions.IsEmpty)
                {
                    if (ReferenceEquals(leaving, state))
                        leaving = state.Clone();
                    foreach (var region in branch.FinallyRegions)
                        RunLinearly(region, leaving);
                }

                return leaving;
            }

            /// <summary>
            /// <paramref name="value"/> goes to a holder that can outlive the function's scopes: if it is arena memory
            /// allocated under a scope or mark, the escape waits for that release.
            /// </summary>
            private void Escape(IOperation value, string how, State state, ILocalSymbol? awaitedThrough)
            {
                var source = value.WalkDownConversions();
                ImmutableHashSet<object>? tokens = null;
                string? name = null;
                if (source is IInvocationOperation allocation && _types.Classify(allocation) == ArenaCallKind.Alloc)
                {
                    var arena = ArenaTypes.GetArenaSymbol(allocation.Instance);
                    if (arena != null)
                    {
                        tokens = ImmutableHashSet.CreateRange<object>(
                            KeyComparer.Instance,
                            state.Tokens.Where(t => SymbolEqualityComparer.Default.Equals(t.Value.Arena, arena)).Select(t => t.Key));
                        name = ArenaTypes.Describe(allocation);
                    }
                }
                else
                {
                    var local = DerivedFrom(value);
                    if (local != null && state.Slices.TryGetValue(local, out var slice) && !slice.IsUnknown && slice.ReleasedBy == null)
                    {
                        tokens = slice.OlderTokens;
                        name = local.Name;
                    }
                }

                if (tokens == null || tokens.IsEmpty || name == null)
                    return;
                var pending = new PendingEscape(value, name, how, tokens, awaitedThrough);
                if (!state.Pending.ContainsKey(pending.Key))
                    state.Pending[pending.Key] = pending;
            }

            /// <summary>A finally region run on the way out of its try: its blocks in order (a may-approximation of its paths).</summary>
            private void RunLinearly(ControlFlowRegion region, State state)
            {
                var report = _report;
                _report = null;
                for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal && i < _graph.Blocks.Length; i++)
                    Transfer(_graph.Blocks[i], state);
                _report = report;
            }

            private void Transfer(BasicBlock block, State state)
            {
                foreach (var operation in block.Operations)
                    Apply(operation, state);
                if (block.BranchValue != null)
                    Apply(block.BranchValue, state);
            }

            private void Apply(IOperation operation, State state)
            {
                if (_report != null)
                    ReportUses(operation, state);
                foreach (var node in PostOrder(operation))
                    Effect(node, state);
            }

            private static IEnumerable<IOperation> PostOrder(IOperation root)
            {
                // The operations of this function, children first (evaluation order); lambdas are their own functions.
                var stack = new Stack<(IOperation Node, bool Visited)>();
                stack.Push((root, false));
                while (stack.Count > 0)
                {
                    var (node, visited) = stack.Pop();
                    if (visited)
                    {
                        yield return node;
                        continue;
                    }

                    stack.Push((node, true));
                    if (node is IFlowAnonymousFunctionOperation)
                        continue;
                    var children = node.Children.ToList();
                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        if (children[i] != null)
                            stack.Push((children[i], false));
                    }
                }
            }

            private void ReportUses(IOperation operation, State state)
            {
                foreach (var node in PostOrder(operation))
                {
                    if (!(node is ILocalReferenceOperation reference)
                        || !state.Slices.TryGetValue(reference.Local, out var slice)
                        || slice.ReleasedBy == null
                        || IsWrite(reference)
                        || IsHarmless(reference))
                    {
                        continue;
                    }

                    _report!.Add(new UseAfterRewind(reference, reference.Local, slice.ReleasedBy));
                    state.Slices[reference.Local] = Slice.Unknown; // one report per path is enough
                }
            }

            private static bool IsWrite(ILocalReferenceOperation reference)
            {
                var parent = reference.Parent;
                if (parent is IDeclarationExpressionOperation)
                    parent = parent.Parent;
                if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                    return true;
                return parent is IArgumentOperation argument && argument.Parameter?.RefKind == RefKind.Out;
            }

            /// <summary><c>Length</c>, <c>Count</c>, <c>IsEmpty</c> and <c>IsLive</c> do not touch the memory.</summary>
            private static bool IsHarmless(ILocalReferenceOperation reference)
            {
                if (!(reference.Parent is IPropertyReferenceOperation property) || property.Instance != reference)
                    return false;
                switch (property.Property.Name)
                {
                    case "Length":
                    case "Count":
                    case "IsEmpty":
                    case "IsLive":
                        return true;
                    default:
                        return false;
                }
            }

            private void Effect(IOperation node, State state)
            {
                if (_trackEscapes)
                    EscapeEffect(node, state);
                switch (node)
                {
                    case ISimpleAssignmentOperation assignment:
                        Assign(assignment.Target, assignment.Value, state);
                        break;
                    case IFlowCaptureOperation capture:
                        if (capture.Value.WalkDownConversions() is IInvocationOperation scope && _types.Classify(scope) == ArenaCallKind.Scope)
                            DefineToken(capture.Id, scope, state, "the end of the scope '" + ArenaTypes.Describe(scope) + "'");
                        break;
                    case IInvocationOperation invocation:
                        Invoke(invocation, state);
                        break;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None:
                        if ((argument.Value is IDeclarationExpressionOperation declared ? declared.Expression : argument.Value) is ILocalReferenceOperation passed && !(argument.Parent is IInvocationOperation call && _types.Classify(call) == ArenaCallKind.TryAlloc))
                            Forget(passed.Local, state);
                        break;
                }
            }

            /// <summary>Stores outside the function's locals, lambdas that capture memory, pending operations handed memory, and their awaits.</summary>
            private void EscapeEffect(IOperation node, State state)
            {
                switch (node)
                {
                    case ISimpleAssignmentOperation assignment when IsOutsideHolder(assignment.Target):
                        Escape(assignment.Value, "is stored in '" + ArenaTypes.Describe(assignment.Target) + "'", state, awaitedThrough: null);
                        break;
                    case IFlowAnonymousFunctionOperation lambda:
                        foreach (var captured in CapturedLocals(_graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), depth: 0))
                            Escape(captured, "is captured by a lambda", state, awaitedThrough: null);
                        break;
                    case IInvocationOperation call when _types.Classify(call) == ArenaCallKind.None && IsAwaitable(call.Type) && !IsAwaitedAtOnce(call, out var keptIn):
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter != null && argument.Parameter.RefKind == RefKind.None && _types.IsView(argument.Value.WalkDownConversions().Type))
                                Escape(argument.Value, "is held by the pending '" + ArenaTypes.Describe(call) + "'", state, keptIn);
                        }

                        break;
                    case IAwaitOperation awaited:
                        var operand = awaited.Operation.WalkDownConversions();
                        if (operand is IInvocationOperation configure && configure.Instance != null && (configure.TargetMethod.Name == "ConfigureAwait" || configure.TargetMethod.Name == "AsTask"))
                            operand = configure.Instance.WalkDownConversions();
                        if (operand is ILocalReferenceOperation task)
                        {
                            foreach (var key in state.Pending.Where(p => p.Value.AwaitedThrough != null && SymbolEqualityComparer.Default.Equals(p.Value.AwaitedThrough, task.Local)).Select(p => p.Key).ToList())
                                state.Pending.Remove(key);
                        }

                        break;
                }
            }

            /// <summary>A field, property, array element, or ref/out parameter: anything that outlives the function's own locals.</summary>
            private static bool IsOutsideHolder(IOperation target)
            {
                switch (target)
                {
                    case IFieldReferenceOperation field:
                        // A field of a struct local lives and dies with the local.
                        return !(field.Instance is ILocalReferenceOperation local && local.Local.Type.IsValueType);
                    case IPropertyReferenceOperation property:
                        return !(property.Instance is ILocalReferenceOperation local2 && local2.Local.Type.IsValueType);
                    case IArrayElementReferenceOperation _:
                        return true;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter.RefKind != RefKind.None;
                    default:
                        return false;
                }
            }

            /// <summary>References, inside a lambda (and the lambdas within it), to locals of the enclosing function.</summary>
            private IEnumerable<ILocalReferenceOperation> CapturedLocals(ControlFlowGraph lambda, int depth)
            {
                if (depth > 8)
                    yield break;
                foreach (var block in lambda.Blocks)
                {
                    var operations = block.BranchValue == null ? block.Operations : block.Operations.Add(block.BranchValue);
                    foreach (var node in operations.SelectMany(o => o.DescendantsAndSelf()))
                    {
                        if (node is ILocalReferenceOperation reference)
                            yield return reference;
                        else if (node is IFlowAnonymousFunctionOperation inner)
                        {
                            foreach (var nested in CapturedLocals(lambda.GetAnonymousFunctionControlFlowGraph(inner, _cancellationToken), depth + 1))
                                yield return nested;
                        }
                    }
                }
            }

            /// <summary>Task, ValueTask and anything else with a parameterless <c>GetAwaiter()</c>.</summary>
            private static bool IsAwaitable(ITypeSymbol? type)
            {
                for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
                {
                    if (current.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty && !m.IsStatic))
                        return true;
                }

                return false;
            }

            /// <summary>
            /// <c>await call</c> (through conversions, <c>ConfigureAwait</c>, <c>AsTask</c>), or a synchronous wait
            /// (<c>.GetAwaiter().GetResult()</c>, <c>.Wait()</c>, <c>.Result</c>): the memory is held only while the function waits. Otherwise <paramref name="keptIn"/> is the local the pending operation is assigned to, if any.
            /// </summary>
            private static bool IsAwaitedAtOnce(IOperation call, out ILocalSymbol? keptIn)
            {
                keptIn = null;
                var current = call;
                for (var steps = 0; steps < 8; steps++)
                {
                    var parent = current.Parent;
                    switch (parent)
                    {
                        case IConversionOperation _:
                            current = parent;
                            continue;
                        case IInvocationOperation wrapper when wrapper.Instance == current && (wrapper.TargetMethod.Name == "ConfigureAwait" || wrapper.TargetMethod.Name == "AsTask"):
                            current = parent;
                            continue;
                        case IAwaitOperation _:
                            return true;
                        case IInvocationOperation blocking when blocking.Instance == current && (blocking.TargetMethod.Name == "GetAwaiter" || blocking.TargetMethod.Name == "GetResult" || blocking.TargetMethod.Name == "Wait"):
                            if (blocking.TargetMethod.Name != "GetAwaiter")
                                return true; // waited for synchronously
                            current = parent;
                            continue;
                        case IPropertyReferenceOperation result when result.Instance == current && result.Property.Name == "Result":
                            return true;
                        case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Target is ILocalReferenceOperation local:
                            keptIn = local.Local;
                            return false;
                        default:
                            return false;
                    }
                }

                return false;
            }

            private void Assign(IOperation target, IOperation value, State state)
            {
                var assigned = ArenaTypes.GetArenaSymbol(target);
                if (assigned != null)
                    ForgetArena(assigned, state);

                if (!(target is ILocalReferenceOperation local))
                    return;

                state.Tokens.Remove(local.Local);
                foreach (var key in state.Slices.Keys.ToList())
                    state.Slices[key] = state.Slices[key].WithoutToken(local.Local);

                var source = value.WalkDownConversions();
                if (source is IInvocationOperation invocation)
                {
                    switch (_types.Classify(invocation))
                    {
                        case ArenaCallKind.Alloc:
                            Allocate(local.Local, invocation, state);
                            return;
                        case ArenaCallKind.Mark:
                            DefineToken(local.Local, invocation, state, "'" + ArenaTypes.Describe(invocation) + "'");
                            return;
                        case ArenaCallKind.Scope:
                            DefineToken(local.Local, invocation, state, "the end of the scope '" + ArenaTypes.Describe(invocation) + "'");
                            return;
                    }
                }

                var derived = DerivedFrom(value);
                if (derived != null && state.Slices.TryGetValue(derived, out var from) && _types.IsView(local.Local.Type))
                {
                    state.Slices[local.Local] = from;
                    return;
                }

                if (_types.IsView(local.Local.Type) || state.Slices.ContainsKey(local.Local))
                    state.Slices[local.Local] = Slice.Unknown;
            }

            /// <summary>The local a view is taken from: <c>s</c>, <c>s.Slice(…)</c>, <c>slice.Span</c>, <c>seg.AsSpan()</c>.</summary>
            private ILocalSymbol? DerivedFrom(IOperation value)
            {
                var current = value.WalkDownConversions();
                for (var steps = 0; steps < 8; steps++)
                {
                    switch (current)
                    {
                        case ILocalReferenceOperation local:
                            return local.Local;
                        case IInvocationOperation call when call.Instance != null && _types.IsView(call.Type) && (call.TargetMethod.Name == "Slice" || call.TargetMethod.Name == "AsSpan" || call.TargetMethod.Name == "AsMemory"):
                            current = call.Instance.WalkDownConversions();
                            break;
                        case IInvocationOperation extension when extension.Instance == null && extension.TargetMethod.IsExtensionMethod && extension.Arguments.Length > 0 && _types.IsView(extension.Type)
                            && (extension.TargetMethod.Name == "AsSpan" || extension.TargetMethod.Name == "AsMemory"):
                            current = extension.Arguments[0].Value.WalkDownConversions();
                            break;
                        case IPropertyReferenceOperation property when property.Instance != null && _types.IsView(property.Type):
                            current = property.Instance.WalkDownConversions();
                            break;
                        default:
                            return null;
                    }
                }

                return null;
            }

            private void Allocate(ILocalSymbol local, IInvocationOperation allocation, State state)
            {
                var arena = ArenaTypes.GetArenaSymbol(allocation.Instance);
                if (arena == null)
                {
                    state.Slices[local] = Slice.Unknown;
                    return;
                }

                var older = ImmutableHashSet.CreateRange<object>(
                    KeyComparer.Instance,
                    state.Tokens.Where(t => SymbolEqualityComparer.Default.Equals(t.Value.Arena, arena)).Select(t => t.Key));
                state.Slices[local] = new Slice(arena, older, null, int.MaxValue);
            }

            private static void DefineToken(object key, IInvocationOperation call, State state, string release)
            {
                foreach (var slice in state.Slices.Keys.ToList())
                    state.Slices[slice] = state.Slices[slice].WithoutToken(key);
                foreach (var pending in state.Pending.Keys.ToList())
                    state.Pending[pending] = state.Pending[pending].WithoutToken(key);
                var arena = ArenaTypes.GetArenaSymbol(call.Instance);
                if (arena == null)
                    state.Tokens.Remove(key);
                else
                    state.Tokens[key] = new Token(arena, release);
            }

            private void Invoke(IInvocationOperation invocation, State state)
            {
                var kind = _types.Classify(invocation);
                var arena = kind == ArenaCallKind.None ? null : ArenaTypes.GetArenaSymbol(invocation.Instance);
                switch (kind)
                {
                    case ArenaCallKind.Reset when arena != null:
                        Release(state, arena, token: null, "'" + ArenaTypes.Describe(invocation) + "'", invocation.Syntax.SpanStart);
                        return;
                    case ArenaCallKind.RewindTo when arena != null && invocation.Arguments.Length == 1:
                        if (invocation.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation mark
                            && state.Tokens.TryGetValue(mark.Local, out var token)
                            && SymbolEqualityComparer.Default.Equals(token.Arena, arena))
                        {
                            Release(state, arena, mark.Local, "'" + ArenaTypes.Describe(invocation) + "'", invocation.Syntax.SpanStart);
                        }

                        return;
                    case ArenaCallKind.TryAlloc:
                        foreach (var argument in invocation.Arguments)
                        {
                            var value = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
                            if (argument.Parameter?.RefKind == RefKind.Out && value is ILocalReferenceOperation output)
                            {
                                state.Tokens.Remove(output.Local);
                                Allocate(output.Local, invocation, state);
                            }
                        }

                        return;
                }

                if (invocation.TargetMethod.Name == "Dispose" && invocation.Arguments.IsEmpty && invocation.Instance != null)
                {
                    object? key = null;
                    switch (invocation.Instance.WalkDownConversions())
                    {
                        case IFlowCaptureReferenceOperation capture:
                            key = capture.Id;
                            break;
                        case ILocalReferenceOperation local:
                            key = local.Local;
                            break;
                    }

                    if (key != null && state.Tokens.TryGetValue(key, out var scope))
                    {
                        Release(state, scope.Arena, key, scope.Release, invocation.Syntax.SpanStart);
                        state.Tokens.Remove(key);
                    }
                }
            }

            /// <summary>Frees the memory of the arena allocated after <paramref name="token"/> (all of it for a reset).</summary>
            private void Release(State state, ISymbol arena, object? token, string release, int position)
            {
                if (token != null)
                {
                    foreach (var pair in state.Pending.Where(p => p.Value.Tokens.Contains(token)).ToList())
                    {
                        _escapes?.Add(new ArenaEscape(pair.Value.At, pair.Value.Name, pair.Value.How, release));
                        state.Pending.Remove(pair.Key);
                    }
                }

                foreach (var key in state.Slices.Keys.ToList())
                {
                    var slice = state.Slices[key];
                    if (slice.IsUnknown || !SymbolEqualityComparer.Default.Equals(slice.Arena, arena))
                        continue;
                    if (token == null || slice.OlderTokens.Contains(token))
                        state.Slices[key] = slice.Released(release, position);
                }
            }

            private static void Forget(ILocalSymbol local, State state)
            {
                if (state.Slices.ContainsKey(local))
                    state.Slices[local] = Slice.Unknown;
                state.Tokens.Remove(local);
            }

            /// <summary>The arena variable now names another arena: what was known about the old one no longer applies.</summary>
            private static void ForgetArena(ISymbol arena, State state)
            {
                foreach (var key in state.Slices.Keys.ToList())
                {
                    if (SymbolEqualityComparer.Default.Equals(state.Slices[key].Arena, arena))
                        state.Slices[key] = Slice.Unknown;
                }

                foreach (var key in state.Tokens.Where(t => SymbolEqualityComparer.Default.Equals(t.Value.Arena, arena)).Select(t => t.Key).ToList())
                    state.Tokens.Remove(key);
            }
        }
    }
}
