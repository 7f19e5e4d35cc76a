namespace Fragless.Runtime.Tests;

public class PoolTests
{
    private sealed class Item
    {
        public int Value;
    }

    [Fact]
    public void Constructor_ValidatesArguments()
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new Pool<Item>(-1, () => new Item())).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => new Pool<Item>(4, null!)).ParamName);
    }

    [Fact]
    public void Rent_EmptyPool_CreatesAndCountsMiss()
    {
        int created = 0;
        var pool = new Pool<Item>(2, () => { created++; return new Item(); });
        Assert.Equal(2, pool.Capacity);
        Assert.Equal(0, pool.Count);
        Item item = pool.Rent();
        Assert.NotNull(item);
        Assert.Equal(1, created);
        PoolStatistics stats = pool.Statistics;
        Assert.Equal(1, stats.Rents);
        Assert.Equal(1, stats.Misses);
        Assert.Equal(1, stats.Creates);
    }

    [Fact]
    public void RentReturn_ReusesMostRecentlyReturned()
    {
        var pool = new Pool<Item>(4, () => new Item());
        Item a = pool.Rent();
        Item b = pool.Rent();
        pool.Return(a);
        pool.Return(b);
        Assert.Equal(2, pool.Count);
        Assert.Same(b, pool.Rent());
        Assert.Same(a, pool.Rent());
        Assert.Equal(0, pool.Count);
        PoolStatistics stats = pool.Statistics;
        Assert.Equal(4, stats.Rents);
        Assert.Equal(2, stats.Misses);
        Assert.Equal(2, stats.Returns);
    }

    [Fact]
    public void Return_BeyondCapacity_IsDroppedWithoutReset()
    {
        int resets = 0;
        var pool = new Pool<Item>(1, () => new Item(), _ => resets++);
        Item a = pool.Rent();
        Item b = pool.Rent();
        pool.Return(a);
        pool.Return(b);
        Assert.Equal(1, pool.Count);
        Assert.Equal(1, resets);
        Assert.Equal(1, pool.Statistics.Drops);
        Assert.Same(a, pool.Rent());
    }

    [Fact]
    public void Return_RunsResetCallback()
    {
        var pool = new Pool<Item>(2, () => new Item(), item => item.Value = 0);
        Item item = pool.Rent();
        item.Value = 42;
        pool.Return(item);
        Assert.Equal(0, pool.Rent().Value);
    }

    [Fact]
    public void Return_Null_Throws()
    {
        var pool = new Pool<Item>(2, () => new Item());
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => pool.Return(null!)).ParamName);
        Assert.Equal(0, pool.Statistics.Returns);
    }

    [Fact]
    public void ZeroCapacity_NeverKeeps()
    {
        var pool = new Pool<Item>(0, () => new Item());
        Item a = pool.Rent();
        pool.Return(a);
        Assert.Equal(0, pool.Count);
        Assert.NotSame(a, pool.Rent());
        Assert.Equal(1, pool.Statistics.Drops);
    }

    [Fact]
    public void Prefill_CreatesUpToCount()
    {
        int created = 0;
        var pool = new Pool<Item>(8, () => { created++; return new Item(); });
        Assert.Equal(5, pool.Prefill(5));
        Assert.Equal(5, pool.Count);
        Assert.Equal(3, pool.Prefill(8));
        Assert.Equal(0, pool.Prefill(2));
        Assert.Equal(8, pool.Count);
        Assert.Equal(8, created);
        pool.Rent();
        Assert.Equal(0, pool.Statistics.Misses);
        Assert.Equal(8, pool.Statistics.Creates);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Prefill_OutOfRange_Throws(int count)
    {
        var pool = new Pool<Item>(8, () => new Item());
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => pool.Prefill(count)).ParamName);
    }

    [Fact]
    public void FactoryReturningNull_Throws()
    {
        var pool = new Pool<Item>(2, () => null!);
        Assert.Contains("factory returned null", Assert.Throws<InvalidOperationException>(() => pool.Rent()).Message);
        Assert.Throws<InvalidOperationException>(() => pool.Prefill(1));
    }

    [Fact]
    public void Statistics_ToStringAndDefault()
    {
        var pool = new Pool<Item>(1, () => new Item());
        pool.Return(pool.Rent());
        Assert.Equal("Pool: 1 rents, 1 misses, 1 creates, 1 returns, 0 drops", pool.Statistics.ToString());
        PoolStatistics empty = default;
        Assert.Equal(0, empty.Rents);
    }
}
