namespace Fragless
{
    /// <summary>
    /// What an <see cref="Arena"/> does when a request does not fit in the bytes that remain.
    /// Either way the caller never receives a slice shorter than it asked for, and never memory that is already handed out.
    /// </summary>
    public enum ArenaExhaustionPolicy
    {
        /// <summary>
        /// Serve the request from an ordinary, exact-length heap array, count it in
        /// <see cref="ArenaStatistics.HeapFallbacks"/> and raise <see cref="Arena.Exhausted"/>. The default:
        /// a device keeps running while the statistics show that the arena is too small.
        /// </summary>
        FallbackToHeap = 0,

        /// <summary>
        /// Raise <see cref="Arena.Exhausted"/>, then throw <see cref="ArenaExhaustedException"/>.
        /// For tests and for systems that must never touch the heap after boot.
        /// </summary>
        Throw = 1,
    }
}
