// Test stubs of the nanoFramework device libraries that the package source does not serve: System.Device.I2c,
// System.Device.Spi, System.IO.Ports, System.Device.Gpio and nanoFramework.Runtime.Native. Written from their public
// API (type names, namespaces, signatures, parameter names); the bodies are a deterministic simulation so that the
// same program can run on .NET for the behaviour check. Compiled by TestReferences against nanoFramework's mscorlib
// alone (and, for running on .NET, against net10.0 with TestSpanByte.cs), so it uses only what both have.
using System;

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }

    public struct I2cTransferResult
    {
        internal I2cTransferResult(I2cTransferStatus status, uint bytesTransferred)
        {
            Status = status;
            BytesTransferred = bytesTransferred;
        }

        public uint BytesTransferred { get; }

        public I2cTransferStatus Status { get; }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress)
            : this(busId, deviceAddress, I2cBusSpeed.StandardMode)
        {
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }

        public int BusId { get; }

        public int DeviceAddress { get; }

        public I2cBusSpeed BusSpeed { get; }
    }

    public class I2cDevice : IDisposable
    {
        private int _next;

        public I2cDevice(I2cConnectionSettings settings)
        {
            ConnectionSettings = settings;
            _next = settings.DeviceAddress;
        }

        public I2cConnectionSettings ConnectionSettings { get; }

        public static I2cDevice Create(I2cConnectionSettings settings) => new I2cDevice(settings);

        /// <summary>Simulation: each byte read is the next value of a counter that starts at the device address.</summary>
        public byte ReadByte() => (byte)_next++;

        public I2cTransferResult Read(SpanByte buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ReadByte();
            }

            return new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)buffer.Length);
        }

        /// <summary>Simulation: a written byte moves the counter on by its value.</summary>
        public I2cTransferResult WriteByte(byte value)
        {
            _next += value;
            return new I2cTransferResult(I2cTransferStatus.FullTransfer, 1);
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                WriteByte(buffer[i]);
            }

            return new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)buffer.Length);
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            Write(writeBuffer);
            Read(readBuffer);
            return new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)(writeBuffer.Length + readBuffer.Length));
        }

        public void Dispose()
        {
        }
    }
}

namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0,
        Mode1,
        Mode2,
        Mode3,
    }

    public enum DataFlow
    {
        MsbFirst,
        LsbFirst,
    }

    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine)
        {
            BusId = busId;
            ChipSelectLine = chipSelectLine;
        }

        public int BusId { get; }

        public int ChipSelectLine { get; }

        public SpiMode Mode { get; set; }

        public int DataBitLength { get; set; } = 8;

        public int ClockFrequency { get; set; } = 500000;

        public DataFlow DataFlow { get; set; }
    }

    public class SpiDevice : IDisposable
    {
        private int _last;

        public SpiDevice(SpiConnectionSettings settings)
        {
            ConnectionSettings = settings;
            _last = settings.ChipSelectLine;
        }

        public SpiConnectionSettings ConnectionSettings { get; }

        public static SpiDevice Create(SpiConnectionSettings settings) => new SpiDevice(settings);

        /// <summary>Simulation: each byte shifted in is the byte shifted out before it, plus one.</summary>
        public byte ReadByte() => (byte)(_last + 1);

        public void WriteByte(byte value) => _last = value;

        public void Read(SpanByte buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ReadByte();
                _last = buffer[i];
            }
        }

        public void Write(SpanByte buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                WriteByte(buffer[i]);
            }
        }

        public void Read(ushort[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (ushort)(_last + 1);
                _last = buffer[i];
            }
        }

        public void Write(ushort[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                _last = buffer[i];
            }
        }

        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer)
        {
            for (int i = 0; i < writeBuffer.Length && i < readBuffer.Length; i++)
            {
                readBuffer[i] = (byte)(_last + 1);
                _last = writeBuffer[i];
            }
        }

        public void TransferFullDuplex(ushort[] writeBuffer, ushort[] readBuffer)
        {
            for (int i = 0; i < writeBuffer.Length && i < readBuffer.Length; i++)
            {
                readBuffer[i] = (ushort)(_last + 1);
                _last = writeBuffer[i];
            }
        }

        public void Dispose()
        {
        }
    }
}

namespace System.IO.Ports
{
    public enum Parity
    {
        None,
        Odd,
        Even,
        Mark,
        Space,
    }

    public enum StopBits
    {
        None,
        One,
        Two,
        OnePointFive,
    }

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }

    /// <summary>
    /// Simulation: the port receives "line0\nline1\n…" without end; BytesToRead is what is left of the current
    /// line. ReadByte, ReadExisting and ReadLine allocate as nanoFramework's do (ReadByte a new byte[1] per call).
    /// </summary>
    public class SerialPort : IDisposable
    {
        private const int LineLength = 6;
        private int _position;
        private bool _opened;
        private string _newLine = "\n";

        public SerialPort(string portName)
            : this(portName, 9600, Parity.None, 8, StopBits.One)
        {
        }

        public SerialPort(string portName, int baudRate)
            : this(portName, baudRate, Parity.None, 8, StopBits.One)
        {
        }

        public SerialPort(string portName, int baudRate, Parity parity, int dataBits, StopBits stopBits)
        {
            PortName = portName;
            BaudRate = baudRate;
            Parity = parity;
            DataBits = dataBits;
            StopBits = stopBits;
        }

        public string PortName { get; }

        public int BaudRate { get; set; }

        public Parity Parity { get; set; }

        public int DataBits { get; set; }

        public StopBits StopBits { get; set; }

        public Handshake Handshake { get; set; }

        public int ReadTimeout { get; set; } = -1;

        public int WriteTimeout { get; set; } = -1;

        public bool IsOpen => _opened;

        public string NewLine
        {
            get => _newLine;
            set => _newLine = value;
        }

        public int BytesToRead => LineLength - (_position % LineLength);

        public void Open() => _opened = true;

        public void Close() => _opened = false;

        public int Read(byte[] buffer, int offset, int count)
        {
            if (!_opened)
            {
                throw new InvalidOperationException();
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = NextByte();
            }

            return count;
        }

        public int ReadByte()
        {
            byte[] toRead = new byte[1];
            Read(toRead, 0, 1);
            return toRead[0];
        }

        public string ReadExisting()
        {
            int count = BytesToRead;
            char[] text = new char[count];
            for (int i = 0; i < count; i++)
            {
                text[i] = (char)NextByte();
            }

            return new string(text);
        }

        public string ReadLine()
        {
            string line = ReadExisting();
            return line.Substring(0, line.Length - 1);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (!_opened)
            {
                throw new InvalidOperationException();
            }
        }

        public void Write(string text)
        {
        }

        public void WriteLine(string text)
        {
        }

        public void DiscardInBuffer() => _position += BytesToRead;

        public void Dispose() => _opened = false;

        private byte NextByte()
        {
            int inLine = _position % LineLength;
            int line = _position / LineLength;
            _position++;
            if (inLine == LineLength - 1)
            {
                return (byte)'\n';
            }

            return inLine < 4 ? (byte)"line"[inLine] : (byte)('0' + line % 10);
        }
    }
}

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        Output,
        InputPullDown,
        InputPullUp,
    }

    public enum PinValue
    {
        Low = 0,
        High = 1,
    }

    public class GpioPin : IDisposable
    {
        private PinValue _value;

        internal GpioPin(int pinNumber, PinMode mode)
        {
            PinNumber = pinNumber;
            PinMode = mode;
        }

        public int PinNumber { get; }

        public PinMode PinMode { get; private set; }

        public void SetPinMode(PinMode value) => PinMode = value;

        public PinValue Read() => _value;

        public void Write(PinValue value) => _value = value;

        public void Toggle() => _value = _value == PinValue.High ? PinValue.Low : PinValue.High;

        public void Dispose()
        {
        }
    }

    public class GpioController : IDisposable
    {
        public GpioPin OpenPin(int pinNumber, PinMode mode) => new GpioPin(pinNumber, mode);

        public void Dispose()
        {
        }
    }
}

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        /// <summary>Simulation: a fixed amount of free memory.</summary>
        public static uint Run(bool compactHeap) => 64 * 1024;

        public static void EnableGCMessages(bool enable)
        {
        }
    }
}
