using System.Threading;

namespace Fragless.Runtime.Tests;

public class ArenaCheckedTests
{
    private static Arena Checked(int capacity, byte poison = ArenaOptions.DefaultPoisonValue) =>
        new Arena(capacity, new ArenaOptions { Checked = true, PoisonValue = poison });

    [Fact]
    public void Checked_PoisonsBackingAtConstruction()
    {
        byte[] backing = new byte[32];
        var arena = new Arena(backing, new ArenaOptions { Checked = true });
        Assert.True(arena.IsChecked);
        Assert.True(backing.AsSpan().IndexOfAnyExcept((byte)0xDD) < 0);
        Assert.True(arena.AllocUninitialized(32).IndexOfAnyExcept((byte)0xDD) < 0);
    }

    [Fact]
    public void Checked_PoisonsReleasedBytesOnReset()
    {
        byte[] backing = new byte[32];
        var arena = new Arena(backing, new ArenaOptions { Checked = true, PoisonValue = 0x11 });
        arena.Alloc(20).Fill(0x7F);
        arena.Reset();
        Assert.True(backing.AsSpan().IndexOfAnyExcept((byte)0x11) < 0);
    }

    [Fact]
    public void Checked_PoisonsOnlyReleasedBytesOnRewindAndScopeExit()
    {
        byte[] backing = new byte[32];
        var arena = new Arena(backing, new ArenaOptions { Checked = true });
        arena.Alloc(8).Fill(1);
        ArenaMark mark = arena.Mark();
        arena.Alloc(8).Fill(2);
        arena.RewindTo(mark);
        Assert.True(backing.AsSpan(0, 8).IndexOfAnyExcept((byte)1) < 0);
        Assert.True(backing.AsSpan(8, 8).IndexOfAnyExcept((byte)0xDD) < 0);

        using (arena.Scope())
        {
            arena.Alloc(4).Fill(3);
        }

        Assert.True(backing.AsSpan(8, 4).IndexOfAnyExcept((byte)0xDD) < 0);
        Assert.True(backing.AsSpan(0, 8).IndexOfAnyExcept((byte)1) < 0);
    }

    [Fact]
    public void Checked_AllocIsStillZeroed()
    {
        var arena = Checked(16);
        Assert.True(arena.Alloc(16).IndexOfAnyExcept((byte)0) < 0);
        arena.Reset();
        Assert.True(arena.Alloc<int>(4).IndexOfAnyExcept(0) < 0);
    }

    [Fact]
    public void Slice_UseAfterReset_Throws()
    {
        var arena = Checked(64);
        ArenaSlice slice = arena.AllocSlice(16);
        Assert.True(slice.IsLive);
        slice.Span.Fill(1);
        arena.Reset();
        Assert.False(slice.IsLive);
        var ex = Assert.Throws<ObjectDisposedException>(() => { Span<byte> s = slice.Span; });
        Assert.Contains("released", ex.Message);
        Assert.Contains("16 bytes at offset 0", ex.Message);
        Assert.Throws<ObjectDisposedException>(() => slice.Segment);
        Assert.Throws<ObjectDisposedException>(() => slice.Memory);
        Assert.Equal(16, slice.Length);
    }

    [Fact]
    public void Slice_StillInvalidAfterArenaGrowsPastItAgain()
    {
        var arena = Checked(64);
        ArenaSlice slice = arena.AllocSlice(16);
        arena.Reset();
        arena.Alloc(40);
        Assert.False(slice.IsLive);
        Assert.Throws<ObjectDisposedException>(() => { Span<byte> s = slice.Span; });
    }

    [Fact]
    public void Slice_BelowReleasePoint_StaysValid()
    {
        var arena = Checked(64);
        ArenaSlice outer = arena.AllocSlice(8);
        ArenaSlice inner;
        using (arena.Scope())
        {
            inner = arena.AllocSlice(8);
            Assert.True(inner.IsLive);
        }

        Assert.True(outer.IsLive);
        Assert.False(inner.IsLive);
        Assert.Equal(8, outer.Span.Length);

        ArenaMark mark = arena.Mark();
        ArenaSlice later = arena.AllocSlice(8);
        arena.RewindTo(mark);
        Assert.False(later.IsLive);
        ArenaSlice again = arena.AllocSlice(8);
        Assert.True(again.IsLive);
        Assert.True(outer.IsLive);
        Assert.False(inner.IsLive);
    }

    [Fact]
    public void Slice_ManyScopes_TracksEachRelease()
    {
        var arena = Checked(4096);
        ArenaSlice first = arena.AllocSlice(1);
        var slices = new ArenaSlice[20];
        var scopes = new ArenaScope[20];
        for (int i = 0; i < 20; i++)
        {
            scopes[i] = arena.Scope();
            slices[i] = arena.AllocSlice(i + 1);
        }

        for (int i = 19; i >= 10; i--)
        {
            scopes[i].Dispose();
        }

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(i < 10, slices[i].IsLive);
        }

        Assert.True(first.IsLive);
        Assert.Equal(20, arena.Statistics.MaxScopeDepth);
    }

    [Fact]
    public void Slice_HeapFallback_NeverInvalid()
    {
        var arena = Checked(4);
        ArenaSlice slice = arena.AllocSlice(8);
        arena.Reset();
        Assert.True(slice.IsLive);
        Assert.Equal(8, slice.Span.Length);
    }

    [Fact]
    public void Scopes_OutOfOrder_Throw()
    {
        var arena = Checked(64);
        ArenaScope outer = arena.Scope();
        ArenaScope inner = arena.Scope();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
    }

    [Fact]
    public void Scope_StaleCopyAtSameDepth_Throws()
    {
        // Unchecked mode only compares depths; checked mode also knows which scope is open.
        var arena = Checked(64);
        ArenaScope first = arena.Scope();
        first.Dispose();
        ArenaScope second = arena.Scope();
        var ex = Assert.Throws<InvalidOperationException>(() => first.Dispose());
        Assert.Contains("not the innermost open scope", ex.Message);
        second.Dispose();
        Assert.Equal(0, arena.ScopeDepth);
    }

    [Fact]
    public void Scope_AfterRewindBelowItsStart_Throws()
    {
        var arena = Checked(64);
        ArenaMark mark = arena.Mark();
        arena.Alloc(10);
        ArenaScope scope = arena.Scope();
        arena.RewindTo(mark);
        var ex = Assert.Throws<InvalidOperationException>(() => scope.Dispose());
        Assert.Contains("already released", ex.Message);
        Assert.Equal(0, arena.ScopeDepth);
    }

    [Fact]
    public void Mark_Stale_Throws()
    {
        var arena = Checked(64);
        ArenaMark outer = arena.Mark();
        arena.Alloc(8);
        ArenaMark inner = arena.Mark();
        arena.RewindTo(outer);
        arena.Alloc(16);
        var ex = Assert.Throws<InvalidOperationException>(() => arena.RewindTo(inner));
        Assert.Contains("stale", ex.Message);
        Assert.Equal(16, arena.Used);
    }

    [Fact]
    public void Mark_AfterInnerScope_StillValid()
    {
        var arena = Checked(64);
        arena.Alloc(4);
        ArenaMark mark = arena.Mark();
        arena.Alloc(4);
        using (arena.Scope())
        {
            arena.Alloc(4);
        }

        arena.RewindTo(mark);
        Assert.Equal(4, arena.Used);
    }

    [Fact]
    public void WrongThread_Throws_ForEveryOperation()
    {
        var arena = Checked(64);
        ArenaScope scope = arena.Scope();
        ArenaMark mark = arena.Mark();
        var failures = new System.Collections.Generic.List<string>();
        var actions = new (string Name, Action Action)[]
        {
            ("Alloc", () => arena.Alloc(1)),
            ("AllocUninitialized", () => arena.AllocUninitialized(1)),
            ("AllocSegment", () => arena.AllocSegment(1)),
            ("AllocMemory", () => arena.AllocMemory(1)),
            ("AllocT", () => arena.Alloc<int>(1)),
            ("AllocSlice", () => arena.AllocSlice(1)),
            ("TryAlloc", () => arena.TryAlloc(1, out _)),
            ("TryAllocSegment", () => arena.TryAllocSegment(1, out _)),
            ("Reset", () => arena.Reset()),
            ("Mark", () => arena.Mark()),
            ("RewindTo", () => arena.RewindTo(mark)),
            ("Scope", () => arena.Scope()),
            ("ScopeDispose", () => scope.Dispose()),
        };
        int owner = arena.OwnerThreadId;
        string? message = null;
        var thread = new Thread(() =>
        {
            foreach (var (name, action) in actions)
            {
                try
                {
                    action();
                    failures.Add(name + " did not throw");
                }
                catch (InvalidOperationException ex) when (ex.Message.Contains("owned by managed thread"))
                {
                    message = ex.Message;
                }
                catch (Exception ex)
                {
                    failures.Add(name + " threw " + ex.GetType().Name);
                }
            }
        });
        thread.Start();
        thread.Join();

        Assert.Empty(failures);
        Assert.Contains("TakeOwnership", message);
        Assert.Contains(owner.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        Assert.Equal(0, arena.Used);
        Assert.Equal(1, arena.ScopeDepth);
        scope.Dispose();
    }

    [Fact]
    public void TakeOwnership_HandsArenaToAnotherThread()
    {
        var arena = Checked(64);
        int length = 0;
        int workerId = 0;
        var thread = new Thread(() =>
        {
            arena.TakeOwnership();
            workerId = Environment.CurrentManagedThreadId;
            length = arena.Alloc(10).Length;
            arena.Reset();
        });
        thread.Start();
        thread.Join();
        Assert.Equal(10, length);
        Assert.Equal(workerId, arena.OwnerThreadId);
        Assert.Throws<InvalidOperationException>(() => arena.Alloc(1));
        arena.TakeOwnership();
        Assert.Equal(1, arena.Alloc(1).Length);
    }

    [Fact]
    public void Unchecked_OtherThreadIsNotPoliced()
    {
        var arena = new Arena(64);
        int length = 0;
        var thread = new Thread(() => length = arena.Alloc(10).Length);
        thread.Start();
        thread.Join();
        Assert.Equal(10, length);
    }

    [Fact]
    public void Unchecked_DoesNotPoison()
    {
        byte[] backing = new byte[16];
        var arena = new Arena(backing);
        arena.Alloc(16).Fill(5);
        arena.Reset();
        Assert.True(backing.AsSpan().IndexOfAnyExcept((byte)5) < 0);
    }
}
