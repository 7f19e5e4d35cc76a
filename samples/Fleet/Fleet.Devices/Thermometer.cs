using System.IO;

namespace Fleet.Devices
{
    /// <summary>Reads 4-byte temperature frames (centidegrees, little-endian) from a stream.</summary>
    public sealed class Thermometer
    {
        private readonly Stream _port;

        public Thermometer(Stream port)
        {
            _port = port;
        }

        /// <summary>The average of the next <paramref name="samples"/> readings, in centidegrees.</summary>
        public int Average(int samples)
        {
            int sum = 0;
            for (int i = 0; i < samples; i++)
            {
                var frame = new byte[4];
                int read = _port.Read(frame, 0, frame.Length);
                if (read < frame.Length)
                    break;
                sum += frame[0] | (frame[1] << 8) | (frame[2] << 16) | (frame[3] << 24);
            }

            return samples == 0 ? 0 : sum / samples;
        }
    }
}
