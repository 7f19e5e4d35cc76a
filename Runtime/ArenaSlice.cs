using System;

namespace Fragless
{
    /// <summary>
    /// A handle to memory allocated with <see cref="Arena.AllocSlice(int)"/>. From an arena in checked mode the handle
    /// knows when its memory was released by a rewind or reset, and <see cref="Span"/>, <see cref="Segment"/> and
    /// <see cref="Memory"/> then throw <see cref="ObjectDisposedException"/> instead of handing out memory that may
    /// belong to someone else. From an unchecked arena it is a plain view with no checks.
    /// </summary>
    public readonly struct ArenaSlice
    {
        private readonly Arena? _checkedArena;
        private readonly byte[]? _array;
        private readonly int _offset;
        private readonly int _length;
        private readonly long _generation;

        internal ArenaSlice(Arena? checkedArena, byte[] array, int offset, int length, long generation)
        {
            _checkedArena = checkedArena;
            _array = array;
            _offset = offset;
            _length = length;
            _generation = generation;
        }

        /// <summary>The length of the slice in bytes. Reading it never throws.</summary>
        public int Length => _length;

        /// <summary>
        /// <see langword="false"/> once the slice's memory has been released by its checked arena; always
        /// <see langword="true"/> for slices of unchecked arenas, heap fallbacks and the default value.
        /// </summary>
        public bool IsLive => _checkedArena == null || _checkedArena.IsLive(_generation, _offset + _length);

        /// <summary>The slice's memory.</summary>
        /// <exception cref="ObjectDisposedException">In checked mode, the memory was released by a rewind or reset.</exception>
        public Span<byte> Span
        {
            get
            {
                Validate();
                return new Span<byte>(_array, _offset, _length);
            }
        }

        /// <summary>The slice's memory as array, offset and count, for APIs that take those.</summary>
        /// <exception cref="ObjectDisposedException">In checked mode, the memory was released by a rewind or reset.</exception>
        public ArraySegment<byte> Segment
        {
            get
            {
                Validate();
                return _array == null ? default : new ArraySegment<byte>(_array, _offset, _length);
            }
        }

        /// <summary>
        /// The slice's memory as <see cref="Memory{T}"/>, for asynchronous code. Checked once, when read; the
        /// <see cref="Memory{T}"/> itself cannot detect a later rewind.
        /// </summary>
        /// <exception cref="ObjectDisposedException">In checked mode, the memory was released by a rewind or reset.</exception>
        public Memory<byte> Memory
        {
            get
            {
                Validate();
                return new Memory<byte>(_array, _offset, _length);
            }
        }

        private void Validate()
        {
            if (_checkedArena != null)
            {
                _checkedArena.ValidateSlice(_generation, _offset, _length);
            }
        }
    }
}
