using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>What FRAG009 found about one rented object.</summary>
    internal enum PoolFindingKind
    {
        /// <summary>A path leaves the function (or overwrites the local) with the object neither returned nor handed on.</summary>
        NotReturned,

        /// <summary>Every normal path returns it, but an operation that can throw runs while it is held, outside a try whose finally (or catch) returns it.</summary>
        NotReturnedOnThrow,
        ReturnedTwice,
        UsedAfterReturn,
    }

    internal readonly struct PoolFinding
    {
        public PoolFinding(PoolFindingKind kind, IOperation at, ILocalSymbol local, string detail, IInvocationOperation? rent)
        {
            Kind = kind;
            At = at;
            Local = local;
            Detail = detail;
            Rent = rent;
        }

        public PoolFindingKind Kind { get; }

        /// <summary>The rent (not returned), the second Return, or the use after the return.</summary>
        public IOperation At { get; }

        public ILocalSymbol Local { get; }

        /// <summary>The operation that can throw (NotReturnedOnThrow), or the earlier Return (the other kinds).</summary>
        public string Detail { get; }

        public IInvocationOperation? Rent { get; }
    }

    /// <summary>
    /// Flow-sensitive ownership of objects rented from a <c>Fragless.Pool&lt;T&gt;</c> within one function, over its
    /// control-flow graph: a local assigned <c>pool.Rent()</c> is owned until <c>Return(local)</c> on a pool, or until it
    /// is handed on (stored, returned, passed to any other method, captured, copied to another variable: whoever gets it
    /// may keep or return it). Callees are not followed. Lambdas and local functions are analysed on their own.
    /// </summary>
    internal static class PooledObjectFlow
    {
        private const int MaxIterationsPerBlock = 50;

        [System.Flags]
        private enum Held
        {
            None = 0,
            Owned = 1,
            Returned = 2,
            Gone = 4,
        }

        private sealed class Value
        {
            public Value(Held flags, IInvocationOperation rent, string? returnedBy)
            {
                Flags = flags;
                Rent = rent;
                ReturnedBy = returnedBy;
            }

            public Held Flags { get; }

            public IInvocationOperation Rent { get; }

            public string? ReturnedBy { get; }

            public static Value Join(Value a, Value b)
            {
                var rent = a.Rent.Syntax.SpanStart <= b.Rent.Syntax.SpanStart ? a.Rent : b.Rent;
                return new Value(a.Flags | b.Flags, rent, a.ReturnedBy ?? b.ReturnedBy);
            }

            public bool SameAs(Value other) => Flags == other.Flags && ReferenceEquals(Rent, other.Rent) && ReturnedBy == other.ReturnedBy;
        }

        private sealed class State : IFlowState<State>
        {
            public Dictionary<ILocalSymbol, Value> Locals { get; } = new Dictionary<ILocalSymbol, Value>(SymbolEqualityComparer.Default);

            public State Clone()
            {
                var copy = new State();
                foreach (var pair in Locals)
                    copy.Locals[pair.Key] = pair.Value;
                return copy;
            }

            public bool JoinWith(State other)
            {
                var changed = false;
                foreach (var pair in other.Locals)
                {
                    if (!Locals.TryGetValue(pair.Key, out var mine))
                    {
                        Locals[pair.Key] = pair.Value;
                        changed = true;
                        continue;
                    }

                    var joined = Value.Join(mine, pair.Value);
                    if (!joined.SameAs(mine))
                    {
                        Locals[pair.Key] = joined;
                        changed = true;
                    }
                }

                return changed;
            }
        }

        public static IReadOnlyList<PoolFinding> Analyze(ControlFlowGraph graph, INamedTypeSymbol pool, CancellationToken cancellationToken)
        {
            var results = new List<PoolFinding>();
            var graphs = new Stack<ControlFlowGraph>();
            graphs.Push(graph);
            var depth = 0;
            while (graphs.Count > 0 && depth++ < 64)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = graphs.Pop();
                new Analysis(current, pool, cancellationToken).Run(results);
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

            // One leak per rent (a normal path before an exceptional one), one report per place.
            var leaks = results.Where(r => r.Kind == PoolFindingKind.NotReturned || r.Kind == PoolFindingKind.NotReturnedOnThrow)
                .GroupBy(r => r.At.Syntax.Span)
                .Select(g => g.OrderBy(r => r.Kind).First());
            var others = results.Where(r => r.Kind == PoolFindingKind.ReturnedTwice || r.Kind == PoolFindingKind.UsedAfterReturn)
                .GroupBy(r => r.At.Syntax.Span)
                .Select(g => g.First());
            return leaks.Concat(others).OrderBy(r => r.At.Syntax.SpanStart).ToList();
        }

        /// <summary>True for <c>Rent</c> (<paramref name="name"/> "Rent") or <c>Return</c> on a <c>Fragless.Pool&lt;T&gt;</c>.</summary>
        public static bool IsPoolCall(IInvocationOperation? invocation, INamedTypeSymbol pool, string name)
        {
            var method = invocation?.TargetMethod;
            return method != null
                && !method.IsStatic
                && method.Name == name
                && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, pool);
        }

        private sealed class Analysis
        {
            private readonly ControlFlowGraph _graph;
            private readonly INamedTypeSymbol _pool;
            private readonly CancellationToken _cancellationToken;
            private readonly Dictionary<(ControlFlowRegion, ILocalSymbol), bool> _protects = new Dictionary<(ControlFlowRegion, ILocalSymbol), bool>();
            private List<PoolFinding>? _report;

            public Analysis(ControlFlowGraph graph, INamedTypeSymbol pool, CancellationToken cancellationToken)
            {
                _graph = graph;
                _pool = pool;
                _cancellationToken = cancellationToken;
            }

            public void Run(List<PoolFinding> results)
            {
                var blocks = _graph.Blocks;
                var input = ForwardFlow.Solve(_graph, new State(), Transfer, Leave, MaxIterationsPerBlock, _cancellationToken);
                if (input == null)
                    return; // does not settle: say nothing rather than guess

                _report = results;
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (input[i] == null)
                        continue;
                    var state = input[i]!.Clone();
                    if (blocks[i].Kind == BasicBlockKind.Exit)
                    {
                        foreach (var pair in state.Locals)
                        {
                            if ((pair.Value.Flags & Held.Owned) != 0)
                                _report.Add(new PoolFinding(PoolFindingKind.NotReturned, pair.Value.Rent, pair.Key, string.Empty, pair.Value.Rent));
                        }

                        continue;
                    }

                    Transfer(blocks[i], state);
                    foreach (var branch in new[] { blocks[i].FallThroughSuccessor, blocks[i].ConditionalSuccessor })
                    {
                        if (branch != null)
                            Leave(blocks[i], branch, state);
                    }
                }

                _report = null;
            }

            private State Leave(BasicBlock block, ControlFlowBranch branch, State state)
            {
                var leaving = state;
                if (branch == block.FallThroughSuccessor
                    && (branch.Semantics == ControlFlowBranchSemantics.Throw || branch.Semantics == ControlFlowBranchSemantics.Rethrow))
                {
                    var thrown = block.BranchValue ?? (IOperation?)block.Operations.LastOrDefault();
                    Exposed(block, thrown, thrown == null ? "when the exception is rethrown" : "when '" + ArenaTypes.Describe(thrown) + "' is thrown", state);
                }

                if (branch == block.FallThroughSuccessor && branch.Semantics == ControlFlowBranchSemantics.Return && block.BranchValue != null
                    && block.BranchValue.WalkDownConversions() is ILocalReferenceOperation returned
                    && state.Locals.ContainsKey(returned.Local))
                {
                    leaving = state.Clone();
                    Use(returned, leaving, handedOn: true);
                }

                if (!branch.FinallyRegions.IsEmpty)
                {
                    if (ReferenceEquals(leaving, state))
                        leaving = state.Clone();
                    foreach (var region in branch.FinallyRegions)
                    {
                        for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal && i < _graph.Blocks.Length; i++)
                            Transfer(_graph.Blocks[i], leaving);
                    }
                }

                return leaving;
            }

            private void Transfer(BasicBlock block, State state)
            {
                foreach (var operation in block.Operations)
                    Apply(block, operation, state);
                if (block.BranchValue != null)
                    Apply(block, block.BranchValue, state);
            }

            private static bool IsThrown(BasicBlock block, IOperation node)
                => node == block.BranchValue && block.FallThroughSuccessor != null
                    && (block.FallThroughSuccessor.Semantics == ControlFlowBranchSemantics.Throw || block.FallThroughSuccessor.Semantics == ControlFlowBranchSemantics.Rethrow);

            private void Apply(BasicBlock block, IOperation operation, State state)
            {
                foreach (var node in PostOrder(operation))
                {
                    switch (node)
                    {
                        case ILocalReferenceOperation reference when state.Locals.ContainsKey(reference.Local):
                            Reference(reference, state);
                            break;
                        case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target:
                            Assign(target.Local, assignment.Value, state);
                            break;
                        case IFlowAnonymousFunctionOperation lambda:
                            foreach (var captured in CapturedLocals(_graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), 0))
                            {
                                if (state.Locals.TryGetValue(captured, out var value))
                                    state.Locals[captured] = new Value(Held.Gone, value.Rent, value.ReturnedBy);
                            }

                            break;
                    }

                    if (_report != null && CanThrow(node) && !IsThrown(block, node))
                        Exposed(block, node, "if '" + ArenaTypes.Describe(node) + "' throws", state);
                }
            }

            private static IEnumerable<IOperation> PostOrder(IOperation root)
            {
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

            private bool CanThrow(IOperation node)
            {
                switch (node)
                {
                    case IInvocationOperation invocation:
                        return !IsPoolCall(invocation, _pool, "Return");
                    case IObjectCreationOperation _:
                    case IAwaitOperation _:
                    case IThrowOperation _:
                    case IDynamicInvocationOperation _:
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>An operation that can throw runs while objects are held: unless a finally or catch around it returns them, they leak on that exception.</summary>
            private void Exposed(BasicBlock block, IOperation? at, string what, State state)
            {
                if (_report == null || at == null)
                    return;
                foreach (var pair in state.Locals)
                {
                    if ((pair.Value.Flags & Held.Owned) == 0 || ReferenceEquals(pair.Value.Rent, at) || IsProtected(block, pair.Key))
                        continue;
                    _report.Add(new PoolFinding(PoolFindingKind.NotReturnedOnThrow, pair.Value.Rent, pair.Key, what, pair.Value.Rent));
                }
            }

            /// <summary>The block is inside a try whose finally, or one of whose catches, returns the local to a pool.</summary>
            private bool IsProtected(BasicBlock block, ILocalSymbol local)
            {
                for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion == null)
                        continue;
                    var outer = region.EnclosingRegion;
                    if (outer.Kind != ControlFlowRegionKind.TryAndFinally && outer.Kind != ControlFlowRegionKind.TryAndCatch)
                        continue;
                    var key = (outer, local);
                    if (!_protects.TryGetValue(key, out var protects))
                    {
                        protects = outer.NestedRegions.Skip(1).Any(handler => ReturnsIn(handler, local) || SwallowsEverything(handler));
                        _protects[key] = protects;
                    }

                    if (protects)
                        return true;
                }

                return false;
            }

            /// <summary>
            /// A catch of every exception that never throws: execution goes on after the try, where the normal paths
            /// (and their returns) apply.
            /// </summary>
            private bool SwallowsEverything(ControlFlowRegion handler)
            {
                var type = handler.ExceptionType;
                if (handler.Kind != ControlFlowRegionKind.Catch
                    || !(type == null || type.SpecialType == SpecialType.System_Object || type.ToDisplayString() == "System.Exception"))
                {
                    return false;
                }

                for (var i = handler.FirstBlockOrdinal; i <= handler.LastBlockOrdinal && i < _graph.Blocks.Length; i++)
                {
                    var semantics = _graph.Blocks[i].FallThroughSuccessor?.Semantics;
                    if (semantics == ControlFlowBranchSemantics.Throw || semantics == ControlFlowBranchSemantics.Rethrow)
                        return false;
                }

                return true;
            }

            private bool ReturnsIn(ControlFlowRegion region, ILocalSymbol local)
            {
                for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal && i < _graph.Blocks.Length; i++)
                {
                    var block = _graph.Blocks[i];
                    var operations = block.BranchValue == null ? block.Operations : block.Operations.Add(block.BranchValue);
                    foreach (var call in operations.SelectMany(o => o.DescendantsAndSelf()).OfType<IInvocationOperation>())
                    {
                        if (IsPoolCall(call, _pool, "Return") && call.Arguments.Length == 1
                            && call.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation argument
                            && SymbolEqualityComparer.Default.Equals(argument.Local, local))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private void Assign(ILocalSymbol local, IOperation value, State state)
            {
                if (state.Locals.TryGetValue(local, out var old))
                {
                    if ((old.Flags & Held.Owned) != 0)
                        _report?.Add(new PoolFinding(PoolFindingKind.NotReturned, old.Rent, local, string.Empty, old.Rent));
                    state.Locals.Remove(local);
                }

                if (value.WalkDownConversions() is IInvocationOperation rent && IsPoolCall(rent, _pool, "Rent"))
                    state.Locals[local] = new Value(Held.Owned, rent, null);
            }

            private void Reference(ILocalReferenceOperation reference, State state)
            {
                var converted = reference.WalkUpConversions();
                var parent = converted.Parent;
                if (parent is ISimpleAssignmentOperation write && write.Target == reference)
                    return; // Assign handles it once the value is known

                if (parent is IArgumentOperation argument && argument.Parent is IInvocationOperation call && IsPoolCall(call, _pool, "Return"))
                {
                    var value = state.Locals[reference.Local];
                    if ((value.Flags & Held.Returned) != 0)
                        _report?.Add(new PoolFinding(PoolFindingKind.ReturnedTwice, call, reference.Local, value.ReturnedBy ?? "Return", value.Rent));
                    state.Locals[reference.Local] = new Value(Held.Returned, value.Rent, ArenaTypes.Describe(call));
                    return;
                }

                var handedOn = parent is IArgumentOperation
                    || parent is ISimpleAssignmentOperation
                    || parent is ICompoundAssignmentOperation
                    || parent is IFlowCaptureOperation
                    || parent is IReturnOperation
                    || parent is IArrayInitializerOperation
                    || parent is ITupleOperation
                    || parent is IDeconstructionAssignmentOperation;
                Use(reference, state, handedOn);
            }

            private void Use(ILocalReferenceOperation reference, State state, bool handedOn)
            {
                var value = state.Locals[reference.Local];
                if ((value.Flags & Held.Returned) != 0)
                {
                    _report?.Add(new PoolFinding(PoolFindingKind.UsedAfterReturn, reference, reference.Local, value.ReturnedBy ?? "Return", value.Rent));
                    state.Locals[reference.Local] = new Value(Held.Gone, value.Rent, value.ReturnedBy);
                    return;
                }

                if (handedOn)
                    state.Locals[reference.Local] = new Value(Held.Gone, value.Rent, value.ReturnedBy);
            }

            private IEnumerable<ILocalSymbol> CapturedLocals(ControlFlowGraph lambda, int depth)
            {
                if (depth > 8)
                    yield break;
                foreach (var block in lambda.Blocks)
                {
                    var operations = block.BranchValue == null ? block.Operations : block.Operations.Add(block.BranchValue);
                    foreach (var node in operations.SelectMany(o => o.DescendantsAndSelf()))
                    {
                        if (node is ILocalReferenceOperation reference)
                            yield return reference.Local;
                        else if (node is IFlowAnonymousFunctionOperation inner)
                        {
                            foreach (var nested in CapturedLocals(lambda.GetAnonymousFunctionControlFlowGraph(inner, _cancellationToken), depth + 1))
                                yield return nested;
                        }
                    }
                }
            }
        }
    }
}
