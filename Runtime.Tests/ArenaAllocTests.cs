using System.Runtime.InteropServices;

namespace Fragless.Runtime.Tests;

public class ArenaAllocTests
{
    [Fact]
    public void Constructor_WithCapacity_SetsCapacityAndStartsEmpty()
    {
        var arena = new Arena(256);
        Assert.Equal(256, arena.Capacity);
        Assert.Equal(0, arena.Used);
        Assert.Equal(256, arena.Remaining);
        Assert.Equal(0, arena.HighWaterMark);
        Assert.Equal(0, arena.ScopeDepth);
        Assert.Equal(0, arena.Generation);
        Assert.False(arena.IsChecked);
        Assert.Equal(ArenaExhaustionPolicy.FallbackToHeap, arena.ExhaustionPolicy);
        Assert.Equal(Environment.CurrentManagedThreadId, arena.OwnerThreadId);
    }

#if !FRAGLESS_NETSTANDARD
    // The pinned object heap exists on .NET 5+; the netstandard builds use a plain array.
    [Fact]
    public void Constructor_WithCapacity_AllocatesOnPinnedHeap()
    {
        var arena = new Arena(1 << 16);
        Span<byte> span = arena.Alloc(1);
        // The pinned object heap is generation 2 for GC.GetGeneration.
        byte[] backing = GetBacking(arena);
        Assert.Equal(2, GC.GetGeneration(backing));
        Assert.True(span.Overlaps(backing));
    }
#endif

    [Fact]
    public void Constructor_WithZeroCapacity_IsAllowed()
    {
        var arena = new Arena(0);
        Assert.Equal(0, arena.Capacity);
        Assert.Equal(0, arena.Alloc(0).Length);
    }

    [Fact]
    public void Constructor_WithNegativeCapacity_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Arena(-1));
        Assert.Equal("capacityBytes", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Arena(-1, new ArenaOptions()));
        Assert.Equal("capacityBytes", ex.ParamName);
    }

    [Fact]
    public void Constructor_WithBacking_UsesTheArray()
    {
        byte[] backing = new byte[100];
        var arena = new Arena(backing);
        Assert.Equal(100, arena.Capacity);
        arena.AllocUninitialized(10).Fill(7);
        Assert.Equal(7, backing[0]);
        Assert.Equal(7, backing[9]);
        Assert.Equal(0, backing[10]);
    }

    [Fact]
    public void Constructor_WithNullBacking_Throws()
    {
        Assert.Equal("backing", Assert.Throws<ArgumentNullException>(() => new Arena((byte[])null!)).ParamName);
        Assert.Equal("backing", Assert.Throws<ArgumentNullException>(() => new Arena((byte[])null!, new ArenaOptions())).ParamName);
    }

    [Fact]
    public void Constructor_WithUndefinedPolicy_Throws()
    {
        var options = new ArenaOptions { ExhaustionPolicy = (ArenaExhaustionPolicy)42 };
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => new Arena(16, options)).ParamName);
    }

    [Fact]
    public void Constructor_WithNullOptions_UsesDefaults()
    {
        var arena = new Arena(new byte[8], null);
        Assert.False(arena.IsChecked);
        Assert.Equal(ArenaExhaustionPolicy.FallbackToHeap, arena.ExhaustionPolicy);
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new ArenaOptions();
        Assert.Equal(ArenaExhaustionPolicy.FallbackToHeap, options.ExhaustionPolicy);
        Assert.False(options.Checked);
        Assert.Equal(0xDD, options.PoisonValue);
        Assert.Equal(0xDD, ArenaOptions.DefaultPoisonValue);
    }

    [Fact]
    public void Options_AreCopiedAtConstruction()
    {
        var options = new ArenaOptions { ExhaustionPolicy = ArenaExhaustionPolicy.Throw };
        var arena = new Arena(8, options);
        options.ExhaustionPolicy = ArenaExhaustionPolicy.FallbackToHeap;
        options.Checked = true;
        Assert.Equal(ArenaExhaustionPolicy.Throw, arena.ExhaustionPolicy);
        Assert.False(arena.IsChecked);
    }

    [Fact]
    public void Alloc_ReturnsExactLengthContiguousSlices()
    {
        byte[] backing = new byte[64];
        var arena = new Arena(backing);
        Span<byte> a = arena.Alloc(10);
        Span<byte> b = arena.Alloc(20);
        Assert.Equal(10, a.Length);
        Assert.Equal(20, b.Length);
        Assert.Equal(30, arena.Used);
        Assert.Equal(34, arena.Remaining);
        Assert.False(a.Overlaps(b));
        Assert.True(Unsafe_AreAdjacent(a, b));
    }

    [Fact]
    public void Alloc_Zero_ReturnsEmpty()
    {
        var arena = new Arena(8);
        Assert.True(arena.Alloc(0).IsEmpty);
        Assert.Equal(0, arena.Used);
    }

    [Fact]
    public void Alloc_ExactlyRemaining_Succeeds()
    {
        var arena = new Arena(new byte[16], new ArenaOptions { ExhaustionPolicy = ArenaExhaustionPolicy.Throw });
        arena.Alloc(6);
        Assert.Equal(10, arena.Alloc(10).Length);
        Assert.Equal(0, arena.Remaining);
    }

    [Fact]
    public void Alloc_AfterRewindOverDirtyMemory_IsZeroed()
    {
        var arena = new Arena(128);
        arena.AllocUninitialized(128).Fill(0xAB);
        arena.Reset();
        Span<byte> span = arena.Alloc(100);
        Assert.True(span.IndexOfAnyExcept((byte)0) < 0);

        ArenaMark mark = arena.Mark();
        arena.AllocUninitialized(28).Fill(0xCD);
        arena.RewindTo(mark);
        Assert.True(arena.Alloc(28).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void AllocUninitialized_LeavesPreviousContents()
    {
        var arena = new Arena(new byte[32]);
        arena.AllocUninitialized(32).Fill(0x5A);
        arena.Reset();
        Span<byte> span = arena.AllocUninitialized(32);
        Assert.Equal(32, span.Length);
        Assert.True(span.IndexOfAnyExcept((byte)0x5A) < 0);
    }

    [Fact]
    public void AllocSegment_ReturnsZeroedSegmentOfBacking()
    {
        byte[] backing = new byte[64];
        var arena = new Arena(backing);
        arena.AllocUninitialized(64).Fill(1);
        arena.Reset();
        arena.Alloc(8);
        ArraySegment<byte> segment = arena.AllocSegment(16);
        Assert.Same(backing, segment.Array);
        Assert.Equal(8, segment.Offset);
        Assert.Equal(16, segment.Count);
        Assert.True(segment.AsSpan().IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(24, arena.Used);
    }

    [Fact]
    public void AllocMemory_ReturnsZeroedMemoryOfBacking()
    {
        byte[] backing = new byte[64];
        var arena = new Arena(backing);
        arena.AllocUninitialized(64).Fill(1);
        arena.Reset();
        arena.Alloc(4);
        Memory<byte> memory = arena.AllocMemory(12);
        Assert.Equal(12, memory.Length);
        Assert.True(MemoryMarshal.TryGetArray(memory, out ArraySegment<byte> segment));
        Assert.Same(backing, segment.Array);
        Assert.Equal(4, segment.Offset);
        Assert.True(memory.Span.IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void AllocT_IsAlignedZeroedAndExact()
    {
        var arena = new Arena(new byte[256]);
        arena.AllocUninitialized(256).Fill(0xFF);
        arena.Reset();

        arena.Alloc(1);
        Span<long> longs = arena.Alloc<long>(3);
        Assert.Equal(3, longs.Length);
        Assert.Equal(8, OffsetOf(arena, MemoryMarshal.AsBytes(longs)));
        Assert.Equal(32, arena.Used);
        Assert.All(longs.ToArray(), v => Assert.Equal(0L, v));

        arena.Alloc(1);
        Span<int> ints = arena.Alloc<int>(2);
        Assert.Equal(36, OffsetOf(arena, MemoryMarshal.AsBytes(ints)));

        arena.Alloc(1);
        Span<short> shorts = arena.Alloc<short>(1);
        Assert.Equal(46, OffsetOf(arena, MemoryMarshal.AsBytes(shorts)));

        Span<byte> bytes = arena.Alloc<byte>(1);
        Assert.Equal(48, OffsetOf(arena, bytes));

        // 12-byte struct: alignment 4. 16-byte struct: alignment capped at 8.
        Span<Vec3> vecs = arena.Alloc<Vec3>(2);
        Assert.Equal(52, OffsetOf(arena, MemoryMarshal.AsBytes(vecs)));
        Assert.Equal(24, MemoryMarshal.AsBytes(vecs).Length);
        arena.Alloc(1);
        Span<Guid> guids = arena.Alloc<Guid>(1);
        Assert.Equal(80, OffsetOf(arena, MemoryMarshal.AsBytes(guids)));
        Assert.Equal(Guid.Empty, guids[0]);
    }

#if !FRAGLESS_NETSTANDARD
    [Fact]
    public void AllocT_AbsoluteAddressAlignedForLongOnPinnedBacking()
    {
        var arena = new Arena(1024);
        arena.Alloc(3);
        Span<long> longs = arena.Alloc<long>(4);
        unsafe
        {
            fixed (long* p = longs)
            {
                Assert.Equal(0, (long)p % 8);
            }
        }
    }
#endif

    [Fact]
    public void AllocT_ZeroCount_ReturnsEmpty()
    {
        var arena = new Arena(16);
        Assert.True(arena.Alloc<int>(0).IsEmpty);
    }

    [Fact]
    public void TryAlloc_FitsAndFails()
    {
        var arena = new Arena(new byte[16], new ArenaOptions { ExhaustionPolicy = ArenaExhaustionPolicy.Throw });
        int raised = 0;
        arena.Exhausted += (_, _) => raised++;
        arena.AllocUninitialized(16).Fill(3);
        arena.Reset();

        Assert.True(arena.TryAlloc(10, out Span<byte> span));
        Assert.Equal(10, span.Length);
        Assert.True(span.IndexOfAnyExcept((byte)0) < 0);

        Assert.False(arena.TryAlloc(7, out span));
        Assert.True(span.IsEmpty);
        Assert.Equal(10, arena.Used);
        Assert.Equal(0, raised);
        Assert.Equal(0, arena.Statistics.Exhaustions);
        Assert.Equal(0, arena.Statistics.HeapFallbacks);
    }

    [Fact]
    public void TryAllocSegment_FitsAndFails()
    {
        byte[] backing = new byte[16];
        var arena = new Arena(backing);
        backing.AsSpan().Fill(9);

        Assert.True(arena.TryAllocSegment(12, out ArraySegment<byte> segment));
        Assert.Same(backing, segment.Array);
        Assert.Equal(12, segment.Count);
        Assert.True(segment.AsSpan().IndexOfAnyExcept((byte)0) < 0);

        Assert.False(arena.TryAllocSegment(5, out segment));
        Assert.Null(segment.Array);
        Assert.Equal(0, arena.Statistics.HeapFallbacks);
    }

    [Fact]
    public void AllocSlice_Unchecked_IsPlainView()
    {
        byte[] backing = new byte[32];
        var arena = new Arena(backing);
        backing.AsSpan().Fill(4);
        ArenaSlice slice = arena.AllocSlice(10);
        Assert.Equal(10, slice.Length);
        Assert.True(slice.IsLive);
        Assert.True(slice.Span.IndexOfAnyExcept((byte)0) < 0);
        Assert.Same(backing, slice.Segment.Array);
        Assert.Equal(10, slice.Memory.Length);
        arena.Reset();
        // No checks without checked mode.
        Assert.True(slice.IsLive);
        Assert.Equal(10, slice.Span.Length);
    }

    [Fact]
    public void ArenaSlice_Default_IsEmpty()
    {
        ArenaSlice slice = default;
        Assert.Equal(0, slice.Length);
        Assert.True(slice.IsLive);
        Assert.True(slice.Span.IsEmpty);
        Assert.Null(slice.Segment.Array);
        Assert.True(slice.Memory.IsEmpty);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NegativeLengths_Throw(int length)
    {
        var arena = new Arena(16);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.Alloc(length)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.AllocUninitialized(length)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.AllocSegment(length)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.AllocMemory(length)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.AllocSlice(length)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.TryAlloc(length, out _)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => arena.TryAllocSegment(length, out _)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => arena.Alloc<int>(length)).ParamName);
        Assert.Equal(0, arena.Used);
        Assert.Equal(0, arena.Statistics.Allocations);
    }

    internal static byte[] GetBacking(Arena arena)
    {
        var field = typeof(Arena).GetField("_buffer", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return (byte[])field.GetValue(arena)!;
    }

    internal static int OffsetOf(Arena arena, Span<byte> span)
    {
        byte[] backing = GetBacking(arena);
        Assert.True(backing.AsSpan().Overlaps(span, out int offset));
        return offset;
    }

    private static bool Unsafe_AreAdjacent(Span<byte> a, Span<byte> b)
    {
        return System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.CompilerServices.Unsafe.Add(ref MemoryMarshal.GetReference(a), a.Length),
            ref MemoryMarshal.GetReference(b));
    }

    private readonly record struct Vec3(float X, float Y, float Z);
}
