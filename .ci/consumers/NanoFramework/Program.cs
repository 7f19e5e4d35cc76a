using System;
using Fragless.Nano;

namespace NanoApp
{
    public class Program
    {
        private static readonly Arena Scratch = new Arena(256);

        public static void Main()
        {
            for (int i = 0; i < 10; i++)
            {
                var frame = new byte[16];
                var bytes = BitConverter.GetBytes(i);
                frame[0] = bytes[0];
                Console.WriteLine(frame[0].ToString());
                var mark = Scratch.Mark();
                SpanByte reply = Scratch.Alloc(4);
                reply[0] = frame[0];
                Scratch.RewindTo(mark);
            }

            Console.WriteLine(LargestFreeBlock.Search(1024, n => n < 100).ToString());
        }

        public static int Handle()
        {
            var big = new byte[4096];
            big[1] = 1;
            return big[1];
        }
    }
}
