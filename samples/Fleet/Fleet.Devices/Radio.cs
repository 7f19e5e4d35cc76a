using System;
using System.IO;

namespace Fleet.Devices
{
    /// <summary>Frames readings as packets: a 2-byte id, then the value.</summary>
    public sealed class Radio
    {
        private readonly Stream _air;

        public Radio(Stream air)
        {
            _air = air;
        }

        /// <summary>Sends each reading as a packet and returns the number of bytes sent.</summary>
        public int SendAll(int[] readings)
        {
            int sent = 0;
            for (int i = 0; i < readings.Length; i++)
            {
                var value = BitConverter.GetBytes(readings[i]);
                _air.WriteByte((byte)i);
                _air.WriteByte((byte)(i >> 8));
                _air.Write(value, 0, value.Length);
                sent += 2 + value.Length;
            }

            return sent;
        }

        /// <summary>Drains a serial port into the air, a line at a time.</summary>
        public int Relay(ISerial serial, int lines)
        {
            int total = 0;
            for (int i = 0; i < lines; i++)
            {
                var line = new byte[16];
                int read = serial.Read(line, 0, line.Length);
                _air.Write(line, 0, read);
                total += read;
            }

            return total;
        }
    }
}
