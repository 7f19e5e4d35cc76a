using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG001 positives: each is reported where the buffer is made and fixed without changing behaviour.</summary>
public class BufferAllocationInLoopFixTests
{
    [Fact]
    public async Task ArrayWrittenByRead_IsHoistedAndClearedEachIteration()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                class Program
                {
                    static void Pump(Stream input, Stream output)
                    {
                        while (true)
                        {
                            // one chunk
                            var chunk = {|#0:new byte[64]|};
                            int read = input.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            output.Write(chunk, 0, read);
                        }
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("'chunk' allocates a new byte[64]", "on every iteration of the loop in 'Pump'", "") },
            FixedCode = """
                using System;
                using System.IO;

                class Program
                {
                    static void Pump(Stream input, Stream output)
                    {
                        // one chunk
                        var chunk = new byte[64];

                        while (true)
                        {
                            Array.Clear(chunk, 0, chunk.Length);
                            int read = input.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            output.Write(chunk, 0, read);
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task ArrayNeverWritten_IsHoistedWithoutClearing()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Padder
            {
                static void Pad(Stream output, int blocks)
                {
                    for (int i = 0; i < blocks; i++)
                    {
                        byte[] zeros = [|new byte[16]|];
                        output.Write(zeros, 0, zeros.Length);
                    }
                }
            }
            """, """
            using System.IO;

            class Padder
            {
                static void Pad(Stream output, int blocks)
                {
                    byte[] zeros = new byte[16];

                    for (int i = 0; i < blocks; i++)
                    {
                        output.Write(zeros, 0, zeros.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task MemoryStream_IsHoistedAndTruncated()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Framer
            {
                static int Frame(byte[][] payloads, Stream output)
                {
                    int total = 0;
                    foreach (var payload in payloads)
                    {
                        var frame = [|new MemoryStream()|];
                        frame.WriteByte(0x7E);
                        frame.Write(payload, 0, payload.Length);
                        frame.WriteByte(0x7E);
                        total += (int)frame.Length;
                        frame.WriteTo(output);
                    }
                    return total;
                }
            }
            """, """
            using System.IO;

            class Framer
            {
                static int Frame(byte[][] payloads, Stream output)
                {
                    int total = 0;
                    var frame = new MemoryStream();

                    foreach (var payload in payloads)
                    {
                        frame.SetLength(0);
                        frame.WriteByte(0x7E);
                        frame.Write(payload, 0, payload.Length);
                        frame.WriteByte(0x7E);
                        total += (int)frame.Length;
                        frame.WriteTo(output);
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task StringBuilder_IsHoistedAndCleared()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Text;

            class Logger
            {
                static void Log(int[] readings)
                {
                    for (int i = 0; i < readings.Length; i++)
                    {
                        var line = [|new StringBuilder(32)|];
                        line.Append("t=").Append(i).Append(" v=").Append(readings[i]);
                        Console.WriteLine(line.ToString());
                    }
                }
            }
            """, """
            using System;
            using System.Text;

            class Logger
            {
                static void Log(int[] readings)
                {
                    var line = new StringBuilder(32);

                    for (int i = 0; i < readings.Length; i++)
                    {
                        line.Clear();
                        line.Append("t=").Append(i).Append(" v=").Append(readings[i]);
                        Console.WriteLine(line.ToString());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task List_IsHoistedAndCleared()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;

            class Filter
            {
                static int CountPeaks(int[][] windows)
                {
                    int peaks = 0;
                    foreach (var window in windows)
                    {
                        var above = [|new List<int>(8)|];
                        foreach (var sample in window)
                            if (sample > 100) above.Add(sample);
                        peaks += above.Count;
                    }
                    return peaks;
                }
            }
            """, """
            using System.Collections.Generic;

            class Filter
            {
                static int CountPeaks(int[][] windows)
                {
                    int peaks = 0;
                    var above = new List<int>(8);

                    foreach (var window in windows)
                    {
                        above.Clear();
                        foreach (var sample in window)
                            if (sample > 100) above.Add(sample);
                        peaks += above.Count;
                    }
                    return peaks;
                }
            }
            """);
    }

    [Fact]
    public async Task InlineArgument_GetsALocalBeforeTheLoop()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Poller
            {
                static int Drain(Stream input)
                {
                    int total = 0, read;
                    do
                    {
                        read = input.Read([|new byte[32]|], 0, 32);
                        total += read;
                    }
                    while (read > 0);
                    return total;
                }
            }
            """, """
            using System;
            using System.IO;

            class Poller
            {
                static int Drain(Stream input)
                {
                    int total = 0, read;
                    var buffer = new byte[32];

                    do
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                        read = input.Read(buffer, 0, 32);
                        total += read;
                    }
                    while (read > 0);
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task InlineInEmbeddedStatement_BecomesABlock()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Poller
            {
                static void Skip(Stream input, int chunks)
                {
                    for (int i = 0; i < chunks; i++)
                        input.Read([|new byte[8]|], 0, 8);
                }
            }
            """, """
            using System;
            using System.IO;

            class Poller
            {
                static void Skip(Stream input, int chunks)
                {
                    var buffer = new byte[8];

                    for (int i = 0; i < chunks; i++)
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                        input.Read(buffer, 0, 8);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task NestedLoops_ParameterSize_MadeOnFirstUseBeforeOutermostLoop()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output, int rows, int width)
                {
                    for (int y = 0; y < rows; y++)
                    {
                        for (int x = 0; x < 4; x++)
                        {
                            var pixels = [|new byte[width]|];
                            int n = input.Read(pixels, 0, pixels.Length);
                            output.Write(pixels, 0, n);
                        }
                    }
                }
            }
            """, """
            using System;
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output, int rows, int width)
                {
                    var pixels = Array.Empty<byte>();

                    for (int y = 0; y < rows; y++)
                    {
                        for (int x = 0; x < 4; x++)
                        {
                            if (pixels.Length != width)
                                pixels = new byte[width];
                            else
                                Array.Clear(pixels, 0, pixels.Length);
                            int n = input.Read(pixels, 0, pixels.Length);
                            output.Write(pixels, 0, n);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SizeSetInOuterLoop_HoistsOnlyOutOfTheInnerLoop()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output, int[] widths)
                {
                    foreach (var width in widths)
                    {
                        for (int x = 0; x < 4; x++)
                        {
                            var pixels = [|new byte[width]|];
                            int n = input.Read(pixels, 0, pixels.Length);
                            output.Write(pixels, 0, n);
                        }
                    }
                }
            }
            """, """
            using System;
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output, int[] widths)
                {
                    foreach (var width in widths)
                    {
                        var pixels = Array.Empty<byte>();

                        for (int x = 0; x < 4; x++)
                        {
                            if (pixels.Length != width)
                                pixels = new byte[width];
                            else
                                Array.Clear(pixels, 0, pixels.Length);
                            int n = input.Read(pixels, 0, pixels.Length);
                            output.Write(pixels, 0, n);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConstantIndexWritesCoverEveryElement_OfferReuseOfContents()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                class Protocol
                {
                    static void SendAll(Stream port, byte[] commands)
                    {
                        foreach (var command in commands)
                        {
                            var frame = [|new byte[4]|];
                            frame[0] = 0xAA;
                            frame[1] = command;
                            frame[2] = (byte)~command;
                            frame[3] = 0x55;
                            port.Write(frame, 0, frame.Length);
                        }
                    }
                }
                """,
            FixedCode = """
                using System.IO;

                class Protocol
                {
                    static void SendAll(Stream port, byte[] commands)
                    {
                        var frame = new byte[4];

                        foreach (var command in commands)
                        {
                            frame[0] = 0xAA;
                            frame[1] = command;
                            frame[2] = (byte)~command;
                            frame[3] = 0x55;
                            port.Write(frame, 0, frame.Length);
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.HoistKey,
        }.RunAsync();
    }

    [Fact]
    public async Task FillLoopCoversEveryElement_OfferReuseOfContents()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Dsp
                {
                    static int Sum(int frames)
                    {
                        int total = 0;
                        for (int f = 0; f < frames; f++)
                        {
                            var ramp = [|new int[8]|];
                            for (int i = 0; i < ramp.Length; i++)
                                ramp[i] = i * f;
                            foreach (var v in ramp) total += v;
                        }
                        return total;
                    }
                }
                """,
            FixedCode = """
                class Dsp
                {
                    static int Sum(int frames)
                    {
                        int total = 0;
                        var ramp = new int[8];

                        for (int f = 0; f < frames; f++)
                        {
                            for (int i = 0; i < ramp.Length; i++)
                                ramp[i] = i * f;
                            foreach (var v in ramp) total += v;
                        }
                        return total;
                    }
                }
                """,
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.HoistKey,
        }.RunAsync();
    }

    [Fact]
    public async Task ReuseProven_FirstActionReusesContents_NoUselessClear()
    {
        // A 3-byte ack whose 3 bytes are assigned each iteration: a reset before them would do nothing.
        await VerifyCS.VerifyCodeFixAsync("""
            class Dsp
            {
                static int Sum(int frames)
                {
                    int total = 0;
                    for (int f = 0; f < frames; f++)
                    {
                        var pair = [|new int[2]|];
                        pair[0] = f;
                        pair[1] = f * 2;
                        total += pair[0] + pair[1];
                    }
                    return total;
                }
            }
            """, """
            class Dsp
            {
                static int Sum(int frames)
                {
                    int total = 0;
                    var pair = new int[2];

                    for (int f = 0; f < frames; f++)
                    {
                        pair[0] = f;
                        pair[1] = f * 2;
                        total += pair[0] + pair[1];
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task ReuseProven_SecondActionStillResets()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Dsp
                {
                    static int Sum(int frames)
                    {
                        int total = 0;
                        for (int f = 0; f < frames; f++)
                        {
                            var pair = [|new int[2]|];
                            pair[0] = f;
                            pair[1] = f * 2;
                            total += pair[0] + pair[1];
                        }
                        return total;
                    }
                }
                """,
            FixedCode = """
                using System;

                class Dsp
                {
                    static int Sum(int frames)
                    {
                        int total = 0;
                        var pair = new int[2];

                        for (int f = 0; f < frames; f++)
                        {
                            Array.Clear(pair, 0, pair.Length);
                            pair[0] = f;
                            pair[1] = f * 2;
                            total += pair[0] + pair[1];
                        }
                        return total;
                    }
                }
                """,
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.HoistAndResetKey,
        }.RunAsync();
    }

    [Fact]
    public async Task InitializedArrayNeverWritten_IsHoisted()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Beacon
            {
                static void Ping(Stream port, int count)
                {
                    while (count-- > 0)
                    {
                        var ping = [|new byte[] { 0x50, 0x49, 0x4E, 0x47 }|];
                        port.Write(ping, 0, ping.Length);
                    }
                }
            }
            """, """
            using System.IO;

            class Beacon
            {
                static void Ping(Stream port, int count)
                {
                    var ping = new byte[] { 0x50, 0x49, 0x4E, 0x47 };

                    while (count-- > 0)
                    {
                        port.Write(ping, 0, ping.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CollectionExpressionArray_IsHoistedWithItsType()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Beacon
            {
                static void Ping(Stream port, int count)
                {
                    for (int i = 0; i < count; i++)
                        port.Write([|[1, 2, 3]|], 0, 3);
                }
            }
            """, """
            using System.IO;

            class Beacon
            {
                static void Ping(Stream port, int count)
                {
                    byte[] buffer = [1, 2, 3];

                    for (int i = 0; i < count; i++)
                        port.Write(buffer, 0, 3);
                }
            }
            """);
    }

    [Fact]
    public async Task NameTakenLaterInTheMethod_HoistedLocalIsRenamed()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Copier
            {
                static void Copy(Stream a, Stream b, Stream output)
                {
                    for (int i = 0; i < 2; i++)
                    {
                        var chunk = [|new byte[16]|];
                        int n = a.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                    {
                        var chunk = new byte[8];
                        int n = b.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                }
            }
            """, """
            using System;
            using System.IO;

            class Copier
            {
                static void Copy(Stream a, Stream b, Stream output)
                {
                    var chunk1 = new byte[16];

                    for (int i = 0; i < 2; i++)
                    {
                        Array.Clear(chunk1, 0, chunk1.Length);
                        int n = a.Read(chunk1, 0, chunk1.Length);
                        output.Write(chunk1, 0, n);
                    }
                    {
                        var chunk = new byte[8];
                        int n = b.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TwoLoopsWithTheSameName_FixAllGivesDistinctNames()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output)
                {
                    for (int i = 0; i < 2; i++)
                    {
                        var chunk = [|new byte[16]|];
                        int n = input.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                    for (int i = 0; i < 3; i++)
                    {
                        var chunk = [|new byte[8]|];
                        int n = input.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                }
            }
            """, """
            using System;
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output)
                {
                    var chunk1 = new byte[16];

                    for (int i = 0; i < 2; i++)
                    {
                        Array.Clear(chunk1, 0, chunk1.Length);
                        int n = input.Read(chunk1, 0, chunk1.Length);
                        output.Write(chunk1, 0, n);
                    }
                    var chunk = new byte[8];

                    for (int i = 0; i < 3; i++)
                    {
                        Array.Clear(chunk, 0, chunk.Length);
                        int n = input.Read(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, n);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TopLevelStatements_HoistAmongGlobalStatements()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;

            for (int i = 0; i < 3; i++)
            {
                var digits = [|new char[4]|];
                i.TryFormat(digits, out int written);
                Console.WriteLine(new string(digits, 0, written));
            }
            """, """
            using System;

            var digits = new char[4];

            for (int i = 0; i < 3; i++)
            {
                Array.Clear(digits, 0, digits.Length);
                i.TryFormat(digits, out int written);
                Console.WriteLine(new string(digits, 0, written));
            }
            """);
    }

    [Fact]
    public async Task AsyncMethod_AwaitedReadIsABorrow()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;
            using System.Threading.Tasks;

            class Pump
            {
                static async Task<int> CopyAsync(Stream input, Stream output)
                {
                    int total = 0;
                    while (true)
                    {
                        var chunk = [|new byte[128]|];
                        int n = await input.ReadAsync(chunk, 0, chunk.Length);
                        if (n == 0) return total;
                        await output.WriteAsync(chunk, 0, n).ConfigureAwait(false);
                        total += n;
                    }
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Pump
            {
                static async Task<int> CopyAsync(Stream input, Stream output)
                {
                    int total = 0;
                    var chunk = new byte[128];

                    while (true)
                    {
                        Array.Clear(chunk, 0, chunk.Length);
                        int n = await input.ReadAsync(chunk, 0, chunk.Length);
                        if (n == 0) return total;
                        await output.WriteAsync(chunk, 0, n).ConfigureAwait(false);
                        total += n;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Iterator_BufferUsedAcrossYieldIsHoisted()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Reader
            {
                static IEnumerable<int> Checksums(Stream input)
                {
                    while (true)
                    {
                        var block = [|new byte[16]|];
                        int n = input.Read(block, 0, block.Length);
                        if (n == 0) yield break;
                        int sum = 0;
                        for (int i = 0; i < n; i++) sum += block[i];
                        yield return sum;
                    }
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Reader
            {
                static IEnumerable<int> Checksums(Stream input)
                {
                    var block = new byte[16];

                    while (true)
                    {
                        Array.Clear(block, 0, block.Length);
                        int n = input.Read(block, 0, block.Length);
                        if (n == 0) yield break;
                        int sum = 0;
                        for (int i = 0; i < n; i++) sum += block[i];
                        yield return sum;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LoopInsideLambda_HoistsWithinTheLambda()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.IO;

            class Worker
            {
                static Func<Stream, int> Counter = input =>
                {
                    int total = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        var chunk = [|new byte[8]|];
                        total += input.Read(chunk, 0, chunk.Length);
                    }
                    return total;
                };
            }
            """, """
            using System;
            using System.IO;

            class Worker
            {
                static Func<Stream, int> Counter = input =>
                {
                    int total = 0;
                    var chunk = new byte[8];

                    for (int i = 0; i < 4; i++)
                    {
                        Array.Clear(chunk, 0, chunk.Length);
                        total += input.Read(chunk, 0, chunk.Length);
                    }
                    return total;
                };
            }
            """);
    }

    [Fact]
    public async Task SourceCalleeThatOnlyReads_IsABorrow()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Sensor
            {
                static int Checksum(byte[] data)
                {
                    int sum = 0;
                    foreach (var b in data) sum += b;
                    return sum;
                }

                static int Run(int samples)
                {
                    int total = 0;
                    for (int i = 0; i < samples; i++)
                    {
                        var packet = [|new byte[6]|];
                        total += Checksum(packet);
                    }
                    return total;
                }
            }
            """, """
            class Sensor
            {
                static int Checksum(byte[] data)
                {
                    int sum = 0;
                    foreach (var b in data) sum += b;
                    return sum;
                }

                static int Run(int samples)
                {
                    int total = 0;
                    var packet = new byte[6];

                    for (int i = 0; i < samples; i++)
                    {
                        total += Checksum(packet);
                    }
                    return total;
                }
            }
            """);
    }

    // A local that the callee declares with a field's name is not the field: copying the buffer into it keeps nothing.
    [Fact]
    public async Task SourceCalleeThatCopiesTheBufferIntoALocalNamedLikeAField_IsABorrow()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Sensor
            {
                static byte[] s_last;

                static int Checksum(byte[] data)
                {
                    byte[] s_last;
                    s_last = data;
                    int sum = 0;
                    foreach (var b in s_last) sum += b;
                    return sum;
                }

                static int Run(int samples)
                {
                    int total = 0;
                    for (int i = 0; i < samples; i++)
                    {
                        var packet = [|new byte[6]|];
                        total += Checksum(packet);
                    }
                    return total + (s_last == null ? 0 : 1);
                }
            }
            """, """
            class Sensor
            {
                static byte[] s_last;

                static int Checksum(byte[] data)
                {
                    byte[] s_last;
                    s_last = data;
                    int sum = 0;
                    foreach (var b in s_last) sum += b;
                    return sum;
                }

                static int Run(int samples)
                {
                    int total = 0;
                    var packet = new byte[6];

                    for (int i = 0; i < samples; i++)
                    {
                        total += Checksum(packet);
                    }
                    return total + (s_last == null ? 0 : 1);
                }
            }
            """);
    }

    // A lambda's parameter of the same name is another array: what the lambda stores is not the caller's buffer.
    [Fact]
    public async Task SourceCalleeWhoseLambdaStoresAnotherArrayOfTheSameName_IsABorrow()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;

            class Sensor
            {
                static byte[] s_last;

                static int Checksum(byte[] data)
                {
                    Action<byte[]> keep = data => s_last = data;
                    keep(new byte[1]);
                    return data[0] + data[5];
                }

                static int Run(int samples)
                {
                    int total = 0;
                    for (int i = 0; i < samples; i++)
                    {
                        var packet = [|new byte[6]|];
                        total += Checksum(packet);
                    }
                    return total + s_last.Length;
                }
            }
            """, """
            using System;

            class Sensor
            {
                static byte[] s_last;

                static int Checksum(byte[] data)
                {
                    Action<byte[]> keep = data => s_last = data;
                    keep(new byte[1]);
                    return data[0] + data[5];
                }

                static int Run(int samples)
                {
                    int total = 0;
                    var packet = new byte[6];

                    for (int i = 0; i < samples; i++)
                    {
                        total += Checksum(packet);
                    }
                    return total + s_last.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task LabeledLoop_HoistsBeforeTheLabel()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output)
                {
                    int tries = 0;
                again:
                    while (tries++ < 3)
                    {
                        var chunk = [|new byte[4]|];
                        output.Write(chunk, 0, input.Read(chunk, 0, 4));
                    }
                    if (tries < 5) goto again;
                }
            }
            """, """
            using System;
            using System.IO;

            class Copier
            {
                static void Copy(Stream input, Stream output)
                {
                    int tries = 0;
                    var chunk = new byte[4];

                again:
                    while (tries++ < 3)
                    {
                        Array.Clear(chunk, 0, chunk.Length);
                        output.Write(chunk, 0, input.Read(chunk, 0, 4));
                    }
                    if (tries < 5) goto again;
                }
            }
            """);
    }

    [Fact]
    public async Task BlankLinesStayAndCommentsTravelWithTheDeclaration()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Protocol
            {
                static void Ack(Stream port, Stream input)
                {
                    while (input.ReadByte() >= 0)
                    {
                        port.WriteByte(1);

                        // acknowledgement frame
                        var ack = [|new byte[2]|];
                        ack[0] = 0x06;
                        port.Write(ack, 0, 2);
                    }
                }
            }
            """, """
            using System;
            using System.IO;

            class Protocol
            {
                static void Ack(Stream port, Stream input)
                {
                    // acknowledgement frame
                    var ack = new byte[2];

                    while (input.ReadByte() >= 0)
                    {
                        port.WriteByte(1);

                        Array.Clear(ack, 0, ack.Length);
                        ack[0] = 0x06;
                        port.Write(ack, 0, 2);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DeviceBusCalls_BorrowTheBuffer()
    {
        // Shaped like System.Device.I2c / nanoFramework: abstract, so only the catalogue can vouch for it.
        await VerifyCS.VerifyCodeFixAsync("""
            namespace System.Device.I2c
            {
                public abstract class I2cDevice
                {
                    public abstract void Read(byte[] buffer);
                    public abstract void WriteRead(byte[] writeBuffer, byte[] readBuffer);
                }
            }

            namespace Firmware
            {
                using System.Device.I2c;

                static class Thermometer
                {
                    static int Poll(I2cDevice sensor, int samples)
                    {
                        int total = 0;
                        for (int i = 0; i < samples; i++)
                        {
                            var register = [|new byte[] { 0x05 }|];
                            var reading = [|new byte[2]|];
                            sensor.WriteRead(register, reading);
                            total += reading[0] << 8 | reading[1];
                        }
                        return total;
                    }
                }
            }
            """, """
            namespace System.Device.I2c
            {
                public abstract class I2cDevice
                {
                    public abstract void Read(byte[] buffer);
                    public abstract void WriteRead(byte[] writeBuffer, byte[] readBuffer);
                }
            }

            namespace Firmware
            {
                using System;
                using System.Device.I2c;

                static class Thermometer
                {
                    static int Poll(I2cDevice sensor, int samples)
                    {
                        int total = 0;
                        var register = new byte[] { 0x05 };
                        var reading = new byte[2];

                        for (int i = 0; i < samples; i++)
                        {
                            Array.Clear(reading, 0, reading.Length);
                            sensor.WriteRead(register, reading);
                            total += reading[0] << 8 | reading[1];
                        }
                        return total;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SpanParameterOfAnUnknownCallee_BorrowsTheBuffer()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System;

            abstract class Sensor
            {
                public abstract int Fill(Span<byte> destination);
                public abstract int Sum(ReadOnlySpan<byte> source);

                int Poll(int samples)
                {
                    int total = 0;
                    for (int i = 0; i < samples; i++)
                    {
                        var sample = [|new byte[8]|];
                        Fill(sample);
                        total += Sum(sample);
                    }
                    return total;
                }
            }
            """, """
            using System;

            abstract class Sensor
            {
                public abstract int Fill(Span<byte> destination);
                public abstract int Sum(ReadOnlySpan<byte> source);

                int Poll(int samples)
                {
                    int total = 0;
                    var sample = new byte[8];

                    for (int i = 0; i < samples; i++)
                    {
                        Array.Clear(sample, 0, sample.Length);
                        Fill(sample);
                        total += Sum(sample);
                    }
                    return total;
                }
            }
            """);
    }

    [Fact]
    public async Task SeveralDocuments_FixAllInProjectAndSolution()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Text;

                static class A
                {
                    public static int Run(int n)
                    {
                        int total = 0;
                        for (int i = 0; i < n; i++)
                        {
                            var sb = [|new StringBuilder()|];
                            sb.Append(i);
                            total += sb.Length;
                        }
                        return total;
                    }
                }
                """,
            TestState = { Sources = {
                ("Test1.cs", """
                    using System.IO;

                    static class B
                    {
                        public static long Run(int n)
                        {
                            long total = 0;
                            while (n-- > 0)
                            {
                                var ms = [|new MemoryStream()|];
                                ms.WriteByte(1);
                                total += ms.Length;
                            }
                            return total;
                        }
                    }
                    """),
            } },
            FixedCode = """
                using System.Text;

                static class A
                {
                    public static int Run(int n)
                    {
                        int total = 0;
                        var sb = new StringBuilder();

                        for (int i = 0; i < n; i++)
                        {
                            sb.Clear();
                            sb.Append(i);
                            total += sb.Length;
                        }
                        return total;
                    }
                }
                """,
            FixedState = { Sources = {
                ("Test1.cs", """
                    using System.IO;

                    static class B
                    {
                        public static long Run(int n)
                        {
                            long total = 0;
                            var ms = new MemoryStream();

                            while (n-- > 0)
                            {
                                ms.SetLength(0);
                                ms.WriteByte(1);
                                total += ms.Length;
                            }
                            return total;
                        }
                    }
                    """),
            } },
        }.RunAsync();
    }
}
