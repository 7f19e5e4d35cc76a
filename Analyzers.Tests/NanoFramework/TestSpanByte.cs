// A test-only System.SpanByte for running nanoFramework code on .NET: the public surface of nanoFramework's
// mscorlib SpanByte (1.17.11), over a byte[] slice. Never compiled against nanoFramework's mscorlib, which has its own.
#nullable disable
namespace System
{
    public struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null ? start != 0 || length != 0 : start < 0 || length < 0 || start + length > array.Length)
            {
                throw new ArgumentOutOfRangeException();
            }

            _array = array;
            _start = start;
            _length = length;
        }

        public byte this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                {
                    throw new IndexOutOfRangeException();
                }

                return _array[_start + index];
            }

            set
            {
                if ((uint)index >= (uint)_length)
                {
                    throw new IndexOutOfRangeException();
                }

                _array[_start + index] = value;
            }
        }

        public static SpanByte Empty => default;

        public int Length => _length;

        public bool IsEmpty => _length == 0;

        public void CopyTo(SpanByte destination)
        {
            if (destination.Length < _length)
            {
                throw new ArgumentException();
            }

            Array.Copy(_array ?? Array.Empty<byte>(), _start, destination._array ?? Array.Empty<byte>(), destination._start, _length);
        }

        public SpanByte Slice(int start) => Slice(start, _length - start);

        public SpanByte Slice(int start, int length)
        {
            if (start < 0 || length < 0 || start + length > _length)
            {
                throw new ArgumentOutOfRangeException();
            }

            return new SpanByte(_array, _start + start, length);
        }

        public byte[] ToArray()
        {
            var copy = new byte[_length];
            if (_length > 0)
            {
                Array.Copy(_array, _start, copy, 0, _length);
            }

            return copy;
        }

        public static implicit operator SpanByte(byte[] array) => new SpanByte(array);
    }
}
