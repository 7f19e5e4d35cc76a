using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 on .NET nanoFramework: each test compiles against nanoFramework's mscorlib and the device stubs (the fixed
/// code must compile there), and again on net10.0 with the same stubs, where the behaviour check runs it.
/// </summary>
public class BufferAllocationInLoopNanoFrameworkTests
{
    private static VerifyCS.Test Test(string target, string testCode, string fixedCode) => new()
    {
        TestCode = testCode,
        FixedCode = fixedCode,
        ReferenceAssemblies = NanoFrameworkTargets.References(target),
        TestState = { AdditionalReferences = { NanoFrameworkTargets.Devices(target) } },
        BehaviorEntryPoint = NanoFrameworkTargets.Behavior(target),
    };

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task I2cRead_ArrayConvertedToSpanByte_HoistedAndCleared(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.Device.I2c;

            static class Program
            {
                static void Main()
                {
                    var sensor = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));
                    for (int i = 0; i < 3; i++)
                    {
                        var frame = [|new byte[4]|];
                        sensor.Read(frame);
                        Console.WriteLine(frame[0].ToString() + " " + frame[3].ToString());
                    }
                }
            }
            """,
            """
            using System;
            using System.Device.I2c;

            static class Program
            {
                static void Main()
                {
                    var sensor = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));
                    var frame = new byte[4];

                    for (int i = 0; i < 3; i++)
                    {
                        Array.Clear(frame, 0, frame.Length);
                        sensor.Read(frame);
                        Console.WriteLine(frame[0].ToString() + " " + frame[3].ToString());
                    }
                }
            }
            """).RunAsync();
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SpanByteDeclaration_HoistedAsArray(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.Device.I2c;

            static class Program
            {
                static void Main()
                {
                    var sensor = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));
                    for (int i = 0; i < 3; i++)
                    {
                        SpanByte frame = [|new byte[2]|];
                        sensor.Read(frame);
                        Console.WriteLine(frame[1].ToString());
                    }
                }
            }
            """,
            """
            using System;
            using System.Device.I2c;

            static class Program
            {
                static void Main()
                {
                    var sensor = I2cDevice.Create(new I2cConnectionSettings(1, 0x40));
                    var buffer = new byte[2];

                    for (int i = 0; i < 3; i++)
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                        SpanByte frame = buffer;
                        sensor.Read(frame);
                        Console.WriteLine(frame[1].ToString());
                    }
                }
            }
            """).RunAsync();
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task NewSpanByteOverNewArray_Hoisted(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.Device.Spi;

            static class Program
            {
                static void Main()
                {
                    var display = SpiDevice.Create(new SpiConnectionSettings(1, 5));
                    var command = new byte[] { 1, 2, 3 };
                    for (int i = 0; i < 3; i++)
                    {
                        var reply = new SpanByte([|new byte[3]|]);
                        display.TransferFullDuplex(command, reply);
                        Console.WriteLine(reply[2].ToString());
                    }
                }
            }
            """,
            """
            using System;
            using System.Device.Spi;

            static class Program
            {
                static void Main()
                {
                    var display = SpiDevice.Create(new SpiConnectionSettings(1, 5));
                    var command = new byte[] { 1, 2, 3 };
                    var buffer = new byte[3];

                    for (int i = 0; i < 3; i++)
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                        var reply = new SpanByte(buffer);
                        display.TransferFullDuplex(command, reply);
                        Console.WriteLine(reply[2].ToString());
                    }
                }
            }
            """).RunAsync();
    }
}
