// Fragless arena for .NET nanoFramework, shipped as source (Fragless.Analyzers' content/netnano1.0/Fragless.Nano/):
// nanoFramework's mscorlib has no Span<T>, so the Fragless runtime package cannot be used there. This is its
// byte[]-based part: one array allocated once, handed out in (array, offset, count) slices and SpanByte views,
// taken back all at once (Reset) or to a mark (RewindTo). Uses only what nanoFramework's mscorlib has.
using System;

namespace Fragless.Nano
{
    /// <summary>
    /// A bump allocator over one byte[] allocated once (at startup, before the heap fragments). Allocations are
    /// cleared, contiguous slices of that array; nothing is freed one by one. Not thread-safe: one arena per thread.
    /// </summary>
    public sealed class Arena
    {
        private readonly byte[] _buffer;
        private int _offset;
        private int _highWater;

        /// <summary>An arena over a new array of <paramref name="capacity"/> bytes.</summary>
        public Arena(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            _buffer = new byte[capacity];
        }

        /// <summary>An arena over an array the caller allocated (for example one sized with <see cref="LargestFreeBlock"/>).</summary>
        public Arena(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException();
            }

            _buffer = buffer;
        }

        /// <summary>The backing array: every segment's <see cref="ArenaSegment.Array"/>.</summary>
        public byte[] Buffer => _buffer;

        public int Capacity => _buffer.Length;

        /// <summary>Bytes handed out since the last <see cref="Reset"/> (or what a rewind left).</summary>
        public int Used => _offset;

        public int Remaining => _buffer.Length - _offset;

        /// <summary>The most bytes ever in use at once: size the arena from it.</summary>
        public int HighWaterMark => _offset > _highWater ? _offset : _highWater;

        /// <summary><paramref name="count"/> cleared bytes of the backing array; throws when the arena is exhausted.</summary>
        public ArenaSegment AllocSegment(int count)
        {
            ArenaSegment segment;
            if (!TryAllocSegment(count, out segment))
            {
                throw new InvalidOperationException("Arena exhausted: " + count.ToString() + " bytes requested, " + Remaining.ToString() + " of " + Capacity.ToString() + " left.");
            }

            return segment;
        }

        /// <summary>Like <see cref="AllocSegment"/>, but returns false instead of throwing when the arena is exhausted.</summary>
        public bool TryAllocSegment(int count, out ArenaSegment segment)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (count > _buffer.Length - _offset)
            {
                segment = default(ArenaSegment);
                return false;
            }

            var start = _offset;
            _offset += count;
            Array.Clear(_buffer, start, count);
            segment = new ArenaSegment(_buffer, start, count);
            return true;
        }

        /// <summary><paramref name="count"/> cleared bytes as a SpanByte view (for I2cDevice.Read, SpiDevice.TransferFullDuplex …).</summary>
        public SpanByte Alloc(int count)
        {
            return AllocSegment(count).AsSpanByte();
        }

        /// <summary>Everything handed out is given back; the memory stays allocated.</summary>
        public void Reset()
        {
            UpdateHighWater();
            _offset = 0;
        }

        /// <summary>Where the arena is now, for <see cref="RewindTo"/>.</summary>
        public ArenaMark Mark()
        {
            return new ArenaMark(_offset);
        }

        /// <summary>Gives back everything allocated since <paramref name="mark"/> was taken.</summary>
        public void RewindTo(ArenaMark mark)
        {
            if (mark.Offset < 0 || mark.Offset > _offset)
            {
                throw new InvalidOperationException("The mark is not behind the arena's current position (taken before a Reset, or from another arena).");
            }

            UpdateHighWater();
            _offset = mark.Offset;
        }

        private void UpdateHighWater()
        {
            if (_offset > _highWater)
            {
                _highWater = _offset;
            }
        }
    }

    /// <summary>A position in an <see cref="Arena"/>, from <see cref="Arena.Mark"/>.</summary>
    public struct ArenaMark
    {
        internal ArenaMark(int offset)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }

    /// <summary>
    /// A slice of an arena's array in the (byte[] array, int offset, int count) form that SerialPort.Read/Write,
    /// Stream.Read/Write and Array.Copy take.
    /// </summary>
    public struct ArenaSegment
    {
        public ArenaSegment(byte[] array, int offset, int count)
        {
            Array = array;
            Offset = offset;
            Count = count;
        }

        public byte[] Array { get; }

        public int Offset { get; }

        public int Count { get; }

        public byte this[int index]
        {
            get
            {
                CheckIndex(index);
                return Array[Offset + index];
            }

            set
            {
                CheckIndex(index);
                Array[Offset + index] = value;
            }
        }

        /// <summary>The same bytes as a SpanByte view.</summary>
        public SpanByte AsSpanByte()
        {
            return new SpanByte(Array, Offset, Count);
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= Count)
            {
                throw new IndexOutOfRangeException();
            }
        }
    }
}
