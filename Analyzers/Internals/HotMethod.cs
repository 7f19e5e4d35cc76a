namespace Fragless.Analyzers.Internals
{
    /// <summary>Why a method (or lambda) is hot: the first thing <see cref="HotPaths"/> found that makes it run again and again.</summary>
    internal enum HotSource
    {
        /// <summary><c>[HotPath]</c>, <c>[PerformanceSensitive]</c> or an attribute listed in <c>fragless.hot_attributes</c>.</summary>
        Marked,

        /// <summary>Listed in <c>fragless.hot_methods</c>.</summary>
        Listed,

        /// <summary>A Unity message the engine sends every frame or physics step (<c>Update</c>, <c>FixedUpdate</c>, …).</summary>
        UnityMessage,

        /// <summary>Subscribed to an event with <c>+=</c>, passed as a timer callback or a GPIO pin callback.</summary>
        Callback,

        /// <summary>Called on every iteration of a loop in code that is not once-code.</summary>
        CalledInLoop,

        /// <summary>Called from another hot method.</summary>
        CalledFromHot,
    }

    /// <summary>A hot method, with the words messages use to say why, and what its fixes must respect.</summary>
    internal sealed class HotMethod
    {
        public HotMethod(string name, HotSource source, string because, int depth, bool mayRunConcurrently, HotMethod? via = null, string? callReason = null)
        {
            Name = name;
            Source = source;
            Because = because;
            Depth = depth;
            MayRunConcurrently = mayRunConcurrently;
            Via = via;
            CallReason = callReason ?? "on every call of " + name + ", which " + because;
        }

        /// <summary>Quoted, as messages name it: <c>'Update'</c>, <c>the lambda in 'Open'</c>.</summary>
        public string Name { get; }

        public HotSource Source { get; }

        /// <summary>The rest of "'M', which …": "runs every frame", "is called on every iteration of the loop in 'Main'".</summary>
        public string Because { get; }

        /// <summary>How many calls from the hot root or loop: 0 for a root, 1 for a method a loop calls.</summary>
        public int Depth { get; }

        /// <summary>An event or timer callback: it may run on another thread while a previous run is still going.</summary>
        public bool MayRunConcurrently { get; }

        /// <summary>For <see cref="HotSource.CalledFromHot"/>: the hot caller.</summary>
        public HotMethod? Via { get; }

        /// <summary>How often code in it runs, for messages: "every frame ('Update')", "on every call of 'ReadSensor', which …".</summary>
        public string CallReason { get; }

        /// <summary>"'Update', which runs every frame", for a callee's message.</summary>
        public string Describe() => Name + ", which " + Because;
    }
}
