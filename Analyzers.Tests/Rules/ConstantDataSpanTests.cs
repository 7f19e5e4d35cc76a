using Microsoft.CodeAnalysis.Testing;
using Loop = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;
using LargeFix = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;
using Hot = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.HotPathAllocationAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// <c>ReadOnlySpan&lt;byte&gt; command = new byte[] { 0x10, 0x20 };</c> allocates nothing: the compiler points the span
/// at constant data in the assembly (for any primitive element type where <c>RuntimeHelpers.CreateSpan</c> exists, .NET
/// 7 and later). No rule reports it. A writable <c>Span&lt;T&gt;</c>, an element that is not a constant, or a
/// multi-byte element type without <c>CreateSpan</c> (netstandard2.1, Unity) still get a new array, and are reported.
/// </summary>
public class ConstantDataSpanTests
{
    [Fact]
    public async Task InALoop_ConstantsSeenAsAReadOnlySpan_AreNotReported_AWritableSpanIs()
    {
        await new Loop.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static int Send(ReadOnlySpan<byte> data) => data.Length == 0 ? 0 : data[0] + data[data.Length - 1];

                    static int Sum(ReadOnlySpan<int> data) => data.Length == 0 ? 0 : data[0] + data[data.Length - 1];

                    public static void Main()
                    {
                        int total = 0;
                        for (int i = 0; i < 3; i++)
                        {
                            ReadOnlySpan<byte> reset = new byte[] { 0xFE, 0x01 };
                            total += Send(reset);
                            total += Send(new byte[] { 0x10, 0x20, 0x30 });
                            total += Send(new ReadOnlySpan<byte>(new byte[] { 1, 2 }));
                            total += Sum(new int[] { 1000, 2000 });
                            ReadOnlySpan<char> hex = new char[] { 'a', 'b' };
                            total += hex[1];

                            Span<byte> scratch = {|#0:new byte[] { 1, 2 }|};
                            scratch[0] += (byte)i;
                            total += Send(scratch);
                        }

                        Console.WriteLine(total);
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Loop.Diagnostic().WithLocation(0).WithArguments("'scratch' allocates a new byte[2]", "on every iteration of the loop in 'Main'", " (no automatic fix: it is written, and its initial values would have to be restored each time)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // the writable span's literal is written: no fix
        }.RunAsync();
    }

    [Fact]
    public async Task OnNetStandard21_OnlyOneByteElementsAreConstantData()
    {
        await new Loop.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static int Sum(ReadOnlySpan<int> data) => data[0];

                    static int Send(ReadOnlySpan<byte> data) => data[0];

                    public static int Run()
                    {
                        int total = 0;
                        for (int i = 0; i < 3; i++)
                        {
                            total += Send(new byte[] { 0x10, 0x20 });
                            total += Sum([|new int[] { 1000, 2000 }|]);
                        }

                        return total;
                    }
                }
                """,
            FixedCode = """
                using System;

                static class Program
                {
                    static int Sum(ReadOnlySpan<int> data) => data[0];

                    static int Send(ReadOnlySpan<byte> data) => data[0];

                    public static int Run()
                    {
                        int total = 0;
                        int[] data = new int[] { 1000, 2000 };

                        for (int i = 0; i < 3; i++)
                        {
                            total += Send(new byte[] { 0x10, 0x20 });
                            total += Sum(data);
                        }

                        return total;
                    }
                }
                """,
            BehaviorEntryPoint = "Program.Run",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard21,
        }.RunAsync();
    }

    [Fact]
    public async Task ALargeConstantTable_AsAReadOnlySpanProperty_IsNotReported_AnArrayOfItIs()
    {
        var values = string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, 1100), i => (i % 256).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await new LargeFix.Test
        {
            TestCode = $$"""
                using System;

                public class Crc
                {
                    private static ReadOnlySpan<byte> Table => new byte[] { {{values}} };

                    public int Next(int crc, byte value)
                    {
                        var copy = [|new byte[] { {{values}} }|];
                        return Table[(crc ^ value) & 0xFF] ^ copy[crc & 0xFF];
                    }

                    public static int Main()
                    {
                        var crc = new Crc();
                        return crc.Next(3, 4) + crc.Next(300, 6);
                    }
                }
                """,
            FixedCode = $$"""
                using System;

                public class Crc
                {
                    private readonly byte[] _copy = new byte[] { {{values}} };

                    private static ReadOnlySpan<byte> Table => new byte[] { {{values}} };

                    public int Next(int crc, byte value)
                    {
                        return Table[(crc ^ value) & 0xFF] ^ _copy[crc & 0xFF];
                    }

                    public static int Main()
                    {
                        var crc = new Crc();
                        return crc.Next(3, 4) + crc.Next(300, 6);
                    }
                }
                """,
            BehaviorEntryPoint = "Crc.Main",
        }.RunAsync();
    }

    [Fact]
    public async Task InAHotMethod_ConstantsSeenAsAReadOnlySpan_AreNotReported()
    {
        await Hot.VerifyAnalyzerAsync("""
            using System;

            public class Sensor
            {
                private int _sum;

                private void Write(ReadOnlySpan<byte> data) => _sum += data[0];

                public void Poll(byte value)
                {
                    Write(new byte[] { 0x01, 0x02 });
                    ReadOnlySpan<byte> command = new byte[] { 0x03, 0x04 };
                    Write(command);
                    Write({|#0:new byte[] { 0x05, value }|});
                }
            }

            public static class Program
            {
                public static void Main()
                {
                    var sensor = new Sensor();
                    for (int i = 0; i < 4; i++) sensor.Poll((byte)i);
                }
            }
            """,
            Hot.Diagnostic().WithLocation(0));
    }
}
