using System;
using Xunit;

namespace Fragless.Nano.Tests;

public class ArenaTests
{
    [Fact]
    public void AllocSegment_SlicesOneArrayInOrder()
    {
        var arena = new Arena(16);
        var a = arena.AllocSegment(4);
        var b = arena.AllocSegment(8);
        Assert.Same(arena.Buffer, a.Array);
        Assert.Same(arena.Buffer, b.Array);
        Assert.Equal((0, 4), (a.Offset, a.Count));
        Assert.Equal((4, 8), (b.Offset, b.Count));
        Assert.Equal(12, arena.Used);
        Assert.Equal(4, arena.Remaining);
    }

    [Fact]
    public void Alloc_IsClearedEvenAfterReuse()
    {
        var arena = new Arena(8);
        var first = arena.Alloc(8);
        for (int i = 0; i < first.Length; i++) first[i] = 0xFF;
        arena.Reset();
        var second = arena.Alloc(8);
        for (int i = 0; i < second.Length; i++) Assert.Equal(0, second[i]);
    }

    [Fact]
    public void SpanByteView_WritesThroughToTheArray()
    {
        var arena = new Arena(8);
        arena.AllocSegment(3);
        var segment = arena.AllocSegment(2);
        var view = segment.AsSpanByte();
        view[1] = 42;
        Assert.Equal(2, view.Length);
        Assert.Equal(42, arena.Buffer[4]);
        Assert.Equal(42, segment[1]);
    }

    [Fact]
    public void Exhausted_ThrowsAndTryReturnsFalseWithoutMoving()
    {
        var arena = new Arena(4);
        arena.AllocSegment(3);
        Assert.False(arena.TryAllocSegment(2, out var none));
        Assert.Null(none.Array);
        Assert.Equal(3, arena.Used);
        Assert.Throws<InvalidOperationException>(() => arena.AllocSegment(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.AllocSegment(-1));
    }

    [Fact]
    public void MarkAndRewind_GiveBackOnlyWhatCameAfter()
    {
        var arena = new Arena(32);
        arena.AllocSegment(4);
        var mark = arena.Mark();
        arena.AllocSegment(10);
        arena.RewindTo(mark);
        Assert.Equal(4, arena.Used);
        Assert.Equal(4, arena.AllocSegment(1).Offset);
    }

    [Fact]
    public void RewindTo_AMarkAheadOfTheArena_Throws()
    {
        var arena = new Arena(32);
        arena.AllocSegment(8);
        var mark = arena.Mark();
        arena.Reset();
        Assert.Throws<InvalidOperationException>(() => arena.RewindTo(mark));
    }

    [Fact]
    public void HighWaterMark_KeepsThePeakAcrossResetsAndRewinds()
    {
        var arena = new Arena(64);
        arena.AllocSegment(20);
        arena.Reset();
        arena.AllocSegment(5);
        var mark = arena.Mark();
        arena.AllocSegment(30);
        arena.RewindTo(mark);
        Assert.Equal(35, arena.HighWaterMark);
        arena.AllocSegment(40);
        Assert.Equal(45, arena.HighWaterMark);
    }

    [Fact]
    public void CallerArray_IsUsedAsIs()
    {
        var backing = new byte[10];
        var arena = new Arena(backing);
        Assert.Same(backing, arena.AllocSegment(10).Array);
        Assert.Throws<ArgumentNullException>(() => new Arena((byte[])null!));
    }

    [Fact]
    public void SegmentIndexer_ChecksItsOwnBounds()
    {
        var arena = new Arena(8);
        arena.AllocSegment(2);
        var segment = arena.AllocSegment(2);
        Assert.Throws<IndexOutOfRangeException>(() => segment[2]);
        Assert.Throws<IndexOutOfRangeException>(() => segment[-1]);
    }
}

public class LargestFreeBlockTests
{
    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(1, 100, 1)]
    [InlineData(37, 100, 37)]
    [InlineData(100, 100, 100)]
    [InlineData(500, 100, 100)]
    [InlineData(65535, 1 << 20, 65535)]
    public void Search_FindsTheLargestSizeThatFits(int largest, int upperBound, int expected)
    {
        Assert.Equal(expected, LargestFreeBlock.Search(upperBound, n => n <= largest));
    }

    [Fact]
    public void Search_ProbesLogarithmicallyOften()
    {
        int probes = 0;
        LargestFreeBlock.Search(1 << 20, n => { probes++; return n <= 12345; });
        Assert.InRange(probes, 1, 21);
    }

    [Fact]
    public void Measure_IsCappedByTheFreeBytesTheCollectionReports()
    {
        bool collected = false;
        Assert.Equal(64, LargestFreeBlock.Measure(1 << 20, () => { collected = true; return 64; }));
        Assert.True(collected);
    }

    [Fact]
    public void Measure_AllocatesForReal()
    {
        Assert.Equal(4096, LargestFreeBlock.Measure(4096, null!));
    }
}
