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
    }
}
