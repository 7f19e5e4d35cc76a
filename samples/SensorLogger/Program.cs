using System;
using System.Collections.Generic;
using System.Text;

namespace SensorLogger
{
    /// <summary>
    /// A temperature logger's main loop: read fixed-size frames from the UART, check them, log a line,
    /// acknowledge and echo each frame. Written the way firmware often starts out: a new buffer for everything,
    /// on every pass. Build it to see where Fragless says the heap is churned (FRAG001, FRAG002, FRAG003, FRAG005).
    /// </summary>
    public static class Program
    {
        private const int FrameSize = 6;
        private const byte Sync = 0xA5;

        public static void Main()
        {
            var uart = new SimulatedUart(SensorFeed.Create(frames: 8));
            int good = 0, bad = 0;

            while (uart.BytesToRead > 0)
            {
                // One frame: sync, sensor id, temperature (centi-degrees, big endian), sequence, checksum.
                var frame = new byte[FrameSize];
                int read = uart.Read(frame, 0, frame.Length);
                if (read < FrameSize || frame[0] != Sync || Checksum(frame) != frame[FrameSize - 1])
                {
                    bad++;
                    continue;
                }

                good++;
                var line = new StringBuilder(48);
                int centi = (frame[2] << 8) | frame[3];
                line.Append("sensor ").Append(frame[1])
                    .Append(" seq ").Append(frame[4])
                    .Append(": ").Append(centi / 100).Append('.').Append((centi % 100).ToString("00")).Append(" C");
                Console.WriteLine(line.ToString());

                Acknowledge(uart, frame[4]);

                // Echo the reading back to the host as a little-endian int.
                var echo = BitConverter.GetBytes(centi);
                uart.Write(echo, 0, echo.Length);

                // A status report every fourth good frame.
                if (good % 4 == 0)
                    Console.WriteLine(Summary(good, bad, uart.BytesWritten));
            }

            Console.WriteLine(Summary(good, bad, uart.BytesWritten));
            Console.WriteLine("peak window: " + PeakWindow(new[] { 2150, 2230, 2410, 2395, 2600, 2210 }));
        }

        /// <summary>The status report line, made while the logger runs and at the end.</summary>
        private static string Summary(int good, int bad, long bytesWritten)
        {
            var report = new StringBuilder(1024);
            report.Append("frames ok: ").Append(good)
                .Append(", rejected: ").Append(bad)
                .Append(", bytes sent: ").Append(bytesWritten);
            return report.ToString();
        }

        /// <summary>Tells the sensor its frame arrived: runs for every good frame.</summary>
        private static void Acknowledge(SimulatedUart uart, byte sequence)
        {
            var ack = new byte[3];
            ack[0] = Sync;
            ack[1] = 0x06;
            ack[2] = sequence;
            uart.Write(ack, 0, ack.Length);
        }

        private static byte Checksum(byte[] frame)
        {
            byte sum = 0;
            for (int i = 0; i < FrameSize - 1; i++)
                sum ^= frame[i];
            return sum;
        }

        /// <summary>The largest number of consecutive readings above 23.00 C.</summary>
        private static int PeakWindow(int[] readings)
        {
            int best = 0;
            for (int start = 0; start < readings.Length; start++)
            {
                var run = new List<int>(readings.Length);
                for (int i = start; i < readings.Length && readings[i] > 2300; i++)
                    run.Add(readings[i]);
                best = Math.Max(best, run.Count);
            }

            return best;
        }
    }
}
