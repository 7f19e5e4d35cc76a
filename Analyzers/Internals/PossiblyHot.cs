using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// A syntactic first look for <see cref="HotPaths.FromUses"/>: can any use of a method make it hot? Its uses in its
    /// own type's files are read as syntax only; a use in a loop, in a lambda or local function, or not as a call (a
    /// callback) may, and so may a call from a method that is marked hot or may itself be hot by the same test. When
    /// no use can, the method is not hot, and none of its uses is bound. Most methods are called only from other
    /// methods' straight-line code, and their callers' callers are never searched.
    /// </summary>
    internal sealed class PossiblyHot
    {
        [System.ThreadStatic]
        private static HashSet<IMethodSymbol>? s_inProgress;

        private readonly CallSites _callSites;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _results = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public PossiblyHot(CallSites callSites)
        {
            _callSites = callSites;
        }

        /// <summary>Whether any use of <paramref name="method"/> can make it hot (false only when none can).</summary>
        public bool ByUses(IMethodSymbol method, System.Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken)
        {
            return ByUses(method.OriginalDefinition, isMarked, cancellationToken, out _);
        }

        private bool ByUses(IMethodSymbol method, System.Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken, out bool metCycle)
        {
            metCycle = false;
            if (_results.TryGetValue(method, out var known))
                return known;

            var inProgress = s_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(method))
            {
                metCycle = true; // its answer is being worked out: this path adds nothing to it
                return false;
            }

            try
            {
                var result = Compute(method, isMarked, cancellationToken, out metCycle);
                // A "no" that leaned on a method still being worked out may turn out wrong once that one is done.
                if (result || !metCycle || inProgress.Count == 1)
                    _results.TryAdd(method, result);
                return result;
            }
            finally
            {
                inProgress.Remove(method);
            }
        }

        private bool Compute(IMethodSymbol method, System.Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken, out bool metCycle)
        {
            metCycle = false;
            foreach (var name in _callSites.SpellingsInOwnType(method, cancellationToken))
            {
                var expression = CallSites.QualifiedExpression(name);
                if (!(expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression))
                {
                    if (!CallSites.IsInNameOf(name))
                        return true; // used as a value: it may be a callback
                    continue;
                }

                SyntaxNode? member = null;
                for (var current = invocation.Parent; current != null; current = current.Parent)
                {
                    if (IsLoop(current, invocation) || current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax)
                        return true; // may run on every iteration, or whenever a callback runs

                    if (current is MemberDeclarationSyntax || current is AccessorDeclarationSyntax)
                    {
                        member = current;
                        break;
                    }
                }

                if (member is BasePropertyDeclarationSyntax property)
                {
                    // An expression-bodied property or indexer: hot only when marked.
                    if (_callSites.ModelOf(property.SyntaxTree)?.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol symbol
                        && new[] { symbol.GetMethod, symbol.SetMethod }.Any(a => a != null && isMarked(a, property.SyntaxTree)))
                    {
                        return true;
                    }

                    continue;
                }

                var caller = DeclaredMethod(member, cancellationToken);
                if (caller == null || SymbolEqualityComparer.Default.Equals(caller, method))
                    continue; // a constructor's, an initializer's or top-level code: its callers do not make it hot
                if (isMarked(caller, member!.SyntaxTree))
                    return true;
                if (caller.MethodKind == MethodKind.Ordinary && HotPaths.IsFollowedByUses(caller))
                {
                    if (ByUses(caller, isMarked, cancellationToken, out var callerMetCycle))
                        return true;
                    metCycle |= callerMetCycle;
                }
            }

            return false;
        }

        private IMethodSymbol? DeclaredMethod(SyntaxNode? member, CancellationToken cancellationToken)
        {
            if (!(member is MethodDeclarationSyntax || member is AccessorDeclarationSyntax || member is OperatorDeclarationSyntax || member is ConversionOperatorDeclarationSyntax))
                return null;
            var model = _callSites.ModelOf(member.SyntaxTree);
            return (model?.GetDeclaredSymbol(member, cancellationToken) as IMethodSymbol)?.OriginalDefinition;
        }

        /// <summary>The invocation is in a part of <paramref name="node"/>, a loop, that runs on every iteration.</summary>
        private static bool IsLoop(SyntaxNode node, SyntaxNode invocation)
        {
            switch (node)
            {
                case ForStatementSyntax forLoop:
                    // The initializer runs once; the condition, the incrementors and the body on every iteration.
                    return !(forLoop.Declaration != null && forLoop.Declaration.Span.Contains(invocation.Span))
                        && !forLoop.Initializers.Any(i => i.Span.Contains(invocation.Span));
                case ForEachStatementSyntax forEach:
                    return !forEach.Expression.Span.Contains(invocation.Span);
                case ForEachVariableStatementSyntax forEachVariable:
                    return !forEachVariable.Expression.Span.Contains(invocation.Span);
                case WhileStatementSyntax _:
                case DoStatementSyntax _:
                    return true;
                default:
                    return false;
            }
        }
    }
}
