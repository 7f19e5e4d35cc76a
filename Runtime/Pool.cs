using System;
using System.Runtime.CompilerServices;

namespace Fragless
{
    /// <summary>
    /// A bounded pool of reusable objects kept on an array-backed stack. <see cref="Rent"/> takes the most recently
    /// returned object or, when the pool is empty, creates one with the factory; <see cref="Return"/> resets the object
    /// and keeps it unless the pool is full, in which case it is dropped for the garbage collector. Once the pool holds
    /// enough objects (see <see cref="Prefill"/>), renting and returning never allocate.
    /// </summary>
    /// <remarks>Not thread-safe. The pool does not detect an object returned twice; returning one twice hands it out twice.</remarks>
    /// <typeparam name="T">The pooled type.</typeparam>
    public sealed class Pool<T>
        where T : class
    {
        private readonly T?[] _items;
        private readonly Func<T> _factory;
        private readonly Action<T>? _reset;
        private int _count;

        private long _rents;
        private long _creates;
        private long _misses;
        private long _returns;
        private long _drops;

        /// <summary>Creates an empty pool.</summary>
        /// <param name="capacity">The most objects the pool keeps; returns beyond it are dropped.</param>
        /// <param name="factory">Creates an object when the pool is empty. Must not return <see langword="null"/>.</param>
        /// <param name="reset">Optional: puts a returned object back into a clean state before the pool keeps it.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="factory"/> is <see langword="null"/>.</exception>
        [Startup]
        public Pool(int capacity, Func<T> factory, Action<T>? reset = null)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must not be negative.");
            }

            _factory = factory ?? throw new ArgumentNullException(nameof(factory));
            _reset = reset;
            _items = new T?[capacity];
        }

        /// <summary>The most objects the pool keeps.</summary>
        public int Capacity => _items.Length;

        /// <summary>The objects in the pool now, ready to rent.</summary>
        public int Count => _count;

        /// <summary>A snapshot of the pool's counters. Reading it does not allocate.</summary>
        public PoolStatistics Statistics => new PoolStatistics(_rents, _misses, _creates, _returns, _drops);

        /// <summary>Creates objects until the pool holds <paramref name="count"/> of them; call it at boot.</summary>
        /// <param name="count">The number of objects the pool should hold, at most <see cref="Capacity"/>.</param>
        /// <returns>The number of objects created.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="Capacity"/>.</exception>
        /// <exception cref="InvalidOperationException">The factory returned <see langword="null"/>.</exception>
        [Startup]
        public int Prefill(int count)
        {
            if ((uint)count > (uint)_items.Length)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(count),
                    count,
                    "The prefill count must be between 0 and the pool's capacity (" + _items.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").");
            }

            int created = 0;
            while (_count < count)
            {
                _items[_count++] = Create();
                created++;
            }

            return created;
        }

        /// <summary>Takes an object from the pool, or creates one with the factory if the pool is empty (a miss).</summary>
        /// <returns>An object the caller owns until it gives it back with <see cref="Return"/>.</returns>
        /// <exception cref="InvalidOperationException">The pool was empty and the factory returned <see langword="null"/>.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Rent()
        {
            T?[] items = _items;
            int index = _count - 1;
            _rents++;
            if ((uint)index < (uint)items.Length)
            {
                T item = items[index]!;
                items[index] = null;
                _count = index;
                return item;
            }

            return RentMiss();
        }

        /// <summary>
        /// Gives an object back. If the pool has room, the reset callback runs and the pool keeps the object; otherwise it
        /// is dropped (counted in <see cref="PoolStatistics.Drops"/>) and the reset callback does not run.
        /// </summary>
        /// <param name="item">The object, which the caller must not use afterwards.</param>
        /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
        public void Return(T item)
        {
            if (item == null)
            {
                throw new ArgumentNullException(nameof(item));
            }

            _returns++;
            T?[] items = _items;
            int count = _count;
            if ((uint)count < (uint)items.Length)
            {
                _reset?.Invoke(item);
                items[count] = item;
                _count = count + 1;
            }
            else
            {
                _drops++;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private T RentMiss()
        {
            _misses++;
            return Create();
        }

        private T Create()
        {
            T item = _factory();
            if (item == null)
            {
                throw new InvalidOperationException("The pool's factory returned null.");
            }

            _creates++;
            return item;
        }
    }
}
