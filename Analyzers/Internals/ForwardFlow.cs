using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>A flow fact per program point that <see cref="ForwardFlow"/> can copy and merge.</summary>
    internal interface IFlowState<TState>
        where TState : class, IFlowState<TState>
    {
        TState Clone();

        /// <summary>Merges <paramref name="other"/> into this state; true when this state changed.</summary>
        bool JoinWith(TState other);
    }

    /// <summary>
    /// The worklist every flow-sensitive rule runs over a method's control-flow graph (FRAG006/FRAG008's arena flow,
    /// FRAG009's pool flow): block entry states to a fixed point, with a budget so that a graph that does not settle
    /// gives no answer rather than a guess.
    /// </summary>
    internal static class ForwardFlow
    {
        /// <summary>
        /// The state at the entry of each block (null for a block never reached), or null when the budget of
        /// <paramref name="maxIterationsPerBlock"/> visits per block runs out.
        /// </summary>
        public static TState?[]? Solve<TState>(
            ControlFlowGraph graph,
            TState entry,
            Action<BasicBlock, TState> transfer,
            Func<BasicBlock, ControlFlowBranch, TState, TState> leave,
            int maxIterationsPerBlock,
            CancellationToken cancellationToken)
            where TState : class, IFlowState<TState>
        {
            var blocks = graph.Blocks;
            var input = new TState?[blocks.Length];
            input[0] = entry;
            var work = new Queue<int>();
            var queued = new bool[blocks.Length];
            work.Enqueue(0);
            queued[0] = true;
            var budget = blocks.Length * maxIterationsPerBlock;
            while (work.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (--budget < 0)
                    return null;
                var ordinal = work.Dequeue();
                queued[ordinal] = false;
                var block = blocks[ordinal];
                var state = input[ordinal]!.Clone();
                transfer(block, state);

                foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
                {
                    if (branch?.Destination == null)
                        continue;

                    var leaving = leave(block, branch, state);
                    var target = branch.Destination.Ordinal;
                    bool changed;
                    if (input[target] == null)
                    {
                        input[target] = leaving.Clone();
                        changed = true;
                    }
                    else
                    {
                        changed = input[target]!.JoinWith(leaving);
                    }

                    if (changed && !queued[target])
                    {
                        work.Enqueue(target);
                        queued[target] = true;
                    }
                }
            }

            return input;
        }
    }
}
