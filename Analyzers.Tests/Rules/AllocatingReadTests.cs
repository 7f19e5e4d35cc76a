using Fragless.Analyzers.Rules;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Verify = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG002 diagnostics: every catalogue entry reported in a loop and not outside one; messages; scope; odd input.</summary>
public class AllocatingReadTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Numerics;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;

        """;

    private const string Setup = """
                var reader = new BinaryReader(Stream.Null);
                var ms = new MemoryStream();
                var bytes = new byte[] { 1, 2, 3 };
                var chars = new[] { 'a', 'b' };
                var text = "abc";
                var list = new List<int> { 1 };
                var queue = new Queue<int>();
                var stack = new Stack<int>();
                IEnumerable<int> seq = list;
                var segment = new ArraySegment<byte>(bytes);
                var udp = new UdpClient();
                IPEndPoint ep = null;
                HttpContent content = new ByteArrayContent(bytes);
                var http = new HttpClient();
                HashAlgorithm hash = SHA256.Create();
        """;

    /// <summary>(call with markup, whether it is awaited). Every catalogue entry that is active on net10.0.</summary>
    public static TheoryData<string> Calls() => new()
    {
        "reader.ReadBytes(4)",
        "reader.ReadChars(4)",
        "File.ReadAllBytes(\"a.bin\")",
        "ms.ToArray()",
        "Encoding.UTF8.GetBytes(text)",
        "Encoding.ASCII.GetBytes(chars)",
        "Encoding.ASCII.GetBytes(chars, 0, 1)",
        "Encoding.UTF8.GetChars(bytes)",
        "Encoding.UTF8.GetChars(bytes, 0, 2)",
        "BitConverter.GetBytes(42)",
        "BitConverter.GetBytes(1.5)",
        "Guid.NewGuid().ToByteArray()",
        "Convert.FromBase64String(\"AAEC\")",
        "Convert.ToBase64String(bytes)",
        "text.ToCharArray()",
        "text.ToCharArray(0, 2)",
        "decimal.GetBits(1.5m)",
        "segment.ToArray()",
        "list.ToArray()",
        "queue.ToArray()",
        "stack.ToArray()",
        "seq.ToArray()",
        "udp.Receive(ref ep)",
        "await |udp.ReceiveAsync()",
        "IPAddress.Loopback.GetAddressBytes()",
        "await |content.ReadAsByteArrayAsync()",
        "await |http.GetByteArrayAsync(\"http://localhost/\")",
        "hash.ComputeHash(bytes)",
        "hash.ComputeHash(bytes, 0, 2)",
        "RandomNumberGenerator.GetBytes(8)",
        "BigInteger.One.ToByteArray()",
    };

    private static string Source(string call, bool inLoop)
    {
        var prefix = call.Contains('|') ? call.Substring(0, call.IndexOf('|')) : string.Empty;
        var expression = call.Substring(prefix.Length).TrimStart('|');
        var marked = inLoop ? prefix + "[|" + expression + "|]" : prefix + expression;
        var use = inLoop
            ? "for (int i = 0; i < n; i++)\n        {\n            var r = " + marked + ";\n            Console.WriteLine(r);\n        }"
            : "var r = " + marked + ";\n        Console.WriteLine(r);";
        return Usings + "class C\n{\n    static async Task M(int n)\n    {\n" + Setup + "\n        " + use + "\n    }\n}\n";
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task CatalogueEntry_InALoop_IsReported(string call)
    {
        await Verify.VerifyAnalyzerAsync(Source(call, inLoop: true));
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task CatalogueEntry_OutsideALoop_IsNotReported(string call)
    {
        await Verify.VerifyAnalyzerAsync(Source(call, inLoop: false));
    }

    [Fact]
    public async Task Message_NamesTheCallAndTheSpanAlternative()
    {
        await Verify.VerifyAnalyzerAsync(
            """
            using System.IO;

            class C
            {
                static void M(BinaryReader reader)
                {
                    while (reader.BaseStream.Position < reader.BaseStream.Length)
                    {
                        var frame = {|#0:reader.ReadBytes(6)|};
                        System.Console.WriteLine(frame[0]);
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'BinaryReader.ReadBytes' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with 'Read(Span<byte>)' (no automatic fix: a use of 'frame' sees its length, which a longer reused buffer would change)"));
    }

    [Fact]
    public async Task NetStandard20_MessageNamesTheArrayOverload()
    {
        await new Verify.Test
        {
            TestCode = """
                using System.IO;

                class C
                {
                    static void M(BinaryReader reader)
                    {
                        for (int i = 0; i < 10; i++)
                        {
                            var frame = {|#0:reader.ReadBytes(6)|};
                            System.Console.WriteLine(frame[0]);
                        }
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic().WithLocation(0).WithMessage("'BinaryReader.ReadBytes' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with 'Read(byte[], int, int)' (no automatic fix: a use of 'frame' sees its length, which a longer reused buffer would change)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task NetStandard20_BitConverterSuggestsByteWrites()
    {
        await new Verify.Test
        {
            TestCode = """
                using System;

                class C
                {
                    static void M(int[] values)
                    {
                        foreach (var v in values)
                            Console.WriteLine({|#0:BitConverter.GetBytes(v)|}.Length);
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic().WithLocation(0).WithMessage("'BitConverter.GetBytes' allocates a new byte[] on every iteration of the loop in 'M'; write the value's bytes into a reused byte[] (shifts and casts) (no automatic fix: there is no single statement before which to fill the buffer)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task NetStandard20_EntriesWithoutAnAlternativeThereAreInactive()
    {
        // Guid.TryWriteBytes, TryComputeHash and Convert.TryFromBase64String do not exist on netstandard2.0.
        await new Verify.Test
        {
            TestCode = """
                using System;
                using System.Security.Cryptography;

                class C
                {
                    static void M(HashAlgorithm hash, byte[] data, string base64)
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            Console.WriteLine(Guid.NewGuid().ToByteArray()[0]);
                            Console.WriteLine(hash.ComputeHash(data)[0]);
                            Console.WriteLine(Convert.FromBase64String(base64)[0]);
                        }
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
        }.RunAsync();
    }

    [Fact]
    public async Task ScopeEverywhere_ReportsOutsideLoopsEachTimeTheMethodRuns_ButNotAKeptResult()
    {
        await new Verify.Test
        {
            TestCode = """
                using System;
                using System.IO;

                class C
                {
                    static void Send(Stream port, int v)
                    {
                        var raw = {|#0:BitConverter.GetBytes(v)|};
                        port.Write(raw, 0, raw.Length);
                    }

                    static byte[] Keep(int v) => BitConverter.GetBytes(v);
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG002.scope = everywhere") } },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic().WithLocation(0).WithMessage("'BitConverter.GetBytes' allocates a new byte[] each time 'Send' runs; write into a reused buffer with 'BitConverter.TryWriteBytes(Span<byte>, value)' (no automatic fix: only calls in loops are rewritten)"),
            },
        }.RunAsync();
    }

    [Theory]
    [InlineData("loops")]
    [InlineData("sometimes")]
    [InlineData("")]
    public async Task ScopeLoopsOrUnreadable_OutsideLoopsIsNotReported(string value)
    {
        await new Verify.Test
        {
            TestCode = """
                using System;

                class C
                {
                    static byte[] M(int v) => BitConverter.GetBytes(v);
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG002.scope = " + value) } },
        }.RunAsync();
    }

    [Fact]
    public async Task LoopDefinition_IsFrag001s()
    {
        // A for initializer and a foreach collection run once; a lambda in a loop is not in it; a call followed by break runs once.
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class C
            {
                static void M(BinaryReader reader, int n)
                {
                    for (var header = reader.ReadBytes(4); n > 0; n--) Console.WriteLine(header.Length);
                    foreach (var b in reader.ReadBytes(8)) Console.WriteLine(b);
                    for (int i = 0; i < n; i++)
                    {
                        Func<byte[]> later = () => reader.ReadBytes(2);
                        Console.WriteLine(later);
                        if (i == 3)
                        {
                            Console.WriteLine(reader.ReadBytes(1).Length);
                            break;
                        }
                    }
                    while (n-- > 0 && [|reader.ReadBytes(2)|].Length == 2) { }
                }
            }
            """);
    }

    [Fact]
    public async Task ReadIntoApis_AreNotReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Text;

            class C
            {
                static void M(BinaryReader reader, string s, int n)
                {
                    var buffer = new byte[64];
                    for (int i = 0; i < n; i++)
                    {
                        reader.Read(buffer, 0, 6);
                        Encoding.UTF8.GetBytes(s, 0, s.Length, buffer, 0);
                        BitConverter.TryWriteBytes(buffer, i);
                        Guid.NewGuid().TryWriteBytes(buffer);
                    }
                }
            }
            """);
    }

    // A catalogue row names its type in full: a type of the same simple name elsewhere (the global namespace, nested
    // in another type) is not the row's, and its methods are judged like any other.
    [Fact]
    public async Task TypesNamedLikeACatalogueTypeElsewhere_AreNotTheCataloguesType()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            class MemoryStream
            {
                public byte[] ToArray() => new byte[4];
                public bool TryGetBuffer(out ArraySegment<byte> buffer) { buffer = default; return false; }
                public byte[] GetBuffer() => null;
            }

            namespace System.IO
            {
                class Outer
                {
                    public class MemoryStream
                    {
                        public byte[] ToArray() => new byte[4];
                        public byte[] GetBuffer() => null;
                    }
                }
            }

            class C
            {
                static int M(MemoryStream own, System.IO.Outer.MemoryStream nested, System.IO.MemoryStream real)
                {
                    int total = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        total += own.ToArray().Length;
                        total += nested.ToArray().Length;
                        total += [|real.ToArray()|].Length;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task SubclassAndInterfaceReceivers_AreMatchedThroughTheirBase()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Security.Cryptography;

            class FrameReader : BinaryReader
            {
                public FrameReader(Stream s) : base(s) { }
            }

            class C
            {
                static void M(FrameReader reader, SHA256 sha, byte[] data)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        Console.WriteLine([|reader.ReadBytes(2)|]);
                        Console.WriteLine([|sha.ComputeHash(data)|]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SerialPortStub_ReadExistingIsReportedAndReadIsNot()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            namespace System.IO.Ports
            {
                public class SerialPort
                {
                    public int BytesToRead => 0;
                    public string ReadExisting() => "";
                    public int Read(byte[] buffer, int offset, int count) => 0;
                    public int Read(char[] buffer, int offset, int count) => 0;
                }
            }

            class C
            {
                static void M(System.IO.Ports.SerialPort port, byte[] buffer)
                {
                    while (port.BytesToRead > 0)
                    {
                        Console.WriteLine({|#0:port.ReadExisting()|});
                        port.Read(buffer, 0, buffer.Length);
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'SerialPort.ReadExisting' allocates a new string on every iteration of the loop in 'M'; read into a reused buffer with 'Read(byte[], int, int)' or 'Read(char[], int, int)' (no automatic fix: Fragless knows no rewrite for this call)"));
    }

    [Fact]
    public async Task SerialPortWithoutSystemIOPorts_NothingHappens()
    {
        // The type name is the same but the namespace is not System.IO.Ports, and it has no Read into a buffer.
        await Verify.VerifyAnalyzerAsync("""
            namespace Acme
            {
                public class SerialPort
                {
                    public string ReadExisting() => "";
                }

                class C
                {
                    static void M(SerialPort port)
                    {
                        for (int i = 0; i < 3; i++)
                            System.Console.WriteLine(port.ReadExisting());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DeviceBus_AnyNamespace_ReportedWhenAFillingOverloadExists()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            namespace Meadow.Hardware
            {
                public interface II2cPeripheral
                {
                    byte[] ReadRegisters(byte address, int length);
                    void ReadRegisters(byte address, Span<byte> readBuffer);
                }
            }

            namespace Nano.Device
            {
                public class I2cDevice
                {
                    public byte[] Read(int count) => new byte[count];
                    public byte[] Identify() => new byte[2];
                }
            }

            class C
            {
                static void M(Meadow.Hardware.II2cPeripheral sensor, Nano.Device.I2cDevice bus)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        Console.WriteLine({|#0:sensor.ReadRegisters(0xF7, 8)|}[0]);
                        Console.WriteLine(bus.Read(4)[0]);
                        Console.WriteLine(bus.Identify()[0]);
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'II2cPeripheral.ReadRegisters' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with 'ReadRegisters(byte, Span<byte>)' (no automatic fix: Fragless knows no rewrite for this call)"));
    }

    [Fact]
    public async Task HalfTypedCode_IsNotReportedAndDoesNotThrow()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class C
            {
                static void M(BinaryReader reader)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        var a = reader.ReadBytes({|CS0103:count|});
                        var b = BitConverter.GetBytes({|CS0103:missing|});
                        var c = {|CS0103:unknown|}.ToArray();
                        var d = reader.{|CS1061:ReadBites|}(3);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task UdpReceiveAsync_MessageSaysTheBufferInsideTheResult()
    {
        await Verify.VerifyAnalyzerAsync(
            """
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class C
            {
                static async Task M(UdpClient udp)
                {
                    while (true)
                    {
                        var result = await {|#0:udp.ReceiveAsync()|};
                        System.Console.WriteLine(result.Buffer.Length);
                    }
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'UdpClient.ReceiveAsync' allocates a new byte[] on every iteration of the loop in 'M'; receive into a reused buffer with 'Client.ReceiveFromAsync(Memory<byte>, SocketFlags, EndPoint, CancellationToken)' on the client's Socket (no automatic fix: Fragless knows no rewrite for this call)"));
    }
}
