namespace Fragless.Runtime.Tests;

public class ArenaLifetimeTests
{
    [Fact]
    public void Reset_ReleasesEverythingAndBumpsGeneration()
    {
        var arena = new Arena(64);
        arena.Alloc(40);
        arena.Reset();
        Assert.Equal(0, arena.Used);
        Assert.Equal(64, arena.Remaining);
        Assert.Equal(1, arena.Generation);
        Assert.Equal(64, arena.Alloc(64).Length);
    }

    [Fact]
    public void Reset_ClosesOpenScopes()
    {
        var arena = new Arena(64);
        ArenaScope scope = arena.Scope();
        arena.Alloc(8);
        arena.Reset();
        Assert.Equal(0, arena.ScopeDepth);
        Assert.Throws<InvalidOperationException>(() => scope.Dispose());
    }

    [Fact]
    public void MarkAndRewind_ReleaseOnlyLaterAllocations()
    {
        var arena = new Arena(64);
        arena.Alloc(10);
        ArenaMark mark = arena.Mark();
        Assert.Equal(10, mark.Offset);
        arena.Alloc(30);
        arena.RewindTo(mark);
        Assert.Equal(10, arena.Used);
        Assert.Equal(1, arena.Generation);
        Assert.Equal(40, arena.HighWaterMark);
    }

    [Fact]
    public void RewindTo_SameMarkTwice_IsAllowed()
    {
        var arena = new Arena(64);
        ArenaMark mark = arena.Mark();
        arena.Alloc(10);
        arena.RewindTo(mark);
        arena.Alloc(20);
        arena.RewindTo(mark);
        Assert.Equal(0, arena.Used);
    }

    [Fact]
    public void RewindTo_MarkFromOtherArena_Throws()
    {
        var a = new Arena(16);
        var b = new Arena(16);
        ArenaMark mark = b.Mark();
        var ex = Assert.Throws<ArgumentException>(() => a.RewindTo(mark));
        Assert.Equal("mark", ex.ParamName);
        Assert.Contains("different arena", ex.Message);
    }

    [Fact]
    public void RewindTo_DefaultMark_Throws()
    {
        var arena = new Arena(16);
        var ex = Assert.Throws<ArgumentException>(() => arena.RewindTo(default));
        Assert.Equal("mark", ex.ParamName);
        Assert.Contains("default", ex.Message);
    }

    [Fact]
    public void RewindTo_MarkAheadOfPosition_Throws()
    {
        var arena = new Arena(64);
        arena.Alloc(20);
        ArenaMark mark = arena.Mark();
        arena.Reset();
        var ex = Assert.Throws<InvalidOperationException>(() => arena.RewindTo(mark));
        Assert.Contains("already released", ex.Message);
        Assert.Equal(0, arena.Used);
    }

    [Fact]
    public void Scope_ReleasesOnDispose()
    {
        var arena = new Arena(64);
        arena.Alloc(5);
        using (ArenaScope scope = arena.Scope())
        {
            Assert.Equal(1, scope.Depth);
            Assert.Equal(5, scope.StartOffset);
            Assert.Equal(1, arena.ScopeDepth);
            arena.Alloc(30);
            Assert.Equal(35, arena.Used);
        }

        Assert.Equal(5, arena.Used);
        Assert.Equal(0, arena.ScopeDepth);
        Assert.Equal(35, arena.HighWaterMark);
    }

    [Fact]
    public void Scopes_Nest()
    {
        var arena = new Arena(64);
        using (arena.Scope())
        {
            arena.Alloc(4);
            using (ArenaScope inner = arena.Scope())
            {
                Assert.Equal(2, inner.Depth);
                arena.Alloc(8);
                Assert.Equal(12, arena.Used);
            }

            Assert.Equal(4, arena.Used);
            Assert.Equal(1, arena.ScopeDepth);
        }

        Assert.Equal(0, arena.Used);
        Assert.Equal(2, arena.Statistics.MaxScopeDepth);
    }

    [Fact]
    public void Scopes_OutOfOrder_Throw()
    {
        var arena = new Arena(64);
        ArenaScope outer = arena.Scope();
        ArenaScope inner = arena.Scope();
        var ex = Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        Assert.Contains("last in first out", ex.Message);
        inner.Dispose();
        outer.Dispose();
        Assert.Equal(0, arena.ScopeDepth);
    }

    [Fact]
    public void Scope_DisposedTwice_Throws()
    {
        var arena = new Arena(64);
        ArenaScope scope = arena.Scope();
        scope.Dispose();
        var ex = Assert.Throws<InvalidOperationException>(() => scope.Dispose());
        Assert.Contains("no longer open", ex.Message);
    }

    [Fact]
    public void Scope_Default_DisposeDoesNothing()
    {
        ArenaScope scope = default;
        scope.Dispose();
        Assert.Equal(0, scope.Depth);
    }

    [Fact]
    public void Scope_AfterRewindBelowItsStart_UncheckedLeavesPosition()
    {
        var arena = new Arena(64);
        ArenaMark mark = arena.Mark();
        arena.Alloc(10);
        ArenaScope scope = arena.Scope();
        arena.Alloc(10);
        arena.RewindTo(mark);
        scope.Dispose();
        Assert.Equal(0, arena.Used);
        Assert.Equal(0, arena.ScopeDepth);
    }

    [Fact]
    public void HighWaterMark_TracksPeakAcrossReleases()
    {
        var arena = new Arena(100);
        arena.Alloc(30);
        arena.Reset();
        arena.Alloc(70);
        Assert.Equal(70, arena.HighWaterMark);
        arena.Reset();
        arena.Alloc(10);
        Assert.Equal(70, arena.HighWaterMark);
        using (arena.Scope())
        {
            arena.Alloc(80);
        }

        Assert.Equal(90, arena.HighWaterMark);
        Assert.Equal(10, arena.Used);
    }

    [Fact]
    public void HighWaterMark_IncludesAlignmentPadding()
    {
        var arena = new Arena(64);
        arena.Alloc(1);
        arena.Alloc<long>(1);
        Assert.Equal(16, arena.HighWaterMark);
    }
}
