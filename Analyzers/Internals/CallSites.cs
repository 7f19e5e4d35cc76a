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
    /// (<see cref="NameOccurrences"/>). A name is bound only where a call's number of arguments fits the method, and
    /// calls are found one at a time. A method also used any other way (as a delegate, an event handler) has no
    /// complete list of callers.
    /// </summary>
    internal sealed class CallSites
    {
        private readonly Compilation _compilation;
        private readonly NameOccurrences _names;

        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<MethodUse>> _usesInOwnType = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<MethodUse>>(SymbolEqualityComparer.Default);

        public CallSites(Compilation compilation, NameOccurrences names)
        {
            _compilation = compilation;
            _names = names;
            Targets = new CallTargets(compilation, names);
        }

        /// <summary>Which method a call names, where declarations tell it without binding.</summary>
        public CallTargets Targets { get; }

        /// <summary>
        /// The direct calls of <paramref name="method"/>, found one at a time, so that a caller that stops at the first
        /// call it does not like binds no more; a null entry means its callers cannot all be known (it is used as a
        /// value, a delegate can be called from anywhere, or a use cannot be bound), and nothing follows it.
        /// </summary>
        public IEnumerable<CallSite?> Calls(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.DeclaredAccessibility == Accessibility.Private && definition.ContainingType != null)
                return CallsAmong(UsesInOwnType(definition, cancellationToken));
            return CallsInCompilation(definition, cancellationToken);
        }

        private static IEnumerable<CallSite?> CallsAmong(ImmutableArray<MethodUse> uses)
        {
            if (uses.IsDefault)
            {
                yield return null;
                yield break;
            }

            foreach (var use in uses)
            {
                if (!use.IsCall)
                {
                    yield return null;
                    yield break;
                }

                yield return new CallSite(use.Operation, use.Caller);
            }
        }

        /// <summary>The calls of a method anyone in the assembly may call: in every tree that spells its name.</summary>
        private IEnumerable<CallSite?> CallsInCompilation(IMethodSymbol definition, CancellationToken cancellationToken)
        {
            var arguments = ArgumentCounts.Of(definition);
            foreach (var tree in _names.TreesSpelling(definition.Name, cancellationToken))
            {
                foreach (var node in _names.In(tree, definition.Name, cancellationToken))
                {
                    if (!IsUseOf(node, definition, arguments, cancellationToken))
                        continue;

                    var use = UseAt(node, cancellationToken);
                    if (use == null || !use.Value.IsCall)
                    {
                        yield return null;
                        yield break;
                    }

                    yield return new CallSite(use.Value.Operation, use.Value.Caller);
                }
            }
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

        /// <summary>
        /// The simple names in the files that declare the method's type that spell its name and may be its uses (not
        /// bound: any method of that name, except a call with a number of arguments this one cannot take).
        /// </summary>
        public IEnumerable<SimpleNameSyntax> SpellingsInOwnType(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (definition.ContainingType == null)
                return Enumerable.Empty<SimpleNameSyntax>();
            var arguments = ArgumentCounts.Of(definition);
            return definition.ContainingType.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct()
                .SelectMany(tree => _names.In(tree, definition.Name, cancellationToken))
                .Where(arguments.MayBeUseOf);
        }

        /// <summary>The compilation's shared model of <paramref name="tree"/>.</summary>
        public SemanticModel? ModelOf(SyntaxTree tree) => GetModel(tree);

        private ImmutableArray<MethodUse> UsesIn(IEnumerable<SyntaxTree> trees, IMethodSymbol definition, CancellationToken cancellationToken)
        {
            return UsesAt(trees.SelectMany(tree => _names.In(tree, definition.Name, cancellationToken)), definition, cancellationToken);
        }

        /// <summary>
        /// The uses of <paramref name="method"/> among <paramref name="names"/> (names of other methods are skipped,
        /// without binding those called with a number of arguments it cannot take), bound in order; default when one
        /// of them cannot be bound.
        /// </summary>
        public ImmutableArray<MethodUse> UsesAt(IEnumerable<SimpleNameSyntax> names, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            var arguments = ArgumentCounts.Of(definition);
            var result = ImmutableArray.CreateBuilder<MethodUse>();
            foreach (var node in names)
            {
                if (!IsUseOf(node, definition, arguments, cancellationToken))
                    continue;

                var use = UseAt(node, cancellationToken);
                if (use == null)
                    return default;
                result.Add(use.Value);
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// Whether <paramref name="node"/> names <paramref name="definition"/>: a call with a number of arguments it
        /// cannot take, or on a receiver whose declared type cannot have the method, is another method's and is not
        /// bound; any other spelling is bound.
        /// </summary>
        private bool IsUseOf(SimpleNameSyntax node, IMethodSymbol definition, ArgumentCounts arguments, CancellationToken cancellationToken)
        {
            if (!arguments.MayBeUseOf(node) || Targets.CertainlyCallsAnother(node, definition, cancellationToken))
                return false;
            var symbol = SymbolAt(node, cancellationToken);
            return symbol != null && SymbolEqualityComparer.Default.Equals(symbol, definition);
        }

        /// <summary>
        /// The method a name binds to (its original definition; for an extension method called as <c>x.M()</c>, the
        /// declared one it is the reduced form of), or null.
        /// </summary>
        private IMethodSymbol? SymbolAt(SyntaxNode node, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsInNameOf(node))
                return null;

            var model = GetModel(node.SyntaxTree);
            var method = model?.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol;
            return (method?.ReducedFrom ?? method)?.OriginalDefinition;
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

        /// <summary>Inside <c>nameof(…)</c>: looked for up to the enclosing statement or declaration, where any <c>nameof</c> ends.</summary>
        internal static bool IsInNameOf(SyntaxNode node)
        {
            for (var current = node.Parent; current != null && !(current is StatementSyntax) && !(current is MemberDeclarationSyntax); current = current.Parent)
            {
                if (current is InvocationExpressionSyntax invocation && invocation.Expression is IdentifierNameSyntax { Identifier: { ValueText: "nameof" } })
                    return true;
            }

            return false;
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

        /// <summary>
        /// False when <paramref name="name"/> is called with a number of arguments the method cannot take, so that the
        /// call is another method's, whatever binding would say; true for any other use (a method group, a call that fits).
        /// </summary>
        public bool MayBeUseOf(SimpleNameSyntax name)
        {
            var expression = CallSites.QualifiedExpression(name);
            return !(expression.Parent is InvocationExpressionSyntax call && call.Expression == expression) || Accepts(call.ArgumentList.Arguments.Count);
        }

        /// <summary>
        /// The argument counts a call of <paramref name="method"/> can have (an extension method also as <c>x.M(…)</c>;
        /// any number from its required ones with <c>params</c> or <c>__arglist</c>).
        /// </summary>
        public static ArgumentCounts Of(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            var required = parameters.Count(p => !p.IsOptional && !p.IsParams);
            var max = method.IsVararg || parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? int.MaxValue : parameters.Length;
            return new ArgumentCounts(method.IsExtensionMethod ? Math.Max(0, required - 1) : required, max);
        }
    }
}
