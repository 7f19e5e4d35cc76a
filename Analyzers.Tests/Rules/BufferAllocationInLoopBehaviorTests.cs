using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Fragless.Analyzers.Tests.Verifiers;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 fixes proven by execution: each program is compiled and run before and after the fix, and
/// must print the same output, return the same value and throw the same exception.
/// </summary>
public class BufferAllocationInLoopBehaviorTests
{
    [Fact]
    public async Task UartReader_ShortReadsStillSeeZeroedTail()
    {
        // The checksum covers the whole chunk, stale bytes included: without the clear the fix would change it.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 20 });
                        while (true)
                        {
                            var chunk = [|new byte[4]|];
                            int read = uart.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            int sum = 0;
                            foreach (var b in chunk) sum = sum * 31 + b;
                            Console.WriteLine(read + ":" + sum);
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
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 20 });
                        var chunk = new byte[4];

                        while (true)
                        {
                            Array.Clear(chunk, 0, chunk.Length);
                            int read = uart.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            int sum = 0;
                            foreach (var b in chunk) sum = sum * 31 + b;
                            Console.WriteLine(read + ":" + sum);
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task CommandFrames_ReuseContents()
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
                        byte[] commands = { 0x01, 0x10, 0x7F };
                        foreach (var command in commands)
                        {
                            var frame = [|new byte[4]|];
                            frame[0] = 0xAA;
                            frame[1] = command;
                            frame[2] = (byte)~command;
                            frame[3] = 0x55;
                            port.Write(frame, 0, frame.Length);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
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
                        byte[] commands = { 0x01, 0x10, 0x7F };
                        var frame = new byte[4];

                        foreach (var command in commands)
                        {
                            frame[0] = 0xAA;
                            frame[1] = command;
                            frame[2] = (byte)~command;
                            frame[3] = 0x55;
                            port.Write(frame, 0, frame.Length);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.HoistKey,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task SensorLog_StringBuilderCleared()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Text;

                static class Program
                {
                    static int Run()
                    {
                        int[] readings = { 17, 23, 19, 42 };
                        int longest = 0;
                        for (int i = 0; i < readings.Length; i++)
                        {
                            var line = [|new StringBuilder()|];
                            line.Append("sensor[").Append(i).Append("]=").Append(readings[i]);
                            if (readings[i] > 20) line.Append(" HIGH");
                            Console.WriteLine(line);
                            longest = Math.Max(longest, line.Length);
                        }
                        return longest;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Text;

                static class Program
                {
                    static int Run()
                    {
                        int[] readings = { 17, 23, 19, 42 };
                        int longest = 0;
                        var line = new StringBuilder();

                        for (int i = 0; i < readings.Length; i++)
                        {
                            line.Clear();
                            line.Append("sensor[").Append(i).Append("]=").Append(readings[i]);
                            if (readings[i] > 20) line.Append(" HIGH");
                            Console.WriteLine(line);
                            longest = Math.Max(longest, line.Length);
                        }
                        return longest;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task PacketFraming_MemoryStreamTruncated()
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
                        string[] messages = { "hello", "hi", "telemetry" };
                        foreach (var message in messages)
                        {
                            var packet = [|new MemoryStream(16)|];
                            packet.WriteByte((byte)message.Length);
                            foreach (var c in message) packet.WriteByte((byte)c);
                            Console.WriteLine(packet.Position + " " + BitConverter.ToString(packet.ToArray()));
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
                        string[] messages = { "hello", "hi", "telemetry" };
                        var packet = new MemoryStream(16);

                        foreach (var message in messages)
                        {
                            packet.SetLength(0);
                            packet.WriteByte((byte)message.Length);
                            foreach (var c in message) packet.WriteByte((byte)c);
                            Console.WriteLine(packet.Position + " " + BitConverter.ToString(packet.ToArray()));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task PeakDetector_ListCleared()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;

                static class Program
                {
                    static string Run()
                    {
                        int[][] windows = { new[] { 1, 150, 3 }, new[] { 200, 201 }, new int[0] };
                        var report = "";
                        foreach (var window in windows)
                        {
                            var peaks = [|new List<int>()|];
                            foreach (var s in window) if (s > 100) peaks.Add(s);
                            report += peaks.Count + "[" + string.Join(",", peaks) + "] ";
                        }
                        return report;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;

                static class Program
                {
                    static string Run()
                    {
                        int[][] windows = { new[] { 1, 150, 3 }, new[] { 200, 201 }, new int[0] };
                        var report = "";
                        var peaks = new List<int>();

                        foreach (var window in windows)
                        {
                            peaks.Clear();
                            foreach (var s in window) if (s > 100) peaks.Add(s);
                            report += peaks.Count + "[" + string.Join(",", peaks) + "] ";
                        }
                        return report;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task InlineReadBuffer_BecomesALocal()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Run()
                    {
                        var input = new MemoryStream(new byte[70]);
                        int total = 0, read;
                        do
                        {
                            read = input.Read([|new byte[32]|], 0, 32);
                            Console.WriteLine(read);
                            total += read;
                        }
                        while (read > 0);
                        return total;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Run()
                    {
                        var input = new MemoryStream(new byte[70]);
                        int total = 0, read;
                        var buffer = new byte[32];

                        do
                        {
                            Array.Clear(buffer, 0, buffer.Length);
                            read = input.Read(buffer, 0, 32);
                            Console.WriteLine(read);
                            total += read;
                        }
                        while (read > 0);
                        return total;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task TopLevelProgram_WithTwoLoops()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                var source = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7 });
                for (int pass = 0; pass < 2; pass++)
                {
                    var chunk = [|new byte[3]|];
                    int n = source.Read(chunk, 0, chunk.Length);
                    Console.WriteLine(string.Join(",", chunk) + " (" + n + ")");
                }
                for (int pass = 0; pass < 2; pass++)
                {
                    var chunk = [|new byte[2]|];
                    int n = source.Read(chunk, 0, chunk.Length);
                    Console.WriteLine(string.Join(",", chunk) + " (" + n + ")");
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                var source = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7 });
                var chunk1 = new byte[3];

                for (int pass = 0; pass < 2; pass++)
                {
                    Array.Clear(chunk1, 0, chunk1.Length);
                    int n = source.Read(chunk1, 0, chunk1.Length);
                    Console.WriteLine(string.Join(",", chunk1) + " (" + n + ")");
                }
                var chunk = new byte[2];

                for (int pass = 0; pass < 2; pass++)
                {
                    Array.Clear(chunk, 0, chunk.Length);
                    int n = source.Read(chunk, 0, chunk.Length);
                    Console.WriteLine(string.Join(",", chunk) + " (" + n + ")");
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task AsyncCopy_AwaitedCallsBorrowTheBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;

                static class Program
                {
                    static async Task<int> CopyAsync(Stream input, Stream output)
                    {
                        int total = 0;
                        while (true)
                        {
                            var chunk = [|new byte[5]|];
                            int n = await input.ReadAsync(chunk, 0, chunk.Length);
                            if (n == 0) return total;
                            await output.WriteAsync(chunk, 0, chunk.Length);
                            total += n;
                        }
                    }

                    static string Run()
                    {
                        var output = new MemoryStream();
                        int copied = CopyAsync(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7 }), output).GetAwaiter().GetResult();
                        return copied + ":" + BitConverter.ToString(output.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Threading.Tasks;

                static class Program
                {
                    static async Task<int> CopyAsync(Stream input, Stream output)
                    {
                        int total = 0;
                        var chunk = new byte[5];

                        while (true)
                        {
                            Array.Clear(chunk, 0, chunk.Length);
                            int n = await input.ReadAsync(chunk, 0, chunk.Length);
                            if (n == 0) return total;
                            await output.WriteAsync(chunk, 0, chunk.Length);
                            total += n;
                        }
                    }

                    static string Run()
                    {
                        var output = new MemoryStream();
                        int copied = CopyAsync(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7 }), output).GetAwaiter().GetResult();
                        return copied + ":" + BitConverter.ToString(output.ToArray());
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task Iterator_BufferSurvivesYieldWithinTheIteration()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                static class Program
                {
                    static IEnumerable<string> Blocks(Stream input)
                    {
                        while (true)
                        {
                            var block = [|new byte[3]|];
                            int n = input.Read(block, 0, block.Length);
                            if (n == 0) yield break;
                            yield return "start";
                            yield return string.Join("-", block);
                        }
                    }

                    static void Main()
                    {
                        foreach (var line in Blocks(new MemoryStream(new byte[] { 5, 6, 7, 8 })))
                            Console.WriteLine(line);
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                static class Program
                {
                    static IEnumerable<string> Blocks(Stream input)
                    {
                        var block = new byte[3];

                        while (true)
                        {
                            Array.Clear(block, 0, block.Length);
                            int n = input.Read(block, 0, block.Length);
                            if (n == 0) yield break;
                            yield return "start";
                            yield return string.Join("-", block);
                        }
                    }

                    static void Main()
                    {
                        foreach (var line in Blocks(new MemoryStream(new byte[] { 5, 6, 7, 8 })))
                            Console.WriteLine(line);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task NestedLoops_ImageRowsCopied()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static string Run()
                    {
                        var image = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
                        var output = new MemoryStream();
                        int width = 3;
                        for (int y = 0; y < 2; y++)
                        {
                            for (int x = 0; x < 2; x++)
                            {
                                var pixels = [|new byte[width]|];
                                int n = image.Read(pixels, 0, pixels.Length);
                                pixels[0] ^= 0xFF;
                                output.Write(pixels, 0, pixels.Length);
                            }
                        }
                        return BitConverter.ToString(output.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static string Run()
                    {
                        var image = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
                        var output = new MemoryStream();
                        int width = 3;
                        var pixels = new byte[width];

                        for (int y = 0; y < 2; y++)
                        {
                            for (int x = 0; x < 2; x++)
                            {
                                Array.Clear(pixels, 0, pixels.Length);
                                int n = image.Read(pixels, 0, pixels.Length);
                                pixels[0] ^= 0xFF;
                                output.Write(pixels, 0, pixels.Length);
                            }
                        }
                        return BitConverter.ToString(output.ToArray());
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task ExceptionInsideLoop_SameExceptionAfterFix()
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
                        var input = new MemoryStream(new byte[] { 3, 1, 2, 0, 9 });
                        for (int i = 0; i < 10; i++)
                        {
                            var pair = [|new byte[2]|];
                            input.Read(pair, 0, 2);
                            Console.WriteLine(pair[0] / pair[1]);
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
                        var input = new MemoryStream(new byte[] { 3, 1, 2, 0, 9 });
                        var pair = new byte[2];

                        for (int i = 0; i < 10; i++)
                        {
                            Array.Clear(pair, 0, pair.Length);
                            input.Read(pair, 0, 2);
                            Console.WriteLine(pair[0] / pair[1]);
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task SourceHelperThatFillsTheBuffer_IsABorrowingWrite()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static int Fill(byte[] target, int seed)
                    {
                        int count = seed % 3;
                        for (int i = 0; i < count; i++) target[i] = (byte)(seed + i);
                        return count;
                    }

                    static string Run()
                    {
                        string result = "";
                        for (int seed = 1; seed < 6; seed++)
                        {
                            var scratch = [|new byte[3]|];
                            Fill(scratch, seed);
                            result += string.Join(".", scratch) + " ";
                        }
                        return result;
                    }
                }
                """,
            FixedCode = """
                using System;

                static class Program
                {
                    static int Fill(byte[] target, int seed)
                    {
                        int count = seed % 3;
                        for (int i = 0; i < count; i++) target[i] = (byte)(seed + i);
                        return count;
                    }

                    static string Run()
                    {
                        string result = "";
                        var scratch = new byte[3];

                        for (int seed = 1; seed < 6; seed++)
                        {
                            Array.Clear(scratch, 0, scratch.Length);
                            Fill(scratch, seed);
                            result += string.Join(".", scratch) + " ";
                        }
                        return result;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task SwitchSectionTryFinallyAndConditionalBlock()
    {
        // Declarations in a switch section, a try block and an if block: the reset stays exactly where the allocation was.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 });
                        for (int i = 0; i < 6; i++)
                        {
                            switch (i % 3)
                            {
                                case 0:
                                    var a = [|new byte[2]|];
                                    Console.WriteLine("a " + input.Read(a, 0, 2) + " " + string.Join(",", a));
                                    break;
                                case 1:
                                    try
                                    {
                                        var b = [|new byte[3]|];
                                        input.Read(b, 0, 3);
                                        Console.WriteLine("b " + string.Join(",", b));
                                        if (b[0] > 8) throw new InvalidOperationException("late");
                                    }
                                    catch (InvalidOperationException e)
                                    {
                                        Console.WriteLine("caught " + e.Message);
                                    }
                                    finally
                                    {
                                        Console.WriteLine("finally");
                                    }
                                    break;
                                default:
                                    if (i > 1)
                                    {
                                        var c = [|new char[2]|];
                                        c[0] = (char)('a' + i);
                                        Console.WriteLine("c " + new string(c, 0, 1) + (int)c[1]);
                                    }
                                    break;
                            }
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
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 });
                        var a = new byte[2];
                        var b = new byte[3];
                        var c = new char[2];

                        for (int i = 0; i < 6; i++)
                        {
                            switch (i % 3)
                            {
                                case 0:
                                    Array.Clear(a, 0, a.Length);
                                    Console.WriteLine("a " + input.Read(a, 0, 2) + " " + string.Join(",", a));
                                    break;
                                case 1:
                                    try
                                    {
                                        Array.Clear(b, 0, b.Length);
                                        input.Read(b, 0, 3);
                                        Console.WriteLine("b " + string.Join(",", b));
                                        if (b[0] > 8) throw new InvalidOperationException("late");
                                    }
                                    catch (InvalidOperationException e)
                                    {
                                        Console.WriteLine("caught " + e.Message);
                                    }
                                    finally
                                    {
                                        Console.WriteLine("finally");
                                    }
                                    break;
                                default:
                                    if (i > 1)
                                    {
                                        Array.Clear(c, 0, c.Length);
                                        c[0] = (char)('a' + i);
                                        Console.WriteLine("c " + new string(c, 0, 1) + (int)c[1]);
                                    }
                                    break;
                            }
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task SizeThatMayBeNegative_StillThrowsOnlyWhereItDid()
    {
        // count = -1 means "nothing to read": the loop never runs, so new byte[-1] never throws. A plain hoist would
        // throw before the loop; the fix makes the array on the first iteration instead.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Drain(Stream input, int count)
                    {
                        int total = 0;
                        for (int i = 0; i < count; i++)
                        {
                            var chunk = [|new byte[count]|];
                            total += input.Read(chunk, 0, chunk.Length);
                        }
                        return total;
                    }

                    static string Run() => Drain(new MemoryStream(new byte[10]), -1) + " " + Drain(new MemoryStream(new byte[10]), 3) + " " + Drain(new MemoryStream(new byte[10]), 0);
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Drain(Stream input, int count)
                    {
                        int total = 0;
                        var chunk = Array.Empty<byte>();

                        for (int i = 0; i < count; i++)
                        {
                            if (chunk.Length != count)
                                chunk = new byte[count];
                            else
                                Array.Clear(chunk, 0, chunk.Length);
                            total += input.Read(chunk, 0, chunk.Length);
                        }
                        return total;
                    }

                    static string Run() => Drain(new MemoryStream(new byte[10]), -1) + " " + Drain(new MemoryStream(new byte[10]), 3) + " " + Drain(new MemoryStream(new byte[10]), 0);
                }
                """,
            BehaviorEntryPoint = "Program.Run",
        }.RunAsync();
    }
}
