using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// A syntactic first look for <see cref="HotPaths.FromUses"/>: can any use of a method make it hot? Its uses in its
    /// own type's files are read as syntax only (a call with a number of arguments it cannot take is another method's,
    /// and skipped); a use in a loop, in a lambda or local function, or not as a call (a callback) may, and so may a
    /// call from a method that is marked hot or may itself be hot by the same test. When no use can, the method is not
    /// hot, and none of its uses is bound. Most methods are called only from other methods' straight-line code, and
    /// their callers' callers are never searched.
    /// </summary>
    internal sealed class PossiblyHot
    {
        private readonly CallSites _callSites;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _results = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public PossiblyHot(CallSites callSites)
        {
            _callSites = callSites;
        }

        /// <summary>
        /// Whether any use of <paramref name="method"/> can make it hot (false only when none can). A search from the
        /// method to its callers, theirs, and so on: when it ends without finding a use that can make one hot, none of
        /// the methods it visited can be hot (each one's callers were all visited), and all are remembered; when it finds
        /// one, the methods on the path to it are.
        /// </summary>
        public bool ByUses(IMethodSymbol method, Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken)
        {
            var start = method.OriginalDefinition;
            if (_results.TryGetValue(start, out var result))
                return result;

            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start };
            var path = new List<(IMethodSymbol Method, IEnumerator<IMethodSymbol?> Callers)>();
            path.Add((start, Callers(start, isMarked, cancellationToken).GetEnumerator()));
            while (path.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var callers = path[path.Count - 1].Callers;
                if (!callers.MoveNext())
                {
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var caller = callers.Current;
                var known = false;
                if (caller == null || _results.TryGetValue(caller, out known) && known)
                {
                    // A use that can make it hot, or a caller already known to be possibly hot: so is every method on the path.
                    foreach (var step in path)
                        _results[step.Method] = true;
                    return true;
                }

                if (visited.Add(caller!) && !_results.ContainsKey(caller!))
                    path.Add((caller, Callers(caller, isMarked, cancellationToken).GetEnumerator()));
            }

            foreach (var none in visited)
                _results.TryAdd(none, false);
            return false;
        }

        /// <summary>
        /// The methods whose straight-line calls use <paramref name="method"/>, and null for a use that can make it
        /// hot by itself: in a loop, a lambda or local function, as a value, or from a marked method.
        /// </summary>
        private IEnumerable<IMethodSymbol?> Callers(IMethodSymbol method, Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken)
        {
            foreach (var name in _callSites.SpellingsInOwnType(method, cancellationToken))
            {
                var (byItself, caller) = Judge(name, method, isMarked, cancellationToken);
                if (byItself)
                    yield return null;
                else if (caller != null)
                    yield return caller;
            }
        }

        /// <summary>
        /// The spellings of <paramref name="method"/>'s name in its type's files whose use can make it hot, by the same
        /// test as <see cref="ByUses"/>: those that can by themselves, and the straight-line calls from callers that may
        /// be hot. The others (a straight-line call from a method that cannot be hot, from a constructor, an initializer
        /// or top-level code, or the method calling itself) make it neither hot nor not, and need not be bound.
        /// </summary>
        public IEnumerable<SimpleNameSyntax> SpellingsThatMayMakeHot(IMethodSymbol method, Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            foreach (var name in _callSites.SpellingsInOwnType(definition, cancellationToken))
            {
                var (byItself, caller) = Judge(name, definition, isMarked, cancellationToken);
                if (byItself || caller != null && ByUses(caller, isMarked, cancellationToken))
                    yield return name;
            }
        }

        /// <summary>
        /// What one spelling of the method's name can do: make it hot by itself (a use in a loop, a lambda or local
        /// function, as a value, or a call from a marked method), or through its caller, an ordinary method whose
        /// uses are followed (<c>Caller</c>); neither when both are false and null.
        /// </summary>
        private (bool ByItself, IMethodSymbol? Caller) Judge(SimpleNameSyntax name, IMethodSymbol method, Func<IMethodSymbol, SyntaxTree, bool> isMarked, CancellationToken cancellationToken)
        {
            var expression = CallSites.QualifiedExpression(name);
            if (!(expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression))
                return (!CallSites.IsInNameOf(name), null); // used as a value: it may be a callback

            SyntaxNode? member = null;
            for (var current = invocation.Parent; current != null; current = current.Parent)
            {
                if (IsLoop(current, invocation) || current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax)
                    return (true, null); // may run on every iteration, or whenever a callback runs

                if (current is MemberDeclarationSyntax || current is AccessorDeclarationSyntax)
                {
                    member = current;
                    break;
                }
            }

            if (member is BasePropertyDeclarationSyntax property)
            {
                // An expression-bodied property or indexer: hot only when marked.
                var marked = _callSites.ModelOf(property.SyntaxTree)?.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol symbol
                    && new[] { symbol.GetMethod, symbol.SetMethod }.Any(a => a != null && isMarked(a, property.SyntaxTree));
                return (marked, null);
            }

            var caller = DeclaredMethod(member, cancellationToken);
            if (caller == null || SymbolEqualityComparer.Default.Equals(caller, method))
                return (false, null); // a constructor's, an initializer's or top-level code: its callers do not make it hot
            if (isMarked(caller, member!.SyntaxTree))
                return (true, null);

            return caller.MethodKind == MethodKind.Ordinary && HotPaths.IsFollowedByUses(caller) ? (false, caller) : (false, null);
        }

        private IMethodSymbol? DeclaredMethod(SyntaxNode? member, CancellationToken cancellationToken)
        {
            if (!(member is MethodDeclarationSyntax || member is AccessorDeclarationSyntax || member is OperatorDeclarationSyntax || member is ConversionOperatorDeclarationSyntax))
                return null;
            return _callSites.Targets.DeclaredMethod(member, cancellationToken)?.OriginalDefinition;
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
