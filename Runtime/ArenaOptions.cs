namespace Fragless
{
    /// <summary>
    /// Settings for an <see cref="Arena"/>. The arena copies them when it is constructed; changing the options
    /// object afterwards does not affect arenas that already exist.
    /// </summary>
    public sealed class ArenaOptions
    {
        /// <summary>The value that checked mode writes over released bytes, unless <see cref="PoisonValue"/> says otherwise.</summary>
        public const byte DefaultPoisonValue = 0xDD;

        /// <summary>
        /// What happens when a request does not fit. Defaults to <see cref="ArenaExhaustionPolicy.FallbackToHeap"/>.
        /// </summary>
        public ArenaExhaustionPolicy ExhaustionPolicy { get; set; } = ArenaExhaustionPolicy.FallbackToHeap;

        /// <summary>
        /// Turns on checked mode: released bytes are overwritten with <see cref="PoisonValue"/>,
        /// <see cref="ArenaSlice"/> handles and marks detect use after their memory was rewound, scopes must be disposed
        /// last in first out, and every operation must come from the owning thread. Meant for debug builds and tests;
        /// off by default, and when it is off none of these checks run.
        /// </summary>
        public bool Checked { get; set; }

        /// <summary>
        /// The byte written over released memory (and over the whole backing array at construction) in checked mode.
        /// Defaults to <see cref="DefaultPoisonValue"/> (0xDD).
        /// </summary>
        public byte PoisonValue { get; set; } = DefaultPoisonValue;
    }
}
