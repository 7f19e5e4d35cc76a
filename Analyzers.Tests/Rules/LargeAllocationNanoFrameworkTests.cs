using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 on .NET nanoFramework: the field fix compiles against nanoFramework's mscorlib and the device stubs
/// (Array.Clear(array, index, length) is the only clear there), and behaves the same on .NET.
/// </summary>
public class LargeAllocationNanoFrameworkTests
{
    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SpiFrameBuffer_BecomesFieldClearedEachCall(string target)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Device.Spi;

                public class Display
                {
                    private readonly SpiDevice _spi = SpiDevice.Create(new SpiConnectionSettings(1, 5));

                    public int Refresh(int rows)
                    {
                        var frame = [|new byte[4096]|];
                        for (int i = 0; i < rows; i++) frame[i] = (byte)(i + 1);
                        _spi.TransferFullDuplex(frame, frame);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + frame[i];
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var display = new Display();
                        Console.WriteLine(display.Refresh(8).ToString());
                        Console.WriteLine(display.Refresh(2).ToString());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Device.Spi;

                public class Display
                {
                    private readonly SpiDevice _spi = SpiDevice.Create(new SpiConnectionSettings(1, 5));
                    private readonly byte[] _frame = new byte[4096];

                    public int Refresh(int rows)
                    {
                        Array.Clear(_frame, 0, _frame.Length);
                        for (int i = 0; i < rows; i++) _frame[i] = (byte)(i + 1);
                        _spi.TransferFullDuplex(_frame, _frame);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + _frame[i];
                        return sum;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var display = new Display();
                        Console.WriteLine(display.Refresh(8).ToString());
                        Console.WriteLine(display.Refresh(2).ToString());
                    }
                }
                """,
            ReferenceAssemblies = NanoFrameworkTargets.References(target),
            TestState = { AdditionalReferences = { NanoFrameworkTargets.Devices(target) } },
            BehaviorEntryPoint = NanoFrameworkTargets.Behavior(target),
        }.RunAsync();
    }
}
