using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>One place in source that calls a method directly.</summary>
    internal readonly struct CallSite
    {
        public CallSite(IOperation call, ISymbol caller)
        {
            Call = call;
            Caller = caller;
        }

        public IOperation Call { get; }

        public ISymbol Caller { get; }
    }

    /// <summary>One use of a source method: a call (<see cref="IsCall"/>), or the method group used as a value.</summary>
    internal readonly struct MethodUse
    {
        public MethodUse(IOperation operation, ISymbol caller, bool isCall)
        {
            Operation = operation;
            Caller = caller;
            IsCall = isCall;
        }

        /// <summary>The invocation, or the method reference (usually under a delegate creation).</summary>
        public IOperation Operation { get; }

        public ISymbol Caller { get; }

        public bool IsCall { get; }
    }

    /// <summary>
    /// Finds the direct calls of a source method within the compilation. Only the trees that can call it are read: the
    /// containing type's own trees for a private method, otherwise the trees whose text spells its name
    /// (<see cref="NameOccurrences"/>). Only the places that spell the name are bound. A method also used any other way (as a delegate, an event handler) has no complete
    /// list of callers, and gets none.
    /// </summary>
    internal sealed class CallSites
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, Lazy<UsesOfName>> _usesByName = new ConcurrentDictionary<string, Lazy<UsesOfName>>(StringComparer.Ordinal);
        private readonly NameOccurrences _names;

        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<MethodUse>> _usesInOwnType = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<MethodUse>>(SymbolEqualityComparer.Default);

        public CallSites(Compilation compilation, NameOccurrences names)
        {
            _compilation = compilation;
            _names = names;
        }

        /// <summary>Every direct call of <paramref name="method"/>, or default when its callers cannot all be known.</summary>
        public ImmutableArray<CallSite> Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var uses = Uses(method, cancellationToken);
            if (uses.IsDefault)
                return default;

            var result = ImmutableArray.CreateBuilder<CallSite>(uses.Length);
            foreach (var use in uses)
            {
                if (!use.IsCall)
                    return default; // used as a value: a delegate can be called from anywhere
                result.Add(new CallSite(use.Operation, use.Caller));
            }

            return result.MoveToImmutable();
        }

        /// <summary>
        /// Every use of <paramref name="method"/> in source: its direct calls, and the places it is used as a value
        /// (a method group subscribed to an event or passed as a callback). Default when a tree cannot be bound.
        /// </summary>
        public ImmutableArray<MethodUse> Uses(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.DeclaredAccessibility == Accessibility.Private && definition.ContainingType != null)
                return UsesInOwnType(definition, cancellationToken);

            // Every method of a name is asked about in turn: each place that spells the name is bound once, for all of them.
            var byName = _usesByName.GetOrAdd(definition.Name, name => new Lazy<UsesOfName>(
                () => UsesOfName.Build(this, name, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;
            if (byName.Unbound.Contains(definition))
                return default;
            return byName.Uses.TryGetValue(definition, out var uses) ? uses.ToImmutable() : ImmutableArray<MethodUse>.Empty;
        }

        /// <summary>
        /// The uses of <paramref name="method"/> in the files that declare its type: all of them for a private method,
        /// some for another. Cheap, for questions that one use answers (is it called from a loop?).
        /// </summary>
        public ImmutableArray<MethodUse> UsesInOwnType(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.ContainingType == null)
                return default;
            return _usesInOwnType.GetOrAdd(definition, d => UsesIn(d.ContainingType.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct(), d, cancellationToken));
        }

        /// <summary>The simple names in the files that declare the method's type that spell its name (not bound: any method of that name).</summary>
        public IEnumerable<SimpleNameSyntax> SpellingsInOwnType(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.ContainingType == null)
                return Enumerable.Empty<SimpleNameSyntax>();
            return definition.ContainingType.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct()
                .SelectMany(tree => _names.In(tree, definition.Name, cancellationToken));
        }

        /// <summary>The compilation's shared model of <paramref name="tree"/>.</summary>
        public SemanticModel? ModelOf(SyntaxTree tree) => GetModel(tree);

        private ImmutableArray<MethodUse> UsesIn(IEnumerable<SyntaxTree> trees, IMethodSymbol definition, CancellationToken cancellationToken)
        {
            var result = ImmutableArray.CreateBuilder<MethodUse>();
            foreach (var tree in trees)
            {
                foreach (var node in _names.In(tree, definition.Name, cancellationToken))
                {
                    var symbol = SymbolAt(node, cancellationToken);
                    if (symbol == null || !SymbolEqualityComparer.Default.Equals(symbol, definition))
                        continue;
                    var use = UseAt(node, cancellationToken);
                    if (use == null)
                        return default;
                    result.Add(use.Value);
                }
            }

            return result.ToImmutable();
        }

        /// <summary>The method a name binds to (its original definition), or null.</summary>
        private IMethodSymbol? SymbolAt(SyntaxNode node, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsInNameOf(node))
                return null;

            var model = GetModel(node.SyntaxTree);
            return (model?.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol)?.OriginalDefinition;
        }

        /// <summary>
        /// The use a name of a method makes (null when that cannot be bound); asked only of names of the methods that
        /// are looked for, after <see cref="SymbolAt"/>.
        /// </summary>
        private MethodUse? UseAt(SyntaxNode node, CancellationToken cancellationToken)
        {
            var model = GetModel(node.SyntaxTree);
            if (model == null)
                return null;

            var expression = QualifiedExpression(node);
            var invocation = expression.Parent is InvocationExpressionSyntax call && call.Expression == expression ? call : null;
            var operation = model.GetOperation((SyntaxNode?)invocation ?? expression, cancellationToken);
            var caller = model.GetEnclosingSymbol(expression.SpanStart, cancellationToken);
            if (operation == null || caller == null)
                return null;
            return new MethodUse(operation, caller, invocation != null);
        }

        /// <summary>The uses of every source method of one name, found in one walk over the trees that spell it.</summary>
        private sealed class UsesOfName
        {
            public Dictionary<IMethodSymbol, ImmutableArray<MethodUse>.Builder> Uses { get; } = new Dictionary<IMethodSymbol, ImmutableArray<MethodUse>.Builder>(SymbolEqualityComparer.Default);

            /// <summary>Methods with a use that could not be bound: their uses are unknown.</summary>
            public HashSet<IMethodSymbol> Unbound { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

            public static UsesOfName Build(CallSites sites, string name, CancellationToken cancellationToken)
            {
                var result = new UsesOfName();
                var arities = ArgumentCounts.OfSourceMethods(sites._compilation, name, cancellationToken);
                foreach (var tree in sites._names.TreesSpelling(name, cancellationToken))
                {
                    foreach (var node in sites._names.In(tree, name, cancellationToken))
                    {
                        // A call whose number of arguments no source method of the name takes is another method's.
                        if (QualifiedExpression(node).Parent is InvocationExpressionSyntax call && !arities.Any(a => a.Accepts(call.ArgumentList.Arguments.Count)))
                            continue;

                        var symbol = sites.SymbolAt(node, cancellationToken);
                        if (symbol == null || symbol.DeclaringSyntaxReferences.IsEmpty)
                            continue; // a method Fragless does not search the callers of
                        var use = sites.UseAt(node, cancellationToken);
                        if (use == null)
                        {
                            result.Unbound.Add(symbol);
                            continue;
                        }

                        if (!result.Uses.TryGetValue(symbol, out var list))
                            result.Uses[symbol] = list = ImmutableArray.CreateBuilder<MethodUse>();
                        list.Add(use.Value);
                    }
                }

                return result;
            }
        }

        private SemanticModel? GetModel(SyntaxTree tree) => SemanticModels.For(_compilation).Get(tree);

        /// <summary><c>M</c>, or the <c>x.M</c> / <c>?.M</c> it is the name of.</summary>
        internal static SyntaxNode QualifiedExpression(SyntaxNode name)
        {
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                return access;
            if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
                return binding;
            return name;
        }

        internal static bool IsInNameOf(SyntaxNode node)
        {
            return node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i =>
                i.Expression is IdentifierNameSyntax { Identifier: { ValueText: "nameof" } });
        }
    }

    /// <summary>How many arguments a call of a method can pass: from its required parameters to all (any number with <c>params</c>).</summary>
    internal readonly struct ArgumentCounts
    {
        private readonly int _min;
        private readonly int _max;

        private ArgumentCounts(int min, int max)
        {
            _min = min;
            _max = max;
        }

        public bool Accepts(int count) => count >= _min && count <= _max;

        /// <summary>The argument counts of the compilation's source methods of one name (an extension method also as <c>x.M(…)</c>).</summary>
        public static ImmutableArray<ArgumentCounts> OfSourceMethods(Compilation compilation, string name, CancellationToken cancellationToken)
        {
            var result = ImmutableArray.CreateBuilder<ArgumentCounts>();
            foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (!(symbol is IMethodSymbol method))
                    continue;

                var parameters = method.Parameters;
                var required = parameters.Count(p => !p.IsOptional && !p.IsParams);
                var max = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? int.MaxValue : parameters.Length;
                result.Add(new ArgumentCounts(method.IsExtensionMethod ? Math.Max(0, required - 1) : required, max));
            }

            return result.ToImmutable();
        }
    }
}
