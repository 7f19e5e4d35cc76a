using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// The references to each local in one operation tree (a member's body), in tree order, indexed once per tree and
    /// shared by every flow analysis of that tree: a method with many buffers is walked once, not once per buffer and rule.
    /// </summary>
    internal static class LocalReferences
    {
        private static readonly IReadOnlyList<ILocalReferenceOperation> s_none = new ILocalReferenceOperation[0];
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>> s_byRoot =
            new ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>>();

        /// <summary>The references to <paramref name="local"/> in the tree whose root is <paramref name="root"/>.</summary>
        public static IReadOnlyList<ILocalReferenceOperation> Of(IOperation root, ILocalSymbol local)
        {
            return s_byRoot.GetValue(root, Index).TryGetValue(local, out var references) ? references : s_none;
        }

        private static Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> Index(IOperation root)
        {
            var index = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in root.Descendants())
            {
                if (!(operation is ILocalReferenceOperation reference))
                    continue;
                if (!index.TryGetValue(reference.Local, out var list))
                    index[reference.Local] = list = new List<ILocalReferenceOperation>();
                list.Add(reference);
            }

            return index;
        }
    }
}
