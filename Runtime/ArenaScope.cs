using System;

namespace Fragless
{
    /// <summary>
    /// A region of an <see cref="Arena"/>, opened with <see cref="Arena.Scope"/>. Disposing it releases everything
    /// allocated since it was opened. Scopes nest and must be disposed last in first out; disposing one out of order,
    /// or twice, throws <see cref="InvalidOperationException"/>. Use it with <c>using</c>; it is a struct, so this does
    /// not allocate. The <see langword="default"/> value does nothing when disposed.
    /// </summary>
    public readonly struct ArenaScope : IDisposable
    {
        private readonly Arena? _arena;
        private readonly int _offset;
        private readonly int _depth;
        private readonly long _generation;
        private readonly int _id;

        internal ArenaScope(Arena arena, int offset, int depth, long generation, int id)
        {
            _arena = arena;
            _offset = offset;
            _depth = depth;
            _generation = generation;
            _id = id;
        }

        /// <summary>The nesting depth of this scope: 1 for an outermost scope.</summary>
        public int Depth => _depth;

        /// <summary>The number of bytes that were in use when the scope was opened, and will be again once it is disposed.</summary>
        public int StartOffset => _offset;

        /// <summary>Releases everything allocated in the arena since this scope was opened.</summary>
        /// <exception cref="InvalidOperationException">
        /// The scope is not the innermost open scope of its arena (disposed out of order, disposed twice, or closed by
        /// <see cref="Arena.Reset"/>); in checked mode also when called from a thread that does not own the arena, or when
        /// the scope's start was already released by <see cref="Arena.RewindTo(ArenaMark)"/>.
        /// </exception>
        public void Dispose()
        {
            _arena?.EndScope(_offset, _depth, _generation, _id);
        }
    }
}
