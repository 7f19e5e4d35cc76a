using System.IO;

namespace SensorLogger
{
    /// <summary>
    /// Stands in for a UART driver (SerialPort on a desktop, a board's serial device on a microcontroller):
    /// a byte stream the firmware reads into its own buffer and writes frames to.
    /// </summary>
    public sealed class SimulatedUart
    {
        private readonly MemoryStream _rx;
        private readonly MemoryStream _tx = new MemoryStream();

        public SimulatedUart(byte[] incoming)
        {
            _rx = new MemoryStream(incoming);
        }

        public int BytesToRead => (int)(_rx.Length - _rx.Position);

        public long BytesWritten => _tx.Length;

        public int Read(byte[] buffer, int offset, int count) => _rx.Read(buffer, offset, count);

        public void Write(byte[] buffer, int offset, int count) => _tx.Write(buffer, offset, count);
    }
}
