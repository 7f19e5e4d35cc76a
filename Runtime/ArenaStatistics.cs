using System.Globalization;

namespace Fragless
{
    /// <summary>
    /// A snapshot of an <see cref="Arena"/>'s counters, taken with <see cref="Arena.Statistics"/>: what is needed to size
    /// the buffer allocated at boot. Counters run from construction or from the last <see cref="Arena.ResetStatistics"/>.
    /// </summary>
    public readonly struct ArenaStatistics
    {
        internal ArenaStatistics(
            int capacity,
            int used,
            int highWaterMark,
            long allocations,
            long exhaustions,
            long heapFallbacks,
            long heapFallbackBytes,
            long resets,
            long rewinds,
            int maxScopeDepth)
        {
            Capacity = capacity;
            Used = used;
            HighWaterMark = highWaterMark;
            Allocations = allocations;
            Exhaustions = exhaustions;
            HeapFallbacks = heapFallbacks;
            HeapFallbackBytes = heapFallbackBytes;
            Resets = resets;
            Rewinds = rewinds;
            MaxScopeDepth = maxScopeDepth;
        }

        /// <summary>The capacity of the arena in bytes.</summary>
        public int Capacity { get; }

        /// <summary>The bytes in use when the snapshot was taken.</summary>
        public int Used { get; }

        /// <summary>The most bytes in use at once (alignment padding included). Size the arena at least this large.</summary>
        public int HighWaterMark { get; }

        /// <summary>The requests served from the arena's own memory.</summary>
        public long Allocations { get; }

        /// <summary>The requests that did not fit, whatever the policy did about them (fallback or throw).</summary>
        public long Exhaustions { get; }

        /// <summary>The requests served from the heap because the arena was full.</summary>
        public long HeapFallbacks { get; }

        /// <summary>The bytes allocated on the heap by those fallbacks.</summary>
        public long HeapFallbackBytes { get; }

        /// <summary>The calls to <see cref="Arena.Reset"/>.</summary>
        public long Resets { get; }

        /// <summary>The calls to <see cref="Arena.RewindTo(ArenaMark)"/> plus the scopes disposed.</summary>
        public long Rewinds { get; }

        /// <summary>The deepest nesting of open scopes.</summary>
        public int MaxScopeDepth { get; }

        /// <summary>The figures on one line, for logs.</summary>
        /// <returns>A description of the snapshot.</returns>
        public override string ToString()
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "Arena {0}/{1} bytes used, high-water {2}; {3} allocations, {4} exhaustions, {5} heap fallbacks ({6} bytes), {7} resets, {8} rewinds, max scope depth {9}",
                Used,
                Capacity,
                HighWaterMark,
                Allocations,
                Exhaustions,
                HeapFallbacks,
                HeapFallbackBytes,
                Resets,
                Rewinds,
                MaxScopeDepth);
        }
    }
}
