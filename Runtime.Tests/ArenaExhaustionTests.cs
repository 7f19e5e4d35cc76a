namespace Fragless.Runtime.Tests;

public class ArenaExhaustionTests
{
    private static Arena Throwing(int capacity) =>
        new Arena(capacity, new ArenaOptions { ExhaustionPolicy = ArenaExhaustionPolicy.Throw });

    [Fact]
    public void Fallback_ReturnsExactLengthHeapArrayAndCounts()
    {
        byte[] backing = new byte[32];
        var arena = new Arena(backing);
        ArenaExhaustedEventArgs? seen = null;
        object? sender = null;
        arena.Exhausted += (s, e) => { sender = s; seen = e; };
        arena.Alloc(20);

        Span<byte> span = arena.Alloc(16);
        Assert.Equal(16, span.Length);
        Assert.False(span.Overlaps(backing));
        Assert.True(span.IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(20, arena.Used);

        Assert.Same(arena, sender);
        Assert.NotNull(seen);
        Assert.Equal(16, seen!.RequestedBytes);
        Assert.Equal(12, seen.RemainingBytes);
        Assert.Equal(32, seen.Capacity);
        Assert.Equal(20, seen.HighWaterMark);
        Assert.Equal(ArenaExhaustionPolicy.FallbackToHeap, seen.Policy);

        ArenaStatistics stats = arena.Statistics;
        Assert.Equal(1, stats.Allocations);
        Assert.Equal(1, stats.Exhaustions);
        Assert.Equal(1, stats.HeapFallbacks);
        Assert.Equal(16, stats.HeapFallbackBytes);
    }

    [Fact]
    public void Fallback_EveryAllocKind_ReturnsExactLengthOffArena()
    {
        byte[] backing = new byte[8];
        var arena = new Arena(backing);
        int events = 0;
        arena.Exhausted += (_, _) => events++;
        arena.Alloc(8);

        Assert.Equal(9, arena.AllocUninitialized(9).Length);
        ArraySegment<byte> segment = arena.AllocSegment(10);
        Assert.NotSame(backing, segment.Array);
        Assert.Equal(10, segment.Count);
        Memory<byte> memory = arena.AllocMemory(11);
        Assert.Equal(11, memory.Length);
        Span<int> ints = arena.Alloc<int>(3);
        Assert.Equal(3, ints.Length);
        ArenaSlice slice = arena.AllocSlice(13);
        Assert.Equal(13, slice.Length);
        Assert.Equal(13, slice.Span.Length);
        Assert.True(slice.IsLive);

        Assert.Equal(5, events);
        ArenaStatistics stats = arena.Statistics;
        Assert.Equal(5, stats.HeapFallbacks);
        Assert.Equal(9 + 10 + 11 + 12 + 13, stats.HeapFallbackBytes);
        Assert.Equal(8, arena.Used);
    }

    [Fact]
    public void Fallback_ForAlignedRequestThatFitsOnlyWithoutPadding_FallsBack()
    {
        var arena = new Arena(16);
        arena.Alloc(1);
        // 8 bytes of long need offset 8..16: fits. A second needs 16..24: does not.
        Assert.Equal(1, arena.Alloc<long>(1).Length);
        Assert.Equal(1, arena.Alloc<long>(1).Length);
        Assert.Equal(1, arena.Statistics.HeapFallbacks);
        Assert.Equal(16, arena.Used);
    }

    [Fact]
    public void Fallback_HugeCount_IsRequestedBytesNotOverflow()
    {
        var arena = Throwing(16);
        var ex = Assert.Throws<ArenaExhaustedException>(() => arena.Alloc<long>(int.MaxValue));
        Assert.Equal((long)int.MaxValue * 8, ex.RequestedBytes);
    }

    [Fact]
    public void Throw_MessageAndPropertiesGiveTheFigures()
    {
        var arena = Throwing(100);
        ArenaExhaustedEventArgs? seen = null;
        arena.Exhausted += (_, e) => seen = e;
        arena.Alloc(60);
        arena.Reset();
        arena.Alloc(30);

        var ex = Assert.Throws<ArenaExhaustedException>(() => arena.Alloc(71));
        Assert.Equal(71, ex.RequestedBytes);
        Assert.Equal(70, ex.RemainingBytes);
        Assert.Equal(100, ex.Capacity);
        Assert.Equal(60, ex.HighWaterMark);
        Assert.Contains("requested 71 bytes", ex.Message);
        Assert.Contains("only 70 of 100 bytes remain", ex.Message);
        Assert.Contains("high-water mark 60 bytes", ex.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);

        Assert.NotNull(seen);
        Assert.Equal(ArenaExhaustionPolicy.Throw, seen!.Policy);
        Assert.Equal(30, arena.Used);
        Assert.Equal(1, arena.Statistics.Exhaustions);
        Assert.Equal(0, arena.Statistics.HeapFallbacks);
    }

    [Fact]
    public void Throw_EveryAllocKindThrowsAndLeavesArenaUnchanged()
    {
        var arena = Throwing(8);
        arena.Alloc(5);
        Assert.Throws<ArenaExhaustedException>(() => arena.Alloc(4));
        Assert.Throws<ArenaExhaustedException>(() => arena.AllocUninitialized(4));
        Assert.Throws<ArenaExhaustedException>(() => arena.AllocSegment(4));
        Assert.Throws<ArenaExhaustedException>(() => arena.AllocMemory(4));
        Assert.Throws<ArenaExhaustedException>(() => arena.AllocSlice(4));
        Assert.Throws<ArenaExhaustedException>(() => arena.Alloc<int>(1));
        Assert.Equal(5, arena.Used);
        Assert.Equal(6, arena.Statistics.Exhaustions);
        Assert.Equal(3, arena.Alloc(3).Length);
    }

    [Fact]
    public void Exhaustion_NeverHandsOutMemoryTwice()
    {
        byte[] backing = new byte[64];
        var arena = new Arena(backing);
        var rng = new Random(1234);
        var live = new System.Collections.Generic.List<(int Offset, int Length)>();
        for (int i = 0; i < 500; i++)
        {
            int length = rng.Next(0, 24);
            Span<byte> span = arena.AllocUninitialized(length);
            Assert.Equal(length, span.Length);
            if (length > 0 && backing.AsSpan().Overlaps(span, out int offset))
            {
                foreach (var (o, l) in live)
                {
                    Assert.True(offset >= o + l || offset + length <= o, "overlapping allocation");
                }

                live.Add((offset, length));
            }

            if (rng.Next(8) == 0)
            {
                arena.Reset();
                live.Clear();
            }
        }
    }

    [Fact]
    public void Exception_StandardConstructors()
    {
        Assert.Contains("no room", new ArenaExhaustedException().Message);
        Assert.Equal("m", new ArenaExhaustedException("m").Message);
        var inner = new InvalidOperationException();
        var ex = new ArenaExhaustedException("m", inner);
        Assert.Same(inner, ex.InnerException);
        Assert.Equal(0, ex.RequestedBytes);

        var full = new ArenaExhaustedException(5, 4, 10, 9);
        Assert.Equal(5, full.RequestedBytes);
        Assert.Equal(4, full.RemainingBytes);
        Assert.Equal(10, full.Capacity);
        Assert.Equal(9, full.HighWaterMark);
    }

    [Fact]
    public void EventArgs_CarryValues()
    {
        var e = new ArenaExhaustedEventArgs(1, 2, 3, 4, ArenaExhaustionPolicy.Throw);
        Assert.Equal(1, e.RequestedBytes);
        Assert.Equal(2, e.RemainingBytes);
        Assert.Equal(3, e.Capacity);
        Assert.Equal(4, e.HighWaterMark);
        Assert.Equal(ArenaExhaustionPolicy.Throw, e.Policy);
    }

    [Fact]
    public void Exhausted_UnsubscribedHandlerIsNotCalled()
    {
        var arena = new Arena(0);
        int calls = 0;
        EventHandler<ArenaExhaustedEventArgs> handler = (_, _) => calls++;
        arena.Exhausted += handler;
        arena.Alloc(1);
        arena.Exhausted -= handler;
        arena.Alloc(1);
        Assert.Equal(1, calls);
        Assert.Equal(2, arena.Statistics.HeapFallbacks);
    }
}
