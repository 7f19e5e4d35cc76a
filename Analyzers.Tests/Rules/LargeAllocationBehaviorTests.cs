using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 fixes proven by execution: each program calls the fixed method several times and prints what it sees,
/// so a buffer that kept the previous run's contents (a missing reset) would change the output.
/// </summary>
public class LargeAllocationBehaviorTests
{
    [Fact]
    public async Task InstanceMethod_ArrayBecomesReadonlyFieldAndIsClearedEachCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                public class PacketHandler
                {
                    private int _handled;

                    public int OnPacket(Stream source)
                    {
                        var buffer = {|#0:new byte[4096]|};
                        int read = source.Read(buffer, 0, 8);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + buffer[i];
                        _handled++;
                        return sum + read;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var handler = new PacketHandler();
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 7 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[0])));
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'buffer' allocates 4096 bytes each time 'OnPacket' runs; allocate it once at startup") },
            FixedCode = """
                using System;
                using System.IO;

                public class PacketHandler
                {
                    private int _handled;
                    private readonly byte[] _buffer = new byte[4096];

                    public int OnPacket(Stream source)
                    {
                        Array.Clear(_buffer, 0, _buffer.Length);
                        int read = source.Read(_buffer, 0, 8);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + _buffer[i];
                        _handled++;
                        return sum + read;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var handler = new PacketHandler();
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 7 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[0])));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task StaticMethod_StaticReadonlyFieldFollowsTheTypesStyle()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public static class Telemetry
                {
                    private static int s_sent;

                    public static string Encode(int sensor, int value)
                    {
                        var packet = [|new byte[2048]|];
                        packet[sensor] = (byte)value;
                        packet[sensor + 1] ^= 0x5A;
                        int sum = 0;
                        for (int i = 0; i < 8; i++) sum += packet[i] * (i + 1);
                        s_sent++;
                        return sum + "/" + s_sent;
                    }

                    public static void Main()
                    {
                        Console.WriteLine(Encode(1, 10));
                        Console.WriteLine(Encode(2, 20));
                        Console.WriteLine(Encode(1, 30));
                    }
                }
                """,
            FixedCode = """
                using System;

                public static class Telemetry
                {
                    private static int s_sent;
                    private static readonly byte[] s_packet = new byte[2048];

                    public static string Encode(int sensor, int value)
                    {
                        Array.Clear(s_packet, 0, s_packet.Length);
                        s_packet[sensor] = (byte)value;
                        s_packet[sensor + 1] ^= 0x5A;
                        int sum = 0;
                        for (int i = 0; i < 8; i++) sum += s_packet[i] * (i + 1);
                        s_sent++;
                        return sum + "/" + s_sent;
                    }

                    public static void Main()
                    {
                        Console.WriteLine(Encode(1, 10));
                        Console.WriteLine(Encode(2, 20));
                        Console.WriteLine(Encode(1, 30));
                    }
                }
                """,
            BehaviorEntryPoint = "Telemetry.Main",
        }.RunAsync();
    }

    [Fact]
    public async Task StringBuilder_ClearedEachCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Text;

                public class Reporter
                {
                    private readonly string m_name = "node7";

                    public string Report(int[] readings)
                    {
                        var line = [|new StringBuilder(1024)|];
                        line.Append(m_name).Append(':');
                        foreach (var r in readings) line.Append(' ').Append(r);
                        return line.ToString();
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var reporter = new Reporter();
                        Console.WriteLine(reporter.Report(new[] { 1, 2 }));
                        Console.WriteLine(reporter.Report(new[] { 3 }));
                        Console.WriteLine(reporter.Report(new int[0]));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Text;

                public class Reporter
                {
                    private readonly string m_name = "node7";
                    private readonly StringBuilder m_line = new StringBuilder(1024);

                    public string Report(int[] readings)
                    {
                        m_line.Clear();
                        m_line.Append(m_name).Append(':');
                        foreach (var r in readings) m_line.Append(' ').Append(r);
                        return m_line.ToString();
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var reporter = new Reporter();
                        Console.WriteLine(reporter.Report(new[] { 1, 2 }));
                        Console.WriteLine(reporter.Report(new[] { 3 }));
                        Console.WriteLine(reporter.Report(new int[0]));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task MemoryStream_SetLengthEachCall_AndListCleared()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                public class Encoder
                {
                    public int Encode(byte value, int repeat)
                    {
                        var stream = [|new MemoryStream(4096)|];
                        var offsets = [|new List<int>(512)|];
                        for (int i = 0; i < repeat; i++)
                        {
                            offsets.Add((int)stream.Position);
                            stream.WriteByte(value);
                        }
                        return (int)stream.Length * 100 + offsets.Count * 10 + (int)stream.Position;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var encoder = new Encoder();
                        Console.WriteLine(encoder.Encode(1, 3));
                        Console.WriteLine(encoder.Encode(2, 1));
                        Console.WriteLine(encoder.Encode(3, 0));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;

                public class Encoder
                {
                    private readonly MemoryStream _stream = new MemoryStream(4096);
                    private readonly List<int> _offsets = new List<int>(512);

                    public int Encode(byte value, int repeat)
                    {
                        _stream.SetLength(0);
                        _offsets.Clear();
                        for (int i = 0; i < repeat; i++)
                        {
                            _offsets.Add((int)_stream.Position);
                            _stream.WriteByte(value);
                        }
                        return (int)_stream.Length * 100 + _offsets.Count * 10 + (int)_stream.Position;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var encoder = new Encoder();
                        Console.WriteLine(encoder.Encode(1, 3));
                        Console.WriteLine(encoder.Encode(2, 1));
                        Console.WriteLine(encoder.Encode(3, 0));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task Inline_ReadIntoNewBuffer_GetsAFieldAndAReset()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                public class Probe
                {
                    public int Sample(Stream port)
                    {
                        return Checksum([|new byte[1500]|], port);
                    }

                    private static int Checksum(byte[] frame, Stream port)
                    {
                        port.Read(frame, 0, 4);
                        return frame[0] * 1000 + frame[1] * 100 + frame[2] * 10 + frame[3];
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var probe = new Probe();
                        Console.WriteLine(probe.Sample(new MemoryStream(new byte[] { 1, 2, 3, 4 })));
                        Console.WriteLine(probe.Sample(new MemoryStream(new byte[] { 5 })));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                public class Probe
                {
                    private readonly byte[] _buffer = new byte[1500];

                    public int Sample(Stream port)
                    {
                        Array.Clear(_buffer, 0, _buffer.Length);
                        return Checksum(_buffer, port);
                    }

                    private static int Checksum(byte[] frame, Stream port)
                    {
                        port.Read(frame, 0, 4);
                        return frame[0] * 1000 + frame[1] * 100 + frame[2] * 10 + frame[3];
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var probe = new Probe();
                        Console.WriteLine(probe.Sample(new MemoryStream(new byte[] { 1, 2, 3, 4 })));
                        Console.WriteLine(probe.Sample(new MemoryStream(new byte[] { 5 })));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    /// <summary>Static fields here are PascalCase, so the new ones are too; <c>Buffer</c> would hide System.Buffer, so it is skipped.</summary>
    [Fact]
    public async Task FixAll_TwoMethodsWithTheSameLocalName_GetDistinctPascalCaseFields_AvoidingSystemBuffer()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public class Codec
                {
                    private const int Size = 1024;
                    private static readonly int Twice = Size * 2;

                    public static int Pack(int seed)
                    {
                        var buffer = [|new byte[Size]|];
                        buffer[seed % Size] += (byte)seed;
                        return buffer[seed % Size] + buffer[0];
                    }

                    public static int Unpack(int seed)
                    {
                        var buffer = [|new byte[Size * 2]|];
                        return buffer.Length + buffer[seed];
                    }

                    public static void Main()
                    {
                        Console.WriteLine(Pack(3) + "," + Pack(3) + "," + Pack(1024));
                        Console.WriteLine(Unpack(5) + "," + Unpack(7));
                    }
                }
                """,
            FixedCode = """
                using System;

                public class Codec
                {
                    private const int Size = 1024;
                    private static readonly int Twice = Size * 2;
                    private static readonly byte[] Buffer1 = new byte[Size];
                    private static readonly byte[] Buffer2 = new byte[Size * 2];

                    public static int Pack(int seed)
                    {
                        Array.Clear(Buffer1, 0, Buffer1.Length);
                        Buffer1[seed % Size] += (byte)seed;
                        return Buffer1[seed % Size] + Buffer1[0];
                    }

                    public static int Unpack(int seed)
                    {
                        return Buffer2.Length + Buffer2[seed];
                    }

                    public static void Main()
                    {
                        Console.WriteLine(Pack(3) + "," + Pack(3) + "," + Pack(1024));
                        Console.WriteLine(Unpack(5) + "," + Unpack(7));
                    }
                }
                """,
            BehaviorEntryPoint = "Codec.Main",
        }.RunAsync();
    }
}
