using System.Globalization;

namespace Fragless
{
    /// <summary>A snapshot of a <see cref="Pool{T}"/>'s counters, taken with <see cref="Pool{T}.Statistics"/>.</summary>
    public readonly struct PoolStatistics
    {
        internal PoolStatistics(long rents, long misses, long creates, long returns, long drops)
        {
            Rents = rents;
            Misses = misses;
            Creates = creates;
            Returns = returns;
            Drops = drops;
        }

        /// <summary>The calls to <see cref="Pool{T}.Rent"/>.</summary>
        public long Rents { get; }

        /// <summary>The rents that found the pool empty and had to create an object. Non-zero in the steady state means the pool is too small or prefilled too little.</summary>
        public long Misses { get; }

        /// <summary>The objects the factory created, by misses and by <see cref="Pool{T}.Prefill"/>.</summary>
        public long Creates { get; }

        /// <summary>The calls to <see cref="Pool{T}.Return"/>.</summary>
        public long Returns { get; }

        /// <summary>The returns dropped because the pool was full.</summary>
        public long Drops { get; }

        /// <summary>The figures on one line, for logs.</summary>
        /// <returns>A description of the snapshot.</returns>
        public override string ToString()
        {
            return string.Format(
                CultureInfo.InvariantCulture,
                "Pool: {0} rents, {1} misses, {2} creates, {3} returns, {4} drops",
                Rents,
                Misses,
                Creates,
                Returns,
                Drops);
        }
    }
}
