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

        /// <summary>A variable holding it is reassigned or passed by ref.</summary>
        public bool IsReassigned { get; set; }

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
