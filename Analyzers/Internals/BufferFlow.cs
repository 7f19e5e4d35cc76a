using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>What <see cref="BufferFlowAnalysis"/> learned about one buffer.</summary>
    internal sealed class BufferFlow
    {
        /// <summary>The buffer can outlive the scope analysed (the loop iteration, or the callee's call).</summary>
        public bool Escapes { get; private set; }

        /// <summary>Why it escapes, for tests and for messages.</summary>
        public string? EscapeReason { get; private set; }

        /// <summary>Something may write into the buffer's elements (always true once it is handed to an unknown callee).</summary>
        public bool IsWritten { get; set; }

        /// <summary>It is handed to a callee whose use of it Fragless cannot see (not catalogued, not in source).</summary>
        public bool HasUnknownCallee { get; set; }

        /// <summary>The first callee Fragless cannot see that gets the buffer ("ISerial.Read"), for messages.</summary>
        public string? UnknownCallee { get; set; }

        /// <summary>A variable holding it is reassigned or passed by ref.</summary>
        public bool IsReassigned { get; set; }

        /// <summary>The method it is passed to by <c>ref</c> or <c>out</c> ("Array.Resize"), when that is why it counts as reassigned.</summary>
        public string? PassedByRefTo { get; set; }

        /// <summary>It is wrapped or viewed by another object (a span, a stream over it, a lazy sequence).</summary>
        public bool HasAlias { get; set; }

        /// <summary>It is a using resource.</summary>
        public bool IsUsingResource { get; set; }

        /// <summary>It is read through a member whose value differs between a new buffer and a cleared one (Capacity, GetBuffer).</summary>
        public bool ObservesCapacity { get; set; }

        /// <summary>The callee returns the parameter (callee summaries only).</summary>
        public bool ReturnsIt { get; set; }

        /// <summary>The local the allocation initialises or is assigned to, when there is one.</summary>
        public ILocalSymbol? Local { get; set; }

        /// <summary>Number of locals that hold the buffer.</summary>
        public int LocalCount { get; set; }

        /// <summary>
        /// Why no rewrite that keeps one buffer for every run can keep behaviour, judged from the flow alone, in words
        /// for a message about <paramref name="what"/> ("the buffer", "'frame'"); null when the flow allows one.
        /// </summary>
        public string? WhyNotReusable(string what)
        {
            if (Escapes)
                return what + " is " + EscapeReason;
            if (HasUnknownCallee)
                return "'" + UnknownCallee + "' may keep " + what;
            if (IsReassigned)
                return PassedByRefTo != null ? what + " is passed by ref to '" + PassedByRefTo + "'" : what + " is reassigned";
            if (IsUsingResource)
                return what + " is a using resource, and moving it would change when it is disposed";
            return null;
        }

        public void MarkEscape(string reason)
        {
            if (!Escapes)
            {
                Escapes = true;
                EscapeReason = reason;
            }
        }
    }
}
