using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// One semantic model per tree of a compilation, shared by everything that reads code in other trees (callee
    /// summaries, constructor sums, call sites): a model binds what it is asked once and remembers it, a new one would
    /// bind it again.
    /// </summary>
    internal sealed class SemanticModels
    {
        private static readonly ConditionalWeakTable<Compilation, SemanticModels> s_shared = new ConditionalWeakTable<Compilation, SemanticModels>();

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        private SemanticModels(Compilation compilation)
        {
            _compilation = compilation;
        }

        public static SemanticModels For(Compilation compilation) => s_shared.GetValue(compilation, c => new SemanticModels(c));

        /// <summary>The model of <paramref name="tree"/>, or null when the tree is not the compilation's.</summary>
        public SemanticModel? Get(SyntaxTree tree)
        {
            if (!_compilation.ContainsSyntaxTree(tree))
                return null;

#pragma warning disable RS1030 // Code in other trees than the one analysed; each tree's model is made once and cached.
            if (_models.TryGetValue(tree, out var known))
                return known;
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }
    }
}
