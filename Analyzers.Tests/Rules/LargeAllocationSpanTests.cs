using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 where a span is declared over the new array (<c>SpanByte received = new byte[1024];</c>, as nanoFramework
/// drivers write it, or <c>Span&lt;byte&gt;</c>): the field holds the array, the span local stays and is made over the
/// field on each run, which is cleared first. Behaviour-checked: each program calls the method several times.
/// </summary>
public class LargeAllocationSpanTests
{
    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SpanByteOverANewArray_TheArrayBecomesAFieldClearedEachCall(string target)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Device.I2c;

                public class Reader
                {
                    private readonly I2cDevice _device = I2cDevice.Create(new I2cConnectionSettings(1, 0x24));

                    public int Poll(int length)
                    {
                        SpanByte received = [|new byte[1024]|];
                        _device.Read(received);
                        int sum = 0;
                        for (int i = 0; i < length; i++) sum = sum * 31 + received[i];
                        received[0] = 0x55;
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var reader = new Reader();
                        Console.WriteLine(reader.Poll(4).ToString());
                        Console.WriteLine(reader.Poll(4).ToString());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Device.I2c;

                public class Reader
                {
                    private readonly I2cDevice _device = I2cDevice.Create(new I2cConnectionSettings(1, 0x24));
                    private readonly byte[] _receivedBuffer = new byte[1024];

                    public int Poll(int length)
                    {
                        Array.Clear(_receivedBuffer, 0, _receivedBuffer.Length);
                        SpanByte received = _receivedBuffer;
                        _device.Read(received);
                        int sum = 0;
                        for (int i = 0; i < length; i++) sum = sum * 31 + received[i];
                        received[0] = 0x55;
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var reader = new Reader();
                        Console.WriteLine(reader.Poll(4).ToString());
                        Console.WriteLine(reader.Poll(4).ToString());
                    }
                }
                """,
            ReferenceAssemblies = NanoFrameworkTargets.References(target),
            TestState = { AdditionalReferences = { NanoFrameworkTargets.Devices(target) } },
            BehaviorEntryPoint = NanoFrameworkTargets.Behavior(target),
        }.RunAsync();
    }

    [Fact]
    public async Task SpanOverANewArray_TheArrayBecomesAFieldClearedEachCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public class Framer
                {
                    private int _sequence;

                    public int Frame(int payload)
                    {
                        Span<byte> frame = [|new byte[2048]|];
                        frame[0] = (byte)_sequence++;
                        frame[payload] = 0x7E;
                        int sum = 0;
                        for (int i = 0; i < 8; i++) sum = sum * 31 + frame[i];
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var framer = new Framer();
                        Console.WriteLine(framer.Frame(3));
                        Console.WriteLine(framer.Frame(5));
                    }
                }
                """,
            FixedCode = """
                using System;

                public class Framer
                {
                    private int _sequence;
                    private readonly byte[] _frameBuffer = new byte[2048];

                    public int Frame(int payload)
                    {
                        Array.Clear(_frameBuffer, 0, _frameBuffer.Length);
                        Span<byte> frame = _frameBuffer;
                        frame[0] = (byte)_sequence++;
                        frame[payload] = 0x7E;
                        int sum = 0;
                        for (int i = 0; i < 8; i++) sum = sum * 31 + frame[i];
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var framer = new Framer();
                        Console.WriteLine(framer.Frame(3));
                        Console.WriteLine(framer.Frame(5));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ASpanInAMethodThatMayRunAgainWhileItRuns_HasNoFix_AndSaysWhy()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            public class Framer
            {
                public Action Sent;

                public int Frame(int payload)
                {
                    Span<byte> frame = {|#0:new byte[2048]|};
                    frame[payload] = 1;
                    Sent();
                    return frame[0];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' allocates 2048 bytes each time 'Frame' runs; allocate it once at startup (no automatic fix: 'Frame' invokes a delegate, so a second run could start while the first still uses the buffer)"));
    }
}
