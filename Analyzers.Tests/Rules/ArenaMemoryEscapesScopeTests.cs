using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.ArenaMemoryEscapesScopeAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG008: memory from an arena scope or mark stored, returned, captured or kept pending past its release.</summary>
public class ArenaMemoryEscapesScopeTests
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
    public async Task StoredInAFieldInsideAScope_NamesTheFieldAndTheScope()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _last;

                void M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        var frame = arena.AllocSegment(16);
                        _last = {|#0:frame|};
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' is stored in '_last', which outlives the end of the scope 'arena.Scope()': the arena hands the same memory out again while it is still held"));
    }

    [Fact]
    public async Task ReturnedFromInsideAScope_AllocationItself()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                Memory<byte> M(Arena arena)
                {
                    using (var scope = arena.Scope())
                    {
                        return {|#0:arena.AllocMemory(8)|};
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("arena.AllocMemory(8)", "is returned", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task SliceStoredBetweenMarkAndRewind_DerivedViewToo()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                static Memory<byte> s_kept;
                ArenaSlice _slice;

                void M(Arena arena)
                {
                    ArenaMark mark = arena.Mark();
                    ArenaSlice slice = arena.AllocSlice(32);
                    _slice = {|#0:slice|};
                    s_kept = {|#1:slice.Memory.Slice(4)|};
                    arena.RewindTo(mark);
                }
            }
            """, expected: new[]
        {
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("slice", "is stored in '_slice'", "'arena.RewindTo(mark)'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("slice", "is stored in 's_kept'", "'arena.RewindTo(mark)'"),
        });
    }

    [Fact]
    public async Task RewindInOneBranchOnly_IsReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _pending;

                void M(Arena arena, bool done)
                {
                    var mark = arena.Mark();
                    var seg = arena.AllocSegment(4);
                    _pending = {|#0:seg|};
                    if (done)
                        arena.RewindTo(mark);
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("seg", "is stored in '_pending'", "'arena.RewindTo(mark)'"));
    }

    [Fact]
    public async Task ReturnBeforeTheRewind_WithoutFinally_IsNotReported()
    {
        // On the path that returns, the mark is never rewound: the memory stays reserved.
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> M(Arena arena, bool keep)
                {
                    var mark = arena.Mark();
                    var seg = arena.AllocSegment(4);
                    if (keep)
                        return seg;
                    arena.RewindTo(mark);
                    return default;
                }
            }
            """);
    }

    [Fact]
    public async Task ReturnWithARewindInFinally_IsReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> M(Arena arena)
                {
                    var mark = arena.Mark();
                    try
                    {
                        var seg = arena.AllocSegment(4);
                        return {|#0:seg|};
                    }
                    finally
                    {
                        arena.RewindTo(mark);
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("seg", "is returned", "'arena.RewindTo(mark)'"));
    }

    [Fact]
    public async Task RewindInACallee_IsNotFollowed()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _last;

                void M(Arena arena)
                {
                    var mark = arena.Mark();
                    _last = arena.AllocSegment(4);
                    Release(arena, mark);
                }

                static void Release(Arena arena, ArenaMark mark) => arena.RewindTo(mark);
            }
            """);
    }

    [Fact]
    public async Task NestedScopes_OuterMemoryStoredInTheInnerScope_NamesTheOuterScope()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _a;
                ArraySegment<byte> _b;

                void M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        var outer = arena.AllocSegment(4);
                        using (var inner = arena.Scope())
                        {
                            var temp = arena.AllocSegment(4);
                            _a = {|#0:outer|};
                            _b = {|#1:temp|};
                        }
                    }
                }
            }
            """, expected: new[]
        {
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("outer", "is stored in '_a'", "the end of the scope 'arena.Scope()'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("temp", "is stored in '_b'", "the end of the scope 'arena.Scope()'"),
        });
    }

    [Fact]
    public async Task MarkTakenAfterTheAllocation_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _header;

                void M(Arena arena)
                {
                    var header = arena.AllocSegment(4);
                    var mark = arena.Mark();
                    _header = header;
                    var body = arena.AllocSegment(32);
                    arena.RewindTo(mark);
                }
            }
            """);
    }

    [Fact]
    public async Task NoScopeOrMark_FrameArenaPattern_IsNotReported()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                static readonly Arena s_frame = new Arena(1024);
                ArraySegment<byte> _current;

                void Update()
                {
                    using (s_frame.Scope()) { }
                    _current = s_frame.AllocSegment(64);
                }
            }
            """);
    }

    [Fact]
    public async Task UsedOnlyInsideTheScope_AndSpans_AreNotReported()
    {
        await Verify("""
            using System;
            using System.IO;
            using Fragless;

            class C
            {
                int M(Arena arena, Stream stream)
                {
                    ArraySegment<byte> local;
                    using (arena.Scope())
                    {
                        local = arena.AllocSegment(8);
                        Span<byte> span = arena.Alloc(8);
                        span[0] = 1;
                        return stream.Read(local.Array, local.Offset, local.Count) + span[0];
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CapturedByALambdaInsideAScope()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                Action _later;

                void M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        Memory<byte> buffer = arena.AllocMemory(8);
                        _later = () => Console.WriteLine({|#0:buffer|}.Length);
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("buffer", "is captured by a lambda", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task Async_PendingReadNotAwaitedBeforeTheRewind()
    {
        await Verify("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                async Task<int> M(Arena arena, Stream stream)
                {
                    var mark = arena.Mark();
                    Memory<byte> buffer = arena.AllocMemory(64);
                    ValueTask<int> pending = stream.ReadAsync({|#0:buffer|});
                    arena.RewindTo(mark);
                    return await pending;
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("buffer", "is held by the pending 'stream.ReadAsync(buffer)'", "'arena.RewindTo(mark)'"));
    }

    [Fact]
    public async Task Async_AwaitedBeforeTheRewind_IsNotReported()
    {
        await Verify("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                async Task<int> M(Arena arena, Stream stream)
                {
                    var mark = arena.Mark();
                    Memory<byte> buffer = arena.AllocMemory(64);
                    int read = await stream.ReadAsync(buffer).ConfigureAwait(false);
                    var other = stream.ReadAsync(buffer.Slice(0, 8));
                    read += await other;
                    read += stream.ReadAsync(buffer).AsTask().Result;
                    read += stream.ReadAsync(buffer).GetAwaiter().GetResult();
                    arena.RewindTo(mark);
                    return read;
                }
            }
            """);
    }

    [Fact]
    public async Task Async_FireAndForgetWriteInAScope()
    {
        await Verify("""
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Fragless;

            class C
            {
                Task Send(Arena arena, Stream stream)
                {
                    using (arena.Scope())
                    {
                        var packet = arena.AllocMemory(16);
                        return stream.WriteAsync({|#0:packet|}).AsTask();
                    }
                }
            }
            """, expected: VerifyCS.Diagnostic().WithLocation(0).WithArguments("packet", "is held by the pending 'stream.WriteAsync(packet)'", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task CSharp73_NetStandard20_SegmentStoredInAScope()
    {
        await Verify("""
            using System;
            using Fragless;

            public class Device
            {
                private ArraySegment<byte> _rx;

                public void Poll(Arena arena)
                {
                    using (arena.Scope())
                    {
                        ArraySegment<byte> rx;
                        if (arena.TryAllocSegment(8, out rx))
                            _rx = {|#0:rx|};
                    }
                }
            }
            """, TestReferences.NetStandard20, LanguageVersion.CSharp7_3,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("rx", "is stored in '_rx'", "the end of the scope 'arena.Scope()'"));
    }

    [Fact]
    public async Task UsingDeclaration_ExplicitDispose_OutParameter_SpanReturn()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                static ArenaSlice s_slice;

                void Declaration(Arena arena)
                {
                    using var scope = arena.Scope();
                    s_slice = {|#0:arena.AllocSlice(4)|};
                }

                void Explicit(Arena arena, out ArraySegment<byte> result)
                {
                    var scope = arena.Scope();
                    result = {|#1:arena.AllocSegment(4)|};
                    scope.Dispose();
                }

                Span<byte> Returned(Arena arena)
                {
                    using (arena.Scope())
                    {
                        Span<byte> span = arena.Alloc(4);
                        return {|#2:span|};
                    }
                }
            }
            """, expected: new[]
        {
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("arena.AllocSlice(4)", "is stored in 's_slice'", "the end of the scope 'arena.Scope()'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("arena.AllocSegment(4)", "is stored in 'result'", "the end of the scope 'arena.Scope()'"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("span", "is returned", "the end of the scope 'arena.Scope()'"),
        });
    }

    [Fact]
    public async Task ScopePerIteration_StoredInAnArray_AndANestedLambda()
    {
        await Verify("""
            using System;
            using System.Collections.Generic;
            using Fragless;

            class C
            {
                readonly Memory<byte>[] _frames = new Memory<byte>[4];
                Func<Func<int>> _make;

                void M(Arena arena)
                {
                    for (int i = 0; i < 4; i++)
                    {
                        using (arena.Scope())
                        {
                            var frame = arena.AllocMemory(8);
                            _frames[i] = {|#0:frame|};
                            _make = () => () => {|#1:frame|}.Length;
                        }
                    }
                }
            }
            """, expected: new[]
        {
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("frame", "is stored in '_frames[i]'", "the end of the scope 'arena.Scope()'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("frame", "is captured by a lambda", "the end of the scope 'arena.Scope()'"),
        });
    }

    [Fact]
    public async Task PassedToAnOrdinaryMethod_OrStoredInAStructLocal_IsNotReported()
    {
        await Verify("""
            using System;
            using System.Collections.Generic;
            using Fragless;

            struct Holder { public ArraySegment<byte> Segment; }

            class C
            {
                static int Sum(ArraySegment<byte> s) => s.Count;

                int M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        var seg = arena.AllocSegment(8);
                        Holder h;
                        h.Segment = seg;
                        return Sum(seg) + h.Segment.Count;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AUserTypeNamedArena_IsIgnored()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                namespace Mine
                {
                    class Arena { public ArraySegment<byte> AllocSegment(int n) => default; public IDisposable Scope() => null; }

                    class C
                    {
                        ArraySegment<byte> _f;

                        void M(Arena arena)
                        {
                            using (arena.Scope())
                                _f = arena.AllocSegment(4);
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        await Verify("""
            using System;
            using Fragless;

            class C
            {
                ArraySegment<byte> _f;

                void M(Arena arena)
                {
                    using (arena.Scope())
                    {
                        _f = arena.{|CS1061:AllocBroken|}(4);
                        var x = arena.AllocSegment({|CS0103:missing|});
                        _f = x; // an allocation that does not bind is not followed
                    }
                }
            }
            """);
    }
}
