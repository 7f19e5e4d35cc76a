using System;
using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace Fragless.Benchmarks;

/// <summary>
/// One operation = one allocation of Size bytes. Each invocation makes <see cref="Batch"/> allocations and then
/// releases them (Reset, or the equivalent for the baselines), so the figures are the steady state of a loop that
/// fills and empties an arena, with the release cost spread over the batch.
/// </summary>
[MemoryDiagnoser]
public class AllocBenchmarks
{
    private const int Batch = 16;

    private Arena _arena = null!;
    private byte[] _bumpBuffer = null!;
    private int _bumpOffset;

    [Params(64, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _arena = new Arena(Batch * 4096);
        _bumpBuffer = GC.AllocateUninitializedArray<byte>(Batch * 4096, pinned: true);
    }

    /// <summary>A bare pointer bump: an int offset increment with a bounds check, and nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Bump()
    {
        int sum = 0;
        int size = Size;
        for (int i = 0; i < Batch; i++)
        {
            int offset = _bumpOffset;
            if ((uint)size > (uint)(_bumpBuffer.Length - offset))
            {
                throw new InvalidOperationException();
            }

            _bumpOffset = offset + size;
            sum += offset;
        }

        _bumpOffset = 0;
        return sum;
    }

    /// <summary>
    /// The bump plus what any allocator returning memory must do: build a bounds-checked span over the array.
    /// Not a target; it shows how much of the gap to <see cref="Bump"/> is the span itself.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int BumpSpan()
    {
        int sum = 0;
        int size = Size;
        for (int i = 0; i < Batch; i++)
        {
            int offset = _bumpOffset;
            if ((uint)size > (uint)(_bumpBuffer.Length - offset))
            {
                throw new InvalidOperationException();
            }

            _bumpOffset = offset + size;
            sum += new Span<byte>(_bumpBuffer, offset, size).Length;
        }

        _bumpOffset = 0;
        return sum;
    }

    /// <summary>A bare memset of the same size at the same places: span.Clear() on a preallocated array.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Memset()
    {
        int sum = 0;
        int size = Size;
        byte[] buffer = _bumpBuffer;
        for (int i = 0; i < Batch; i++)
        {
            Span<byte> span = buffer.AsSpan(i * size, size);
            span.Clear();
            sum += span.Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ArenaAlloc()
    {
        int sum = 0;
        Arena arena = _arena;
        int size = Size;
        for (int i = 0; i < Batch; i++)
        {
            sum += arena.Alloc(size).Length;
        }

        arena.Reset();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ArenaAllocUninitialized()
    {
        int sum = 0;
        Arena arena = _arena;
        int size = Size;
        for (int i = 0; i < Batch; i++)
        {
            sum += arena.AllocUninitialized(size).Length;
        }

        arena.Reset();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int NewArray()
    {
        int sum = 0;
        int size = Size;
        for (int i = 0; i < Batch; i++)
        {
#pragma warning disable FRAG001 // The baseline: this benchmark measures exactly the allocation FRAG001 reports.
            sum += new byte[size].Length;
#pragma warning restore FRAG001
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ArrayPoolRentReturn()
    {
        int sum = 0;
        int size = Size;
        ArrayPool<byte> pool = ArrayPool<byte>.Shared;
        for (int i = 0; i < Batch; i++)
        {
            byte[] array = pool.Rent(size);
            sum += array.Length;
            pool.Return(array);
        }

        return sum;
    }
}
