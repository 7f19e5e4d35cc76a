namespace Fragless.Analyzers
{
    /// <summary>The identifiers of every Fragless rule. An identifier is never reused.</summary>
    public static class DiagnosticIds
    {
        /// <summary>A buffer is allocated on every iteration of a loop.</summary>
        public const string BufferAllocationInLoop = "FRAG001";

        /// <summary>A call returns a new buffer on every iteration where an API that fills a caller's buffer exists.</summary>
        public const string AllocatingRead = "FRAG002";

        /// <summary>A large buffer is allocated by code that runs after startup.</summary>
        public const string LargeAllocationAfterStartup = "FRAG003";

        /// <summary>A line of a Fragless configuration file (fragless.pairs.txt) cannot be used.</summary>
        public const string MalformedConfiguration = "FRAG004";

        /// <summary>A buffer is allocated, and dropped, on every call of a hot method.</summary>
        public const string HotPathAllocation = "FRAG005";

        /// <summary>Memory from an arena is used after a reset, rewind or scope end released it.</summary>
        public const string ArenaUseAfterRewind = "FRAG006";

        /// <summary>An arena allocates on every iteration of a loop that never rewinds it.</summary>
        public const string ArenaAllocationInLoopWithoutRewind = "FRAG007";

        /// <summary>Memory from an arena scope or mark is stored, returned, captured or kept pending past the release that frees it.</summary>
        public const string ArenaMemoryEscapesScope = "FRAG008";

        /// <summary>An object rented from a pool is not returned on some path, returned twice, or used after it was returned.</summary>
        public const string PooledObjectMisuse = "FRAG009";

        /// <summary>An entry of fragless.baseline.json matches no diagnostic any more.</summary>
        public const string StaleBaselineEntry = "FRAG010";

        /// <summary>fragless.baseline.json cannot be read; nothing is taken from it.</summary>
        public const string UnreadableBaseline = "FRAG011";
    }
}
