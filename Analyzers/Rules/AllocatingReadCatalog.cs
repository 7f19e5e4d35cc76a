using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// FRAG002's catalogue: calls that return a new buffer, and the APIs that fill a caller's buffer instead.
    /// One row per allocating call; add a row to add an API. An entry is active only when its type is in the
    /// compilation, and it is reported only when one of its alternatives exists there too (the first that does is
    /// named in the message), so each target framework gets advice it can follow.
    /// </summary>
    internal static class AllocatingReadCatalog
    {
        /// <summary>Type names prefixed with this are matched by simple name, in any namespace, on the type or its bases and interfaces.</summary>
        public const string SimpleNamePrefix = "~";

        /// <summary>Method name that matches every method returning an array (device entries).</summary>
        public const string AnyArrayMethod = "*";

        // Parameter shapes: parameter types as C# spells them without namespaces, comma-separated ("byte[],int,int");
        // "*" matches one parameter of any type; null matches any parameter list; "" matches none.
        public static readonly ImmutableArray<AllocatingReadEntry> Entries = ImmutableArray.Create(
            // System.IO
            Entry("System.IO.BinaryReader", "ReadBytes", "int", AllocatingReadFixKinds.ReadBytes,
                Use("read into a reused buffer with 'Read(Span<byte>)'", null, "Read", "Span<byte>"),
                Use("read into a reused buffer with 'Read(byte[], int, int)'", null, "Read", "byte[],int,int")),
            Entry("System.IO.BinaryReader", "ReadChars", "int", null,
                Use("read into a reused buffer with 'Read(Span<char>)'", null, "Read", "Span<char>"),
                Use("read into a reused buffer with 'Read(char[], int, int)'", null, "Read", "char[],int,int")),
            Entry("System.IO.File", "ReadAllBytes", "string", null,
                Use("read with a FileStream into a reused buffer ('FileStream.Read(Span<byte>)')", "System.IO.FileStream", "Read", "Span<byte>"),
                Use("read with a FileStream into a reused buffer ('FileStream.Read(byte[], int, int)')", "System.IO.FileStream", "Read", "byte[],int,int")),
            Entry("System.IO.MemoryStream", "ToArray", "", AllocatingReadFixKinds.MemoryStreamBuffer,
                Use("use the stream's own buffer ('GetBuffer()' with 'Length', or 'TryGetBuffer'), or copy it out with 'CopyTo'", null, "TryGetBuffer", null),
                Use("use the stream's own buffer ('GetBuffer()' with 'Length'), or copy it out with 'WriteTo'", null, "GetBuffer", "")),

            // System.Text
            Entry("System.Text.Encoding", "GetBytes", "string", AllocatingReadFixKinds.EncodingGetBytes,
                Use("encode into a reused buffer with 'GetBytes(ReadOnlySpan<char>, Span<byte>)'", null, "GetBytes", "ReadOnlySpan<char>,Span<byte>"),
                Use("encode into a reused buffer with 'GetBytes(string, int, int, byte[], int)'", null, "GetBytes", "string,int,int,byte[],int")),
            Entry("System.Text.Encoding", "GetBytes", "char[]", AllocatingReadFixKinds.EncodingGetBytes,
                Use("encode into a reused buffer with 'GetBytes(ReadOnlySpan<char>, Span<byte>)'", null, "GetBytes", "ReadOnlySpan<char>,Span<byte>"),
                Use("encode into a reused buffer with 'GetBytes(char[], int, int, byte[], int)'", null, "GetBytes", "char[],int,int,byte[],int")),
            Entry("System.Text.Encoding", "GetBytes", "char[],int,int", null,
                Use("encode into a reused buffer with 'GetBytes(char[], int, int, byte[], int)'", null, "GetBytes", "char[],int,int,byte[],int")),
            Entry("System.Text.Encoding", "GetChars", "byte[]", null,
                Use("decode into a reused buffer with 'GetChars(ReadOnlySpan<byte>, Span<char>)'", null, "GetChars", "ReadOnlySpan<byte>,Span<char>"),
                Use("decode into a reused buffer with 'GetChars(byte[], int, int, char[], int)'", null, "GetChars", "byte[],int,int,char[],int")),
            Entry("System.Text.Encoding", "GetChars", "byte[],int,int", null,
                Use("decode into a reused buffer with 'GetChars(byte[], int, int, char[], int)'", null, "GetChars", "byte[],int,int,char[],int")),

            // System
            Entry("System.BitConverter", "GetBytes", "*", AllocatingReadFixKinds.BitConverterGetBytes,
                Use("write into a reused buffer with 'BitConverter.TryWriteBytes(Span<byte>, value)'", null, "TryWriteBytes", "Span<byte>,*"),
                Use("write into a reused buffer with " + BinaryPrimitivesWrite, "System.Buffers.Binary.BinaryPrimitives", "WriteInt32LittleEndian", null),
                Always("write the value's bytes into a reused byte[] (shifts and casts)")),
            Entry("System.Guid", "ToByteArray", "", AllocatingReadFixKinds.GuidToByteArray,
                Use("write into a reused buffer with 'Guid.TryWriteBytes(Span<byte>)'", null, "TryWriteBytes", "Span<byte>")),
            Entry("System.Convert", "FromBase64String", "string", null,
                Use("decode into a reused buffer with 'Convert.TryFromBase64String'", null, "TryFromBase64String", null)),
            Entry("System.Convert", "ToBase64String", null, null,
                Use("encode into a reused buffer with 'Convert.TryToBase64Chars'", null, "TryToBase64Chars", null),
                Use("encode into a reused buffer with 'Convert.ToBase64CharArray'", null, "ToBase64CharArray", null)),
            Entry("System.String", "ToCharArray", "", AllocatingReadFixKinds.StringToCharArray,
                Use("copy into a reused buffer with 'CopyTo(Span<char>)' (or 'AsSpan()')", null, "CopyTo", "Span<char>"),
                Use("copy into a reused buffer with 'CopyTo(int, char[], int, int)'", null, "CopyTo", "int,char[],int,int")),
            Entry("System.String", "ToCharArray", "int,int", null,
                Use("copy into a reused buffer with 'CopyTo(int, char[], int, int)'", null, "CopyTo", "int,char[],int,int")),
            Entry("System.Decimal", "GetBits", "decimal", null,
                Use("write into a reused buffer with 'decimal.GetBits(decimal, Span<int>)'", null, "GetBits", "decimal,Span<int>")),
            Entry("System.ArraySegment`1", "ToArray", "", null,
                Use("copy into a reused array with 'CopyTo(T[])'", null, "CopyTo", "T[]")),

            // Collections
            Entry("System.Collections.Generic.List`1", "ToArray", "", null,
                Use("copy into a reused array with 'CopyTo(T[])'", null, "CopyTo", "T[]")),
            Entry("System.Collections.Generic.Queue`1", "ToArray", "", null,
                Use("copy into a reused array with 'CopyTo(T[], int)'", null, "CopyTo", "T[],int")),
            Entry("System.Collections.Generic.Stack`1", "ToArray", "", null,
                Use("copy into a reused array with 'CopyTo(T[], int)'", null, "CopyTo", "T[],int")),
            Entry("System.Linq.Enumerable", "ToArray", null, null,
                Use("copy into a reused array ('CopyTo' on a collection, or a loop that fills it)", "System.Collections.Generic.ICollection`1", "CopyTo", "T[],int")),

            // Networking
            Entry("System.Net.Sockets.UdpClient", "Receive", "ref IPEndPoint", AllocatingReadFixKinds.UdpReceive,
                Use("receive into a reused buffer with 'Client.ReceiveFrom(byte[], ref EndPoint)' on the client's Socket", "System.Net.Sockets.Socket", "ReceiveFrom", "byte[],ref EndPoint")),
            Entry("System.Net.Sockets.UdpClient", "ReceiveAsync", "", null, allocates: "byte[]",
                Use("receive into a reused buffer with 'Client.ReceiveFromAsync(Memory<byte>, SocketFlags, EndPoint, CancellationToken)' on the client's Socket", "System.Net.Sockets.Socket", "ReceiveFromAsync", "Memory<byte>,SocketFlags,EndPoint,CancellationToken"),
                Use("receive into a reused buffer with 'Client.ReceiveFromAsync(ArraySegment<byte>, SocketFlags, EndPoint)' on the client's Socket", "System.Net.Sockets.Socket", "ReceiveFromAsync", "ArraySegment<byte>,SocketFlags,EndPoint")),
            Entry("System.Net.IPAddress", "GetAddressBytes", "", null,
                Use("write into a reused buffer with 'TryWriteBytes(Span<byte>, out int)'", null, "TryWriteBytes", "Span<byte>,out int")),
            Entry("System.Net.Http.HttpContent", "ReadAsByteArrayAsync", null, null,
                Use("read 'ReadAsStreamAsync()' into a reused buffer", null, "ReadAsStreamAsync", null)),
            Entry("System.Net.Http.HttpClient", "GetByteArrayAsync", null, null,
                Use("read 'GetStreamAsync(…)' into a reused buffer", null, "GetStreamAsync", null)),
            Entry("System.IO.Ports.SerialPort", "ReadExisting", "", null,
                Use("read into a reused buffer with 'Read(byte[], int, int)' or 'Read(char[], int, int)'", null, "Read", "byte[],int,int")),
            Entry("System.IO.Ports.SerialPort", "ReadLine", "", null,
                Use("read into a reused buffer with 'Read(byte[], int, int)' and find the line end there", null, "Read", "byte[],int,int")),
            // nanoFramework's SerialPort.ReadByte makes a new byte[1] per call (.NET's does not): the row is active only
            // where System.SpanByte, nanoFramework's mscorlib marker, exists.
            Entry("System.IO.Ports.SerialPort", "ReadByte", "", AllocatingReadFixKinds.SerialPortReadByte, allocates: "byte[1]",
                Use("read into a reused one-byte buffer with 'Read(byte[], 0, 1)' (nanoFramework's ReadByte allocates one per call)", "System.SpanByte", "Slice", "int")),

            // Cryptography and numerics
            Entry("System.Security.Cryptography.HashAlgorithm", "ComputeHash", "byte[]", null,
                Use("hash into a reused buffer with 'TryComputeHash(ReadOnlySpan<byte>, Span<byte>, out int)' (or the static 'HashData(source, destination)')", null, "TryComputeHash", null)),
            Entry("System.Security.Cryptography.HashAlgorithm", "ComputeHash", "byte[],int,int", null,
                Use("hash into a reused buffer with 'TryComputeHash(ReadOnlySpan<byte>, Span<byte>, out int)' (or the static 'HashData(source, destination)')", null, "TryComputeHash", null)),
            Entry("System.Security.Cryptography.RandomNumberGenerator", "GetBytes", "int", null,
                Use("fill a reused buffer with 'RandomNumberGenerator.Fill(Span<byte>)'", null, "Fill", "Span<byte>"),
                Use("fill a reused buffer with 'GetBytes(byte[])'", null, "GetBytes", "byte[]")),
            Entry("System.Numerics.BigInteger", "ToByteArray", null, null,
                Use("write into a reused buffer with 'TryWriteBytes(Span<byte>, out int, bool, bool)'", null, "TryWriteBytes", null)),

            // Device buses of small-device runtimes (System.Device.*, nanoFramework, Meadow, TinyCLR): any method that
            // returns an array, when the type has an overload or Read/Try/…Into sibling that fills a caller's buffer.
            Entry(SimpleNamePrefix + "I2cDevice", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "SpiDevice", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "I2cBus", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "SpiBus", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "II2cBus", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "ISpiBus", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "II2cPeripheral", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "ISpiPeripheral", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "SerialDevice", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "UartDevice", AnyArrayMethod, null, null, Sibling()),
            Entry(SimpleNamePrefix + "ISerialPort", AnyArrayMethod, null, null, Sibling()));

        private static AllocatingReadEntry Entry(string type, string method, string? shape, string? fix, params AllocatingReadAlternative[] alternatives)
            => new AllocatingReadEntry(type, method, shape, fix, null, ImmutableArray.Create(alternatives));

        /// <summary>A row whose result holds the new buffer (<paramref name="allocates"/>) rather than being it.</summary>
        private static AllocatingReadEntry Entry(string type, string method, string? shape, string? fix, string allocates, params AllocatingReadAlternative[] alternatives)
            => new AllocatingReadEntry(type, method, shape, fix, allocates, ImmutableArray.Create(alternatives));

        /// <summary>An alternative that needs <paramref name="method"/> (with that parameter shape) on <paramref name="type"/> (null: the entry's own type).</summary>
        /// <summary>In an advice, the BinaryPrimitives method for the value's type; <see cref="Specialize"/> names it.</summary>
        internal const string BinaryPrimitivesWrite = "{BinaryPrimitives.Write}";

        /// <summary>The advice for one overload: <c>'BinaryPrimitives.WriteInt32LittleEndian'</c> for <c>GetBytes(int)</c>.</summary>
        internal static string Specialize(string advice, IMethodSymbol method)
        {
            if (!advice.Contains(BinaryPrimitivesWrite))
                return advice;
            string write;
            switch (method.Parameters.Length == 1 ? method.Parameters[0].Type.SpecialType : SpecialType.None)
            {
                case SpecialType.System_Int16: write = "'BinaryPrimitives.WriteInt16LittleEndian'"; break;
                case SpecialType.System_UInt16:
                case SpecialType.System_Char: write = "'BinaryPrimitives.WriteUInt16LittleEndian'"; break;
                case SpecialType.System_Int32: write = "'BinaryPrimitives.WriteInt32LittleEndian'"; break;
                case SpecialType.System_UInt32: write = "'BinaryPrimitives.WriteUInt32LittleEndian'"; break;
                case SpecialType.System_Int64: write = "'BinaryPrimitives.WriteInt64LittleEndian'"; break;
                case SpecialType.System_UInt64: write = "'BinaryPrimitives.WriteUInt64LittleEndian'"; break;
                case SpecialType.System_Double: write = "'BinaryPrimitives.WriteInt64LittleEndian' of 'BitConverter.DoubleToInt64Bits(value)'"; break;
                case SpecialType.System_Single: write = "'BinaryPrimitives.WriteInt32LittleEndian' of 'BitConverter.SingleToInt32Bits(value)'"; break;
                case SpecialType.System_Boolean: return "write the value into a reused one-byte buffer ('buffer[0] = (byte)(value ? 1 : 0)')";
                default: write = "the 'BinaryPrimitives' write for the value's type"; break;
            }

            return advice.Replace(BinaryPrimitivesWrite, write);
        }

        private static AllocatingReadAlternative Use(string advice, string? type, string method, string? shape)
            => new AllocatingReadAlternative(advice, type, method, shape, isSibling: false);

        /// <summary>An alternative every target has.</summary>
        private static AllocatingReadAlternative Always(string advice)
            => new AllocatingReadAlternative(advice, null, null, null, isSibling: false);

        /// <summary>The alternative is looked for on the call's type: see <see cref="AllocatingReadSignatures.FindFillingSibling"/>.</summary>
        private static AllocatingReadAlternative Sibling()
            => new AllocatingReadAlternative(string.Empty, null, null, null, isSibling: true);
    }

    /// <summary>The fixes FRAG002 can offer; each is a fix kind in the diagnostic's properties and its own equivalence key.</summary>
    public static class AllocatingReadFixKinds
    {
        public const string BitConverterGetBytes = "BitConverterGetBytes";
        public const string GuidToByteArray = "GuidToByteArray";
        public const string EncodingGetBytes = "EncodingGetBytes";
        public const string MemoryStreamBuffer = "MemoryStreamBuffer";
        public const string ReadBytes = "ReadBytes";
        public const string StringToCharArray = "StringToCharArray";
        public const string SerialPortReadByte = "SerialPortReadByte";
        public const string UdpReceive = "UdpReceive";
    }

    /// <summary>One allocating call of the catalogue.</summary>
    internal sealed class AllocatingReadEntry
    {
        public AllocatingReadEntry(string type, string method, string? shape, string? fix, string? allocates, ImmutableArray<AllocatingReadAlternative> alternatives)
        {
            Allocates = allocates;
            Type = type;
            Method = method;
            Shape = shape;
            Fix = fix;
            Alternatives = alternatives;
        }

        /// <summary>Metadata name, or <see cref="AllocatingReadCatalog.SimpleNamePrefix"/> and a simple name.</summary>
        public string Type { get; }

        public string Method { get; }

        public string? Shape { get; }

        /// <summary>One of <see cref="AllocatingReadFixKinds"/>, or null when no fix is known.</summary>
        public string? Fix { get; }

        /// <summary>What the message says is allocated, when not the return type (a result that holds the new buffer).</summary>
        public string? Allocates { get; }

        /// <summary>In order of preference.</summary>
        public ImmutableArray<AllocatingReadAlternative> Alternatives { get; }

        public bool IsBySimpleName => Type.StartsWith(AllocatingReadCatalog.SimpleNamePrefix, System.StringComparison.Ordinal);
    }

    /// <summary>An API that fills a caller's buffer, and what must exist in the compilation to suggest it.</summary>
    internal sealed class AllocatingReadAlternative
    {
        public AllocatingReadAlternative(string advice, string? requiredType, string? requiredMethod, string? requiredShape, bool isSibling)
        {
            Advice = advice;
            RequiredType = requiredType;
            RequiredMethod = requiredMethod;
            RequiredShape = requiredShape;
            IsSibling = isSibling;
        }

        /// <summary>The second half of the message.</summary>
        public string Advice { get; }

        public string? RequiredType { get; }

        public string? RequiredMethod { get; }

        public string? RequiredShape { get; }

        public bool IsSibling { get; }
    }
}
