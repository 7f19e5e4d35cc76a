using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG001 "Allocate from arena": offered only where the Fragless runtime is referenced; proven by execution.</summary>
public class BufferAllocationInLoopArenaTests
{
    private static VerifyCS.Test Create(string source, string fixedSource, string? entryPoint, ReferenceAssemblies? references = null)
    {
        var set = references ?? TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.AllocateFromArenaKey,
            BehaviorEntryPoint = entryPoint,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        return test;
    }

    [Fact]
    public async Task SpanView_AddsAStaticArenaAndRewritesArrayOffsetCountCalls()
    {
        await Create("""
            using System;
            using System.IO;

            static class Program
            {
                static void Main()
                {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
                    var output = new MemoryStream();
                    while (true)
                    {
                        var chunk = [|new byte[4]|];
                        int n = input.Read(chunk, 0, chunk.Length);
                        if (n == 0) break;
                        chunk[0] ^= 0xFF;
                        output.Write(chunk, 0, n);
                    }
                    Console.WriteLine(BitConverter.ToString(output.ToArray()));
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            static class Program
            {
                private static readonly Arena s_arena = new Arena(4);

                static void Main()
                {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
                    var output = new MemoryStream();
                    while (true)
                    {
                        using (s_arena.Scope())
                        {
                            var chunk = s_arena.Alloc(4);
                            int n = input.Read(chunk);
                            if (n == 0) break;
                            chunk[0] ^= 0xFF;
                            output.Write(chunk.Slice(0, n));
                        }
                    }
                    Console.WriteLine(BitConverter.ToString(output.ToArray()));
                }
            }
            """, "Main").RunAsync();
    }

    [Fact]
    public async Task SizeChangesEachIteration_UsesTheArenaParameter()
    {
        await Create("""
            using System;
            using System.IO;
            using Fragless;

            static class Program
            {
                static string Run(Arena scratch, Stream input, int[] sizes)
                {
                    string log = "";
                    foreach (var size in sizes)
                    {
                        var record = [|new byte[size]|];
                        int n = input.Read(record, 0, record.Length);
                        int sum = 0;
                        foreach (var b in record) sum += b;
                        log += n + ":" + sum + " ";
                    }
                    return log;
                }

                static string Run() => Run(new Arena(64), new MemoryStream(new byte[] { 5, 1, 2, 3, 4, 5, 6 }), new[] { 1, 3, 2, 4 });
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            static class Program
            {
                static string Run(Arena scratch, Stream input, int[] sizes)
                {
                    string log = "";
                    foreach (var size in sizes)
                    {
                        using (scratch.Scope())
                        {
                            var record = scratch.Alloc(size);
                            int n = input.Read(record);
                            int sum = 0;
                            foreach (var b in record) sum += b;
                            log += n + ":" + sum + " ";
                        }
                    }
                    return log;
                }

                static string Run() => Run(new Arena(64), new MemoryStream(new byte[] { 5, 1, 2, 3, 4, 5, 6 }), new[] { 1, 3, 2, 4 });
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task IntElements_UseAllocOfT()
    {
        await Create("""
            using System;

            static class Program
            {
                static long Run()
                {
                    long total = 0;
                    for (int frame = 1; frame <= 3; frame++)
                    {
                        int[] histogram = [|new int[8]|];
                        for (int i = 0; i < 20; i++) histogram[(i * frame) % histogram.Length]++;
                        total = total * 31 + histogram[0] + histogram[7];
                    }
                    return total;
                }
            }
            """, """
            using System;
            using Fragless;

            static class Program
            {
                private static readonly Arena s_arena = new Arena(36);

                static long Run()
                {
                    long total = 0;
                    for (int frame = 1; frame <= 3; frame++)
                    {
                        using (s_arena.Scope())
                        {
                            Span<int> histogram = s_arena.Alloc<int>(8);
                            for (int i = 0; i < 20; i++) histogram[(i * frame) % histogram.Length]++;
                            total = total * 31 + histogram[0] + histogram[7];
                        }
                    }
                    return total;
                }
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task AsyncMethod_UsesMemoryViewOfAnArenaOfItsOwnCall()
    {
        await Create("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            static class Program
            {
                static async Task<int> CopyAsync(Stream input, Stream output)
                {
                    int total = 0;
                    while (true)
                    {
                        var chunk = [|new byte[3]|];
                        int n = await input.ReadAsync(chunk, 0, chunk.Length);
                        if (n == 0) return total;
                        chunk[0] = (byte)(chunk[0] + 100);
                        await output.WriteAsync(chunk, 0, n);
                        total += n;
                    }
                }

                static string Run()
                {
                    var output = new MemoryStream();
                    int n = CopyAsync(new MemoryStream(new byte[] { 1, 2, 3, 4, 5 }), output).GetAwaiter().GetResult();
                    return n + " " + BitConverter.ToString(output.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            static class Program
            {
                static async Task<int> CopyAsync(Stream input, Stream output)
                {
                    int total = 0;
                    var arena = new Arena(3);
                    while (true)
                    {
                        using (arena.Scope())
                        {
                            var chunk = arena.AllocMemory(3);
                            int n = await input.ReadAsync(chunk);
                            if (n == 0) return total;
                            chunk.Span[0] = (byte)(chunk.Span[0] + 100);
                            await output.WriteAsync(chunk.Slice(0, n));
                            total += n;
                        }
                    }
                }

                static string Run()
                {
                    var output = new MemoryStream();
                    int n = CopyAsync(new MemoryStream(new byte[] { 1, 2, 3, 4, 5 }), output).GetAwaiter().GetResult();
                    return n + " " + BitConverter.ToString(output.ToArray());
                }
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task NetStandard20_UsesArraySegmentForArrayApis()
    {
        var test = Create("""
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                    string log = "";
                    for (int i = 0; i < 3; i++)
                    {
                        byte[] rx = [|new byte[2]|];
                        int n = uart.Read(rx, 0, rx.Length);
                        log += n + ":" + rx[0] + "," + rx[1] + ";";
                    }
                    return log;
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            public static class Device
            {
                private static readonly Arena s_arena = new Arena(2);

                public static string Run()
                {
                    var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                    string log = "";
                    for (int i = 0; i < 3; i++)
                    {
                        using (s_arena.Scope())
                        {
                            ArraySegment<byte> rx = s_arena.AllocSegment(2);
                            int n = uart.Read(rx.Array, rx.Offset, rx.Count);
                            log += n + ":" + rx.Array[rx.Offset + 0] + "," + rx.Array[rx.Offset + 1] + ";";
                        }
                    }
                    return log;
                }
            }
            """, "Device.Run", TestReferences.NetStandard20);
        test.LanguageVersion = LanguageVersion.CSharp7_3;
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoBuffersInOneType_ShareTheAddedArena()
    {
        await Create("""
            using System.IO;

            static class Program
            {
                static int Run()
                {
                    var input = new MemoryStream(new byte[32]);
                    int total = 0;
                    for (int i = 0; i < 2; i++)
                    {
                        var a = [|new byte[4]|];
                        total += input.Read(a, 0, a.Length);
                    }
                    for (int i = 0; i < 2; i++)
                    {
                        var b = [|new byte[8]|];
                        total += input.Read(b, 0, b.Length);
                    }
                    return total;
                }
            }
            """, """
            using System.IO;
            using Fragless;

            static class Program
            {
                private static readonly Arena s_arena = new Arena(8);

                static int Run()
                {
                    var input = new MemoryStream(new byte[32]);
                    int total = 0;
                    for (int i = 0; i < 2; i++)
                    {
                        using (s_arena.Scope())
                        {
                            var a = s_arena.Alloc(4);
                            total += input.Read(a);
                        }
                    }
                    for (int i = 0; i < 2; i++)
                    {
                        using (s_arena.Scope())
                        {
                            var b = s_arena.Alloc(8);
                            total += input.Read(b);
                        }
                    }
                    return total;
                }
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task WithoutTheRuntime_NoArenaFixIsOffered()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                static class Program
                {
                    static int Run(Stream input, int[] sizes)
                    {
                        int total = 0;
                        foreach (var size in sizes)
                        {
                            var record = [|new byte[size]|];
                            total += input.Read(record, 0, record.Length);
                        }
                        return total;
                    }
                }
                """,
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.AllocateFromArenaKey,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task UseThatNeedsARealArray_NoArenaFix()
    {
        var test = Create("""
            using System;
            using Fragless;

            static class Program
            {
                static void Run(Arena arena, int[] sizes)
                {
                    foreach (var size in sizes)
                    {
                        var record = [|new byte[size]|];
                        Console.WriteLine(string.Join(",", record));
                    }
                }
            }
            """, null!, null);
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        await test.RunAsync();
    }
}
