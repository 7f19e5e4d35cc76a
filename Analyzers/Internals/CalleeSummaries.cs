using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// What source-visible methods of the compilation do with their array-like parameters, computed on
    /// demand and cached for the compilation. Virtual, abstract, extern and interface methods are unknown:
    /// the body that runs may not be the one in source.
    /// </summary>
    internal sealed class CalleeSummaries
    {
        private const int MaxDepth = 4;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IParameterSymbol, CalleeEffect> _cache = new ConcurrentDictionary<IParameterSymbol, CalleeEffect>(SymbolEqualityComparer.Default);

        [ThreadStatic]
        private static HashSet<IParameterSymbol>? s_inProgress;

        public CalleeSummaries(Compilation compilation)
        {
            _compilation = compilation;
        }

        public CalleeEffect GetEffect(IMethodSymbol method, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (parameter.Ordinal >= definition.Parameters.Length)
                return CalleeEffect.Unknown;

            var key = definition.Parameters[parameter.Ordinal];
            if (_cache.TryGetValue(key, out var cached))
                return cached;

            if (depth > MaxDepth)
                return CalleeEffect.Unknown;

            var inProgress = s_inProgress ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(key))
                return CalleeEffect.Unknown;

            try
            {
                var effect = Compute(definition, key, depth, cancellationToken);
                _cache.TryAdd(key, effect);
                return effect;
            }
            finally
            {
                inProgress.Remove(key);
            }
        }

        private CalleeEffect Compute(IMethodSymbol method, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || method.IsVirtual
                || method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed
                || method.ContainingType?.TypeKind == TypeKind.Interface
                || method.DeclaringSyntaxReferences.Length != 1)
            {
                return CalleeEffect.Unknown;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                return CalleeEffect.Unknown;

            // An iterator's parameters live in the enumerator it returns.
            if (syntax.DescendantNodes().Any(n => n is YieldStatementSyntax))
                return CalleeEffect.Keep;

            var body = SemanticModels.For(_compilation).Get(syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken);
            if (body == null)
                return CalleeEffect.Unknown;

            var references = body.Descendants()
                .OfType<IParameterReferenceOperation>()
                .Where(r => SymbolEqualityComparer.Default.Equals(r.Parameter.OriginalDefinition, parameter))
                .ToList();

            var flow = BufferFlowAnalysis.AnalyzeParameter(body, references, this, depth + 1, cancellationToken);
            if (flow.Escapes)
                return CalleeEffect.Keep;
            if (flow.HasUnknownCallee)
                return CalleeEffect.Unknown;
            if (flow.ReturnsIt)
                return CalleeEffect.Alias;
            return flow.IsWritten ? CalleeEffect.BorrowWrite : CalleeEffect.BorrowRead;
        }
    }
}
