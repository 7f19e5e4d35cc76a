using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// What the syntax of a call site says, for hot-path derivation, without binding the body it is in: which loops
    /// run it on every iteration, and whether the shapes that need binding to judge (a lazy initialisation, a loop
    /// after it, a condition that may be a running flag) can be ruled out. Each question answers the same as <see cref="LoopAnalysis"/> and <see cref="OnceCode"/> do on the
    /// operations, or says it cannot tell (null), and the site is then bound as before.
    /// </summary>
    internal static class CallSiteSyntax
    {
        /// <summary>
        /// The loops whose every iteration runs <paramref name="node"/>, innermost first, as
        /// <see cref="LoopAnalysis.GetEnclosingLoops"/> finds them; null when the node is inside a lambda or local
        /// function (whose runs are not the member's) or outside any member body.
        /// </summary>
        public static List<StatementSyntax>? EnclosingLoops(SyntaxNode node)
        {
            var loops = new List<StatementSyntax>();
            var child = node;
            for (var current = node.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax _:
                    case LocalFunctionStatementSyntax _:
                    case GlobalStatementSyntax _:
                        return null;
                    case BaseMethodDeclarationSyntax _:
                    case AccessorDeclarationSyntax _:
                        return loops;
                    case MemberDeclarationSyntax _:
                        return null;
                    case StatementSyntax loop when IsPartOfIteration(loop, child):
                        loops.Add(loop);
                        break;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="child"/> of <paramref name="loop"/> runs on every iteration: its body, condition or increment.</summary>
        public static bool IsPartOfIteration(StatementSyntax loop, SyntaxNode child)
        {
            switch (loop)
            {
                case ForStatementSyntax forLoop:
                    return child == forLoop.Statement || child == forLoop.Condition || forLoop.Incrementors.Contains(child);
                case WhileStatementSyntax whileLoop:
                    return child == whileLoop.Statement || child == whileLoop.Condition;
                case DoStatementSyntax doLoop:
                    return child == doLoop.Statement || child == doLoop.Condition;
                case CommonForEachStatementSyntax forEach:
                    return child == forEach.Statement;
                default:
                    return false;
            }
        }

        /// <summary>Where a member's own code ends: a lambda, a local function, or a member.</summary>
        public static bool IsBoundary(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MemberDeclarationSyntax;

        private static bool IsLoop(SyntaxNode node) => node is ForStatementSyntax || node is WhileStatementSyntax || node is DoStatementSyntax || node is CommonForEachStatementSyntax;

        /// <summary>
        /// <see cref="LoopAnalysis.LeavesOnEveryPath"/> on syntax: every path from the statement holding
        /// <paramref name="node"/> leaves <paramref name="loop"/> before its next iteration; null when a jump makes
        /// it unclear (a <c>goto</c>, a label).
        /// </summary>
        public static bool? LeavesOnEveryPath(SyntaxNode node, StatementSyntax loop)
        {
            var statement = ContainingStatement(node);
            if (statement == null)
                return false;

            if (AlwaysExits(statement, loop) == Flow.Exits)
                return true;

            var current = statement;
            while (current != loop)
            {
                var parent = current.Parent;
                if (parent == null)
                    return false;

                if (parent is BlockSyntax block)
                {
                    var index = block.Statements.IndexOf((StatementSyntax)current);
                    var jumped = false;
                    for (var i = index + 1; i < block.Statements.Count; i++)
                    {
                        var next = block.Statements[i];
                        if (next is BreakStatementSyntax)
                        {
                            var target = BreakTarget(next);
                            if (target == loop)
                                return true;
                            if (target == null)
                                return false;
                            current = target; // leaves an inner loop or switch: carry on after it
                            jumped = true;
                            break;
                        }

                        switch (AlwaysExits(next, loop))
                        {
                            case Flow.Exits:
                                return true;
                            case Flow.MayRepeat:
                                return false;
                        }
                    }

                    if (jumped)
                        continue;
                }
                else if (IsLoop(parent) && parent != loop)
                {
                    return false; // the end of an inner loop's body goes round that loop again
                }
                else if (parent is LabeledStatementSyntax)
                {
                    return null;
                }

                current = parent;
            }

            return false;
        }

        /// <summary>The statement holding <paramref name="node"/> whose parent is a block or a loop's body.</summary>
        private static SyntaxNode? ContainingStatement(SyntaxNode node)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (current is StatementSyntax && (current.Parent is BlockSyntax || IsLoop(current.Parent!) && GetBody(current.Parent!) == current))
                    return current;
                if (IsBoundary(current))
                    return null;
            }

            return null;
        }

        /// <summary>The statement a loop repeats; null for any other node.</summary>
        public static StatementSyntax? GetBody(SyntaxNode loop)
        {
            switch (loop)
            {
                case ForStatementSyntax forLoop:
                    return forLoop.Statement;
                case WhileStatementSyntax whileLoop:
                    return whileLoop.Statement;
                case DoStatementSyntax doLoop:
                    return doLoop.Statement;
                case CommonForEachStatementSyntax forEach:
                    return forEach.Statement;
                default:
                    return null;
            }
        }

        private enum Flow
        {
            FallsThrough,
            Exits,
            MayRepeat,
        }

        private static Flow AlwaysExits(SyntaxNode statement, StatementSyntax loop)
        {
            switch (statement)
            {
                case ReturnStatementSyntax _:
                case ThrowStatementSyntax _:
                    return Flow.Exits;
                case YieldStatementSyntax yield when yield.IsKind(SyntaxKind.YieldBreakStatement):
                    return Flow.Exits;
                case BreakStatementSyntax _:
                    return BreakTarget(statement) == loop ? Flow.Exits : Flow.MayRepeat;
                case ContinueStatementSyntax _:
                case GotoStatementSyntax _:
                    return Flow.MayRepeat;
                case BlockSyntax block:
                    foreach (var inner in block.Statements)
                    {
                        var flow = AlwaysExits(inner, loop);
                        if (flow != Flow.FallsThrough)
                            return flow;
                    }

                    return Flow.FallsThrough;
                case IfStatementSyntax conditional:
                    var whenTrue = AlwaysExits(conditional.Statement, loop);
                    var whenFalse = conditional.Else == null ? Flow.FallsThrough : AlwaysExits(conditional.Else.Statement, loop);
                    if (whenTrue == Flow.MayRepeat || whenFalse == Flow.MayRepeat)
                        return Flow.MayRepeat;
                    if (whenTrue == Flow.Exits && whenFalse == Flow.Exits)
                        return Flow.Exits;
                    return Flow.FallsThrough;
                default:
                    return ContainsJumpOut(statement, loop) ? Flow.MayRepeat : Flow.FallsThrough;
            }
        }

        /// <summary>A goto, or a break or continue whose target lies outside the statement (other than a break of the loop).</summary>
        private static bool ContainsJumpOut(SyntaxNode statement, StatementSyntax loop)
        {
            foreach (var jump in statement.DescendantNodes())
            {
                if (jump is GotoStatementSyntax)
                    return true;
                if (!(jump is BreakStatementSyntax) && !(jump is ContinueStatementSyntax))
                    continue;

                var target = jump is BreakStatementSyntax ? BreakTarget(jump) : ContinueTarget(jump);
                if (jump is BreakStatementSyntax && target == loop)
                    continue;
                if (target == null || !IsDescendantOrSelf(target, statement))
                    return true;
            }

            return false;
        }

        private static bool IsDescendantOrSelf(SyntaxNode node, SyntaxNode ancestor)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (current == ancestor)
                    return true;
            }

            return false;
        }

        /// <summary>The loop or switch a <c>break</c> leaves; null at a function boundary.</summary>
        private static SyntaxNode? BreakTarget(SyntaxNode jump)
        {
            for (var current = jump.Parent; current != null; current = current.Parent)
            {
                if (IsLoop(current) || current is SwitchStatementSyntax)
                    return current;
                if (IsBoundary(current))
                    return null;
            }

            return null;
        }

        /// <summary>The loop a <c>continue</c> goes round; null at a function boundary.</summary>
        private static SyntaxNode? ContinueTarget(SyntaxNode jump)
        {
            for (var current = jump.Parent; current != null; current = current.Parent)
            {
                if (IsLoop(current))
                    return current;
                if (IsBoundary(current))
                    return null;
            }

            return null;
        }

        /// <summary>
        /// False when <paramref name="node"/> is certainly not in the guarded part of a lazy initialisation
        /// (<see cref="OnceCode.IsInLazyInitialization"/>): no <c>??=</c> or <c>??</c> holds it on the right, and no
        /// <c>if</c> or <c>?:</c> whose condition has the shape of a guard holds it in the part that assigns.
        /// </summary>
        public static bool MayBeInLazyInitialization(SyntaxNode node)
        {
            var child = node;
            for (var current = node.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case SyntaxNode boundary when IsBoundary(boundary):
                        return false;
                    case AssignmentExpressionSyntax coalesceAssignment when coalesceAssignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) && child == coalesceAssignment.Right:
                        return true;
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && child == coalesce.Right:
                        return true;
                    case IfStatementSyntax conditional when child == conditional.Statement && MayBeGuard(conditional.Condition) && Assigns(conditional.Statement):
                        return true;
                    case ConditionalExpressionSyntax ternary when child == ternary.WhenTrue && MayBeGuard(ternary.Condition) && Assigns(ternary.WhenTrue):
                        return true;
                }
            }

            return false;
        }

        private static bool MayBeGuard(ExpressionSyntax condition)
        {
            condition = Unparenthesized(condition);
            switch (condition)
            {
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return MayBeGuard(either.Left);
                case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression):
                    return true; // a null may hide behind a constant's name
                case IsPatternExpressionSyntax _:
                    return true;
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return true;
                default:
                    return false;
            }
        }

        private static bool Assigns(SyntaxNode scope) => scope.DescendantNodesAndSelf().Any(n => n is AssignmentExpressionSyntax);

        /// <summary>
        /// False when no loop follows <paramref name="node"/> in any block around it (then
        /// <see cref="OnceCode.PrecedesEndlessLoop"/> is false); true when one does, and binding must tell whether it ends.
        /// </summary>
        public static bool MayPrecedeALoop(SyntaxNode node)
        {
            var child = node;
            for (var current = node.Parent; current != null; child = current, current = current.Parent)
            {
                if (IsBoundary(current))
                    return false;
                if (current is BlockSyntax block && child is StatementSyntax statement)
                {
                    var index = block.Statements.IndexOf(statement);
                    for (var i = index + 1; i >= 1 && i < block.Statements.Count; i++)
                    {
                        if (IsLoop(block.Statements[i]))
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <see cref="OnceCode.LooksLikeMainLoop"/> certainly is: a <c>while</c> or <c>do</c> on <c>true</c>, or a
        /// <c>for</c> with no condition. False means only that syntax cannot tell (a name may be a running flag or a
        /// constant, a comparison may be constant).
        /// </summary>
        public static bool CertainlyLooksLikeMainLoop(StatementSyntax loop)
        {
            switch (loop)
            {
                case WhileStatementSyntax whileLoop:
                    return Unparenthesized(whileLoop.Condition).IsKind(SyntaxKind.TrueLiteralExpression);
                case DoStatementSyntax doLoop:
                    return Unparenthesized(doLoop.Condition).IsKind(SyntaxKind.TrueLiteralExpression);
                case ForStatementSyntax forLoop:
                    return forLoop.Condition == null || Unparenthesized(forLoop.Condition).IsKind(SyntaxKind.TrueLiteralExpression);
                default:
                    return false;
            }
        }

        private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
                expression = parenthesized.Expression;
            return expression;
        }
    }
}
