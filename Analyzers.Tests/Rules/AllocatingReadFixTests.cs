using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG002 reported without a fix wherever no rewrite would keep what the program does; equivalence keys.</summary>
public class AllocatingReadFixTests
{
    private static Task VerifyNoFixAsync(string source, string? editorConfig = null)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(EditorConfigFile.ForCSharp(editorConfig));
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task ReadBytes_ElementsRead_NoFix()
    {
        // frame[5] throws on a short read at the end of the stream; a reused 6-byte buffer would not.
        await VerifyNoFixAsync("""
            using System;
            using System.IO;

            class C
            {
                static void M(BinaryReader reader)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        var frame = [|reader.ReadBytes(6)|];
                        Console.WriteLine(frame[0] + frame[5]);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ReadBytes_VariableCount_NoFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static void M(BinaryReader reader, Stream output, int[] sizes)
                {
                    foreach (var size in sizes)
                    {
                        var block = [|reader.ReadBytes(size)|];
                        output.Write(block, 0, block.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ReadBytes_WholeArrayHandedToAMethod_NoFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static int Sum(byte[] data) { int s = 0; foreach (var b in data) s += b; return s; }

                static void M(BinaryReader reader)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        var block = [|reader.ReadBytes(4)|];
                        System.Console.WriteLine(Sum(block));
                    }
                }
            }
            """);
    }

    /// <summary>Results stored, queued, captured or returned: the program's data, not churn.</summary>
    private const string KeptResults = """
        using System;
        using System.Collections.Generic;
        using System.IO;

        class C
        {
            byte[] _last;
            public event Action<byte[]> Received;
            public ArraySegment<byte> Payload { get; set; }

            byte[] M(BinaryReader reader, List<byte[]> frames, List<ReadOnlyMemory<byte>> views, Guid[] ids)
            {
                for (int i = 0; i < 4; i++)
                {
                    Payload = new ArraySegment<byte>([|BitConverter.GetBytes((ushort)i)|]);
                    views.Add(new ReadOnlyMemory<byte>([|BitConverter.GetBytes((uint)i)|], 0, 2));
                    Received?.Invoke([|BitConverter.GetBytes((short)i)|]);
                    frames.Add([|BitConverter.GetBytes(i)|]);
                    _last = [|reader.ReadBytes(4)|];
                    var kept = [|BitConverter.GetBytes((long)i)|];
                    Action later = () => Console.WriteLine(kept.Length);
                    later();
                }
                foreach (var id in ids)
                {
                    var raw = [|id.ToByteArray()|];
                    if (raw[0] == 0) return raw;
                }
                return null;
            }
        }
        """;

    [Fact]
    public async Task ResultOutlivesTheIteration_KeptDataIsNotReported()
    {
        await VerifyNoFixAsync(KeptResults.Replace("[|", "").Replace("|]", ""));
    }

    [Fact]
    public async Task ResultOutlivesTheIteration_ReportedWithReportKept_NoFix()
    {
        await VerifyNoFixAsync(KeptResults, "fragless.report_kept = true");
    }

    [Fact]
    public async Task ResultSeenThroughAViewThatIsDropped_IsReported()
    {
        await VerifyNoFixAsync("""
            using System;

            class C
            {
                static int M(int n)
                {
                    var total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var segment = new ArraySegment<byte>([|BitConverter.GetBytes(i)|], 0, 2);
                        total += segment.Count;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task ReassignedOrInLoopCondition_NoFix()
    {
        await VerifyNoFixAsync("""
            using System;
            using System.IO;

            class C
            {
                static void M(Stream port, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var bytes = [|BitConverter.GetBytes(i)|];
                        if (i == 2) bytes = new byte[4];
                        port.Write(bytes, 0, bytes.Length);
                        System.Collections.Generic.IEnumerable<byte> sequence = [|BitConverter.GetBytes(i)|];
                        foreach (var b in sequence) port.WriteByte(b);
                    }
                    while ([|BitConverter.GetBytes(n--)|][0] != 0) { }
                }
            }
            """);
    }

    [Fact]
    public async Task InlineWithEarlierSideEffects_NoFix()
    {
        // Filling the buffer before the statement would run GetBytes before Next(): the order of effects would change.
        await VerifyNoFixAsync("""
            using System;

            class C
            {
                int _counter;
                int Next() => ++_counter;
                static void Log(int sequence, byte[] data) => Console.WriteLine(sequence + ":" + data[0]);

                void M()
                {
                    for (int i = 0; i < 3; i++)
                        Log(Next(), [|BitConverter.GetBytes(_counter)|]);
                }
            }
            """);
    }

    [Fact]
    public async Task Encoding_UnknownConsumerOrComputedEncoding_NoFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;
            using System.Text;

            class C
            {
                static void Send(byte[] packet) => System.Console.WriteLine(packet.Length);

                static void M(string[] lines, Stream port)
                {
                    foreach (var line in lines)
                    {
                        var payload = [|Encoding.UTF8.GetBytes(line)|];
                        Send(payload);
                        var other = [|Encoding.GetEncoding("latin1").GetBytes(line)|];
                        port.Write(other, 0, other.Length);
                        var echo = [|Encoding.ASCII.GetBytes(line.Trim())|];
                        port.Write(echo, 0, echo.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task EncodingGetBytes_CountInALocalButTheLengthEscapes_NoFix()
    {
        // Issue #11: the count may go on in a local or be shortened, but only where nothing else sees the array's
        // length: not passed alone, iterated, returned, a count written again, larger than the length, or at an offset.
        const string Message = "'Encoding.GetBytes' allocates a new byte[] on every iteration of the loop in 'M'; encode into a reused buffer with 'GetBytes(ReadOnlySpan<char>, Span<byte>)' (no automatic fix: {0})";
        static string Sees(string name) => "a use of '" + name + "' sees its length, which a longer reused buffer would change";
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                using System.Text;

                class C
                {
                    static void Send(byte[] packet) => System.Console.WriteLine(packet.Length);

                    static byte[] M(string[] lines, Stream port)
                    {
                        foreach (var line in lines)
                        {
                            var alone = {|#0:Encoding.UTF8.GetBytes(line)|};
                            int n0 = alone.Length;
                            port.Write(alone, 0, n0);
                            Send(alone);

                            var iterated = {|#1:Encoding.UTF8.GetBytes(line)|};
                            int n1 = iterated.Length;
                            port.Write(iterated, 0, n1);
                            foreach (var b in iterated) port.WriteByte(b);

                            // Returned: kept data, not reported at all (and so never fixed).
                            var returned = Encoding.UTF8.GetBytes(line);
                            int n2 = returned.Length;
                            port.Write(returned, 0, n2);
                            if (n2 > 40) return returned;

                            var rewritten = {|#3:Encoding.UTF8.GetBytes(line)|};
                            int n3 = rewritten.Length;
                            n3++;
                            port.Write(rewritten, 0, n3);

                            var longer = {|#4:Encoding.UTF8.GetBytes(line)|};
                            port.Write(longer, 0, longer.Length + 1);

                            var offset = {|#5:Encoding.UTF8.GetBytes(line)|};
                            port.Write(offset, 1, offset.Length - 1);

                            var other = {|#6:Encoding.UTF8.GetBytes(line)|};
                            int n6 = line.Length;
                            port.Write(other, 0, n6);
                        }
                        return null;
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage(string.Format(Message, Sees("alone"))),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage(string.Format(Message, Sees("iterated"))),
                VerifyCS.Diagnostic().WithLocation(3).WithMessage(string.Format(Message, Sees("rewritten"))),
                VerifyCS.Diagnostic().WithLocation(4).WithMessage(string.Format(Message, Sees("longer"))),
                VerifyCS.Diagnostic().WithLocation(5).WithMessage(string.Format(Message, Sees("offset"))),
                VerifyCS.Diagnostic().WithLocation(6).WithMessage(string.Format(Message, Sees("other"))),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task MemoryStream_NotExposableOrDisposedOrNotWrittenNext_NoFix()
    {
        // GetBuffer throws on a stream made over an existing array; Length throws after Dispose (ToArray does not).
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static void M(byte[] source, Stream port, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var wrapped = new MemoryStream(source);
                        var a = [|wrapped.ToArray()|];
                        port.Write(a, 0, a.Length);

                        var closed = new MemoryStream();
                        closed.WriteByte(1);
                        closed.Dispose();
                        var b = [|closed.ToArray()|];
                        port.Write(b, 0, b.Length);

                        var later = new MemoryStream();
                        var c = [|later.ToArray()|];
                        later.WriteByte(2);
                        port.Write(c, 0, c.Length);

                        var doubled = new MemoryStream();
                        doubled.WriteByte(3);
                        doubled.Write([|doubled.ToArray()|]);
                        var d = [|doubled.ToArray()|];
                        doubled.Write(d, 0, d.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ToCharArray_IteratedOrIndexed_NoFix()
    {
        await VerifyNoFixAsync("""
            using System;

            class C
            {
                static void M(string[] words)
                {
                    foreach (var word in words)
                    {
                        var chars = [|word.ToCharArray()|];
                        foreach (var c in chars) Console.Write(c);
                        var upper = [|word.ToUpperInvariant().ToCharArray()|];
                        Console.WriteLine(upper.Length);
                        var a = [|word.ToCharArray()|];
                        for (int i = 0; i <= a.Length; i++) Console.Write(a[i]);
                        var b = [|word.ToCharArray()|];
                        for (int i = 0; i < b.Length; i++) Console.Write(b[i + 1]);
                        var e = [|word.ToCharArray()|];
                        for (int i = -1; i < e.Length; i++) Console.Write(e[i]);
                        var d = [|word.ToCharArray()|];
                        for (int i = 0; i < d.Length; i++) { i--; Console.Write(d[i]); i++; }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ScopeEverywhere_OutsideALoop_ReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System;
            using System.IO;

            class C
            {
                static void M(Stream port, int value)
                {
                    var bytes = [|BitConverter.GetBytes(value)|];
                    port.Write(bytes, 0, bytes.Length);
                }
            }
            """, "fragless.FRAG002.scope = everywhere");
    }

    [Fact]
    public async Task CatalogueEntriesWithoutAFix_ReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System;
            using System.IO;
            using System.Linq;
            using System.Collections.Generic;

            class C
            {
                static void M(BinaryReader reader, List<int> list, Stream port)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        var chars = [|reader.ReadChars(4)|];
                        var items = [|list.ToArray()|];
                        var copy = [|list.Where(x => x > i).ToArray()|];
                        Console.WriteLine(chars.Length + items.Length + copy.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task EveryFixKind_SharesTheReadIntoEquivalenceKey_SoOneFixAllAppliesEach()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                class C
                {
                    static void M(Stream port, Guid[] ids)
                    {
                        foreach (var id in ids)
                        {
                            var raw = [|id.ToByteArray()|];
                            port.Write(raw, 0, raw.Length);
                            var stamp = [|BitConverter.GetBytes(raw.Length)|];
                            port.Write(stamp, 0, stamp.Length);
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                class C
                {
                    static void M(Stream port, Guid[] ids)
                    {
                        var raw = new byte[16];
                        var stamp = new byte[4];

                        foreach (var id in ids)
                        {
                            id.TryWriteBytes(raw);
                            port.Write(raw, 0, raw.Length);
                            BitConverter.TryWriteBytes(stamp, raw.Length);
                            port.Write(stamp, 0, stamp.Length);
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = AllocatingReadFixer.ReadIntoKey,
            NumberOfIncrementalIterations = 2,
        }.RunAsync();
    }
}
