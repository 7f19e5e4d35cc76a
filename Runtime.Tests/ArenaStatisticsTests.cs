namespace Fragless.Runtime.Tests;

public class ArenaStatisticsTests
{
    [Fact]
    public void Statistics_CountEverything()
    {
        var arena = new Arena(64);
        arena.Alloc(8);
        arena.AllocUninitialized(8);
        arena.AllocSegment(8);
        arena.AllocMemory(8);
        arena.Alloc<int>(2);
        arena.AllocSlice(8);
        arena.TryAlloc(8, out _);
        arena.TryAllocSegment(4, out _);
        arena.TryAlloc(100, out _);
        arena.Alloc(100);
        ArenaMark mark = arena.Mark();
        using (arena.Scope())
        {
            using (arena.Scope())
            {
            }
        }

        arena.RewindTo(mark);
        arena.Reset();
        arena.Reset();

        ArenaStatistics stats = arena.Statistics;
        Assert.Equal(64, stats.Capacity);
        Assert.Equal(0, stats.Used);
        Assert.Equal(60, stats.HighWaterMark);
        Assert.Equal(8, stats.Allocations);
        Assert.Equal(1, stats.Exhaustions);
        Assert.Equal(1, stats.HeapFallbacks);
        Assert.Equal(100, stats.HeapFallbackBytes);
        Assert.Equal(2, stats.Resets);
        Assert.Equal(3, stats.Rewinds);
        Assert.Equal(2, stats.MaxScopeDepth);
        Assert.Equal(5, arena.Generation);

        string text = stats.ToString();
        Assert.Contains("0/64 bytes used", text);
        Assert.Contains("high-water 60", text);
        Assert.Contains("1 heap fallbacks (100 bytes)", text);
        Assert.Contains("max scope depth 2", text);
    }

    [Fact]
    public void ResetStatistics_ClearsCountersAndRestartsHighWaterFromUsed()
    {
        var arena = new Arena(64);
        arena.Alloc(50);
        arena.Reset();
        arena.Alloc(100);
        using (arena.Scope())
        {
            arena.Alloc(10);
        }

        arena.Alloc(4);
        ArenaScope open = arena.Scope();
        arena.ResetStatistics();

        ArenaStatistics stats = arena.Statistics;
        Assert.Equal(4, stats.HighWaterMark);
        Assert.Equal(4, stats.Used);
        Assert.Equal(0, stats.Allocations);
        Assert.Equal(0, stats.Exhaustions);
        Assert.Equal(0, stats.HeapFallbacks);
        Assert.Equal(0, stats.HeapFallbackBytes);
        Assert.Equal(0, stats.Resets);
        Assert.Equal(0, stats.Rewinds);
        Assert.Equal(1, stats.MaxScopeDepth);
        open.Dispose();
    }

    [Fact]
    public void Statistics_CountFastPathAllocationsAcrossReleases()
    {
        var arena = new Arena(1024);
        for (int i = 0; i < 10; i++)
        {
            arena.Alloc(10);
            arena.AllocUninitialized(10);
            using (arena.Scope())
            {
                arena.Alloc(0);
                arena.AllocUninitialized(0);
            }

            arena.Alloc(1);
            if (i % 2 == 0)
            {
                arena.Reset();
            }
        }

        Assert.Equal(50, arena.Statistics.Allocations);
        arena.ResetStatistics();
        arena.Alloc(1);
        Assert.Equal(1, arena.Statistics.Allocations);
    }

    [Fact]
    public void Statistics_Default_IsZero()
    {
        ArenaStatistics stats = default;
        Assert.Equal(0, stats.Capacity);
        Assert.Equal(0, stats.Allocations);
    }
}
