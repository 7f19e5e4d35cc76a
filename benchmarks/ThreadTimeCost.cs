using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Benchmarks;

/// <summary>
/// `analyzer-cost … --thread-time`: each analyzer's processor time on its own thread inside its callbacks
/// (<see cref="ThreadTimedAnalyzer"/>), beside the processor time the compiler takes to bind the same code on one
/// thread. Neither grows when another job takes the core, so the ratios hold on a shared machine where wall-time
/// figures move by 2× between runs of the same code. The binding of other members' bodies an analyzer asks for (a
/// callee's, a caller's) is in its figure, as in Roslyn's telemetry: it is work the build would mostly not do otherwise
/// (docs/benchmarks.md, "What binding costs").
/// </summary>
internal static class ThreadTimeCost
{
    private const int Rounds = 20;
    private const int WarmUpRounds = 2;

    public static int Run(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> fragless, DiagnosticAnalyzer ca1861, int files, int lines, CSharpCompilationOptions? buildOptions = null, AnalyzerOptions? analyzerOptions = null)
    {
        if (!ThreadTimedAnalyzer.IsSupported())
        {
            Console.Error.WriteLine("analyzer-cost --thread-time: needs Linux's per-thread processor clock");
            return 1;
        }

        // One thread for everything: binding without the compiler's own parallelism, analysis without the driver's.
        var options = (buildOptions ?? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true)).WithConcurrentBuild(false);
        analyzerOptions ??= new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var timed = fragless.Add(ca1861).Select(a => new ThreadTimedAnalyzer(a)).ToImmutableArray();
        var perRound = timed.ToDictionary(t => t, _ => new List<double>());
        var megabytes = timed.ToDictionary(t => t, _ => new List<double>());
        // Collections: the pauses inside each analyzer's callbacks, and the analysis pass's pause per byte allocated,
        // by which each analyzer's bytes are charged their share instead (see the output's last lines).
        var pauses = timed.ToDictionary(t => t, _ => new List<double>());
        var byBytes = timed.ToDictionary(t => t, _ => new List<double>());
        var withoutPauses = timed.ToDictionary(t => t, _ => new List<double>());
        var fair = timed.ToDictionary(t => t, _ => new List<double>());
        var callbacks = timed.ToDictionary(t => t, _ => new List<double>());
        var passPauses = new List<double>();
        var passMegabytes = new List<double>();
        // The first round's time: loading and compiling each analyzer's own code (just-in-time) as well as its work,
        // which a build pays once per compiler process. Both sides are IL-only here (the NuGet package's NetAnalyzers,
        // not the SDK's precompiled copy).
        var firstRound = new Dictionary<ThreadTimedAnalyzer, double>();
        var binding = new List<double>();
        var compiling = new List<double>();
        var fraglessPerRound = new List<double>();
        var texts = trees.Select(t => (Text: t.GetText(), t.Options, t.FilePath)).ToImmutableArray();
        var errors = 0;
        for (var round = 0; round < WarmUpRounds + Rounds; round++)
        {
            var start = ThreadTimedAnalyzer.ThreadMilliseconds();
            errors = CSharpCompilation.Create("ThreadTime", trees, references, options).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var bind = ThreadTimedAnalyzer.ThreadMilliseconds() - start;

            // What a build's compiler does on one thread without analyzers: parse the sources, bind, lower and emit.
            start = ThreadTimedAnalyzer.ThreadMilliseconds();
            var parsed = texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, (CSharpParseOptions)t.Options, t.FilePath)).ToImmutableArray();
            using (var peStream = new System.IO.MemoryStream())
                CSharpCompilation.Create("ThreadTime", parsed, references, options).Emit(peStream);
            var compile = ThreadTimedAnalyzer.ThreadMilliseconds() - start;

            foreach (var t in timed)
                t.Reset();
            var compilation = CSharpCompilation.Create("ThreadTime", trees, references, options);
            AnalyzerCost.BindReferences(compilation);
            var passPaused = GC.GetTotalPauseDuration();
            var passAllocated = GC.GetTotalAllocatedBytes(precise: true);
            compilation.WithAnalyzers(timed.CastArray<DiagnosticAnalyzer>(), new CompilationWithAnalyzersOptions(
                    analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var passPause = (GC.GetTotalPauseDuration() - passPaused).TotalMilliseconds;
            var passBytes = Math.Max(1, GC.GetTotalAllocatedBytes(precise: true) - passAllocated);
            if (round == 0)
            {
                foreach (var t in timed)
                    firstRound[t] = t.Milliseconds;
            }

            if (round < WarmUpRounds)
                continue;

            binding.Add(bind);
            compiling.Add(compile);
            passPauses.Add(passPause);
            passMegabytes.Add(passBytes / 1e6);
            foreach (var t in timed)
            {
                perRound[t].Add(t.Milliseconds);
                megabytes[t].Add(t.Megabytes);
                callbacks[t].Add(t.Callbacks);
                pauses[t].Add(t.PauseMilliseconds);
                var share = passPause * (t.Megabytes * 1e6) / passBytes;
                byBytes[t].Add(share);
                withoutPauses[t].Add(t.Milliseconds - t.PauseMilliseconds);
                fair[t].Add(t.Milliseconds - t.PauseMilliseconds + share);
            }
            fraglessPerRound.Add(timed.Where(t => t.Inner != ca1861).Sum(t => t.Milliseconds));
        }

        var invariant = CultureInfo.InvariantCulture;
        var reference = timed.Single(t => t.Inner == ca1861);
        var medianReference = AnalyzerCost.Median(perRound[reference]);
        var medianBinding = AnalyzerCost.Median(binding);
        Console.WriteLine($"{files} files, {lines} lines, {Rounds} rounds (+{WarmUpRounds} warm-up); processor time on the analysing thread, and the bytes its callbacks allocate");
        Console.WriteLine($"{"analyzer",-40} {"median ms",10} {"× CA1861",9} {"min ms",9} {"% binding",10} {"MB alloc",9} {"first ms",9}");
        foreach (var t in timed.OrderBy(t => t.Inner == ca1861 ? 1 : 0).ThenBy(t => t.Inner.GetType().Name, StringComparer.Ordinal))
        {
            var name = t.Inner == ca1861 ? "CA1861 " + t.Inner.GetType().Name : t.Inner.GetType().Name;
            var median = AnalyzerCost.Median(perRound[t]);
            Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,9:0.00} {4,9:0.00}% {5,9:0.0} {6,9:0}{7}", name, median, median / medianReference, perRound[t].Min(), 100 * median / medianBinding, AnalyzerCost.Median(megabytes[t]), firstRound[t], t.Untimed > 0 ? $"  ({t.Untimed} registrations not timed)" : string.Empty));
        }

        var all = AnalyzerCost.Median(fraglessPerRound);
        var firstFragless = timed.Where(t => t.Inner != ca1861).Sum(t => firstRound[t]);
        Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,9:0.00} {4,9:0.00}% {5,9} {6,9:0}", "all Fragless analyzers", all, all / medianReference, fraglessPerRound.Min(), 100 * all / medianBinding, string.Empty, firstFragless));
        // Steadier than the median of the per-round sums, which one analyzer's slow round (a collection) moves.
        var sumOfMedians = timed.Where(t => t.Inner != ca1861).Sum(t => AnalyzerCost.Median(perRound[t]));
        Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,9} {4,9:0.00}%", "all Fragless, sum of the medians", sumOfMedians, sumOfMedians / medianReference, string.Empty, 100 * sumOfMedians / medianBinding));
        Console.WriteLine(string.Format(invariant, "compiler binding (GetDiagnostics, one thread): median {0:0} ms, min {1:0} ms", medianBinding, binding.Min()));

        // The same processor time with each collection's pause moved from the callback it fell in to every allocating
        // callback by its bytes: the analysis pass's pauses per byte allocated, times the analyzer's bytes.
        Console.WriteLine(string.Format(invariant, "collections in the analysis pass: median {0:0.0} ms of pauses per {1:0} MB allocated", AnalyzerCost.Median(passPauses), AnalyzerCost.Median(passMegabytes)));
        var fairReference = AnalyzerCost.Median(fair[reference]);
        Console.WriteLine($"{"analyzer",-40} {"pauses in",10} {"mean",9} {"without",9} {"by bytes",9} {"charged",9} {"× CA1861",9}");
        foreach (var t in timed.OrderBy(t => t.Inner == ca1861 ? 1 : 0).ThenBy(t => t.Inner.GetType().Name, StringComparer.Ordinal).Where(t => t.Inner == ca1861 || AnalyzerCost.Median(perRound[t]) >= 0.05))
        {
            var name = t.Inner == ca1861 ? "CA1861 " + t.Inner.GetType().Name : t.Inner.GetType().Name;
            var charged = AnalyzerCost.Median(fair[t]);
            Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,9:0.00} {4,9:0.00} {5,9:0.00} {6,9:0.00}", name, AnalyzerCost.Median(pauses[t]), pauses[t].Average(), AnalyzerCost.Median(withoutPauses[t]), AnalyzerCost.Median(byBytes[t]), charged, charged / fairReference));
        }

        // The clocks' own cost, charged once per callback: an analyzer called for every invocation pays it tens of
        // thousands of times a round, one called for array creations a few hundred.
        var bracket = ThreadTimedAnalyzer.BracketNanoseconds();
        Console.WriteLine(string.Format(invariant, "the timing bracket itself: {0:0} ns of processor time per callback", bracket));
        Console.WriteLine($"{"analyzer",-40} {"callbacks",10} {"bracket",9} {"less it",9} {"× CA1861",9}");
        var referenceNet = AnalyzerCost.Median(perRound[reference]) - AnalyzerCost.Median(callbacks[reference]) * bracket / 1e6;
        var netSum = 0.0;
        foreach (var t in timed.OrderBy(t => t.Inner == ca1861 ? 1 : 0).ThenBy(t => t.Inner.GetType().Name, StringComparer.Ordinal).Where(t => t.Inner == ca1861 || AnalyzerCost.Median(perRound[t]) >= 0.05))
        {
            var name = t.Inner == ca1861 ? "CA1861 " + t.Inner.GetType().Name : t.Inner.GetType().Name;
            var count = AnalyzerCost.Median(callbacks[t]);
            var net = AnalyzerCost.Median(perRound[t]) - count * bracket / 1e6;
            if (t.Inner != ca1861)
                netSum += net;
            Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0} {2,9:0.00} {3,9:0.00} {4,9:0.00}", name, count, count * bracket / 1e6, net, net / referenceNet));
        }

        Console.WriteLine(string.Format(invariant, "{0,-40} {1,10} {2,9} {3,9:0.00} {4,9:0.00}", "all Fragless, sum", string.Empty, string.Empty, netSum, netSum / referenceNet));

        var fairSum = timed.Where(t => t.Inner != ca1861).Sum(t => AnalyzerCost.Median(fair[t]));
        Console.WriteLine(string.Format(invariant, "{0,-40} {1,10} {2,9} {3,9} {4,9} {5,9:0.00} {6,9:0.00}", "all Fragless, sum of the medians", string.Empty, string.Empty, string.Empty, string.Empty, fairSum, fairSum / fairReference));
        // With compile errors nothing is emitted and this is parsing and binding only.
        var medianCompile = AnalyzerCost.Median(compiling);
        Console.WriteLine(string.Format(invariant, "compile (parse, bind, emit; one thread): median {0:0} ms, min {1:0} ms{2}; all Fragless (sum of the medians) {3:0.00}% of it",
            medianCompile, compiling.Min(), errors > 0 ? $" ({errors} compile errors: nothing emitted)" : string.Empty, 100 * sumOfMedians / medianCompile));
        Console.WriteLine(string.Format(invariant, "all Fragless with collections charged by bytes: {0:0.00}% of the compile", 100 * fairSum / medianCompile));
        Console.WriteLine(string.Format(invariant, "all Fragless less the timing bracket: {0:0.00}% of the compile", 100 * netSum / medianCompile));
        return 0;
    }
}
