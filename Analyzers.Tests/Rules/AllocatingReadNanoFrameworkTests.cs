using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002 on .NET nanoFramework: fixes compile against nanoFramework's mscorlib and the device stubs, and use only
/// what is there (no Span&lt;T&gt;, no BitConverter.TryWriteBytes, no Array.Reverse). Their behaviour is checked on .NET
/// with the same stubs: by the theory's net10.0 run where the fix is the same there, by running the
/// nanoFramework-fixed code on .NET where it is not.
/// </summary>
public class AllocatingReadNanoFrameworkTests
{
    private static VerifyCS.Test Test(string target, string testCode, string fixedCode) => new()
    {
        TestCode = testCode,
        FixedCode = fixedCode,
        ReferenceAssemblies = NanoFrameworkTargets.References(target),
        TestState = { AdditionalReferences = { NanoFrameworkTargets.Devices(target) } },
        BehaviorEntryPoint = NanoFrameworkTargets.Behavior(target),
    };

    private const string BitConverterDeclaration = """
        using System;
        using System.Device.I2c;

        static class Program
        {
            static void Main()
            {
                var display = I2cDevice.Create(new I2cConnectionSettings(1, 0x3C));
                for (int i = -2; i < 3; i++)
                {
                    var bytes = [|BitConverter.GetBytes(i * 100000)|];
                    display.Write(bytes);
                    Console.WriteLine(bytes[0].ToString() + " " + bytes[3].ToString() + " " + display.ReadByte().ToString());
                }
            }
        }
        """;

    private const string BitConverterDeclarationFixed = """
        using System;
        using System.Device.I2c;

        static class Program
        {
            static void Main()
            {
                var display = I2cDevice.Create(new I2cConnectionSettings(1, 0x3C));
                var bytes = new byte[4];

                for (int i = -2; i < 3; i++)
                {
                    long bytesBits = i * 100000;
                    bytes[BitConverter.IsLittleEndian ? 0 : 3] = (byte)(bytesBits & 0xFF);
                    bytes[BitConverter.IsLittleEndian ? 1 : 2] = (byte)((bytesBits >> 8) & 0xFF);
                    bytes[BitConverter.IsLittleEndian ? 2 : 1] = (byte)((bytesBits >> 16) & 0xFF);
                    bytes[BitConverter.IsLittleEndian ? 3 : 0] = (byte)((bytesBits >> 24) & 0xFF);
                    display.Write(bytes);
                    Console.WriteLine(bytes[0].ToString() + " " + bytes[3].ToString() + " " + display.ReadByte().ToString());
                }
            }
        }
        """;

    [Fact]
    public async Task BitConverter_Declaration_ShiftsWithoutTryWriteBytesOrArrayReverse()
    {
        await Test(NanoFrameworkTargets.NanoFramework, BitConverterDeclaration, BitConverterDeclarationFixed).RunAsync();
        await NanoFrameworkTargets.VerifyNanoFixBehaviorOnNetAsync(BitConverterDeclaration, BitConverterDeclarationFixed);
    }

    private const string BitConverterInline = """
        using System;
        using System.Device.Spi;

        static class Program
        {
            static void Main()
            {
                var dac = SpiDevice.Create(new SpiConnectionSettings(1, 5));
                for (short level = 250; level < 260; level += 3)
                {
                    dac.Write([|BitConverter.GetBytes(level)|]);
                    Console.WriteLine(dac.ReadByte().ToString());
                }
            }
        }
        """;

    private const string BitConverterInlineFixed = """
        using System;
        using System.Device.Spi;

        static class Program
        {
            static void Main()
            {
                var dac = SpiDevice.Create(new SpiConnectionSettings(1, 5));
                var buffer = new byte[2];

                for (short level = 250; level < 260; level += 3)
                {
                    long bufferBits = level;
                    buffer[BitConverter.IsLittleEndian ? 0 : 1] = (byte)(bufferBits & 0xFF);
                    buffer[BitConverter.IsLittleEndian ? 1 : 0] = (byte)((bufferBits >> 8) & 0xFF);
                    dac.Write(buffer);
                    Console.WriteLine(dac.ReadByte().ToString());
                }
            }
        }
        """;

    [Fact]
    public async Task BitConverter_InlineDeviceWrite_Shifts()
    {
        await Test(NanoFrameworkTargets.NanoFramework, BitConverterInline, BitConverterInlineFixed).RunAsync();
        await NanoFrameworkTargets.VerifyNanoFixBehaviorOnNetAsync(BitConverterInline, BitConverterInlineFixed);
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SerialPortReadByte_ReadsIntoReusedOneByteBuffer(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2", 115200);
                    port.Open();
                    int sum = 0;
                    for (int i = 0; i < 20; i++)
                    {
                        int b = [|port.ReadByte()|];
                        sum = sum * 3 + b;
                        if (b == '\n') Console.WriteLine(sum.ToString());
                    }
                }
            }
            """,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2", 115200);
                    port.Open();
                    int sum = 0;
                    byte[] oneByte = new byte[1];

                    for (int i = 0; i < 20; i++)
                    {
                        int b = port.Read(oneByte, 0, 1) == 1 ? oneByte[0] : 0;
                        sum = sum * 3 + b;
                        if (b == '\n') Console.WriteLine(sum.ToString());
                    }
                }
            }
            """).RunAsync();
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SerialPortReadByte_ResultDropped_DrainsIntoTheReusedBufferAsAStatement(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2", 115200);
                    port.Open();
                    for (int i = 0; i < 5; i++)
                    {
                        [|port.ReadByte()|];
                    }

                    Console.WriteLine(port.ReadByte().ToString());
                }
            }
            """,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2", 115200);
                    port.Open();
                    var oneByte = new byte[1];

                    for (int i = 0; i < 5; i++)
                    {
                        port.Read(oneByte, 0, 1);
                    }

                    Console.WriteLine(port.ReadByte().ToString());
                }
            }
            """).RunAsync();
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SerialPortReadByte_InsideAnExpression_EachCallGetsItsBufferAndKeepsEvaluationOrder(string target)
    {
        await Test(
            target,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2");
                    port.Open();
                    while (port.BytesToRead > 2)
                    {
                        Console.WriteLine(([|port.ReadByte()|] - [|port.ReadByte()|]).ToString());
                    }
                }
            }
            """,
            """
            using System;
            using System.IO.Ports;

            static class Program
            {
                static void Main()
                {
                    var port = new SerialPort("COM2");
                    port.Open();
                    var oneByte = new byte[1];
                    var oneByte1 = new byte[1];

                    while (port.BytesToRead > 2)
                    {
                        Console.WriteLine(((port.Read(oneByte, 0, 1) == 1 ? oneByte[0] : 0) - (port.Read(oneByte1, 0, 1) == 1 ? oneByte1[0] : 0)).ToString());
                    }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task SerialPortReadByte_OnNetWithoutSpanByte_NotReported()
    {
        // .NET's own SerialPort.ReadByte reads from the port's buffer without allocating.
        await new VerifyCS.Test
        {
            TestCode = """
                namespace System.IO.Ports
                {
                    public class SerialPort
                    {
                        public int ReadByte() => 0;
                        public int Read(byte[] buffer, int offset, int count) => 0;
                    }
                }

                static class Program
                {
                    static int Main()
                    {
                        var port = new System.IO.Ports.SerialPort();
                        int sum = 0;
                        for (int i = 0; i < 4; i++) sum += port.ReadByte();
                        return sum;
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task SerialPortReadExistingAndReadLine_InLoop_ReportedWithoutFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO.Ports;

                static class Program
                {
                    static void Main()
                    {
                        var port = new SerialPort("COM2");
                        port.Open();
                        for (int i = 0; i < 3; i++)
                        {
                            string text = {|#0:port.ReadExisting()|};
                            string line = {|#1:port.ReadLine()|};
                            Console.WriteLine(text + line);
                        }
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.NanoFramework,
            TestState = { AdditionalReferences = { TestReferences.NanoFrameworkDevices(TestReferences.NanoFramework) } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("SerialPort.ReadExisting", "string", " on every iteration of the loop in 'Main'", "read into a reused buffer with 'Read(byte[], int, int)' or 'Read(char[], int, int)'", " (no automatic fix: Fragless knows no rewrite for this call)"),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("SerialPort.ReadLine", "string", " on every iteration of the loop in 'Main'", "read into a reused buffer with 'Read(byte[], int, int)' and find the line end there", " (no automatic fix: Fragless knows no rewrite for this call)"),
            },
        }.RunAsync();
    }
}
