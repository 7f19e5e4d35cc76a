using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.ArenaAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.ArenaAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG007: an arena allocates on every iteration and nothing in the loop rewinds it; the fix runs the body in a scope.</summary>
public class ArenaAllocationInLoopTests
{
    private static VerifyCS.Test Create(string source, string? fixedSource, string? entryPoint = null, ReferenceAssemblies? references = null)
    {
        var set = references ?? TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            CodeActionEquivalenceKey = ArenaAllocationInLoopFixer.WrapInScopeKey,
            BehaviorEntryPoint = entryPoint,
        };
        if (fixedSource != null)
            test.FixedCode = fixedSource;
        else
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        return test;
    }

    [Fact]
    public async Task LocalArena_BodyWrappedInAScope_SameOutputCheckedAndUnchecked()
    {
        var test = Create("""
            using System;
            using System.IO;
            using Fragless;

            static class Program
            {
                static string Work(Arena arena)
                {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
                    int sum = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        var chunk = {|#0:arena.Alloc(3)|};
                        int n = input.Read(chunk);
                        for (int j = 0; j < n; j++) sum += chunk[j] * (i + 1);
                    }
                    return sum.ToString();
                }

                static string Run()
                {
                    var plain = Work(new Arena(64));
                    var checkedMode = Work(new Arena(64, new ArenaOptions { Checked = true, ExhaustionPolicy = ArenaExhaustionPolicy.Throw }));
                    return plain + " " + checkedMode;
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            static class Program
            {
                static string Work(Arena arena)
                {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
                    int sum = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        using (arena.Scope())
                        {
                            var chunk = arena.Alloc(3);
                            int n = input.Read(chunk);
                            for (int j = 0; j < n; j++) sum += chunk[j] * (i + 1);
                        }
                    }
                    return sum.ToString();
                }

                static string Run()
                {
                    var plain = Work(new Arena(64));
                    var checkedMode = Work(new Arena(64, new ArenaOptions { Checked = true, ExhaustionPolicy = ArenaExhaustionPolicy.Throw }));
                    return plain + " " + checkedMode;
                }
            }
            """, "Program.Run");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage("'arena.Alloc(3)' allocates on every iteration and nothing in the loop rewinds 'arena'; the arena grows until it is exhausted"));
        await test.RunAsync();
    }

    [Fact]
    public async Task StaticArenaField_SingleStatementBody_AllocOfT()
    {
        await Create("""
            using System;
            using Fragless;

            static class Program
            {
                static readonly Arena s_frame = new Arena(256, new ArenaOptions { Checked = true });

                static void Main()
                {
                    foreach (var n in new[] { 3, 1, 4 })
                        Console.WriteLine([|s_frame.Alloc<int>(n)|].Length);
                }
            }
            """, """
            using System;
            using Fragless;

            static class Program
            {
                static readonly Arena s_frame = new Arena(256, new ArenaOptions { Checked = true });

                static void Main()
                {
                    foreach (var n in new[] { 3, 1, 4 })
                    {
                        using (s_frame.Scope())
                        {
                            Console.WriteLine(s_frame.Alloc<int>(n).Length);
                        }
                    }
                }
            }
            """, "Main").RunAsync();
    }

    [Fact]
    public async Task CSharp73_NetStandard20_SegmentLoop()
    {
        var test = Create("""
            using System;
            using System.IO;
            using Fragless;

            public static class Device
            {
                static string Work(Arena arena)
                {
                    var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                    string log = "";
                    int k = 0;
                    while (k++ < 3)
                    {
                        ArraySegment<byte> rx = [|arena.AllocSegment(2)|];
                        int n = uart.Read(rx.Array, rx.Offset, rx.Count);
                        log += n + ":" + rx.Array[rx.Offset] + ";";
                    }
                    return log;
                }

                public static string Run()
                {
                    return Work(new Arena(16)) + Work(new Arena(16, new ArenaOptions { Checked = true }));
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            public static class Device
            {
                static string Work(Arena arena)
                {
                    var uart = new MemoryStream(new byte[] { 9, 8, 7, 6, 5 });
                    string log = "";
                    int k = 0;
                    while (k++ < 3)
                    {
                        using (arena.Scope())
                        {
                            ArraySegment<byte> rx = arena.AllocSegment(2);
                            int n = uart.Read(rx.Array, rx.Offset, rx.Count);
                            log += n + ":" + rx.Array[rx.Offset] + ";";
                        }
                    }
                    return log;
                }

                public static string Run()
                {
                    return Work(new Arena(16)) + Work(new Arena(16, new ArenaOptions { Checked = true }));
                }
            }
            """, "Device.Run", TestReferences.NetStandard20);
        test.LanguageVersion = LanguageVersion.CSharp7_3;
        await test.RunAsync();
    }

    [Fact]
    public async Task TwoAllocationsInOneBody_FixAllWrapsItOnce()
    {
        await Create("""
            using System;
            using Fragless;

            static class Program
            {
                static int Run()
                {
                    var arena = new Arena(64, new ArenaOptions { Checked = true });
                    int total = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        var a = [|arena.Alloc(2)|];
                        var b = [|arena.AllocSlice(2)|];
                        a[0] = (byte)i;
                        b.Span[1] = (byte)(i * 2);
                        total += a[0] + b.Span[1];
                    }
                    return total;
                }
            }
            """, """
            using System;
            using Fragless;

            static class Program
            {
                static int Run()
                {
                    var arena = new Arena(64, new ArenaOptions { Checked = true });
                    int total = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        using (arena.Scope())
                        {
                            var a = arena.Alloc(2);
                            var b = arena.AllocSlice(2);
                            a[0] = (byte)i;
                            b.Span[1] = (byte)(i * 2);
                            total += a[0] + b.Span[1];
                        }
                    }
                    return total;
                }
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task SliceUsedAfterTheIteration_NoFix()
    {
        await Create("""
            using System;
            using System.Collections.Generic;
            using Fragless;

            class C
            {
                int M(Arena arena)
                {
                    var kept = new List<Memory<byte>>();
                    Span<byte> last = default;
                    for (int i = 0; i < 3; i++)
                    {
                        kept.Add([|arena.AllocMemory(4)|]);
                        var frame = [|arena.Alloc(4)|];
                        last = frame;
                    }
                    return kept.Count + last.Length;
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task AsyncLoopWithAwait_ReportedWithoutAFix()
    {
        await Create("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                async Task M(Arena arena, Stream stream)
                {
                    while (true)
                    {
                        Memory<byte> buffer = [|arena.AllocMemory(64)|];
                        if (await stream.ReadAsync(buffer) == 0) return;
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task RewindScopeOrResetInTheLoop_IsNotReported()
    {
        await Create("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena, int[] sizes)
                {
                    foreach (var size in sizes)
                    {
                        using (arena.Scope())
                            arena.Alloc(size).Fill(1);
                    }
                    for (int i = 0; i < 3; i++)
                    {
                        arena.Alloc(4).Fill(2);
                        if (i % 2 == 1) arena.Reset();
                    }
                    var mark = arena.Mark();
                    while (sizes.Length > 0)
                    {
                        arena.Alloc(4).Fill(3);
                        arena.RewindTo(mark);
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task NestedLoops_ScopeInTheOuterLoop_IsNotReported()
    {
        await Create("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena, int frames, int count)
                {
                    for (int f = 0; f < frames; f++)
                    {
                        using (arena.Scope())
                        {
                            for (int i = 0; i < count; i++)
                                arena.Alloc(8).Fill(0);
                        }
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task ArenaHandedToACallInTheLoop_IsNotReported()
    {
        await Create("""
            using System;
            using Fragless;

            class C
            {
                static void EndFrame(Arena arena) => arena.Reset();

                void M(Arena arena)
                {
                    for (int i = 0; i < 10; i++)
                    {
                        arena.Alloc(8).Fill(0);
                        EndFrame(arena);
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task OnceOutsideOrLeavingTheLoop_OrInALambda_IsNotReported()
    {
        await Create("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena, int[] sizes)
                {
                    var once = arena.Alloc(8);
                    foreach (var size in sizes)
                    {
                        if (size > 4)
                        {
                            arena.Alloc(size).Fill(1);
                            break;
                        }
                        Action later = () => arena.Alloc(size).Fill(2);
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task AUsersOwnArenaType_IsLeftAlone()
    {
        await Create("""
            namespace MyLib
            {
                class Arena
                {
                    public byte[] Alloc(int n) => new byte[n];
                }

                class C
                {
                    void M(Arena arena)
                    {
                        for (int i = 0; i < 3; i++)
                            arena.Alloc(4)[0] = 1;
                    }
                }
            }
            """, null).RunAsync();
    }

    [Fact]
    public async Task FieldArenaAndACallIntoThisProgram_NoFix()
    {
        await Create("""
            using System;
            using Fragless;

            class C
            {
                static readonly Arena s_arena = new Arena(64);
                static Memory<byte> s_kept;

                static void Keep() => s_kept = s_arena.AllocMemory(4);

                void M()
                {
                    for (int i = 0; i < 3; i++)
                    {
                        [|s_arena.Alloc(4)|].Fill(1);
                        Keep();
                    }
                }
            }
            """, null).RunAsync();
    }
}
