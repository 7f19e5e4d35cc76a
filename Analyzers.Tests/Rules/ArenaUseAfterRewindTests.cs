using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.ArenaUseAfterRewindAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG006: arena memory used after a Reset, a RewindTo to an older mark, or the end of its scope.</summary>
public class ArenaUseAfterRewindTests
{
    private static Task Verify(string source, ReferenceAssemblies? references = null, LanguageVersion version = LanguageVersion.Latest, params DiagnosticResult[] expected)
    {
        var set = references ?? TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            LanguageVersion = version,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task UseAfterReset_NamesTheReset()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    Span<byte> frame = arena.Alloc(16);
                    frame[0] = 1;
                    arena.Reset();
                    Console.WriteLine({|#0:frame|}[0]);
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' is used after 'arena.Reset()' rewound the memory it points into"));
    }

    [Fact]
    public async Task RewindToAMarkTakenBeforeTheAllocation()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                static readonly Arena s_arena = new Arena(64);

                int M()
                {
                    ArenaMark mark = s_arena.Mark();
                    var buffer = s_arena.AllocSegment(8);
                    s_arena.RewindTo(mark);
                    return {|#0:buffer|}.Array[buffer.Offset];
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("buffer", "'s_arena.RewindTo(mark)'"));
    }

    [Fact]
    public async Task MarkTakenAfterTheAllocation_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                byte M(Arena arena)
                {
                    var header = arena.Alloc(4);
                    var mark = arena.Mark();
                    var body = arena.Alloc(32);
                    body[0] = 2;
                    arena.RewindTo(mark);
                    header[0] = 1;
                    return header[0];
                }
            }
            """);
    }

    [Fact]
    public async Task UseAfterTheScopeEnds_NamesTheScope()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                Memory<byte> _unused;

                int M(Arena arena)
                {
                    Memory<byte> kept;
                    using (arena.Scope())
                    {
                        kept = arena.AllocMemory(8);
                        kept.Span[0] = 3;
                    }
                    return {|#0:kept|}.Span[0];
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("kept", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task NestedScopes_InnerAllocationDiesWithTheInnerScope_OuterOneLives()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                int M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        ArenaSlice outer = arena.AllocSlice(4);
                        ArenaSlice inner;
                        using (var scope = arena.Scope())
                        {
                            inner = arena.AllocSlice(4);
                        }
                        outer.Span[0] = 1;
                        return {|#0:inner|}.Span[0] + outer.Span[0];
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("inner", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task ResetInOneBranchOnly_IsReportedAfterTheJoin()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena, bool full)
                {
                    var frame = arena.Alloc(16);
                    if (full)
                        arena.Reset();
                    {|#0:frame|}.Fill(7);
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("frame", "'arena.Reset()'"));
    }

    [Fact]
    public async Task ResetInABranchThatLeaves_OrReallocates_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena, bool full, bool again)
                {
                    var frame = arena.Alloc(16);
                    if (full)
                    {
                        arena.Reset();
                        return;
                    }
                    frame.Fill(7);
                    if (again)
                    {
                        arena.Reset();
                        frame = arena.Alloc(16);
                    }
                    frame.Fill(8);
                    Console.WriteLine(frame.Length);
                }
            }
            """);
    }

    [Fact]
    public async Task ResetInALoop_TheNextIterationUsesTheOldMemory()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    Span<byte> counters = arena.Alloc(4);
                    for (int i = 0; i < 3; i++)
                    {
                        {|#0:counters|}[0]++;
                        arena.Reset();
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("counters", "'arena.Reset()'"));
    }

    [Fact]
    public async Task AllocatedAfreshEachIteration_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        var frame = arena.Alloc(4);
                        frame[0] = (byte)i;
                        Console.WriteLine(frame[0]);
                        arena.Reset();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DerivedViewsAndTryAlloc_AreFollowed()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    var slice = arena.AllocSlice(8);
                    Span<byte> head = slice.Span.Slice(0, 2);
                    if (!arena.TryAlloc(4, out Span<byte> extra))
                        return;
                    arena.Reset();
                    {|#0:head|}[0] = 1;
                    {|#1:extra|}[0] = 1;
                    Console.WriteLine({|#2:slice|}.Span.Length);
                }
            }
            """, expected: new[]
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("head", "'arena.Reset()'"),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("extra", "'arena.Reset()'"),
                VerifyCS.Diagnostic().WithLocation(2).WithArguments("slice", "'arena.Reset()'"),
            });
    }

    [Fact]
    public async Task LengthAndIsLive_DoNotTouchTheMemory()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    var slice = arena.AllocSlice(8);
                    var span = arena.Alloc(8);
                    arena.Reset();
                    Console.WriteLine(slice.IsLive + " " + slice.Length + " " + span.Length);
                }
            }
            """);
    }

    [Fact]
    public async Task RewindInACallee_IsNotFollowed()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                static void Clear(Arena arena) => arena.Reset();

                void M(Arena arena)
                {
                    var frame = arena.Alloc(16);
                    Clear(arena);
                    frame[0] = 1;
                }
            }
            """);
    }

    [Fact]
    public async Task AnotherArena_OrAnArenaThatCannotBeNamed_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                Arena[] _arenas = { new Arena(8), new Arena(8) };

                void M(Arena a, Arena b)
                {
                    var frame = a.Alloc(4);
                    b.Reset();
                    frame[0] = 1;
                    var other = _arenas[0].Alloc(4);
                    _arenas[0].Reset();
                    other[0] = 1;
                }
            }
            """);
    }

    [Fact]
    public async Task AsyncMethod_MemoryUsedAfterAnAwaitAndAReset()
    {
        await Verify("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                async Task M(Arena arena, Stream stream)
                {
                    Memory<byte> buffer = arena.AllocMemory(64);
                    int n = await stream.ReadAsync(buffer);
                    arena.Reset();
                    await stream.WriteAsync({|#0:buffer|}.Slice(0, n));
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("buffer", "'arena.Reset()'"));
    }

    [Fact]
    public async Task AsyncMethod_RewindAfterTheLastUse_IsNotReported()
    {
        await Verify("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                async Task M(Arena arena, Stream stream)
                {
                    var mark = arena.Mark();
                    Memory<byte> buffer = arena.AllocMemory(64);
                    int n = await stream.ReadAsync(buffer);
                    await stream.WriteAsync(buffer.Slice(0, n));
                    arena.RewindTo(mark);
                }
            }
            """);
    }

    [Fact]
    public async Task CSharp73_NetStandard20_SegmentAfterScope()
    {
        await Verify("""
            using System;
            using System.IO;
            using Fragless;

            public static class Device
            {
                public static void Send(Arena arena, Stream port)
                {
                    ArraySegment<byte> packet;
                    using (arena.Scope())
                    {
                        packet = arena.AllocSegment(4);
                        packet.Array[packet.Offset] = 0x7E;
                    }
                    port.Write({|#0:packet|}.Array, packet.Offset, packet.Count);
                }
            }
            """, TestReferences.NetStandard20, LanguageVersion.CSharp7_3, VerifyCS.Diagnostic().WithLocation(0).WithArguments("packet", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task AUsersOwnArenaType_IsLeftAlone()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace MyLib
                {
                    class Arena
                    {
                        public byte[] Alloc(int n) => new byte[n];
                        public void Reset() { }
                    }

                    class C
                    {
                        void M(Arena arena)
                        {
                            var frame = arena.Alloc(4);
                            arena.Reset();
                            frame[0] = 1;
                        }
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(TestReferences.Net10));
        await test.RunAsync();
    }
    [Fact]
    public async Task LocalFunctionsAndExplicitDispose_AreAnalysedOnTheirOwn()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                void M(Arena arena)
                {
                    Local();

                    void Local()
                    {
                        var scope = arena.Scope();
                        var temp = arena.Alloc(4);
                        scope.Dispose();
                        {|#0:temp|}[0] = 1;
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("temp", "the end of the scope 'arena.Scope()'"));
    }
}
