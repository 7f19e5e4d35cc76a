using System.IO;

namespace Telemetry
{
    public static class Uplink
    {
        public static int Forward(Stream input, Stream output)
        {
            int total = 0;
            while (true)
            {
                var chunk = new byte[32];
                int n = input.Read(chunk, 0, chunk.Length);
                if (n == 0)
                    return total;
                output.Write(chunk, 0, n);
                total += n;
            }
        }
    }
}
