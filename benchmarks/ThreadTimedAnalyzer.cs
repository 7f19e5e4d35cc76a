using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Benchmarks;

// A wrapper, never loaded as an analyzer of its own: the analyzer it wraps configures generated code and concurrency,
// and registers its actions, through the contexts passed on to it.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// Wraps an analyzer and adds up the processor time of its own thread inside each of its callbacks (Linux's
/// per-thread clock). Roslyn's telemetry measures wall time, which grows whenever another job takes the core; this
/// does not, so it stays comparable between runs on a shared machine. Compilation-start, compilation, compilation-end
/// and operation actions are timed: the only kinds Fragless and CA1861 register. Any other kind is passed on untimed
/// and counted in <see cref="Untimed"/>, so a figure that misses some work says so.
/// </summary>
internal sealed class ThreadTimedAnalyzer : DiagnosticAnalyzer
{
    private long _nanoseconds;
    private long _bytes;
    private long _pauseTicks;
    private long _callbacks;
    private int _untimed;

    public ThreadTimedAnalyzer(DiagnosticAnalyzer inner) => Inner = inner;

    public DiagnosticAnalyzer Inner { get; }

    public double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

    public int Untimed => _untimed;

    /// <summary>Bytes the callbacks allocated on their thread: what the collections a build then runs are paid for with.</summary>
    public double Megabytes => Interlocked.Read(ref _bytes) / 1e6;

    /// <summary>
    /// The garbage collections' pauses that fell inside the callbacks (process-wide pause time, so on one thread the
    /// collections these callbacks' allocations triggered). Which callback a collection falls in is a lottery: the
    /// collection is paid for by everything allocated since the last one, nearly all of it the compiler's.
    /// </summary>
    public double PauseMilliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _pauseTicks)).TotalMilliseconds;

    /// <summary>How many callbacks ran: each carries the cost of reading the clocks around it (<see cref="BracketNanoseconds"/>).</summary>
    public long Callbacks => Interlocked.Read(ref _callbacks);

    public void Reset()
    {
        Interlocked.Exchange(ref _callbacks, 0);
        Interlocked.Exchange(ref _nanoseconds, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _pauseTicks, 0);
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var start = ThreadNanoseconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _nanoseconds, ThreadNanoseconds() - start);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
            Interlocked.Add(ref _pauseTicks, (GC.GetTotalPauseDuration() - paused).Ticks);
            Interlocked.Increment(ref _callbacks);
        }
    };

    /// <summary>
    /// The processor time one timed callback that does nothing is charged: the clocks read inside the bracket (the
    /// thread's processor clock is a system call on Linux, not a vDSO read). Measured on the calling thread, the
    /// median of several batches.
    /// </summary>
    public static double BracketNanoseconds()
    {
        var probe = new ThreadTimedAnalyzer(new NoAnalyzer());
        var empty = probe.Timed<int>(_ => { });
        var batches = new System.Collections.Generic.List<double>();
        for (var batch = 0; batch < 9; batch++)
        {
            probe.Reset();
            for (var i = 0; i < 20_000; i++)
                empty(i);
            batches.Add(probe.Milliseconds * 1e6 / 20_000);
        }

        batches.Sort();
        return batches[batches.Count / 2];
    }

    private sealed class NoAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
        }
    }

    private void Untime() => Interlocked.Increment(ref _untimed);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private const int ClockThreadCpuTime = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The processor time the calling thread has used, in milliseconds.</summary>
    public static double ThreadMilliseconds() => ThreadNanoseconds() / 1e6;

    private static long ThreadNanoseconds()
    {
        ClockGetTime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    public static bool IsSupported()
    {
        try
        {
            return OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            return false;
        }
    }

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly ThreadTimedAnalyzer _owner;

        public Context(AnalysisContext inner, ThreadTimedAnalyzer owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => _inner.RegisterCompilationStartAction(_owner.Timed<CompilationStartAnalysisContext>(c => action(new StartContext(c, _owner))));
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_owner.Timed(action));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_owner.Timed(action), operationKinds);
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { _owner.Untime(); _inner.RegisterSyntaxTreeAction(action); }
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { _owner.Untime(); _inner.RegisterSemanticModelAction(action); }
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { _owner.Untime(); _inner.RegisterSymbolAction(action, symbolKinds); }
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { _owner.Untime(); _inner.RegisterCodeBlockStartAction(action); }
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { _owner.Untime(); _inner.RegisterCodeBlockAction(action); }
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { _owner.Untime(); _inner.RegisterSyntaxNodeAction(action, syntaxKinds); }
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) { _owner.Untime(); _inner.RegisterOperationBlockStartAction(action); }
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) { _owner.Untime(); _inner.RegisterOperationBlockAction(action); }
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) { _owner.Untime(); _inner.RegisterSymbolStartAction(action, symbolKind); }
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly ThreadTimedAnalyzer _owner;

        public StartContext(CompilationStartAnalysisContext inner, ThreadTimedAnalyzer owner)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_owner.Timed(action));
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_owner.Timed(action), operationKinds);
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) { _owner.Untime(); _inner.RegisterSyntaxTreeAction(action); }
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) { _owner.Untime(); _inner.RegisterSemanticModelAction(action); }
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) { _owner.Untime(); _inner.RegisterSymbolAction(action, symbolKinds); }
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) { _owner.Untime(); _inner.RegisterCodeBlockStartAction(action); }
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) { _owner.Untime(); _inner.RegisterCodeBlockAction(action); }
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) { _owner.Untime(); _inner.RegisterSyntaxNodeAction(action, syntaxKinds); }
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) { _owner.Untime(); _inner.RegisterOperationBlockStartAction(action); }
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) { _owner.Untime(); _inner.RegisterOperationBlockAction(action); }
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) { _owner.Untime(); _inner.RegisterSymbolStartAction(action, symbolKind); }
    }
}
