using System;
using BenchmarkDotNet.Attributes;

namespace Fragless.Benchmarks;

/// <summary>One operation = one scope entered and left, one mark and rewind, or one pool rent and return.</summary>
[MemoryDiagnoser]
public class LifetimeBenchmarks
{
    private const int Batch = 16;

    private Arena _arena = null!;
    private Pool<Payload> _pool = null!;
    private byte[] _bumpBuffer = null!;
    private int _bumpOffset;

    [GlobalSetup]
    public void Setup()
    {
        _arena = new Arena(4096);
        _pool = new Pool<Payload>(8, () => new Payload(), p => p.Value = 0);
        _pool.Prefill(8);
        _bumpBuffer = new byte[4096];
    }

    /// <summary>A bare pointer bump of 64 bytes, for scale.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int Bump()
    {
        int sum = 0;
        for (int i = 0; i < Batch; i++)
        {
            int offset = _bumpOffset;
            if (64u > (uint)(_bumpBuffer.Length - offset))
            {
                throw new InvalidOperationException();
            }

            _bumpOffset = offset + 64;
            sum += offset;
        }

        _bumpOffset = 0;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ScopeEnterExit()
    {
        int sum = 0;
        Arena arena = _arena;
        for (int i = 0; i < Batch; i++)
        {
            using ArenaScope scope = arena.Scope();
            sum += scope.Depth;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ScopeWithAlloc64()
    {
        int sum = 0;
        Arena arena = _arena;
        for (int i = 0; i < Batch; i++)
        {
            using ArenaScope scope = arena.Scope();
            sum += arena.Alloc(64).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int MarkRewind()
    {
        int sum = 0;
        Arena arena = _arena;
        for (int i = 0; i < Batch; i++)
        {
            ArenaMark mark = arena.Mark();
            sum += mark.Offset;
            arena.RewindTo(mark);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int PoolRentReturn()
    {
        int sum = 0;
        Pool<Payload> pool = _pool;
        for (int i = 0; i < Batch; i++)
        {
            Payload p = pool.Rent();
            sum += p.Value;
            pool.Return(p);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int NewObject()
    {
        int sum = 0;
        for (int i = 0; i < Batch; i++)
        {
            sum += new Payload().Value;
        }

        return sum;
    }

    public sealed class Payload
    {
        public int Value;
        public long A;
        public long B;
    }
}
