namespace Fragless.Analyzers.Internals
{
    /// <summary>Every .editorconfig key Fragless reads. Keys are case-insensitive.</summary>
    internal static class OptionKeys
    {
        /// <summary>Comma-separated extra buffer types (metadata names, e.g. <c>MyLib.FrameBuffer</c> or <c>System.Collections.Generic.Queue`1</c>).</summary>
        public const string BufferTypes = "fragless.buffer_types";

        /// <summary>FRAG001: also report allocations in loops that outlive the iteration (default false).</summary>
        public const string Frag001ReportEscaping = "fragless.FRAG001.report_escaping";

        /// <summary>FRAG002: <c>loops</c> (default) reports allocating reads that run repeatedly; <c>everywhere</c> reports every one.</summary>
        public const string Frag002Scope = "fragless.FRAG002.scope";
    }
}
