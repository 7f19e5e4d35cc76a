using System;
using Fragless;

namespace NewerMemory
{
    public sealed class Checksum
    {
        private readonly Arena _scratch;

        [Startup]
        public Checksum()
        {
            _scratch = new Arena(256);
        }

        public int Of(ReadOnlySpan<byte> data)
        {
            using (_scratch.Scope())
            {
                Span<byte> copy = _scratch.Alloc(data.Length);
                data.CopyTo(copy);
                int sum = 0;
                foreach (byte b in copy)
                    sum = (sum * 31) + b;
                return sum;
            }
        }
    }
}
