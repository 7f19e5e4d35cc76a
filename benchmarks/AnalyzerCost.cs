using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Benchmarks;

/// <summary>
/// The cost of each Fragless analyzer beside NetAnalyzers' CA1861 (AvoidConstArrays), in one process, over the same
/// sources: `dotnet run -c Release --project benchmarks -- analyzer-cost [folder …]` (default: the repository's
/// samples/ and Runtime/). Every round compiles afresh and runs all analyzers together, as a build does; Roslyn's own
/// per-analyzer telemetry gives each one's time. Prints each analyzer's time, its ratio to CA1861, and Fragless's share
/// of the time the compiler itself takes to bind the same code.
/// </summary>
public static class AnalyzerCost
{
    private const int Rounds = 12;
    private const int WarmUpRounds = 2;

    public static int Run(string[] arguments)
    {
        // Folders of sources, and `--reference FILE.dll` for what they reference besides the framework (a corpus's
        // packages), so that calls bind as they do in the corpus's own build.
        var folders = new System.Collections.Generic.List<string>();
        var extraReferences = new System.Collections.Generic.List<string>();
        var threadTime = false;
        string? commandLine = null;
        string? directory = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--reference" && i + 1 < arguments.Length)
                extraReferences.Add(arguments[++i]);
            else if (arguments[i] == "--command-line" && i + 1 < arguments.Length)
                commandLine = arguments[++i];
            else if (arguments[i] == "--directory" && i + 1 < arguments.Length)
                directory = arguments[++i];
            else if (arguments[i] == "--thread-time")
                threadTime = true;
            else
                folders.Add(arguments[i]);
        }

        if (commandLine != null)
            return RunCommandLine(commandLine, directory, threadTime);

        var root = Metadata("RepositoryRoot");
        if (folders.Count == 0)
            folders.AddRange(new[] { Path.Combine(root, "samples"), Path.Combine(root, "Runtime") });

        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("analyzer-cost: no .cs files under " + string.Join(", ", folders));
            return 1;
        }

        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToImmutableArray();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        // The framework only: the code analysed is a user's, which references neither Fragless nor this harness.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.GetFiles(framework, "*.dll")
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal) && IsManaged(p))
            .Concat(extraReferences)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        var ca1861 = LoadCa1861();
        var fragless = FraglessAnalyzers();
        var analyzers = fragless.Add(ca1861);
        if (threadTime)
            return ThreadTimeCost.Run(trees, references, fragless, ca1861, files.Count, lines);

        var totals = analyzers.ToDictionary(a => a, _ => TimeSpan.Zero);
        // Per round as well: medians are steadier than means on a shared machine, where one slow round (a collection,
        // another job) moves a mean by tens of percent.
        var perRound = analyzers.ToDictionary(a => a, _ => new System.Collections.Generic.List<double>());
        var fraglessPerRound = new System.Collections.Generic.List<double>();
        var compilePerRound = new System.Collections.Generic.List<double>();
        var compileTime = TimeSpan.Zero;
        var allWall = TimeSpan.Zero;
        var referenceWall = TimeSpan.Zero;
        var diagnostics = 0;
        var errors = 0;
        var emitTime = TimeSpan.Zero;
        var ratioPerRound = new System.Collections.Generic.List<double>();
        for (var round = 0; round < WarmUpRounds + Rounds; round++)
        {
            var compilation = CSharpCompilation.Create("AnalyzerCost", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics();
            var compile = stopwatch.Elapsed;
            errors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (round == 0 && errors > 0)
            {
                // What is missing, so that a corpus can be given the references it needs (--reference).
                foreach (var group in compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderByDescending(g => g.Count()).Take(5))
                    Console.WriteLine($"  {group.Count(),5} × {group.Key}");
            }

            // What a build's compiler does after parsing: bind and emit, in a fresh compilation. With errors nothing is
            // emitted, and this is binding again.
            var emitting = CSharpCompilation.Create("AnalyzerCost", trees, references, compilation.Options);
            stopwatch.Restart();
            using (var peStream = new MemoryStream())
                emitting.Emit(peStream);
            var emit = stopwatch.Elapsed;

            // A second fresh compilation, so the analyzers pay for binding as they do in a build.
            compilation = CSharpCompilation.Create("AnalyzerCost", trees, references, compilation.Options);
            BindReferences(compilation);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            stopwatch.Restart();
            var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var withAll = stopwatch.Elapsed;

            // The same with CA1861 alone: the difference is what Fragless adds to a build, the binding of other members'
            // bodies it asks for included.
            var referenceCompilation = CSharpCompilation.Create("AnalyzerCost", trees, references, compilation.Options);
            BindReferences(referenceCompilation);
            var alone = referenceCompilation.WithAnalyzers(
                ImmutableArray.Create(ca1861), new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            stopwatch.Restart();
            alone.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            var withCa1861 = stopwatch.Elapsed;
            if (round < WarmUpRounds)
                continue;

            allWall += withAll;
            referenceWall += withCa1861;
            compileTime += compile;
            emitTime += emit;
            diagnostics = result.GetAllDiagnostics().Count(d => d.Id.StartsWith("FRAG", StringComparison.Ordinal));
            foreach (var analyzer in analyzers)
                totals[analyzer] += result.AnalyzerTelemetryInfo[analyzer].ExecutionTime;
            foreach (var analyzer in analyzers)
                perRound[analyzer].Add(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds);
            fraglessPerRound.Add(fragless.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalMilliseconds));
            ratioPerRound.Add(fraglessPerRound[fraglessPerRound.Count - 1] / Math.Max(0.001, result.AnalyzerTelemetryInfo[ca1861].ExecutionTime.TotalMilliseconds));
            compilePerRound.Add(compile.TotalMilliseconds);
        }

        var reference = totals[ca1861];
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine($"{files.Count} files, {lines} lines, {Rounds} rounds (+{WarmUpRounds} warm-up); {diagnostics} Fragless diagnostics per round; {errors} compile errors");
        var medianReference = Median(perRound[ca1861]);
        var minReference = perRound[ca1861].Min();
        Console.WriteLine($"{"analyzer",-40} {"ms/round",10} {"× CA1861",9} {"median ms",10} {"× CA1861",9} {"min ms",9} {"× CA1861",9}");
        foreach (var analyzer in analyzers)
        {
            var ms = totals[analyzer].TotalMilliseconds / Rounds;
            var name = analyzer == ca1861 ? "CA1861 " + analyzer.GetType().Name : analyzer.GetType().Name;
            var median = Median(perRound[analyzer]);
            var min = perRound[analyzer].Min();
            Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,10:0.00} {4,9:0.00} {5,9:0.00} {6,9:0.00}", name, ms, totals[analyzer].TotalMilliseconds / reference.TotalMilliseconds, median, median / medianReference, min, min / minReference));
        }

        var frag = fragless.Aggregate(TimeSpan.Zero, (sum, a) => sum + totals[a]);
        Console.WriteLine(string.Format(invariant, "{0,-40} {1,10:0.00} {2,9:0.00} {3,10:0.00} {4,9:0.00} {5,9:0.00} {6,9:0.00}", "all Fragless analyzers", frag.TotalMilliseconds / Rounds, frag.TotalMilliseconds / reference.TotalMilliseconds, Median(fraglessPerRound), Median(fraglessPerRound) / medianReference, fraglessPerRound.Min(), fraglessPerRound.Min() / minReference));
        Console.WriteLine(string.Format(invariant, "fastest round: binding {0:0.00} ms; fastest Fragless round = {1:0.0} % of it", compilePerRound.Min(), 100 * fraglessPerRound.Min() / compilePerRound.Min()));
        Console.WriteLine(string.Format(invariant, "compiler binding (GetDiagnostics) {0:0.00} ms/round; Fragless = {1:0.0} % of it", compileTime.TotalMilliseconds / Rounds, 100 * frag.TotalMilliseconds / compileTime.TotalMilliseconds));
        Console.WriteLine(string.Format(invariant, "medians: binding {0:0.00} ms/round; Fragless = {1:0.0} % of it", Median(compilePerRound), 100 * Median(fraglessPerRound) / Median(compilePerRound)));
        Console.WriteLine(string.Format(invariant, "all Fragless ÷ CA1861 in the same round: median {0:0.00}", Median(ratioPerRound)));
        Console.WriteLine(string.Format(invariant, "compile (bind and emit, Emit) {0:0.00} ms/round; Fragless = {1:0.0} % of it{2}", emitTime.TotalMilliseconds / Rounds, 100 * frag.TotalMilliseconds / emitTime.TotalMilliseconds, errors > 0 ? " (the code has errors, so nothing is emitted)" : string.Empty));
        var marginal = allWall - referenceWall;
        Console.WriteLine(string.Format(invariant, "analysis wall time: all analyzers {0:0.00} ms/round, CA1861 alone {1:0.00} ms/round; Fragless adds {2:0.00} ms/round = {3:0.0} % of binding", allWall.TotalMilliseconds / Rounds, referenceWall.TotalMilliseconds / Rounds, marginal.TotalMilliseconds / Rounds, 100 * marginal.TotalMilliseconds / compileTime.TotalMilliseconds));
        return 0;
    }

    /// <summary>A build's compilation, rebuilt from its compiler arguments (<see cref="CommandLineCompilation"/>); thread time only.</summary>
    private static int RunCommandLine(string file, string? directory, bool threadTime)
    {
        if (!threadTime)
        {
            Console.Error.WriteLine("analyzer-cost --command-line: measured with --thread-time only");
            return 1;
        }

        var build = CommandLineCompilation.Read(file, directory);
        if (build == null)
            return 1;
        var lines = build.Trees.Sum(t => t.GetText().Lines.Count);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, build.ConfigOptions);
        return ThreadTimeCost.Run(build.Trees, build.References, FraglessAnalyzers(), LoadCa1861(), build.Trees.Length, lines, build.Options, analyzerOptions);
    }

    private static ImmutableArray<DiagnosticAnalyzer> FraglessAnalyzers()
    {
        return typeof(Fragless.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .OrderBy(a => a.GetType().Name, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// Binds a fresh compilation's references (reads the core library and makes the source assembly), which a build's
    /// compiler does for its declaration diagnostics while the analyzers start. Without this, the first analyzer to ask
    /// for any type is charged for it: about 13 ms a round on the dotnet/iot bindings, compiler work that a build pays
    /// with or without analyzers.
    /// </summary>
    internal static void BindReferences(Compilation compilation) => compilation.GetSpecialType(SpecialType.System_Object);

    internal static double Median(System.Collections.Generic.List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static DiagnosticAnalyzer LoadCa1861()
    {
        var folder = Metadata("NetAnalyzersPath");
        var loader = new Loader();
        foreach (var dll in Directory.GetFiles(folder, "*.dll"))
        {
            var reference = new AnalyzerFileReference(dll, loader);
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                if (analyzer.SupportedDiagnostics.Any(d => d.Id == "CA1861"))
                    return analyzer;
            }
        }

        throw new InvalidOperationException("CA1861 not found in " + folder);
    }

    private static string Metadata(string key)
        => typeof(AnalyzerCost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
