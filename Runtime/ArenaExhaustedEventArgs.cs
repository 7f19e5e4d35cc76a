using System;

namespace Fragless
{
    /// <summary>The figures of a request that did not fit, passed to <see cref="Arena.Exhausted"/>.</summary>
    public sealed class ArenaExhaustedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        /// <param name="requestedBytes">The number of bytes the caller asked for.</param>
        /// <param name="remainingBytes">The bytes left in the arena.</param>
        /// <param name="capacity">The capacity of the arena in bytes.</param>
        /// <param name="highWaterMark">The most bytes the arena has had in use at once.</param>
        /// <param name="policy">What the arena does next: fall back to the heap or throw.</param>
        public ArenaExhaustedEventArgs(long requestedBytes, int remainingBytes, int capacity, int highWaterMark, ArenaExhaustionPolicy policy)
        {
            RequestedBytes = requestedBytes;
            RemainingBytes = remainingBytes;
            Capacity = capacity;
            HighWaterMark = highWaterMark;
            Policy = policy;
        }

        /// <summary>The number of bytes the caller asked for.</summary>
        public long RequestedBytes { get; }

        /// <summary>The bytes left in the arena when the request failed.</summary>
        public int RemainingBytes { get; }

        /// <summary>The capacity of the arena in bytes.</summary>
        public int Capacity { get; }

        /// <summary>The most bytes the arena has had in use at once.</summary>
        public int HighWaterMark { get; }

        /// <summary>What the arena does after the event: serve the request from the heap, or throw.</summary>
        public ArenaExhaustionPolicy Policy { get; }
    }
}
