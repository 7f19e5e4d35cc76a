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

        private readonly ConcurrentDictionary<IParameterSymbol, bool> _rangeReaders = new ConcurrentDictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);

        [ThreadStatic]
        private static HashSet<IParameterSymbol>? s_inProgress;

        [ThreadStatic]
        private static HashSet<IParameterSymbol>? s_rangeInProgress;

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

        /// <summary>
        /// Whether <paramref name="method"/>, a source method whose <paramref name="parameter"/> is followed by
        /// <c>int offset, int count</c>, only reads that parameter's elements in <c>[offset, offset + count)</c>
        /// (<see cref="RangeReads"/>): it then behaves the same on a longer buffer with the same bytes in the range.
        /// Computed on the first question about that parameter and cached for the compilation.
        /// </summary>
        public bool ReadsOnlyRange(IMethodSymbol method, IParameterSymbol parameter, CancellationToken cancellationToken)
            => ReadsOnlyRange(method, parameter, depth: 0, cancellationToken);

        private bool ReadsOnlyRange(IMethodSymbol method, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            var ordinal = parameter.Ordinal;
            if (ordinal + 2 >= definition.Parameters.Length)
                return false;

            var key = definition.Parameters[ordinal];
            if (_rangeReaders.TryGetValue(key, out var cached))
                return cached;
            if (depth > MaxDepth)
                return false;

            var inProgress = s_rangeInProgress ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(key))
                return false;

            try
            {
                var reads = ComputeRangeReads(definition, key, definition.Parameters[ordinal + 1], definition.Parameters[ordinal + 2], depth, cancellationToken);
                _rangeReaders.TryAdd(key, reads);
                return reads;
            }
            finally
            {
                inProgress.Remove(key);
            }
        }

        private bool ComputeRangeReads(IMethodSymbol method, IParameterSymbol buffer, IParameterSymbol offset, IParameterSymbol count, int depth, CancellationToken cancellationToken)
        {
            if (method.IsAsync || method.MethodKind != MethodKind.Ordinary
                || !(buffer.Type is IArrayTypeSymbol) || buffer.RefKind != RefKind.None || buffer.IsParams
                || offset.Type.SpecialType != SpecialType.System_Int32 || offset.RefKind != RefKind.None
                || count.Type.SpecialType != SpecialType.System_Int32 || count.RefKind != RefKind.None)
            {
                return false;
            }

            var body = GetBody(method, cancellationToken, out _);
            return body != null
                && RangeReads.ReadsOnlyRange(body, buffer, offset, count, (callee, calleeParameter) => ReadsOnlyRange(callee, calleeParameter, depth + 1, cancellationToken), cancellationToken);
        }

        /// <summary>
        /// The body that runs when the method is called, when it is in source and nothing can replace it; else null.
        /// An iterator's body runs later, in the enumerator it returns: null, with <paramref name="isIterator"/> set.
        /// </summary>
        private IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken, out bool isIterator)
        {
            var syntax = GetBodySyntax(method, cancellationToken, out isIterator);
            return syntax == null ? null : SemanticModels.For(_compilation).Get(syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken);
        }

        /// <summary>The declaration of <see cref="GetBody"/>'s body, before anything is bound.</summary>
        private SyntaxNode? GetBodySyntax(IMethodSymbol method, CancellationToken cancellationToken, out bool isIterator)
        {
            isIterator = false;
            if (method.IsAbstract || method.IsExtern || method.IsVirtual
                || method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed
                || method.ContainingType?.TypeKind == TypeKind.Interface
                || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                return null;
            if (syntax.DescendantNodes().Any(n => n is YieldStatementSyntax))
            {
                isIterator = true;
                return null;
            }

            return syntax;
        }

        private CalleeEffect Compute(IMethodSymbol method, IParameterSymbol parameter, int depth, CancellationToken cancellationToken)
        {
            var syntax = GetBodySyntax(method, cancellationToken, out var isIterator);
            if (isIterator)
                return CalleeEffect.Keep; // an iterator's parameters live in the enumerator it returns
            if (syntax == null)
                return CalleeEffect.Unknown;

            // Most array parameters are only indexed, and a constructor's are often stored in a field: the syntax says
            // so, and the body is not bound for it.
            if (ParameterUsesBySyntax.Borrows(syntax, parameter) is CalleeEffect borrows)
                return borrows;
            if (ParameterUsesBySyntax.Stores(syntax, parameter))
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
