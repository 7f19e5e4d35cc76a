using System;
using System.IO;
using System.Text;
using Fleet.Devices;

namespace Fleet.Gateway
{
    public static class Program
    {
        public static void Main()
        {
            var readings = new MemoryStream();
            for (int i = 0; i < 64; i++)
                readings.Write(BitConverter.GetBytes(2000 + (i * 7 % 50)), 0, 4);
            readings.Position = 0;

            var thermometer = new Thermometer(readings);
            var air = new MemoryStream();
            var radio = new Radio(air);
            var serial = new LoopbackSerial("gateway ok\n");

            for (int round = 0; round < 4; round++)
            {
                int average = thermometer.Average(16);
                int sent = radio.SendAll(new[] { average, round });
                int relayed = radio.Relay(serial, 2);
                Report(round, average, sent + relayed);
            }

            Console.WriteLine("air bytes: " + air.Length + ", checksum: " + Checksum(air.ToArray()));
        }

        /// <summary>Logs one round; called from the main loop, so once per round.</summary>
        private static void Report(int round, int average, int bytes)
        {
            var line = Encoding.ASCII.GetBytes("round " + round + ": " + (average / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " C, " + bytes + " bytes\n");
            Console.Out.Write(Encoding.ASCII.GetString(line, 0, line.Length));
        }

        private static int Checksum(byte[] data)
        {
            int sum = 0;
            foreach (var b in data)
                sum = (sum * 31 + b) & 0xFFFF;
            return sum;
        }
    }

    /// <summary>A serial port that answers every read with the same text.</summary>
    internal sealed class LoopbackSerial : ISerial
    {
        private readonly byte[] _text;

        public LoopbackSerial(string text)
        {
            _text = Encoding.ASCII.GetBytes(text);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _text.Length);
            Array.Copy(_text, 0, buffer, offset, n);
            return n;
        }
    }
}
