using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 on <c>Span&lt;byte&gt; s = new byte[n];</c> in a loop: the array is hoisted and the span stays in the loop,
/// over it. A size that may be negative is made on the first iteration. Run before and after the fix.
/// </summary>
public class BufferAllocationInLoopSpanTests
{
    [Fact]
    public async Task ConstantSize_ArrayHoisted_SpanStaysInTheLoop()
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
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                        for (int pass = 0; pass < 3; pass++)
                        {
                            Span<byte> frame = [|new byte[2]|];
                            int read = uart.Read(frame);
                            Console.WriteLine(read + ":" + frame[0] + "," + frame[1]);
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
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                        byte[] buffer = new byte[2];

                        for (int pass = 0; pass < 3; pass++)
                        {
                            Array.Clear(buffer, 0, buffer.Length);
                            Span<byte> frame = buffer;
                            int read = uart.Read(frame);
                            Console.WriteLine(read + ":" + frame[0] + "," + frame[1]);
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task SizeMayBeNegative_SizedOnFirstUse(int size)
    {
        // With -1 the original throws on the first iteration, and so must the fix (not before the loop).
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                public static class Device
                {
                    public static string Run() => Pump(SIZE, 3);

                    static string Pump(int size, int passes)
                    {
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                        string log = "start;";
                        for (int pass = 0; pass < passes; pass++)
                        {
                            Span<byte> frame = [|new byte[size]|];
                            log += uart.Read(frame) + ":" + (frame.Length > 0 ? frame[0] : -1) + ";";
                        }
                        return log;
                    }
                }
                """.Replace("SIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            FixedCode = """
                using System;
                using System.IO;

                public static class Device
                {
                    public static string Run() => Pump(SIZE, 3);

                    static string Pump(int size, int passes)
                    {
                        var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                        string log = "start;";
                        byte[] buffer = Array.Empty<byte>();

                        for (int pass = 0; pass < passes; pass++)
                        {
                            if (buffer.Length != size)
                                buffer = new byte[size];
                            else
                                Array.Clear(buffer, 0, buffer.Length);
                            Span<byte> frame = buffer;
                            log += uart.Read(frame) + ":" + (frame.Length > 0 ? frame[0] : -1) + ";";
                        }
                        return log;
                    }
                }
                """.Replace("SIZE", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            BehaviorEntryPoint = "Device.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task CSharp73_NetStandard20WithSystemMemory_SizedOnFirstUse()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public static class Device
                {
                    public static int Run(int size, int passes)
                    {
                        int total = 0;
                        for (int pass = 0; pass < passes; pass++)
                        {
                            Span<byte> frame = [|new byte[size]|];
                            frame.Fill((byte)pass);
                            total += frame.Length > 0 ? frame[0] : 0;
                        }
                        return total;
                    }
                }
                """,
            FixedCode = """
                using System;

                public static class Device
                {
                    public static int Run(int size, int passes)
                    {
                        int total = 0;
                        byte[] buffer = Array.Empty<byte>();

                        for (int pass = 0; pass < passes; pass++)
                        {
                            if (buffer.Length != size)
                                buffer = new byte[size];
                            else
                                Array.Clear(buffer, 0, buffer.Length);
                            Span<byte> frame = buffer;
                            frame.Fill((byte)pass);
                            total += frame.Length > 0 ? frame[0] : 0;
                        }
                        return total;
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20WithSystemMemory,
        }.RunAsync();
    }

    [Fact]
    public async Task SizeMayBeNegative_SpanPassedDirectly_OrSizeChanging_NoFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Pump
                {
                    static int Run(Stream s, int size, int passes)
                    {
                        int total = 0;
                        for (int pass = 0; pass < passes; pass++)
                        {
                            total += s.Read({|#0:new byte[size]|});
                            Span<byte> grows = {|#1:new byte[pass]|};
                            total += s.Read(grows);
                        }
                        return total;
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[size] is allocated on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: its size may be negative, and made before the loop it could throw where it did not)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'grows' allocates a new byte[pass] on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: its size changes between iterations)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }
}
