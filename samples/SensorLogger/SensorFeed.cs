using System.Collections.Generic;

namespace SensorLogger
{
    /// <summary>Bytes as a temperature sensor would send them, with one corrupted frame.</summary>
    public static class SensorFeed
    {
        public static byte[] Create(int frames)
        {
            var bytes = new List<byte>(frames * 6);
            for (int seq = 0; seq < frames; seq++)
            {
                int centi = 2150 + seq * 37;
                byte id = (byte)(1 + seq % 2), high = (byte)(centi >> 8), low = (byte)centi, sequence = (byte)seq;
                byte checksum = (byte)(0xA5 ^ id ^ high ^ low ^ sequence);
                if (seq == 5)
                    low ^= 0x40;
                bytes.Add(0xA5);
                bytes.Add(id);
                bytes.Add(high);
                bytes.Add(low);
                bytes.Add(sequence);
                bytes.Add(checksum);
            }

            return bytes.ToArray();
        }
    }
}
