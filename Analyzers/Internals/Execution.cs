using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>How often a piece of code runs, as <see cref="ChurnModel"/> sees it.</summary>
    internal enum RunKind
    {
        /// <summary>Code that never ships to the device or the player (editor, tests, <c>fragless.exclude</c>).</summary>
        Excluded,

        /// <summary>Runs once: startup code, a static constructor, a method only once-code calls, a lazy-initialisation branch, code before a loop that never ends.</summary>
        Once,

        /// <summary>Runs once per object: a constructor, an instance initializer, or a method only they call. Judged where the object is created.</summary>
        Construction,

        /// <summary>Runs on every iteration of a loop of its own function.</summary>
        PerIteration,

        /// <summary>Runs each time its member is called, as often as that is: the honest default.</summary>
        PerCall,

        /// <summary>
        /// Runs on every call of a hot method (<see cref="HotMethod"/>): a Unity per-frame message, an event or timer
        /// callback, a <c>[HotPath]</c> method, or one called from a loop or from another hot method.
        /// </summary>
        HotCall,

        /// <summary>
        /// In a game (an assembly that references UnityEngine), code that repeats but not on the per-frame path: a
        /// loader's loop, a save routine, a UI window opened now and then. The frame is a game's unit of time, so
        /// this is not reported unless <c>fragless.game_scope = everywhere</c>.
        /// </summary>
        OffFramePath,
    }

    /// <summary>The answer to "how often does this run?" for one operation, with the reason for messages.</summary>
    internal sealed class Execution
    {
        private Execution(RunKind kind, string reason, ImmutableArray<ILoopOperation> loops, HotMethod? hot = null)
        {
            Kind = kind;
            Reason = reason;
            Loops = loops;
            Hot = hot;
        }

        public RunKind Kind { get; }

        /// <summary>Why, in words a message can use: "on every iteration of the loop in 'Pump'", "each time 'OnPacket' runs".</summary>
        public string Reason { get; }

        /// <summary>For <see cref="RunKind.PerIteration"/>: the loops whose every iteration runs it, innermost first.</summary>
        public ImmutableArray<ILoopOperation> Loops { get; }

        /// <summary>
        /// For <see cref="RunKind.HotCall"/>: why its code is hot. For <see cref="RunKind.PerIteration"/>: the hot
        /// method the loop is in, if it is in one.
        /// </summary>
        public HotMethod? Hot { get; }

        public bool IsRepeated => Kind == RunKind.PerIteration || Kind == RunKind.PerCall || Kind == RunKind.HotCall;

        public static Execution Create(RunKind kind, string reason) => new Execution(kind, reason, ImmutableArray<ILoopOperation>.Empty);

        public static Execution PerIteration(ImmutableArray<ILoopOperation> loops, string reason, HotMethod? hot = null) => new Execution(RunKind.PerIteration, reason, loops, hot);

        public static Execution HotCall(HotMethod hot) => new Execution(RunKind.HotCall, hot.CallReason, ImmutableArray<ILoopOperation>.Empty, hot);
    }
}
