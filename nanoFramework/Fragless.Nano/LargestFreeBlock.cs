// Part of the Fragless nanoFramework source (see Arena.cs).
using System;

namespace Fragless.Nano
{
    /// <summary>
    /// The largest single byte[] the heap can give right now, after a collection: on a non-moving heap that, not
    /// the total free memory, decides whether the next big buffer fits. Found by a binary search of allocations that
    /// succeed; each probe array is dropped at once. Run it at startup or from a diagnostics command, not in a hot path:
    /// every probe allocates, and a collection runs before the search.
    /// </summary>
    public static class LargestFreeBlock
    {
        /// <summary>
        /// The largest n in [0, <paramref name="upperBound"/>] for which <c>new byte[n]</c> succeeded.
        /// <paramref name="collect"/> runs a collection first and returns the free bytes (on nanoFramework pass
        /// <c>() =&gt; nanoFramework.Runtime.Native.GC.Run(true)</c>); the free bytes also cap the search.
        /// </summary>
        public static int Measure(int upperBound, Func<uint> collect)
        {
            if (upperBound < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (collect != null)
            {
                var free = collect();
                if (free < (uint)upperBound)
                {
                    upperBound = (int)free;
                }
            }

            return Search(upperBound, TryAllocate);
        }

        /// <summary>
        /// The binary search itself, over any "does an allocation of n bytes succeed?" test (also used by the
        /// unit tests, with a simulated heap): the largest n in [0, <paramref name="upperBound"/>] for which
        /// <paramref name="fits"/> returns true, assuming that smaller sizes fit whenever a larger one does.
        /// </summary>
        public static int Search(int upperBound, Func<int, bool> fits)
        {
            if (upperBound < 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (fits == null)
            {
                throw new ArgumentNullException();
            }

            int low = 0;
            int high = upperBound;
            while (low < high)
            {
                // Round up so that low always moves.
                int middle = low + ((high - low + 1) / 2);
                if (fits(middle))
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }

        private static bool TryAllocate(int count)
        {
            try
            {
                var probe = new byte[count];
                return probe.Length == count;
            }
            catch (OutOfMemoryException)
            {
                return false;
            }
        }
    }
}
