using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 negatives (not reported) and positives that are reported without a fix, because no fix would keep behaviour.
/// </summary>
public class BufferAllocationInLoopTests
{
    [Fact]
    public async Task AllocationOutsideLoops_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;

            class C
            {
                static int M(Stream s)
                {
                    var buffer = new byte[64];
                    var sb = new StringBuilder();
                    return s.Read(buffer, 0, buffer.Length) + sb.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task ForInitializerAndForEachCollection_RunOnce_AreNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                static int M()
                {
                    int sum = 0;
                    for (var b = new byte[4]; sum < b.Length; sum++) { }
                    foreach (var x in new int[] { 1, 2, 3 }) sum += x;
                    foreach (var x in new[] { 4, 5 }) sum += x;
                    return sum;
                }
            }
            """);
    }

    [Fact]
    public async Task ZeroLengthArraysAndStackalloc_AreNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class C
            {
                static int M(int n)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var a = new byte[0];
                        var b = new int[] { };
                        var c = Array.Empty<byte>();
                        Span<byte> d = stackalloc byte[16];
                        d[0] = (byte)i;
                        total += a.Length + b.Length + c.Length + d[0];
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task LambdaAndLocalFunctionDeclaredInLoop_AreNotInTheLoop()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class C
            {
                static List<Func<byte[]>> M(int n)
                {
                    var makers = new List<Func<byte[]>>();
                    for (int i = 0; i < n; i++)
                    {
                        makers.Add(() => new byte[8]);
                        byte[] Make() => new byte[16];
                        makers.Add(Make);
                    }
                    return makers;
                }
            }
            """);
    }

    [Fact]
    public async Task AllocationFollowedByBreakReturnOrThrow_RunsOncePerLoop()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class C
            {
                static int Break(Stream s)
                {
                    int n = 0;
                    while (true)
                    {
                        if (s.Length > 10)
                        {
                            var header = new byte[4];
                            n = s.Read(header, 0, 4);
                            break;
                        }
                        n++;
                        if (n > 100) return n;
                    }
                    return n;
                }

                static byte[] Return(int[] sizes)
                {
                    foreach (var size in sizes)
                    {
                        if (size > 0)
                        {
                            var result = new byte[16];
                            result[0] = (byte)size;
                            Console.WriteLine(result[0]);
                            return null;
                        }
                    }
                    return null;
                }

                static void Throw(int[] codes)
                {
                    for (int i = 0; i < codes.Length; i++)
                    {
                        if (codes[i] < 0)
                        {
                            var text = new char[] { 'b', 'a', 'd' };
                            throw new InvalidOperationException(new string(text));
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task BreakOfAnInnerLoopOnly_StillRepeatsInTheOuterLoop()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                class C
                {
                    static void M(Stream s, int frames)
                    {
                        for (int f = 0; f < frames; f++)
                        {
                            while (true)
                            {
                                var header = [|new byte[4]|];
                                s.Read(header, 0, 4);
                                break;
                            }
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                class C
                {
                    static void M(Stream s, int frames)
                    {
                        var header = new byte[4];

                        for (int f = 0; f < frames; f++)
                        {
                            while (true)
                            {
                                Array.Clear(header, 0, header.Length);
                                s.Read(header, 0, 4);
                                break;
                            }
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Theory]
    [InlineData("field = buffer;")]
    [InlineData("Property = buffer;")]
    [InlineData("s_static = buffer;")]
    [InlineData("kept.Add(buffer);")]
    [InlineData("last = buffer;")]
    [InlineData("all[i] = buffer;")]
    [InlineData("Store(buffer);")]
    [InlineData("queue.Enqueue(buffer);")]
    [InlineData("actions.Add(() => buffer.Length);")]
    [InlineData("pending.Add(output.WriteAsync(buffer, 0, 4));")]
    [InlineData("views.Add(new MemoryStream(buffer));")]
    [InlineData("if (i == 3) return buffer;")]
    public async Task BufferThatOutlivesTheIteration_IsNotReported(string escape)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class C
            {
                byte[] field;
                static byte[] s_static;
                byte[] Property { get; set; }
                List<byte[]> kept = new List<byte[]>();
                Queue<byte[]> queue = new Queue<byte[]>();
                List<Func<int>> actions = new List<Func<int>>();
                List<Task> pending = new List<Task>();
                List<Stream> views = new List<Stream>();
                byte[][] all = new byte[8][];
                static List<byte[]> s_store = new List<byte[]>();

                static void Store(byte[] data) => s_store.Add(data);

                byte[] M(Stream output)
                {
                    byte[] last = null;
                    for (int i = 0; i < 8; i++)
                    {
                        var buffer = new byte[4];
                        {{escape}}
                    }
                    return last;
                }
            }
            """);
    }

    // A callee whose other uses only index the buffer still keeps it here: the callee summary must not stop at the indexing.
    [Theory]
    [InlineData("static void Store(byte[] data) { data[0] = 1; var n = data.Length; s_store.Add(data); }")]
    [InlineData("static void Store(byte[] data) { data[0]++; Action a = () => data[1]++; s_actions.Add(a); }")]
    [InlineData("static void Store(byte[] data) { (data[0], data[1]) = (1, 2); s_last = data; }")]
    [InlineData("static void Store(byte[] data) { if (data[0] == 0) s_last = data; }")]
    [InlineData("static void Store(byte[] data) => s_last = data[0] == 0 ? data : null;")]
    [InlineData("static void Store(byte[] data) { new Holder(data); }")]
    [InlineData("static void Store(byte[] data) { data[0] = 1; s_last = data ?? throw new ArgumentNullException(nameof(data)); }")]
    [InlineData("static void Store(byte[] data) { s_all[data[0]] = data; }")]
    [InlineData("static void Store(byte[] data) { var c = new C(); c._own = data; }")]
    [InlineData("static void Store(byte[] data) { Func<int, bool> small = x => x < 4; if (small(data[0])) s_last = data; }")]
    public async Task CalleeThatIndexesTheBufferAndAlsoKeepsIt_IsNotReported(string callee)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;

            class Base
            {
                public static byte[] Kept;
                protected Base(byte[] data) { Kept = data; }
            }

            class Holder : Base
            {
                public Holder(byte[] data) : base(data) { data[0] = 1; }
            }

            class C
            {
                static List<byte[]> s_store = new List<byte[]>();
                static List<Action> s_actions = new List<Action>();
                static byte[] s_last;
                static byte[][] s_all = new byte[1][];
                byte[] _own;

                {{callee}}

                void M()
                {
                    for (int i = 0; i < 8; i++)
                    {
                        var buffer = new byte[4];
                        Store(buffer);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task YieldedBuffer_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class C
            {
                static IEnumerable<byte[]> Chunks(int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var chunk = new byte[8];
                        chunk[0] = (byte)i;
                        yield return chunk;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NonBuffers_AreNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class C
            {
                static int M(byte[] data)
                {
                    int total = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        var r = new Random(i);
                        var o = new object();
                        var wrapped = new MemoryStream(data);
                        Console.WriteLine("{0} {1} {2} {3}", i, total, r.Next(), o.GetHashCode());
                        total += (int)wrapped.Length;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task GeneratedCode_IsNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            class C
            {
                static void M(System.IO.Stream s)
                {
                    for (int i = 0; i < 4; i++)
                        s.Write(new byte[4], 0, 4);
                }
            }
            """);
    }

    [Fact]
    public async Task BrokenCode_IsAnalyzedWithoutExceptionsAndHalfTypedSizesAreNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                static void M(System.IO.Stream s)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        var a = new byte[{|CS0103:size|}];
                        var b = new {|CS0246:Missing|}();
                        var c = new byte[4];
                        {|CS0103:Unknown|}(c);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task HalfTypedLoop_IsAnalyzedWithoutExceptions()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                static void M(System.IO.Stream s)
                {
                    while ({|CS1525:)|}
                    {
                        var b = [|new byte[4]|];
                        s.Read(b, 0, 4);
                    }
                }
            }
            """);
    }

    // Reported, but without a fix: no rewrite would keep what the program does.

    [Fact]
    public async Task SizeChangesEveryIteration_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static void M(Stream s, int n)
                {
                    for (int i = 1; i < n; i++)
                    {
                        var b = {|#0:new byte[i]|};
                        s.Read(b, 0, b.Length);
                    }
                }
            }
            """, VerifyCS.Diagnostic().WithLocation(0).WithArguments("'b' allocates a new byte[i]", "on every iteration of the loop in 'M'", " (no automatic fix: its size changes between iterations)"));
    }

    [Fact]
    public async Task UnknownCallee_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static void M(TextWriter w, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var b = [|new byte[4]|];
                        System.Diagnostics.Process.GetProcessById(b[0]);
                        Outside.Consume(b);
                    }
                }
            }

            abstract class Outside
            {
                public static void Consume(byte[] data) => Instance.Take(data);
                static Outside Instance;
                protected abstract void Take(byte[] data);
            }
            """);
    }

    [Fact]
    public async Task UsingDeclarationInLoop_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static long M(byte[][] payloads)
                {
                    long total = 0;
                    foreach (var p in payloads)
                    {
                        using var ms = [|new MemoryStream()|];
                        ms.Write(p, 0, p.Length);
                        total += ms.Length;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task InitializedArrayThatIsWritten_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            class C
            {
                static int M(int n)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var header = [|new byte[] { 1, 2, 3 }|];
                        header[1] = (byte)i;
                        total += header[0] + header[1] + header[2];
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task CapacityObserved_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static int M(int n)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var ms = [|new MemoryStream()|];
                        ms.WriteByte((byte)i);
                        total += ms.GetBuffer().Length;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task ReassignedLocal_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System;

            class C
            {
                static int M(int n)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var b = [|new byte[4]|];
                        Array.Resize(ref b, 8);
                        total += b.Length;
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task ListCopiedFromACollection_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.Collections.Generic;

            class C
            {
                static int M(int[] source, int n)
                {
                    int total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var copy = [|new List<int>(source)|];
                        copy.Sort();
                        total += copy[0];
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task AllocationInWhileCondition_WrittenBuffer_IsReportedWithoutFix()
    {
        await VerifyNoFixAsync("""
            using System.IO;

            class C
            {
                static int M(Stream s)
                {
                    int reads = 0;
                    while (s.Read([|new byte[8]|], 0, 8) > 0)
                        reads++;
                    return reads;
                }
            }
            """);
    }

    [Fact]
    public async Task BufferKeptThroughAView_IsNotReported_ButADroppedViewIs()
    {
        await VerifyNoFixAsync("""
            using System;
            using System.Collections.Generic;

            class C
            {
                public ArraySegment<byte> Payload { get; set; }

                int M(int n, List<Memory<byte>> frames)
                {
                    var total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        Payload = new ArraySegment<byte>(new byte[8]);
                        frames.Add(new Memory<byte>(new byte[16], 0, 4));
                        var scratch = new ArraySegment<byte>([|new byte[32]|], 0, 4);
                        total += scratch.Count;
                    }
                    return total;
                }
            }
            """);
    }

    // Options.

    [Fact]
    public async Task ReportEscaping_ReportsEscapingBuffersWithoutFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                class C
                {
                    static List<byte[]> M(int n)
                    {
                        var all = new List<byte[]>();
                        for (int i = 0; i < n; i++)
                        {
                            var b = {|#0:new byte[4]|};
                            all.Add(b);
                        }
                        return all;
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("'b' allocates a new byte[4]", "on every iteration of the loop in 'M'", " (no automatic fix: 'b' is kept by 'List.Add')") },
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG001.report_escaping = true") } },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Theory]
    [InlineData("fragless.FRAG001.report_escaping = false")]
    [InlineData("fragless.FRAG001.report_escaping = maybe")]
    [InlineData("fragless.FRAG001.report_escaping =")]
    public async Task ReportEscaping_OffOrMalformed_FallsBackToDefault(string line)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                class C
                {
                    static List<byte[]> M(int n)
                    {
                        var all = new List<byte[]>();
                        for (int i = 0; i < n; i++)
                            all.Add(new byte[4]);
                        return all;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp(line) } },
        }.RunAsync();
    }

    [Theory]
    [InlineData("Buffers.FrameBuffer")]
    [InlineData("global::Buffers.FrameBuffer, ,Nonexistent.Type")]
    [InlineData(" Buffers.FrameBuffer , Buffers.Ring<T>")]
    public async Task BufferTypesOption_AddsTypes(string value)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                namespace Buffers
                {
                    class FrameBuffer { public int Width; }
                    class Ring<T> { public T Last; }

                    class C
                    {
                        static int M(int n)
                        {
                            int total = 0;
                            for (int i = 0; i < n; i++)
                            {
                                var fb = [|new FrameBuffer()|];
                                fb.Width = i;
                                total += fb.Width;
                            }
                            return total;
                        }
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.buffer_types = " + value) } },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task BufferTypesOption_GenericSpelling()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                class C
                {
                    static int M(int n)
                    {
                        int total = 0;
                        for (int i = 0; i < n; i++)
                        {
                            var q = [|new Queue<int>()|];
                            q.Enqueue(i);
                            total += q.Count;
                        }
                        return total;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.buffer_types = System.Collections.Generic.Queue<T>") } },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    private static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
