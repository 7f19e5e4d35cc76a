using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002 fixes on C# 7.3 against netstandard2.0 (no Span&lt;T&gt;, no BitConverter.TryWriteBytes): the fixes emit
/// array code that compiles there, and the fixed programs behave the same.
/// </summary>
public class AllocatingReadCSharp73Tests
{
    private static VerifyCS.Test Create(string source, string? fixedSource, string? entryPoint = null) => new()
    {
        TestCode = source,
        FixedCode = fixedSource!, // null: no fixed code to compare
        LanguageVersion = LanguageVersion.CSharp7_3,
        ReferenceAssemblies = TestReferences.NetStandard20,
        BehaviorEntryPoint = entryPoint,
    };

    [Fact]
    public async Task BitConverter_IntegersAndDouble_ShiftedIntoAHoistedBuffer()
    {
        await Create("""
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    var values = new[] { 0, 1, -1, int.MaxValue, int.MinValue, 0x12345678 };
                    foreach (var v in values)
                    {
                        var raw = [|BitConverter.GetBytes(v)|];
                        port.Write(raw, 0, raw.Length);
                        var wide = [|BitConverter.GetBytes((ulong)v * 3UL)|];
                        port.Write(wide, 0, wide.Length);
                        var real = [|BitConverter.GetBytes(v / 7.0)|];
                        port.Write(real, 0, real.Length);
                        var flag = [|BitConverter.GetBytes(v > 0)|];
                        port.Write(flag, 0, flag.Length);
                        var letter = [|BitConverter.GetBytes((char)('A' + (v & 7)))|];
                        port.Write(letter, 0, letter.Length);
                    }
                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    var values = new[] { 0, 1, -1, int.MaxValue, int.MinValue, 0x12345678 };
                    var raw = new byte[4];
                    var wide = new byte[8];
                    var real = new byte[8];
                    var flag = new byte[1];
                    var letter = new byte[2];

                    foreach (var v in values)
                    {
                        long rawBits = v;
                        raw[0] = (byte)(rawBits & 0xFF);
                        raw[1] = (byte)((rawBits >> 8) & 0xFF);
                        raw[2] = (byte)((rawBits >> 16) & 0xFF);
                        raw[3] = (byte)((rawBits >> 24) & 0xFF);
                        if (!BitConverter.IsLittleEndian) Array.Reverse(raw);
                        port.Write(raw, 0, raw.Length);
                        ulong wideBits = (ulong)v * 3UL;
                        wide[0] = (byte)(wideBits & 0xFF);
                        wide[1] = (byte)((wideBits >> 8) & 0xFF);
                        wide[2] = (byte)((wideBits >> 16) & 0xFF);
                        wide[3] = (byte)((wideBits >> 24) & 0xFF);
                        wide[4] = (byte)((wideBits >> 32) & 0xFF);
                        wide[5] = (byte)((wideBits >> 40) & 0xFF);
                        wide[6] = (byte)((wideBits >> 48) & 0xFF);
                        wide[7] = (byte)((wideBits >> 56) & 0xFF);
                        if (!BitConverter.IsLittleEndian) Array.Reverse(wide);
                        port.Write(wide, 0, wide.Length);
                        long realBits = BitConverter.DoubleToInt64Bits(v / 7.0);
                        real[0] = (byte)(realBits & 0xFF);
                        real[1] = (byte)((realBits >> 8) & 0xFF);
                        real[2] = (byte)((realBits >> 16) & 0xFF);
                        real[3] = (byte)((realBits >> 24) & 0xFF);
                        real[4] = (byte)((realBits >> 32) & 0xFF);
                        real[5] = (byte)((realBits >> 40) & 0xFF);
                        real[6] = (byte)((realBits >> 48) & 0xFF);
                        real[7] = (byte)((realBits >> 56) & 0xFF);
                        if (!BitConverter.IsLittleEndian) Array.Reverse(real);
                        port.Write(real, 0, real.Length);
                        flag[0] = (byte)((v > 0) ? 1 : 0);
                        port.Write(flag, 0, flag.Length);
                        ulong letterBits = (char)('A' + (v & 7));
                        letter[0] = (byte)(letterBits & 0xFF);
                        letter[1] = (byte)((letterBits >> 8) & 0xFF);
                        if (!BitConverter.IsLittleEndian) Array.Reverse(letter);
                        port.Write(letter, 0, letter.Length);
                    }
                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, "Device.Run").RunAsync();
    }

    [Fact]
    public async Task BitConverter_Inline_EmbeddedStatementBecomesABlock()
    {
        await Create("""
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    for (short s = -3; s < 3; s++)
                        port.Write([|BitConverter.GetBytes(s)|], 0, 2);
                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    var buffer = new byte[2];

                    for (short s = -3; s < 3; s++)
                    {
                        long bufferBits = s;
                        buffer[0] = (byte)(bufferBits & 0xFF);
                        buffer[1] = (byte)((bufferBits >> 8) & 0xFF);
                        if (!BitConverter.IsLittleEndian) Array.Reverse(buffer);
                        port.Write(buffer, 0, 2);
                    }

                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, "Device.Run").RunAsync();
    }

    [Fact]
    public async Task BitConverter_FloatWithoutSingleToInt32Bits_ReportedWithoutFix()
    {
        var test = Create("""
            using System;
            using System.IO;

            public static class Device
            {
                public static void Run(Stream port, float[] values)
                {
                    foreach (var v in values)
                    {
                        var raw = [|BitConverter.GetBytes(v)|];
                        port.Write(raw, 0, raw.Length);
                    }
                }
            }
            """, null);
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        await test.RunAsync();
    }

    [Fact]
    public async Task EncodingReadBytesToCharArrayAndMemoryStream_ArrayCode()
    {
        // Fix All applies one kind of fix (one equivalence key) at a time: here the first one's, ReadBytes.
        var test = Create("""
            using System;
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    var input = new BinaryReader(new MemoryStream(Encoding.ASCII.GetBytes("AT+OK\r\nAT+ERR\r\n")));
                    var port = new MemoryStream();
                    var log = new StringBuilder();
                    for (int i = 0; i < 5; i++)
                    {
                        var chunk = [|input.ReadBytes(6)|];
                        port.Write(chunk, 0, chunk.Length);
                        var text = Encoding.ASCII.GetString(chunk, 0, chunk.Length);
                        var letters = [|text.ToCharArray()|];
                        Array.Reverse(letters, 0, letters.Length);
                        log.Append(letters, 0, letters.Length).Append('|');
                        var echo = [|Encoding.UTF8.GetBytes(text)|];
                        port.Write(echo, 0, echo.Length);
                        var frame = new MemoryStream();
                        frame.WriteByte((byte)i);
                        var framed = [|frame.ToArray()|];
                        port.Write(framed, 0, framed.Length);
                    }
                    return log + BitConverter.ToString(port.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    var input = new BinaryReader(new MemoryStream(Encoding.ASCII.GetBytes("AT+OK\r\nAT+ERR\r\n")));
                    var port = new MemoryStream();
                    var log = new StringBuilder();
                    var chunk = new byte[6];
                    var letters = Array.Empty<char>();
                    var echo = Array.Empty<byte>();

                    for (int i = 0; i < 5; i++)
                    {
                        int chunkLength = 0;
                        while (chunkLength < 6)
                        {
                            int chunkRead = input.Read(chunk, chunkLength, 6 - chunkLength);
                            if (chunkRead == 0)
                                break;
                            chunkLength += chunkRead;
                        }
                        port.Write(chunk, 0, chunkLength);
                        var text = Encoding.ASCII.GetString(chunk, 0, chunkLength);
                        int lettersLength = text.Length;
                        if (letters.Length < lettersLength) letters = new char[lettersLength];
                        text.CopyTo(0, letters, 0, lettersLength);
                        Array.Reverse(letters, 0, lettersLength);
                        log.Append(letters, 0, lettersLength).Append('|');
                        int echoLength = Encoding.UTF8.GetByteCount(text);
                        if (echo.Length < echoLength) echo = new byte[echoLength];
                        Encoding.UTF8.GetBytes(text, 0, text.Length, echo, 0);
                        port.Write(echo, 0, echoLength);
                        var frame = new MemoryStream();
                        frame.WriteByte((byte)i);
                        port.Write(frame.GetBuffer(), 0, (int)frame.Length);
                    }
                    return log + BitConverter.ToString(port.ToArray());
                }
            }
            """, "Device.Run");
        await test.RunAsync();
    }

    [Fact]
    public async Task EncodingGetBytes_CountInALocal_ArrayCode()
    {
        // Issue #11: `var n = bytes.Length; port.Write(bytes, 0, n);` on netstandard2.0, C# 7.3.
        await Create("""
            using System;
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    var encoding = Encoding.ASCII;
                    foreach (var text in new[] { "AT+RESET", "AT", "" })
                    {
                        var bytes = [|encoding.GetBytes(text)|];
                        var n = bytes.Length;
                        port.Write(bytes, 0, n);
                        port.WriteByte((byte)n);
                    }
                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    var port = new MemoryStream();
                    var encoding = Encoding.ASCII;
                    var bytes = Array.Empty<byte>();

                    foreach (var text in new[] { "AT+RESET", "AT", "" })
                    {
                        int bytesLength = encoding.GetByteCount(text);
                        if (bytes.Length < bytesLength) bytes = new byte[bytesLength];
                        encoding.GetBytes(text, 0, text.Length, bytes, 0);
                        var n = bytesLength;
                        port.Write(bytes, 0, n);
                        port.WriteByte((byte)n);
                    }
                    return BitConverter.ToString(port.ToArray());
                }
            }
            """, "Device.Run").RunAsync();
    }
}
