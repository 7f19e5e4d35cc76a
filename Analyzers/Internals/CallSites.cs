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

    /// <summary>
    /// Finds the direct calls of a source method within the compilation. A syntactic index of names is built once, on
    /// first use; only the places that spell the method's name are bound. A method also used any other way (as a
    /// delegate, an event handler) has no complete list of callers, and gets none.
    /// </summary>
    internal sealed class CallSites
    {
        private readonly Compilation _compilation;
        private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _names;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        public CallSites(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _names = new Lazy<Dictionary<string, List<SyntaxNode>>>(() => BuildIndex(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Every direct call of <paramref name="method"/>, or default when its callers cannot all be known.</summary>
        public ImmutableArray<CallSite> Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!_names.Value.TryGetValue(method.Name, out var nodes))
                return ImmutableArray<CallSite>.Empty;

            var definition = method.OriginalDefinition;
            var result = ImmutableArray.CreateBuilder<CallSite>();
            foreach (var node in nodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (IsInNameOf(node))
                    continue;

                var model = GetModel(node.SyntaxTree);
                var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol;
                if (symbol == null || !SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, definition))
                    continue;

                var invocation = InvocationOf(node);
                if (invocation == null)
                    return default; // used as a value: a delegate can be called from anywhere

                var operation = model.GetOperation(invocation, cancellationToken);
                var caller = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken);
                if (operation == null || caller == null)
                    return default;
                result.Add(new CallSite(operation, caller));
            }

            return result.ToImmutable();
        }

        private SemanticModel GetModel(SyntaxTree tree)
        {
#pragma warning disable RS1030 // Callers live in other trees; each tree's model is made once for the compilation and cached.
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        private static Dictionary<string, List<SyntaxNode>> BuildIndex(Compilation compilation, CancellationToken cancellationToken)
        {
            var index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            var methodNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes())
                {
                    if (node is MethodDeclarationSyntax declaration)
                        methodNames.Add(declaration.Identifier.ValueText);
                    if (!(node is SimpleNameSyntax name))
                        continue;

                    var text = name.Identifier.ValueText;
                    if (!index.TryGetValue(text, out var list))
                        index[text] = list = new List<SyntaxNode>();
                    list.Add(name);
                }
            }

            // Only names of source methods are ever asked for.
            foreach (var key in index.Keys.Where(k => !methodNames.Contains(k)).ToList())
                index.Remove(key);
            return index;
        }

        private static InvocationExpressionSyntax? InvocationOf(SyntaxNode name)
        {
            var expression = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                expression = access;
            else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
                expression = binding;

            return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
        }

        private static bool IsInNameOf(SyntaxNode node)
        {
            return node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i =>
                i.Expression is IdentifierNameSyntax { Identifier: { ValueText: "nameof" } });
        }
    }
}
