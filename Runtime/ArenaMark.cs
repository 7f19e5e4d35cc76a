namespace Fragless
{
    /// <summary>
    /// A position in an <see cref="Arena"/>, taken with <see cref="Arena.Mark"/> and passed to
    /// <see cref="Arena.RewindTo(ArenaMark)"/> to release everything allocated after it.
    /// </summary>
    public readonly struct ArenaMark
    {
        internal ArenaMark(Arena arena, int offset, long generation)
        {
            Arena = arena;
            Offset = offset;
            Generation = generation;
        }

        /// <summary>The number of bytes that were in use when the mark was taken.</summary>
        public int Offset { get; }

        internal Arena? Arena { get; }

        internal long Generation { get; }
    }
}
