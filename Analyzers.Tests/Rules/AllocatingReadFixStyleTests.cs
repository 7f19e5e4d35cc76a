using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002 fixes read like hand-written code: comments stay with the work that stays in the loop, hoisted buffers keep
/// source order and sit apart from the loop, declarations follow the code's <c>var</c> style, empty arrays are
/// <c>Array.Empty&lt;T&gt;()</c>. Each runs before and after the fix.
/// </summary>
public class AllocatingReadFixStyleTests
{
    [Fact]
    public async Task CommentAboveTheCall_StaysInTheLoopWithIt()
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
                        for (int centi = 0; centi < 3; centi++)
                        {
                            // echo the reading back, low byte first
                            var echo = [|BitConverter.GetBytes(centi)|];
                            port.Write(echo, 0, echo.Length);
                        }
                        Console.WriteLine(port.Length);
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
                        var echo = new byte[4];

                        for (int centi = 0; centi < 3; centi++)
                        {
                            // echo the reading back, low byte first
                            BitConverter.TryWriteBytes(echo, centi);
                            port.Write(echo, 0, echo.Length);
                        }
                        Console.WriteLine(port.Length);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task BufferHoistedByAnEarlierPass_NewOneKeepsSourceOrder()
    {
        // dotnet format fixes FRAG001 before FRAG002: 'frame' is already before the loop, though the loop uses it after the stamp.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
                        var port = new MemoryStream();
                        var frame = new byte[4];

                        for (int i = 0; i < 2; i++)
                        {
                            var stamp = [|BitConverter.GetBytes(i)|];
                            port.Write(stamp, 0, stamp.Length);
                            Array.Clear(frame, 0, frame.Length);
                            input.Read(frame, 0, frame.Length);
                            port.Write(frame, 0, frame.Length);
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
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
                        var port = new MemoryStream();
                        var stamp = new byte[4];
                        var frame = new byte[4];

                        for (int i = 0; i < 2; i++)
                        {
                            BitConverter.TryWriteBytes(stamp, i);
                            port.Write(stamp, 0, stamp.Length);
                            Array.Clear(frame, 0, frame.Length);
                            input.Read(frame, 0, frame.Length);
                            port.Write(frame, 0, frame.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TwoBuffersInOneFixAll_SourceOrderAndOneBlankLine()
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
                        for (int i = 0; i < 2; i++)
                        {
                            var wide = [|BitConverter.GetBytes((long)i)|];
                            port.Write(wide, 0, wide.Length);
                            var narrow = [|BitConverter.GetBytes((short)i)|];
                            port.Write(narrow, 0, narrow.Length);
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
                        var wide = new byte[8];
                        var narrow = new byte[2];

                        for (int i = 0; i < 2; i++)
                        {
                            BitConverter.TryWriteBytes(wide, (long)i);
                            port.Write(wide, 0, wide.Length);
                            BitConverter.TryWriteBytes(narrow, (short)i);
                            port.Write(narrow, 0, narrow.Length);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            CodeActionEquivalenceKey = AllocatingReadFixer.ReadIntoKey,
            NumberOfIncrementalIterations = 2,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task MethodWritesTypes_HoistedBufferWritesItsType()
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
                        MemoryStream port = new MemoryStream();
                        string[] lines = { "a", "bc" };
                        for (int i = 0; i < 2; i++)
                        {
                            byte[] stamp = [|BitConverter.GetBytes(i)|];
                            port.Write(stamp, 0, stamp.Length);
                        }
                        Console.WriteLine(port.Length + lines.Length);
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
                        MemoryStream port = new MemoryStream();
                        string[] lines = { "a", "bc" };
                        byte[] stamp = new byte[4];

                        for (int i = 0; i < 2; i++)
                        {
                            BitConverter.TryWriteBytes(stamp, i);
                            port.Write(stamp, 0, stamp.Length);
                        }
                        Console.WriteLine(port.Length + lines.Length);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Theory]
    [InlineData("true", "var bytes = new byte[4];")]
    [InlineData("true:suggestion", "var bytes = new byte[4];")]
    [InlineData("false", "byte[] bytes = new byte[4];")]
    public async Task VarStyleSetInEditorConfig_Wins(string setting, string hoisted)
    {
        // The method itself uses var: the configured style still decides.
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
                        for (int i = 0; i < 2; i++)
                        {
                            byte[] bytes = [|BitConverter.GetBytes(i)|];
                            port.Write(bytes, 0, bytes.Length);
                        }
                        Console.WriteLine(port.Length);
                    }
                }
                """,
            FixedCode = $$"""
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        {{hoisted}}

                        for (int i = 0; i < 2; i++)
                        {
                            BitConverter.TryWriteBytes(bytes, i);
                            port.Write(bytes, 0, bytes.Length);
                        }
                        Console.WriteLine(port.Length);
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("csharp_style_var_when_type_is_apparent = " + setting) } },
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task GrowingBuffer_StartsAsArrayEmpty()
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
                        var port = new MemoryStream();
                        string[] lines = { "ok", "temp 21.5" };
                        foreach (var line in lines)
                        {
                            var payload = [|Encoding.ASCII.GetBytes(line)|];
                            port.Write(payload, 0, payload.Length);
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
                        var port = new MemoryStream();
                        string[] lines = { "ok", "temp 21.5" };
                        var payload = Array.Empty<byte>();

                        foreach (var line in lines)
                        {
                            int payloadLength = Encoding.ASCII.GetByteCount(line);
                            if (payload.Length < payloadLength) payload = new byte[payloadLength];
                            Encoding.ASCII.GetBytes(line, 0, line.Length, payload, 0);
                            port.Write(payload, 0, payloadLength);
                        }
                        Console.WriteLine(Convert.ToHexString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task NetStandard20WithSystemMemory_WritesWithBinaryPrimitives()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                public static class Device
                {
                    public static string Run()
                    {
                        var port = new MemoryStream();
                        foreach (var v in new[] { 0, -1, 0x12345678 })
                        {
                            var raw = [|BitConverter.GetBytes(v)|];
                            port.Write(raw, 0, raw.Length);
                            var wide = [|BitConverter.GetBytes((ulong)v * 3UL)|];
                            port.Write(wide, 0, wide.Length);
                            var real = [|BitConverter.GetBytes(v / 7.0)|];
                            port.Write(real, 0, real.Length);
                            var letter = [|BitConverter.GetBytes((char)('A' + (v & 7)))|];
                            port.Write(letter, 0, letter.Length);
                        }
                        return BitConverter.ToString(port.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Buffers.Binary;
                using System.IO;

                public static class Device
                {
                    public static string Run()
                    {
                        var port = new MemoryStream();
                        var raw = new byte[4];
                        var wide = new byte[8];
                        var real = new byte[8];
                        var letter = new byte[2];

                        foreach (var v in new[] { 0, -1, 0x12345678 })
                        {
                            BinaryPrimitives.WriteInt32LittleEndian(raw, v);
                            if (!BitConverter.IsLittleEndian) Array.Reverse(raw);
                            port.Write(raw, 0, raw.Length);
                            BinaryPrimitives.WriteUInt64LittleEndian(wide, (ulong)v * 3UL);
                            if (!BitConverter.IsLittleEndian) Array.Reverse(wide);
                            port.Write(wide, 0, wide.Length);
                            BinaryPrimitives.WriteInt64LittleEndian(real, BitConverter.DoubleToInt64Bits(v / 7.0));
                            if (!BitConverter.IsLittleEndian) Array.Reverse(real);
                            port.Write(real, 0, real.Length);
                            BinaryPrimitives.WriteUInt16LittleEndian(letter, (char)('A' + (v & 7)));
                            if (!BitConverter.IsLittleEndian) Array.Reverse(letter);
                            port.Write(letter, 0, letter.Length);
                        }
                        return BitConverter.ToString(port.ToArray());
                    }
                }
                """,
            CodeActionEquivalenceKey = AllocatingReadFixer.ReadIntoKey,
            NumberOfIncrementalIterations = 4,
            ReferenceAssemblies = TestReferences.NetStandard20WithSystemMemory,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            BehaviorEntryPoint = "Device.Run",
        }.RunAsync();
    }

    [Theory]
    [InlineData("(long)v", "'BinaryPrimitives.WriteInt64LittleEndian'")]
    [InlineData("(ushort)v", "'BinaryPrimitives.WriteUInt16LittleEndian'")]
    [InlineData("v / 7.0", "'BinaryPrimitives.WriteInt64LittleEndian' of 'BitConverter.DoubleToInt64Bits(value)'")]
    public async Task NetStandard20WithSystemMemory_MessageNamesTheWriteForTheValue(string value, string write)
    {
        await new CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>.Test
        {
            TestCode = $$"""
                using System;
                using System.IO;

                public static class Device
                {
                    public static void Run(Stream port, int[] values)
                    {
                        foreach (var v in values)
                            port.Write({|#0:BitConverter.GetBytes({{value}})|}, 0, 8);
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage(
                    "'BitConverter.GetBytes' allocates a new byte[] on every iteration of the loop in 'Run'; write into a reused buffer with " + write),
            },
            ReferenceAssemblies = TestReferences.NetStandard20WithSystemMemory,
        }.RunAsync();
    }
}
