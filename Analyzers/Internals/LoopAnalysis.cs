using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Where an operation stands relative to the loops of its own function.</summary>
    internal static class LoopAnalysis
    {
        /// <summary>
        /// The loops whose every iteration runs the operation, innermost first. A loop counts when the
        /// operation is in its body, condition or increment; a <c>for</c> initializer and a <c>foreach</c>
        /// collection run once and do not count. The search stops at a lambda or local function: their
        /// bodies run when invoked, not as part of the loop that declares them.
        /// </summary>
        public static ImmutableArray<ILoopOperation> GetEnclosingLoops(IOperation operation)
        {
            var builder = ImmutableArray.CreateBuilder<ILoopOperation>();
            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                if (current.IsFunctionBoundary())
                    break;

                if (current is ILoopOperation loop && IsPartOfIteration(loop, child))
                    builder.Add(loop);
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// True when the operation runs repeatedly: it is inside a loop and some path from it can come
        /// back to it without leaving the outermost such loop.
        /// </summary>
        public static bool RunsRepeatedly(IOperation operation, out ImmutableArray<ILoopOperation> loops)
        {
            loops = GetEnclosingLoops(operation);
            return !loops.IsEmpty && !LeavesOnEveryPath(operation, loops[loops.Length - 1]);
        }

        private static bool IsPartOfIteration(ILoopOperation loop, IOperation child)
        {
            if (child == loop.Body)
                return true;

            switch (loop)
            {
                case IForLoopOperation forLoop:
                    return child == forLoop.Condition || forLoop.AtLoopBottom.Contains(child);
                case IWhileLoopOperation whileLoop:
                    return child == whileLoop.Condition;
                case IForEachLoopOperation forEach:
                    return forEach.NextVariables.Contains(child);
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when every path from <paramref name="operation"/> leaves <paramref name="loop"/> (return,
        /// throw, yield break, or a break of that loop) before it can reach the loop's next iteration.
        /// Conservative: anything it cannot follow (goto, a continue, the end of a loop body) counts as repeating.
        /// </summary>
        public static bool LeavesOnEveryPath(IOperation operation, ILoopOperation loop)
        {
            var node = operation.GetContainingStatement();
            if (node == null)
                return false;

            if (AlwaysExits(node, loop) == Flow.Exits)
                return true;

            while (node != loop)
            {
                var parent = node.Parent;
                if (parent == null)
                    return false;

                if (parent is IBlockOperation block)
                {
                    var index = block.Operations.IndexOf(node);
                    for (var i = index + 1; i < block.Operations.Length; i++)
                    {
                        var statement = block.Operations[i];
                        if (statement is IBranchOperation branch && branch.BranchKind == BranchKind.Break)
                        {
                            var target = FindJumpTarget(branch);
                            if (target == loop)
                                return true;
                            if (target == null)
                                return false;

                            // Leaves an inner loop or switch: carry on after it.
                            node = target;
                            goto Continue;
                        }

                        switch (AlwaysExits(statement, loop))
                        {
                            case Flow.Exits:
                                return true;
                            case Flow.MayRepeat:
                                return false;
                        }
                    }
                }
                else if (parent is ILoopOperation innerLoop && parent != loop)
                {
                    // The end of an inner loop's body (or its condition) goes round that loop again.
                    return false;
                }

                node = parent;
                Continue:;
            }

            return false;
        }

        private enum Flow
        {
            FallsThrough,
            Exits,
            MayRepeat,
        }

        private static Flow AlwaysExits(IOperation statement, ILoopOperation loop)
        {
            switch (statement)
            {
                case IReturnOperation ret when ret.Kind != OperationKind.YieldReturn:
                    return Flow.Exits;
                case IThrowOperation _:
                    return Flow.Exits;
                case IExpressionStatementOperation expression when expression.Operation is IThrowOperation:
                    return Flow.Exits;
                case IBranchOperation branch:
                    // A break of the loop leaves it; any other jump met here lands outside this statement
                    // (an inner loop or switch, a continue, a goto), which may come back to the operation.
                    return branch.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel)
                        ? Flow.Exits
                        : Flow.MayRepeat;
                case IBlockOperation block:
                    foreach (var inner in block.Operations)
                    {
                        var flow = AlwaysExits(inner, loop);
                        if (flow != Flow.FallsThrough)
                            return flow;
                    }

                    return Flow.FallsThrough;
                case IConditionalOperation conditional:
                    var whenTrue = AlwaysExits(conditional.WhenTrue, loop);
                    var whenFalse = conditional.WhenFalse == null ? Flow.FallsThrough : AlwaysExits(conditional.WhenFalse, loop);
                    if (whenTrue == Flow.MayRepeat || whenFalse == Flow.MayRepeat)
                        return Flow.MayRepeat;
                    if (whenTrue == Flow.Exits && whenFalse == Flow.Exits)
                        return Flow.Exits;
                    return Flow.FallsThrough;
                default:
                    return ContainsBackwardJump(statement, loop) ? Flow.MayRepeat : Flow.FallsThrough;
            }
        }

        /// <summary>A goto, or a break or continue whose target lies outside the statement (other than a break of the loop).</summary>
        private static bool ContainsBackwardJump(IOperation statement, ILoopOperation loop)
        {
            foreach (var descendant in statement.Descendants())
            {
                if (!(descendant is IBranchOperation branch))
                    continue;

                if (branch.BranchKind == BranchKind.GoTo)
                    return true;

                if (branch.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel))
                    continue;

                var target = FindJumpTarget(branch);
                if (target == null || !target.IsDescendantOf(statement))
                    return true;
            }

            return false;
        }

        /// <summary>The loop or switch a break or continue jumps out of (or to the top of).</summary>
        private static IOperation? FindJumpTarget(IBranchOperation branch)
        {
            for (var current = branch.Parent; current != null; current = current.Parent)
            {
                if (current is ILoopOperation candidate
                    && (SymbolEqualityComparer.Default.Equals(branch.Target, candidate.ExitLabel)
                        || SymbolEqualityComparer.Default.Equals(branch.Target, candidate.ContinueLabel)))
                {
                    return candidate;
                }

                if (current is ISwitchOperation @switch && SymbolEqualityComparer.Default.Equals(branch.Target, @switch.ExitLabel))
                    return @switch;
                if (current.IsFunctionBoundary())
                    return null;
            }

            return null;
        }
    }
}
