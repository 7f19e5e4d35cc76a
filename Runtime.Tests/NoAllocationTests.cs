using System.Runtime.CompilerServices;

namespace Fragless.Runtime.Tests;

// Allocation is measured per thread, so tests running in parallel on other threads do not disturb it.
public class NoAllocationTests
{
    private const int Iterations = 1000;

    private static long Measure(Action action)
    {
        action();
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void ArenaOperations_DoNotAllocate()
    {
        var arena = new Arena(1 << 16);
        long bytes = Measure(() => ArenaLoop(arena));
        Assert.Equal(0, bytes);
        Assert.Equal(0, arena.Statistics.HeapFallbacks);
    }

    [Fact]
    public void Measure_SeesHeapFallbacks()
    {
        // Guards the method: a full arena falls back to the heap, and that must show up.
        var arena = new Arena(0);
        long bytes = Measure(() => arena.Alloc(64)[0] = 1);
        Assert.True(bytes >= 64, $"measured {bytes} bytes");
    }

    [Fact]
    public void CheckedArenaOperations_DoNotAllocateOnceWarm()
    {
        var arena = new Arena(1 << 16, new ArenaOptions { Checked = true });
        long bytes = Measure(() => ArenaLoop(arena));
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Statistics_DoNotAllocate()
    {
        var arena = new Arena(64);
        var pool = new Pool<object>(1, () => new object());
        long total = 0;
        long bytes = Measure(() =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                total += arena.Statistics.Allocations + arena.HighWaterMark + arena.Remaining + pool.Statistics.Rents;
            }
        });
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void PoolRentReturn_DoesNotAllocateInSteadyState()
    {
        var pool = new Pool<byte[]>(8, () => new byte[16], a => a[0] = 0);
        pool.Prefill(8);
        long bytes = Measure(() =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                byte[] a = pool.Rent();
                byte[] b = pool.Rent();
                a[0] = 1;
                pool.Return(b);
                pool.Return(a);
            }
        });
        Assert.Equal(0, bytes);
        Assert.Equal(0, pool.Statistics.Misses);
        Assert.Equal(8, pool.Statistics.Creates);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ArenaLoop(Arena arena)
    {
        for (int i = 0; i < Iterations; i++)
        {
            arena.Alloc(64)[0] = 1;
            arena.AllocUninitialized(100)[0] = 2;
            arena.AllocSegment(32).AsSpan()[0] = 3;
            arena.AllocMemory(16).Span[0] = 4;
            arena.Alloc<long>(4)[0] = 5;
            arena.AllocSlice(8).Span[0] = 6;
            arena.TryAlloc(8, out Span<byte> s);
            s[0] = 7;
            arena.TryAllocSegment(8, out _);
            ArenaMark mark = arena.Mark();
            using (arena.Scope())
            {
                using (arena.Scope())
                {
                    arena.Alloc(128)[0] = 8;
                }

                arena.Alloc(16)[0] = 9;
            }

            arena.Alloc(4096)[0] = 10;
            arena.RewindTo(mark);
            arena.Reset();
        }
    }
}
