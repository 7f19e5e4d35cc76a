using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Fragless
{
    /// <summary>
    /// A bump allocator over one managed byte array that is allocated once, at boot. Allocation moves an offset
    /// forward; memory is released all at once with <see cref="Reset"/>, back to a position with
    /// <see cref="RewindTo(ArenaMark)"/>, or at the end of a <see cref="Scope"/>. In the steady state none of these
    /// operations allocate on the heap, so the garbage collector has nothing to do and a non-moving heap does not fragment.
    /// </summary>
    /// <remarks>
    /// <para>An arena is not thread-safe: one thread owns it. In checked mode (<see cref="ArenaOptions.Checked"/>)
    /// use from any other thread throws; <see cref="TakeOwnership"/> hands it over.</para>
    /// <para>Every allocation is exactly as long as requested. When a request does not fit, the
    /// <see cref="ArenaOptions.ExhaustionPolicy"/> decides: an exact-length heap array (the default) or
    /// <see cref="ArenaExhaustedException"/>.</para>
    /// </remarks>
    public sealed class Arena
    {
        private const int MaxAlignment = 8;
        private const long OneAllocation = 1L << 32;
        private const long OffsetMask = 0xFFFFFFFFL;

        private readonly byte[] _buffer;
        private readonly bool _checked;
        private readonly ArenaExhaustionPolicy _policy;
        private readonly byte _poison;

        // The end of the region the inlined fast path may use: the capacity, or -1 in checked mode so that every
        // request takes the slow path, which does the checks. One compare serves the bounds, the sign of the length
        // and the mode.
        private readonly long _fastEnd;

        // The hot state in one field, so the fast path does one load and one store: the offset in the low 32 bits,
        // and in the high 32 bits the allocations made by the fast path since the last release (folded into
        // _allocations there; an offset never exceeds int.MaxValue, so adding a length never carries into it). Only more
        // than 2^32 zero-length allocations without a release could wrap that count, and then only the count.
        private long _state;

        // Highest offset seen at a release; HighWaterMark is the larger of this and the current offset,
        // so the allocation path does not have to track it.
        private int _highWater;
        private long _generation;
        private int _ownerThreadId;
        private int _scopeDepth;

        private long _allocations; // plus _state >> 32
        private long _exhaustions;
        private long _heapFallbacks;
        private long _heapFallbackBytes;
        private long _resets;
        private long _rewinds;
        private int _maxScopeDepth;

        // Checked mode only. Releases as (generation, target offset), kept as a stack whose targets increase from bottom
        // to top: a release to p makes every earlier release with a target >= p redundant. Memory that ended at `end`
        // and was allocated at generation g has been released iff some release after g went below `end`, and the
        // lowest target after g is the first entry whose generation is above g.
        private long[]? _releaseGenerations;
        private int[]? _releaseTargets;
        private int _releaseCount;

        // Checked mode only: the identity of the open scope at each depth, to catch out-of-order and double disposal.
        private int[]? _scopeIds;
        private int _nextScopeId;

        /// <summary>
        /// Creates an arena with a backing array of <paramref name="capacityBytes"/> bytes, allocated now, and with the
        /// default options. In the net8.0 build of this library (used on .NET 8 and later) the array is on the pinned
        /// object heap; the netstandard builds (used on .NET 5 to 7, .NET Framework, Mono and Unity) allocate an ordinary array.
        /// </summary>
        /// <param name="capacityBytes">The size of the backing array in bytes.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityBytes"/> is negative.</exception>
        [Startup]
        public Arena(int capacityBytes)
            : this(AllocateBacking(capacityBytes), null)
        {
        }

        /// <summary>
        /// Creates an arena with a backing array of <paramref name="capacityBytes"/> bytes, allocated now. In the net8.0
        /// build of this library (used on .NET 8 and later) the array is on the pinned object heap; the netstandard builds
        /// (used on .NET 5 to 7, .NET Framework, Mono and Unity) allocate an ordinary array.
        /// </summary>
        /// <param name="capacityBytes">The size of the backing array in bytes.</param>
        /// <param name="options">Exhaustion policy and checked mode; <see langword="null"/> for the defaults.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacityBytes"/> is negative.</exception>
        [Startup]
        public Arena(int capacityBytes, ArenaOptions? options)
            : this(AllocateBacking(capacityBytes), options)
        {
        }

        /// <summary>
        /// Creates an arena over an existing array, with the default options. The arena uses the whole array; the caller
        /// should not touch it directly while the arena is in use.
        /// </summary>
        /// <param name="backing">The memory to allocate from.</param>
        /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
        [Startup]
        public Arena(byte[] backing)
            : this(backing, null)
        {
        }

        /// <summary>
        /// Creates an arena over an existing array. The arena uses the whole array; the caller should not touch it
        /// directly while the arena is in use. In checked mode the whole array is overwritten with the poison value.
        /// </summary>
        /// <param name="backing">The memory to allocate from.</param>
        /// <param name="options">Exhaustion policy and checked mode; <see langword="null"/> for the defaults.</param>
        /// <exception cref="ArgumentNullException"><paramref name="backing"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The options name an undefined exhaustion policy.</exception>
        [Startup]
        public Arena(byte[] backing, ArenaOptions? options)
        {
            if (backing == null)
            {
                throw new ArgumentNullException(nameof(backing));
            }

            _buffer = backing;
            _ownerThreadId = Environment.CurrentManagedThreadId;
            if (options != null)
            {
                if (options.ExhaustionPolicy != ArenaExhaustionPolicy.FallbackToHeap && options.ExhaustionPolicy != ArenaExhaustionPolicy.Throw)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(options),
                        options.ExhaustionPolicy,
                        "ArenaOptions.ExhaustionPolicy must be FallbackToHeap or Throw.");
                }

                _policy = options.ExhaustionPolicy;
                _checked = options.Checked;
                _poison = options.PoisonValue;
            }

            _fastEnd = _checked ? -1 : backing.Length;
            if (_checked)
            {
                _releaseGenerations = new long[8];
                _releaseTargets = new int[8];
                _scopeIds = new int[8];
                backing.AsSpan().Fill(_poison);
            }
        }

        /// <summary>
        /// Raised when a request does not fit, before the arena falls back to the heap or throws (see
        /// <see cref="ArenaOptions.ExhaustionPolicy"/>). Handlers run on the allocating thread; the event data is
        /// allocated, like the fallback itself.
        /// </summary>
        public event EventHandler<ArenaExhaustedEventArgs>? Exhausted;

        /// <summary>The size of the backing array in bytes.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>The bytes in use now, alignment padding included.</summary>
        public int Used => Offset;

        /// <summary>The bytes still free.</summary>
        public int Remaining => _buffer.Length - Offset;

        /// <summary>
        /// The most bytes in use at once since construction or <see cref="ResetStatistics"/>. Run the workload, read this,
        /// and size the arena with some headroom above it.
        /// </summary>
        public int HighWaterMark => Offset > _highWater ? Offset : _highWater;

        /// <summary>Counts the releases: every <see cref="Reset"/>, <see cref="RewindTo(ArenaMark)"/> and scope exit adds one.</summary>
        public long Generation => _generation;

        /// <summary>The number of scopes open now.</summary>
        public int ScopeDepth => _scopeDepth;

        /// <summary>Whether checked mode is on (<see cref="ArenaOptions.Checked"/>).</summary>
        public bool IsChecked => _checked;

        /// <summary>What the arena does when a request does not fit.</summary>
        public ArenaExhaustionPolicy ExhaustionPolicy => _policy;

        /// <summary>The managed thread id of the owning thread: the creator, or the last caller of <see cref="TakeOwnership"/>.</summary>
        public int OwnerThreadId => _ownerThreadId;

        /// <summary>A snapshot of the counters. Reading it does not allocate.</summary>
        public ArenaStatistics Statistics => new ArenaStatistics(
            _buffer.Length,
            Offset,
            HighWaterMark,
            _allocations + (long)((ulong)_state >> 32),
            _exhaustions,
            _heapFallbacks,
            _heapFallbackBytes,
            _resets,
            _rewinds,
            _maxScopeDepth);

        /// <summary>
        /// Allocates <paramref name="length"/> bytes, zeroed like <c>new byte[length]</c>.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <returns>A span of exactly <paramref name="length"/> bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<byte> Alloc(int length)
        {
            long state = _state;
            int offset = (int)state;
            if ((long)(uint)length + offset <= _fastEnd)
            {
                _state = state + (OneAllocation | (uint)length);
                Span<byte> span = FastSpan(offset, length);
                span.Clear();
                return span;
            }

            return AllocSlow(length, zero: true);
        }

        /// <summary>
        /// Allocates <paramref name="length"/> bytes without clearing them: they hold whatever was there before (in
        /// checked mode, the poison value). Use it when every byte will be written before it is read.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <returns>A span of exactly <paramref name="length"/> bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<byte> AllocUninitialized(int length)
        {
            long state = _state;
            int offset = (int)state;
            if ((long)(uint)length + offset <= _fastEnd)
            {
                _state = state + (OneAllocation | (uint)length);
                return FastSpan(offset, length);
            }

            return AllocSlow(length, zero: false);
        }

        /// <summary>
        /// Allocates <paramref name="length"/> zeroed bytes as an <see cref="ArraySegment{T}"/>, for APIs that take an
        /// array, an offset and a count (streams, sockets, older libraries).
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <returns>A segment of exactly <paramref name="length"/> bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public ArraySegment<byte> AllocSegment(int length)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = Reserve(length, 1);
            if (offset < 0)
            {
                return new ArraySegment<byte>(new byte[length]);
            }

            _buffer.AsSpan(offset, length).Clear();
            return new ArraySegment<byte>(_buffer, offset, length);
        }

        /// <summary>
        /// Allocates <paramref name="length"/> zeroed bytes as <see cref="Memory{T}"/>, for asynchronous code. The memory
        /// stays valid until it is released by a reset, rewind or scope exit; keep the arena's lifetime longer than the
        /// operation that uses it.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <returns>Memory of exactly <paramref name="length"/> bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public Memory<byte> AllocMemory(int length)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = Reserve(length, 1);
            if (offset < 0)
            {
                return new Memory<byte>(new byte[length]);
            }

            _buffer.AsSpan(offset, length).Clear();
            return new Memory<byte>(_buffer, offset, length);
        }

        /// <summary>
        /// Allocates zeroed room for <paramref name="count"/> values of <typeparamref name="T"/>, aligned to the natural
        /// alignment of <typeparamref name="T"/> (the largest power of two that divides its size, at most 8 bytes),
        /// measured from the start of the backing array. Padding counts towards <see cref="Used"/>.
        /// </summary>
        /// <typeparam name="T">An unmanaged type: no references inside.</typeparam>
        /// <param name="count">The number of elements.</param>
        /// <returns>A span of exactly <paramref name="count"/> elements.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public unsafe Span<T> Alloc<T>(int count)
            where T : unmanaged
        {
            ThrowIfNegative(count, nameof(count));
            int size = sizeof(T);
            int alignment = size & -size;
            if (alignment > MaxAlignment)
            {
                alignment = MaxAlignment;
            }

            long bytes = (long)count * size;
            int offset = Reserve(bytes, alignment);
            if (offset < 0)
            {
                return new T[count];
            }

            Span<byte> raw = new Span<byte>(_buffer, offset, (int)bytes);
            raw.Clear();
            return MemoryMarshal.Cast<byte, T>(raw);
        }

        /// <summary>
        /// Allocates <paramref name="length"/> zeroed bytes if they fit. Never falls back to the heap, never throws
        /// <see cref="ArenaExhaustedException"/> and never raises <see cref="Exhausted"/>.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <param name="span">Exactly <paramref name="length"/> bytes on success; empty otherwise.</param>
        /// <returns><see langword="true"/> if the bytes were allocated.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public bool TryAlloc(int length, out Span<byte> span)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = TryReserve(length, 1);
            if (offset < 0)
            {
                span = default;
                return false;
            }

            span = new Span<byte>(_buffer, offset, length);
            span.Clear();
            return true;
        }

        /// <summary>
        /// Allocates <paramref name="length"/> zeroed bytes as an <see cref="ArraySegment{T}"/> if they fit. Never falls
        /// back to the heap, never throws <see cref="ArenaExhaustedException"/> and never raises <see cref="Exhausted"/>.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <param name="segment">Exactly <paramref name="length"/> bytes on success; the default segment otherwise.</param>
        /// <returns><see langword="true"/> if the bytes were allocated.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public bool TryAllocSegment(int length, out ArraySegment<byte> segment)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = TryReserve(length, 1);
            if (offset < 0)
            {
                segment = default;
                return false;
            }

            _buffer.AsSpan(offset, length).Clear();
            segment = new ArraySegment<byte>(_buffer, offset, length);
            return true;
        }

        /// <summary>
        /// Allocates <paramref name="length"/> zeroed bytes behind a handle that, in checked mode, throws once its memory
        /// has been released instead of exposing memory that may belong to a later allocation.
        /// </summary>
        /// <param name="length">The number of bytes.</param>
        /// <returns>A handle to exactly <paramref name="length"/> bytes.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
        /// <exception cref="ArenaExhaustedException">The request does not fit and the policy is <see cref="ArenaExhaustionPolicy.Throw"/>.</exception>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public ArenaSlice AllocSlice(int length)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = Reserve(length, 1);
            if (offset < 0)
            {
                return new ArenaSlice(null, new byte[length], 0, length, 0);
            }

            _buffer.AsSpan(offset, length).Clear();
            return new ArenaSlice(_checked ? this : null, _buffer, offset, length, _generation);
        }

        /// <summary>
        /// Releases everything: <see cref="Used"/> goes back to 0. Any open scopes are closed (disposing them afterwards
        /// throws). In checked mode the released bytes are poisoned and every slice and mark becomes invalid.
        /// </summary>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public void Reset()
        {
            if (_checked)
            {
                CheckOwner();
            }

            _resets++;
            _scopeDepth = 0;
            Release(0);
        }

        /// <summary>Records the current position, to release everything allocated after it with <see cref="RewindTo(ArenaMark)"/>.</summary>
        /// <returns>The mark.</returns>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        public ArenaMark Mark()
        {
            if (_checked)
            {
                CheckOwner();
            }

            return new ArenaMark(this, Offset, _generation);
        }

        /// <summary>Releases everything allocated after <paramref name="mark"/> was taken.</summary>
        /// <param name="mark">A mark taken from this arena.</param>
        /// <exception cref="ArgumentException"><paramref name="mark"/> comes from another arena, or is the default value.</exception>
        /// <exception cref="InvalidOperationException">
        /// The memory at the mark was already released (the arena is below the mark); in checked mode also when the mark
        /// was released and the arena has grown past it again, or when called from a thread that does not own the arena.
        /// </exception>
        public void RewindTo(ArenaMark mark)
        {
            if (!ReferenceEquals(mark.Arena, this))
            {
                throw new ArgumentException(
                    mark.Arena == null
                        ? "The mark is the default value; take marks with Arena.Mark()."
                        : "The mark was taken from a different arena.",
                    nameof(mark));
            }

            if (_checked)
            {
                CheckOwner();
                if (!IsLive(mark.Generation, mark.Offset))
                {
                    throw new InvalidOperationException(string.Format(
                        CultureInfo.InvariantCulture,
                        "The mark at offset {0} is stale: the arena was reset or rewound below it after it was taken, so rewinding to it would release memory that later allocations own.",
                        mark.Offset));
                }
            }

            if (mark.Offset > Offset)
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.InvariantCulture,
                    "The mark at offset {0} is beyond the arena's current position ({1}): its memory was already released by a reset or an earlier rewind.",
                    mark.Offset,
                    Offset));
            }

            _rewinds++;
            Release(mark.Offset);
        }

        /// <summary>
        /// Opens a scope: disposing the returned value releases everything allocated from now on. Use with
        /// <c>using</c>; scopes nest and must be disposed last in first out.
        /// </summary>
        /// <returns>The scope.</returns>
        /// <exception cref="InvalidOperationException">Checked mode: called from a thread that does not own the arena.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ArenaScope Scope()
        {
            if (_checked)
            {
                return CheckedScope();
            }

            int depth = ++_scopeDepth;
            if (depth > _maxScopeDepth)
            {
                _maxScopeDepth = depth;
            }

            return new ArenaScope(this, Offset, depth, _generation, 0);
        }

        /// <summary>
        /// Makes the calling thread the owner of the arena. Checked mode rejects use from any other thread; unchecked
        /// mode only records the owner.
        /// </summary>
        public void TakeOwnership()
        {
            _ownerThreadId = Environment.CurrentManagedThreadId;
        }

        /// <summary>
        /// Clears the counters in <see cref="Statistics"/> and restarts <see cref="HighWaterMark"/> from the bytes in use
        /// now, for example after boot, to measure the steady state alone.
        /// </summary>
        public void ResetStatistics()
        {
            _highWater = Offset;
            _state &= OffsetMask;
            _allocations = 0;
            _exhaustions = 0;
            _heapFallbacks = 0;
            _heapFallbackBytes = 0;
            _resets = 0;
            _rewinds = 0;
            _maxScopeDepth = _scopeDepth;
        }

        private int Offset => (int)_state;

        // Only for the fast path, whose single compare has proven 0 <= offset and offset + length <= capacity.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Span<byte> FastSpan(int offset, int length)
        {
#if NET5_0_OR_GREATER
            return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), offset), length);
#else
            return new Span<byte>(_buffer, offset, length);
#endif
        }

        internal void EndScope(int offset, int depth, long generation, int id)
        {
            if (depth != _scopeDepth || (_checked && _scopeIds![depth - 1] != id))
            {
                ThrowScopeOrder(depth);
            }

            if (_checked)
            {
                CheckOwner();
                if (!IsLive(generation, offset))
                {
                    _scopeDepth = depth - 1;
                    throw new InvalidOperationException(string.Format(
                        CultureInfo.InvariantCulture,
                        "The scope that began at offset {0} was already released by a RewindTo below its start; rewind only within the innermost open scope.",
                        offset));
                }
            }

            _scopeDepth = depth - 1;
            _rewinds++;
            if (offset <= Offset)
            {
                Release(offset);
            }
        }

        internal bool IsLive(long generation, int end)
        {
            if (end > Offset)
            {
                return false;
            }

            long[] generations = _releaseGenerations!;
            int lowestTarget = int.MaxValue;
            for (int i = _releaseCount - 1; i >= 0 && generations[i] > generation; i--)
            {
                lowestTarget = _releaseTargets![i];
            }

            return lowestTarget >= end;
        }

        internal void ValidateSlice(long generation, int offset, int length)
        {
            if (!IsLive(generation, offset + length))
            {
                throw new ObjectDisposedException(
                    nameof(ArenaSlice),
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "This ArenaSlice ({0} bytes at offset {1}) was released by a reset, rewind or scope exit of its arena (generation {2} when allocated, {3} now); its memory may already belong to another allocation.",
                        length,
                        offset,
                        generation,
                        _generation));
            }
        }

        [Startup]
        private static byte[] AllocateBacking(int capacityBytes)
        {
            if (capacityBytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacityBytes), capacityBytes, "The capacity must not be negative.");
            }

#if NET5_0_OR_GREATER
            return GC.AllocateUninitializedArray<byte>(capacityBytes, pinned: true);
#else
            return new byte[capacityBytes];
#endif
        }

        private static void ThrowIfNegative(int value, string paramName)
        {
            if (value < 0)
            {
                ThrowNegative(value, paramName);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowNegative(int value, string paramName)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The length must not be negative.");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowScopeOrder(int depth)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                depth > _scopeDepth
                    ? "Arena scopes must be disposed last in first out, once each: this scope (depth {0}) is no longer open (the innermost open depth is {1}); it was already disposed, an outer scope was disposed first, or Reset closed it."
                    : "Arena scopes must be disposed last in first out, once each: this scope (depth {0}) is not the innermost open scope (depth {1}).",
                depth,
                _scopeDepth));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private Span<byte> AllocSlow(int length, bool zero)
        {
            ThrowIfNegative(length, nameof(length));
            int offset = Reserve(length, 1);
            if (offset < 0)
            {
                return new byte[length];
            }

            Span<byte> span = new Span<byte>(_buffer, offset, length);
            if (zero)
            {
                span.Clear();
            }

            return span;
        }

        // Returns the offset of the reserved bytes, or -1 after counting a heap fallback (the caller allocates it).
        private int Reserve(long bytes, int alignment)
        {
            int offset = TryReserve(bytes, alignment);
            if (offset < 0)
            {
                OnExhausted(bytes);
            }

            return offset;
        }

        private int TryReserve(long bytes, int alignment)
        {
            if (_checked)
            {
                CheckOwner();
            }

            int start = (Offset + (alignment - 1)) & -alignment;
            if (bytes > (long)_buffer.Length - start)
            {
                return -1;
            }

            _state = (_state & ~OffsetMask) + start + bytes;
            _allocations++;
            return start;
        }

        private void OnExhausted(long bytes)
        {
            _exhaustions++;
            Exhausted?.Invoke(this, new ArenaExhaustedEventArgs(bytes, Remaining, Capacity, HighWaterMark, _policy));
            if (_policy == ArenaExhaustionPolicy.Throw)
            {
                throw new ArenaExhaustedException(bytes, Remaining, Capacity, HighWaterMark);
            }

            _heapFallbacks++;
            _heapFallbackBytes += bytes;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Release(int target)
        {
            long state = _state;
            int current = (int)state;
            if (current > _highWater)
            {
                _highWater = current;
            }

            _allocations += (long)((ulong)state >> 32);
            _state = target;
            _generation++;
            if (_checked)
            {
                PoisonAndRecord(target, current);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void PoisonAndRecord(int target, int current)
        {
            _buffer.AsSpan(target, current - target).Fill(_poison);

            int count = _releaseCount;
            int[] targets = _releaseTargets!;
            while (count > 0 && targets[count - 1] >= target)
            {
                count--;
            }

            if (count == targets.Length)
            {
                Array.Resize(ref _releaseTargets, count * 2);
                Array.Resize(ref _releaseGenerations, count * 2);
                targets = _releaseTargets!;
            }

            targets[count] = target;
            _releaseGenerations![count] = _generation;
            _releaseCount = count + 1;
        }

        private ArenaScope CheckedScope()
        {
            CheckOwner();
            int depth = ++_scopeDepth;
            if (depth > _maxScopeDepth)
            {
                _maxScopeDepth = depth;
            }

            if (depth > _scopeIds!.Length)
            {
                Array.Resize(ref _scopeIds, _scopeIds.Length * 2);
            }

            int id = ++_nextScopeId;
            _scopeIds![depth - 1] = id;
            return new ArenaScope(this, Offset, depth, _generation, id);
        }

        private void CheckOwner()
        {
            int current = Environment.CurrentManagedThreadId;
            if (current != _ownerThreadId)
            {
                ThrowWrongThread(current);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowWrongThread(int current)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "This arena is owned by managed thread {0} but was used from thread {1}. An arena is not thread-safe; call TakeOwnership() on the thread that uses it now.",
                _ownerThreadId,
                current));
        }
    }
}
