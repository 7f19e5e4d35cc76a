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

        /// <summary>FRAG003: the smallest allocation, in bytes, that is reported when made after startup (default 1024).</summary>
        public const string LargeAllocationBytes = "fragless.large_allocation_bytes";

        /// <summary>Bytes a reference (or pointer) takes in arrays and structs: 4 (default, 32-bit targets) or 8; 2 for 16-bit targets.</summary>
        public const string ReferenceSize = "fragless.reference_size";

        /// <summary>Methods whose code (outside loops) runs once at startup (default Main, Setup, Initialize, Init, Awake, Start, OnStart).</summary>
        public const string StartupMethods = "fragless.startup_methods";

        /// <summary>FRAG003: also report allocations whose size is not known at compile time (default false).</summary>
        public const string Frag003ReportUnknownSize = "fragless.FRAG003.report_unknown_size";

        /// <summary>Path patterns (<c>**</c>, <c>*</c>, <c>?</c>) of files whose code is out of scope, in addition to the defaults.</summary>
        public const string Exclude = "fragless.exclude";

        /// <summary>Default true: Unity editor code and test code are out of scope. <c>false</c> reports them too.</summary>
        public const string ExcludeDefaults = "fragless.exclude_defaults";

        /// <summary>Default false: also report allocations whose result is kept (stored, returned, queued) rather than dropped.</summary>
        public const string ReportKept = "fragless.report_kept";
    
        /// <summary>Methods that are hot, by name or <c>Type.Method</c>, in addition to the marked ones and Unity's per-frame messages.</summary>
        public const string HotMethods = "fragless.hot_methods";

        /// <summary>Attribute names that mark hot methods, in addition to <c>HotPath</c> and <c>PerformanceSensitive</c>.</summary>
        public const string HotAttributes = "fragless.hot_attributes";

        /// <summary>The Unity messages that run every frame or physics step; replaces the default list.</summary>
        public const string UnityHotMessages = "fragless.unity_hot_messages";

        /// <summary>Default false: from a Unity per-frame message, only the calls it makes every frame make their callees hot; <c>true</c> also follows calls in one branch (an <c>if</c>, a <c>case</c>, a <c>catch</c>).</summary>
        public const string HotFollowBranches = "fragless.hot_follow_branches";

        /// <summary>In a game assembly: <c>per_frame</c> (default) reports repeated code only on the per-frame path; <c>everywhere</c> reports it wherever it repeats.</summary>
        public const string GameScope = "fragless.game_scope";

        /// <summary>Default false: event and timer callbacks may run on another thread, so FRAG003/FRAG005 offer no shared-buffer fix there. <c>true</c> says they run on one thread.</summary>
        public const string CallbacksSingleThreaded = "fragless.callbacks_single_threaded";
    }
}
