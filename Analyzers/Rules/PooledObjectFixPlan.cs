using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// When FRAG009's fix (the statements after <c>var x = pool.Rent();</c> in <c>try { … } finally { pool.Return(x); }</c>)
    /// keeps what the program does on the paths that already return the object.
    /// </summary>
    internal static class PooledObjectFixPlan
    {
        /// <summary>
        /// True when the rent is the single declarator of a local declaration in a block, the pool is a variable the
        /// analysis can name, there is at least one <c>pool.Return(x);</c> after it, and each is either the block's last
        /// statement or followed at once by a jump out of the block (<c>return</c>/<c>throw</c> not naming x, or a
        /// <c>break</c>/<c>continue</c> of a loop around the block). The object must not be handed on, reassigned,
        /// captured or used outside a member access, and the statements must hold no local function, label or goto.
        /// </summary>
        public static bool CanWrapInTryFinally(IInvocationOperation rent, ILocalSymbol local, INamedTypeSymbol pool)
        {
            if (!(rent.Parent is IVariableInitializerOperation initializer)
                || !(initializer.Parent is IVariableDeclaratorOperation declarator)
                || !(declarator.Parent is IVariableDeclarationOperation declaration)
                || declaration.Declarators.Length != 1
                || !(declaration.Parent is IVariableDeclarationGroupOperation group)
                || !(group.Syntax is LocalDeclarationStatementSyntax statement)
                || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                || statement.IsConst
                || !(group.Parent is IBlockOperation block)
                || !(block.Syntax is BlockSyntax)
                || !SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return false;
            }

            var poolSymbol = ArenaTypes.GetArenaSymbol(rent.Instance);
            if (poolSymbol == null)
                return false;

            var index = block.Operations.IndexOf(group);
            var after = block.Operations.Skip(index + 1).ToList();
            if (after.Count < 2)
                return false;

            var function = rent.GetEnclosingFunction();
            var returns = 0;
            foreach (var operation in after)
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    switch (node)
                    {
                        case ILocalFunctionOperation _:
                        case ILabeledOperation _:
                        case IBranchOperation branch when branch.BranchKind == BranchKind.GoTo:
                            return false;
                        case IInvocationOperation call when PooledObjectFlow.IsPoolCall(call, pool, "Return") && call.Arguments.Length == 1
                            && call.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation returned
                            && SymbolEqualityComparer.Default.Equals(returned.Local, local):
                            if (!(call.Parent is IExpressionStatementOperation expression)
                                || !IsReturnStatement(expression, local, pool, poolSymbol)
                                || !(expression == after[after.Count - 1] || FollowedByJumpOut(expression, block, local)))
                            {
                                return false;
                            }

                            returns++;
                            break;
                        case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                            if (reference.GetEnclosingFunction() != function || !IsMemberReceiverOrReturnArgument(reference, pool))
                                return false;
                            break;
                    }
                }
            }

            // With no Return at all, where the object should go back is not ours to decide.
            return returns > 0;
        }

        private static bool IsReturnStatement(IOperation operation, ILocalSymbol local, INamedTypeSymbol pool, ISymbol poolSymbol)
        {
            return operation is IExpressionStatementOperation statement
                && statement.Operation is IInvocationOperation call
                && PooledObjectFlow.IsPoolCall(call, pool, "Return")
                && call.Arguments.Length == 1
                && call.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation argument
                && SymbolEqualityComparer.Default.Equals(argument.Local, local)
                && SymbolEqualityComparer.Default.Equals(ArenaTypes.GetArenaSymbol(call.Instance), poolSymbol);
        }

        private static bool IsMemberReceiverOrReturnArgument(ILocalReferenceOperation reference, INamedTypeSymbol pool)
        {
            var converted = reference.WalkUpConversions();
            switch (converted.Parent)
            {
                case IInvocationOperation call when call.Instance == converted:
                    return true;
                case IPropertyReferenceOperation property when property.Instance == converted:
                    return true;
                case IFieldReferenceOperation field when field.Instance == converted:
                    return true;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation returnCall && PooledObjectFlow.IsPoolCall(returnCall, pool, "Return"):
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>pool.Return(x);</c> followed in its statement list by <c>return</c>/<c>throw</c> (not naming x), or by a break/continue that leaves the block.</summary>
        private static bool FollowedByJumpOut(IExpressionStatementOperation statement, IBlockOperation outer, ILocalSymbol local)
        {
            if (!(statement.Syntax.Parent is BlockSyntax list))
                return false;
            var position = list.Statements.IndexOf((StatementSyntax)statement.Syntax);
            if (position < 0 || position + 1 >= list.Statements.Count)
                return false;
            var next = list.Statements[position + 1];
            var mentions = next.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == local.Name);
            switch (next)
            {
                case ReturnStatementSyntax _:
                case ThrowStatementSyntax _:
                    return !mentions;
                case BreakStatementSyntax _:
                case ContinueStatementSyntax _:
                    // The loop (or switch) it leaves must be outside the wrapped statements.
                    for (var current = next.Parent; current != null && current != outer.Syntax; current = current.Parent)
                    {
                        if (current is WhileStatementSyntax || current is DoStatementSyntax || current is ForStatementSyntax
                            || current is CommonForEachStatementSyntax || current is SwitchStatementSyntax)
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }
    }
}
