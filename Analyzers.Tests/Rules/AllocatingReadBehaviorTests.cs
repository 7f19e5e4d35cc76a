using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002 fixes on net10.0, proven by execution: each program is compiled and run before and after the fix, and
/// must print the same output, return the same value and throw the same exception.
/// </summary>
public class AllocatingReadBehaviorTests
{
    [Fact]
    public async Task BitConverter_Declaration_TryWriteBytesIntoHoistedBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        for (int i = -2; i < 3; i++)
                        {
                            // Little-endian sample.
                            var bytes = [|BitConverter.GetBytes(i * 100000)|];
                            port.Write(bytes, 0, bytes.Length);
                            Console.WriteLine(bytes.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.GetBuffer(), 0, (int)port.Length));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var bytes = new byte[4];

                        for (int i = -2; i < 3; i++)
                        {
                            // Little-endian sample.
                            BitConverter.TryWriteBytes(bytes, i * 100000);
                            port.Write(bytes, 0, bytes.Length);
                            Console.WriteLine(bytes.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.GetBuffer(), 0, (int)port.Length));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
            CodeActionEquivalenceKey = AllocatingReadFixer.ReadIntoKey,
        }.RunAsync();
    }

    [Fact]
    public async Task BitConverter_Inline_SpanWriteGetsAHoistedBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var readings = new double[] { 1.5, -0.25, 1e300 };
                        foreach (var reading in readings)
                            port.Write([|BitConverter.GetBytes(reading)|]);
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var readings = new double[] { 1.5, -0.25, 1e300 };
                        var buffer = new byte[8];

                        foreach (var reading in readings)
                        {
                            BitConverter.TryWriteBytes(buffer, reading);
                            port.Write(buffer);
                        }

                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task Guid_DeclarationAndInline_TryWriteBytes()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Main()
                    {
                        var ids = new[] { new Guid("00112233-4455-6677-8899-aabbccddeeff"), Guid.Empty, new Guid("0f0e0d0c-0b0a-0908-0706-050403020100") };
                        var log = new MemoryStream();
                        int sum = 0;
                        foreach (var id in ids)
                        {
                            var raw = [|id.ToByteArray()|];
                            foreach (var b in raw) sum = sum * 31 + b;
                            log.Write([|id.ToByteArray()|], 0, 16);
                        }
                        Console.WriteLine(Convert.ToHexString(log.ToArray()));
                        return sum;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Main()
                    {
                        var ids = new[] { new Guid("00112233-4455-6677-8899-aabbccddeeff"), Guid.Empty, new Guid("0f0e0d0c-0b0a-0908-0706-050403020100") };
                        var log = new MemoryStream();
                        int sum = 0;
                        var raw = new byte[16];
                        var buffer = new byte[16];

                        foreach (var id in ids)
                        {
                            id.TryWriteBytes(raw);
                            foreach (var b in raw) sum = sum * 31 + b;
                            id.TryWriteBytes(buffer);
                            log.Write(buffer, 0, 16);
                        }
                        Console.WriteLine(Convert.ToHexString(log.ToArray()));
                        return sum;
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task EncodingGetBytes_ToWrite_GrowsOneBufferAndWritesTheCount()
    {
        // Long line first, then shorter ones: the buffer is larger than the bytes, and only the count is written.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var lines = new[] { "temperature=21.5C", "ok", "", "h\u00e9llo \u20ac" };
                        var port = new MemoryStream();
                        foreach (var line in lines)
                        {
                            var payload = [|Encoding.UTF8.GetBytes(line)|];
                            port.Write(payload, 0, payload.Length);
                            port.Write(payload);
                            Console.WriteLine(payload.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var lines = new[] { "temperature=21.5C", "ok", "", "h\u00e9llo \u20ac" };
                        var port = new MemoryStream();
                        var payload = Array.Empty<byte>();

                        foreach (var line in lines)
                        {
                            int payloadLength = Encoding.UTF8.GetByteCount(line);
                            if (payload.Length < payloadLength) payload = new byte[payloadLength];
                            Encoding.UTF8.GetBytes(line, 0, line.Length, payload, 0);
                            port.Write(payload, 0, payloadLength);
                            port.Write(payload, 0, payloadLength);
                            Console.WriteLine(payloadLength);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task EncodingGetBytes_CountKeptInALocalOrLess_TheCountProducedReplacesLength()
    {
        // Issue #11: the count goes on in a local (`Write(bytes, 0, n)`) or a shorter count is written; the empty line
        // last makes `Length - 1` negative, which must still throw the same exception on the larger reused buffer.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var lines = new[] { "temperature=21.5C", "ok", "h\u00e9llo \u20ac", "" };
                        var port = new MemoryStream();
                        foreach (var line in lines)
                        {
                            var bytes = [|Encoding.UTF8.GetBytes(line)|];
                            int n = bytes.Length;
                            port.Write(bytes, 0, n);
                            try
                            {
                                port.Write(bytes, 0, bytes.Length - 1);
                            }
                            catch (ArgumentOutOfRangeException e)
                            {
                                Console.WriteLine("short: " + e.ParamName);
                            }
                            int sum = 0;
                            for (int i = 0; i < bytes.Length; i++)
                                sum += bytes[i];
                            Console.WriteLine(n + " " + sum);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var lines = new[] { "temperature=21.5C", "ok", "h\u00e9llo \u20ac", "" };
                        var port = new MemoryStream();
                        var bytes = Array.Empty<byte>();

                        foreach (var line in lines)
                        {
                            int bytesLength = Encoding.UTF8.GetByteCount(line);
                            if (bytes.Length < bytesLength) bytes = new byte[bytesLength];
                            Encoding.UTF8.GetBytes(line, 0, line.Length, bytes, 0);
                            int n = bytesLength;
                            port.Write(bytes, 0, n);
                            try
                            {
                                port.Write(bytes, 0, bytesLength - 1);
                            }
                            catch (ArgumentOutOfRangeException e)
                            {
                                Console.WriteLine("short: " + e.ParamName);
                            }
                            int sum = 0;
                            for (int i = 0; i < bytesLength; i++)
                                sum += bytes[i];
                            Console.WriteLine(n + " " + sum);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task EncodingGetBytes_FromCharArray()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static string Run()
                    {
                        var port = new MemoryStream();
                        var encoding = Encoding.ASCII;
                        for (int n = 3; n >= 0; n--)
                        {
                            var chars = [|new string('x', n).ToCharArray()|];
                            var frame = [|encoding.GetBytes(chars)|];
                            port.Write(frame, 0, frame.Length);
                        }
                        return Convert.ToHexString(port.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static string Run()
                    {
                        var port = new MemoryStream();
                        var encoding = Encoding.ASCII;
                        var frame = Array.Empty<byte>();

                        for (int n = 3; n >= 0; n--)
                        {
                            var chars = [|new string('x', n).ToCharArray()|];
                            int frameLength = encoding.GetByteCount(chars);
                            if (frame.Length < frameLength) frame = new byte[frameLength];
                            encoding.GetBytes(chars, 0, chars.Length, frame, 0);
                            port.Write(frame, 0, frameLength);
                        }
                        return Convert.ToHexString(port.ToArray());
                    }
                }
                """,
            // ToCharArray is reported too, without a fix: its receiver is not a simple variable.
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task MemoryStreamToArray_ToWrite_WritesTheStreamsOwnBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var output = new MemoryStream();
                        for (int i = 1; i <= 3; i++)
                        {
                            var frame = new MemoryStream(64);
                            for (int j = 0; j < i; j++) frame.WriteByte((byte)(i * 16 + j));
                            frame.Position = 0;
                            var data = [|frame.ToArray()|];
                            output.Write(data, 0, data.Length);
                            output.Write([|frame.ToArray()|]);
                        }
                        Console.WriteLine(Convert.ToHexString(output.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var output = new MemoryStream();
                        for (int i = 1; i <= 3; i++)
                        {
                            var frame = new MemoryStream(64);
                            for (int j = 0; j < i; j++) frame.WriteByte((byte)(i * 16 + j));
                            frame.Position = 0;
                            output.Write(frame.GetBuffer(), 0, (int)frame.Length);
                            output.Write(frame.GetBuffer(), 0, (int)frame.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(output.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ReadBytes_ShortReadAtEndKeepsItsLength()
    {
        // 10 bytes read 4 at a time: 4, 4, then 2 at the end of the stream, then 0.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    const int ChunkSize = 4;

                    static void Main()
                    {
                        var reader = new BinaryReader(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
                        var copy = new MemoryStream();
                        while (true)
                        {
                            var chunk = [|reader.ReadBytes(ChunkSize)|];
                            if (chunk.Length == 0) break;
                            copy.Write(chunk, 0, chunk.Length);
                            Console.WriteLine(chunk.Length + ": " + BitConverter.ToString(chunk, 0, chunk.Length));
                        }
                        Console.WriteLine(copy.Length);
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    const int ChunkSize = 4;

                    static void Main()
                    {
                        var reader = new BinaryReader(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
                        var copy = new MemoryStream();
                        var chunk = new byte[4];

                        while (true)
                        {
                            int chunkLength = 0;
                            while (chunkLength < ChunkSize)
                            {
                                int chunkRead = reader.Read(chunk, chunkLength, ChunkSize - chunkLength);
                                if (chunkRead == 0)
                                    break;
                                chunkLength += chunkRead;
                            }
                            if (chunkLength == 0) break;
                            copy.Write(chunk, 0, chunkLength);
                            Console.WriteLine(chunkLength + ": " + BitConverter.ToString(chunk, 0, chunkLength));
                        }
                        Console.WriteLine(copy.Length);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ReadBytes_TricklingStreamStillFillsTheCount()
    {
        // A stream that hands out one byte per Read: ReadBytes loops until the count, and so must the fix.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                sealed class Trickle : MemoryStream
                {
                    public Trickle(byte[] data) : base(data) { }
                    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
                    public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, 1)));
                }

                static class Program
                {
                    static string Run()
                    {
                        var reader = new BinaryReader(new Trickle(new byte[] { 10, 20, 30, 40, 50, 60, 70 }));
                        string log = "";
                        for (int frame = 0; frame < 4; frame++)
                        {
                            var bytes = [|reader.ReadBytes(3)|];
                            log += bytes.Length + "=" + Convert.ToHexString(bytes, 0, bytes.Length) + ";";
                        }
                        return log;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                sealed class Trickle : MemoryStream
                {
                    public Trickle(byte[] data) : base(data) { }
                    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
                    public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, 1)));
                }

                static class Program
                {
                    static string Run()
                    {
                        var reader = new BinaryReader(new Trickle(new byte[] { 10, 20, 30, 40, 50, 60, 70 }));
                        string log = "";
                        var bytes = new byte[3];

                        for (int frame = 0; frame < 4; frame++)
                        {
                            int bytesLength = 0;
                            while (bytesLength < 3)
                            {
                                int bytesRead = reader.Read(bytes, bytesLength, 3 - bytesLength);
                                if (bytesRead == 0)
                                    break;
                                bytesLength += bytesRead;
                            }
                            log += bytesLength + "=" + Convert.ToHexString(bytes, 0, bytesLength) + ";";
                        }
                        return log;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task StringToCharArray_CopiesIntoAGrowingBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var words = new[] { "sensor", "ok", "", "temperature" };
                        foreach (var word in words)
                        {
                            var chars = [|word.ToCharArray()|];
                            Array.Reverse(chars, 0, chars.Length);
                            Console.WriteLine(new string(chars, 0, chars.Length) + "/" + chars.Length);
                        }
                    }
                }
                """,
            FixedCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var words = new[] { "sensor", "ok", "", "temperature" };
                        var chars = Array.Empty<char>();

                        foreach (var word in words)
                        {
                            int charsLength = word.Length;
                            if (chars.Length < charsLength) chars = new char[charsLength];
                            word.CopyTo(0, chars, 0, charsLength);
                            Array.Reverse(chars, 0, charsLength);
                            Console.WriteLine(new string(chars, 0, charsLength) + "/" + charsLength);
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task NestedLoops_BufferGoesBeforeTheOutermostAndNamesDoNotCollide()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        for (int row = 0; row < 3; row++)
                        {
                            for (int col = 0; col < 2; col++)
                            {
                                var bytes = [|BitConverter.GetBytes((short)(row * 10 + col))|];
                                port.Write(bytes, 0, bytes.Length);
                            }
                        }
                        {
                            var bytes = port.ToArray();
                            Console.WriteLine(Convert.ToHexString(bytes));
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var bytes1 = new byte[2];

                        for (int row = 0; row < 3; row++)
                        {
                            for (int col = 0; col < 2; col++)
                            {
                                BitConverter.TryWriteBytes(bytes1, (short)(row * 10 + col));
                                port.Write(bytes1, 0, bytes1.Length);
                            }
                        }
                        {
                            var bytes = port.ToArray();
                            Console.WriteLine(Convert.ToHexString(bytes));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task StringToCharArray_IndexedBelowLengthInAForLoop()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var words = new[] { "temperature", "ok", "", "humidity" };
                        foreach (var word in words)
                        {
                            var chars = [|word.ToCharArray()|];
                            for (int i = 0; i < chars.Length; i += 2)
                                chars[i] = char.ToUpperInvariant(chars[i]);
                            Console.WriteLine(new string(chars, 0, chars.Length));
                        }
                    }
                }
                """,
            FixedCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var words = new[] { "temperature", "ok", "", "humidity" };
                        var chars = Array.Empty<char>();

                        foreach (var word in words)
                        {
                            int charsLength = word.Length;
                            if (chars.Length < charsLength) chars = new char[charsLength];
                            word.CopyTo(0, chars, 0, charsLength);
                            for (int i = 0; i < charsLength; i += 2)
                                chars[i] = char.ToUpperInvariant(chars[i]);
                            Console.WriteLine(new string(chars, 0, charsLength));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task EncodingGetBytes_CastArgumentIsParenthesisedBeforeLength()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        object[] items = { "alpha", "be", "gamma-ray" };
                        var port = new MemoryStream();
                        foreach (var item in items)
                        {
                            var data = [|Encoding.ASCII.GetBytes((string)item)|];
                            port.Write(data, 0, data.Length);
                        }
                        Console.WriteLine(Encoding.ASCII.GetString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        object[] items = { "alpha", "be", "gamma-ray" };
                        var port = new MemoryStream();
                        var data = Array.Empty<byte>();

                        foreach (var item in items)
                        {
                            int dataLength = Encoding.ASCII.GetByteCount((string)item);
                            if (data.Length < dataLength) data = new byte[dataLength];
                            Encoding.ASCII.GetBytes((string)item, 0, ((string)item).Length, data, 0);
                            port.Write(data, 0, dataLength);
                        }
                        Console.WriteLine(Encoding.ASCII.GetString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task SameNameInTwoLoops_FixAllMatchesOneAtATime()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        for (int i = 0; i < 3; i++)
                        {
                            var bytes = [|BitConverter.GetBytes(i)|];
                            port.Write(bytes, 0, bytes.Length);
                        }
                        for (long j = 5; j > 0; j -= 2)
                        {
                            var bytes = [|BitConverter.GetBytes(j)|];
                            port.Write(bytes, 0, bytes.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var bytes1 = new byte[4];

                        for (int i = 0; i < 3; i++)
                        {
                            BitConverter.TryWriteBytes(bytes1, i);
                            port.Write(bytes1, 0, bytes1.Length);
                        }
                        var bytes = new byte[8];

                        for (long j = 5; j > 0; j -= 2)
                        {
                            BitConverter.TryWriteBytes(bytes, j);
                            port.Write(bytes, 0, bytes.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }
}
