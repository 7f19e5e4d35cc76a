using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Resolves types by metadata name once per compilation. Create one in a compilation-start action
    /// and share it with the actions registered there; never call GetTypeByMetadataName elsewhere.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _cache = new ConcurrentDictionary<string, INamedTypeSymbol?>();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, WellKnownTypes> s_shared =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, WellKnownTypes>();

        public WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The compilation's one cache, shared by every Fragless analyzer (a lookup by metadata name is costly).</summary>
        public static WellKnownTypes For(Compilation compilation) => s_shared.GetValue(compilation, c => new WellKnownTypes(c));

        public Compilation Compilation => _compilation;

        /// <summary>The type with this metadata name, or null when the compilation has none (or more than one).</summary>
        public INamedTypeSymbol? Get(string metadataName)
        {
            if (_cache.TryGetValue(metadataName, out var known))
                return known;
            return _cache.GetOrAdd(metadataName, metadataName == Names.Array ? Special(SpecialType.System_Array) : _compilation.GetTypeByMetadataName(metadataName));
        }

        private int _createSpan; // 0: not asked yet, 1: present, 2: missing

        /// <summary>
        /// <c>RuntimeHelpers.CreateSpan&lt;T&gt;</c> (.NET 7 and later): with it, the compiler points a
        /// <c>ReadOnlySpan&lt;T&gt;</c> over constants of any primitive type at data in the assembly; without it, only
        /// one-byte elements.
        /// </summary>
        public bool HasCreateSpan
        {
            get
            {
                if (_createSpan == 0)
                {
                    var helpers = Get("System.Runtime.CompilerServices.RuntimeHelpers");
                    _createSpan = helpers != null && !helpers.GetMembers("CreateSpan").IsEmpty ? 1 : 2;
                }

                return _createSpan == 1;
            }
        }

        /// <summary>A type the compiler itself knows (read from the core library, not searched for in every reference).</summary>
        private INamedTypeSymbol? Special(SpecialType type)
        {
            var symbol = _compilation.GetSpecialType(type);
            return symbol.TypeKind == TypeKind.Error ? null : symbol;
        }

        public static class Names
        {
            public const string Array = "System.Array";
            public const string Span = "System.Span`1";
            public const string Memory = "System.Memory`1";
            public const string MemoryStream = "System.IO.MemoryStream";
            public const string StringBuilder = "System.Text.StringBuilder";
            public const string ListOfT = "System.Collections.Generic.List`1";
            public const string ReadOnlySpan = "System.ReadOnlySpan`1";
            public const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
            public const string ArraySegment = "System.ArraySegment`1";
            public const string Arena = "Fragless.Arena";
            public const string ArenaSlice = "Fragless.ArenaSlice";
            public const string ArenaMark = "Fragless.ArenaMark";
            public const string ArenaScope = "Fragless.ArenaScope";
            public const string Pool = "Fragless.Pool`1";
        }
    }
}
