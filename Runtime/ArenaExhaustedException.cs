using System;
using System.Globalization;

namespace Fragless
{
    /// <summary>
    /// Thrown by an <see cref="Arena"/> whose <see cref="ArenaOptions.ExhaustionPolicy"/> is
    /// <see cref="ArenaExhaustionPolicy.Throw"/> when a request does not fit. The arena is left unchanged.
    /// </summary>
    public sealed class ArenaExhaustedException : InvalidOperationException
    {
        /// <summary>Creates the exception with a generic message and no figures.</summary>
        public ArenaExhaustedException()
            : base("The arena has no room for the requested allocation.")
        {
        }

        /// <summary>Creates the exception with the given message and no figures.</summary>
        /// <param name="message">The message that describes the error.</param>
        public ArenaExhaustedException(string? message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with the given message and inner exception, and no figures.</summary>
        /// <param name="message">The message that describes the error.</param>
        /// <param name="innerException">The exception that caused this one.</param>
        public ArenaExhaustedException(string? message, Exception? innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates the exception with the figures of a failed request; the message states all of them.</summary>
        /// <param name="requestedBytes">The number of bytes the caller asked for.</param>
        /// <param name="remainingBytes">The bytes that were left in the arena.</param>
        /// <param name="capacity">The capacity of the arena in bytes.</param>
        /// <param name="highWaterMark">The most bytes the arena has had in use at once.</param>
        public ArenaExhaustedException(long requestedBytes, int remainingBytes, int capacity, int highWaterMark)
            : base(FormatMessage(requestedBytes, remainingBytes, capacity, highWaterMark))
        {
            RequestedBytes = requestedBytes;
            RemainingBytes = remainingBytes;
            Capacity = capacity;
            HighWaterMark = highWaterMark;
        }

        /// <summary>The number of bytes the caller asked for (for <c>Alloc&lt;T&gt;</c>, the element count times the element size).</summary>
        public long RequestedBytes { get; }

        /// <summary>The bytes that were left in the arena when the request failed.</summary>
        public int RemainingBytes { get; }

        /// <summary>The capacity of the arena in bytes.</summary>
        public int Capacity { get; }

        /// <summary>The most bytes the arena has had in use at once, up to and including this failure's moment.</summary>
        public int HighWaterMark { get; }

        private static string FormatMessage(long requested, int remaining, int capacity, int highWaterMark)
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "Arena exhausted: requested {0} bytes but only {1} of {2} bytes remain (high-water mark {3} bytes). " +
                "Give the arena a larger capacity, release memory sooner with Reset, RewindTo or Scope, " +
                "or use ArenaExhaustionPolicy.FallbackToHeap.",
                requested,
                remaining,
                capacity,
                highWaterMark);
        }
    }
}
