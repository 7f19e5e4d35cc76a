using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Fragless.Corpus
{
    /// <summary>One line of a results file.</summary>
    internal sealed class ResultLine
    {
        public string Corpus { get; set; } = "";
        public string Root { get; set; } = "";
        public string Project { get; set; } = "";
        public string Path { get; set; } = "";
        public int Line { get; set; }
        public int Column { get; set; }
        public string Id { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public string Text { get; set; } = "";
        public string Member { get; set; } = "";
        public bool FixOffered { get; set; }
        public List<string> FixTitles { get; set; } = new List<string>();

        public static readonly JsonSerializerOptions Json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        public static List<ResultLine> ReadAll(string path)
            => File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ResultLine>(l, Json)!).ToList();
    }

    /// <summary>What a run adds up to; written beside the results as &lt;out&gt;.summary.json.</summary>
    internal sealed class RunSummary
    {
        public string Corpus { get; set; } = "";
        public string Root { get; set; } = "";
        public string? Commit { get; set; }
        public int Projects { get; set; }
        public int Files { get; set; }
        public int Lines { get; set; }
        public int NonBlankLines { get; set; }
        public int CompileErrors { get; set; }
        public int ProjectsWithoutErrors { get; set; }
        public int UnresolvedProjectReferences { get; set; }
        public Dictionary<string, int> DiagnosticsPerRule { get; set; } = new Dictionary<string, int>();
        public Dictionary<string, int> FixesOfferedPerRule { get; set; } = new Dictionary<string, int>();
        public Dictionary<string, double> AnalyzerSeconds { get; set; } = new Dictionary<string, double>();
        public List<string> AnalyzerExceptions { get; set; } = new List<string>();
        public List<string> FixerExceptions { get; set; } = new List<string>();
        public Dictionary<string, int> TopCompileErrors { get; set; } = new Dictionary<string, int>();
        public double WallSeconds { get; set; }
    }

    internal static class AnalyzeCommand
    {
        public static async Task<int> RunAsync(Args args)
        {
            var folder = Path.GetFullPath(args.Required(0, "<folder>"));
            var name = args.Get("--name") ?? Path.GetFileName(folder.TrimEnd('/'));
            var outPath = args.Get("--out");
            var clock = Stopwatch.StartNew();
            var fragless = args.LoadFragless();
            var projects = CorpusLoader.Discover(folder);
            Console.WriteLine($"{name}: {projects.Count} projects, {projects.Sum(p => p.Files.Count)} files, {projects.Sum(p => p.Lines)} lines; analyzers: {string.Join(", ", fragless.Analyzers.Select(a => a.GetType().Name))}; fixers: {string.Join(", ", fragless.Fixers.Select(f => f.GetType().Name))}");
            using var workspace = CorpusLoader.BuildWorkspace(projects, args.LoadSettings(), out var byId);

            var summary = new RunSummary
            {
                Corpus = name,
                Root = folder,
                Commit = File.Exists(Path.Combine(folder, ".corpus-commit")) ? File.ReadAllText(Path.Combine(folder, ".corpus-commit")).Trim() : null,
                Projects = projects.Count,
                Files = projects.Sum(p => p.Files.Count),
                Lines = projects.Sum(p => p.Lines),
                NonBlankLines = projects.Sum(p => p.NonBlankLines),
                UnresolvedProjectReferences = projects.Sum(p => p.UnresolvedReferences.Count),
            };
            foreach (var id in fragless.AnalyzerIds.OrderBy(i => i, StringComparer.Ordinal))
            {
                summary.DiagnosticsPerRule[id] = 0;
                summary.FixesOfferedPerRule[id] = 0;
            }

            var analyzerTime = fragless.Analyzers.ToDictionary(a => a.GetType().Name, _ => TimeSpan.Zero);
            var errorCounts = new Dictionary<string, int>();
            var errorMessages = new Dictionary<string, int>();
            using var writer = outPath != null ? new StreamWriter(outPath) : null;
            var index = 0;
            foreach (var project in workspace.CurrentSolution.Projects.Where(p => byId.ContainsKey(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                index++;
                var corpusProject = byId[project.Id];
                var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
                var withAnalyzers = fragless.WithAnalyzers(compilation, name + "/" + project.Name);
                // GetAnalyzerTelemetryInfoAsync reports zero execution time after GetAllDiagnosticsAsync (Roslyn 4.14);
                // the analysis result carries the times. Compiler diagnostics come from the same (already bound) compilation.
                var analysisResult = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
                var all = analysisResult.GetAllDiagnostics().AddRange(withAnalyzers.Compilation.GetDiagnostics());
                foreach (var analyzer in fragless.Analyzers)
                {
                    var telemetry = analysisResult.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var t)
                        ? t
                        : await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                    analyzerTime[analyzer.GetType().Name] += telemetry.ExecutionTime;
                    if (Environment.GetEnvironmentVariable("CORPUS_DEBUG_TELEMETRY") == "1")
                        Console.WriteLine($"    telemetry {analyzer.GetType().Name}: time={telemetry.ExecutionTime.TotalMilliseconds}ms ops={telemetry.OperationActionsCount} syntaxNode={telemetry.SyntaxNodeActionsCount} opBlockStart={telemetry.OperationBlockStartActionsCount} compStart={telemetry.CompilationStartActionsCount} symbol={telemetry.SymbolActionsCount}");
                }

                var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !fragless.AnalyzerIds.Contains(d.Id)).ToList();
                summary.CompileErrors += errors.Count;
                if (errors.Count == 0)
                    summary.ProjectsWithoutErrors++;
                foreach (var e in errors)
                {
                    errorCounts[e.Id] = errorCounts.TryGetValue(e.Id, out var c) ? c + 1 : 1;
                    var message = e.GetMessage();
                    errorMessages[message] = errorMessages.TryGetValue(message, out var m) ? m + 1 : 1;
                }
                foreach (var ad in all.Where(d => d.Id == "AD0001"))
                {
                    lock (fragless.AnalyzerExceptions)
                        fragless.AnalyzerExceptions.Add($"[{name}/{project.Name}] AD0001 {ad.GetMessage()}");
                }

                var ours = all.Where(d => fragless.AnalyzerIds.Contains(d.Id) && d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                    .ToList();
                foreach (var diagnostic in ours)
                {
                    var tree = diagnostic.Location.SourceTree!;
                    var document = project.GetDocument(tree);
                    var root = await tree.GetRootAsync().ConfigureAwait(false);
                    var text = await tree.GetTextAsync().ConfigureAwait(false);
                    var span = diagnostic.Location.GetLineSpan();
                    var fixes = document != null ? await fragless.FixesForAsync(document, diagnostic, CancellationToken.None).ConfigureAwait(false) : new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
                    var line = new ResultLine
                    {
                        Corpus = name,
                        Root = folder,
                        Project = project.Name,
                        Path = Path.GetRelativePath(folder, tree.FilePath),
                        Line = span.StartLinePosition.Line + 1,
                        Column = span.StartLinePosition.Character + 1,
                        Id = diagnostic.Id,
                        Severity = diagnostic.Severity.ToString(),
                        Message = diagnostic.GetMessage(),
                        Text = text.Lines[span.StartLinePosition.Line].ToString().Trim(),
                        Member = SourceFacts.EnclosingMember(root, diagnostic.Location.SourceSpan.Start),
                        FixOffered = fixes.Count > 0,
                        FixTitles = fixes.Select(f => f.Title).ToList(),
                    };
                    summary.DiagnosticsPerRule[diagnostic.Id] = summary.DiagnosticsPerRule.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                    if (line.FixOffered)
                        summary.FixesOfferedPerRule[diagnostic.Id] = summary.FixesOfferedPerRule.TryGetValue(diagnostic.Id, out var f) ? f + 1 : 1;
                    writer?.WriteLine(JsonSerializer.Serialize(line, ResultLine.Json));
                }

                if (args.Has("--verbose") || index % 25 == 0 || index == projects.Count)
                    Console.WriteLine($"  [{index}/{projects.Count}] {project.Name}: {corpusProject.Files.Count} files, {errors.Count} compile errors, {ours.Count} Fragless diagnostics ({clock.Elapsed.TotalSeconds:F0}s)");
            }

            summary.AnalyzerSeconds = analyzerTime.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value.TotalSeconds, 2));
            summary.AnalyzerExceptions = fragless.AnalyzerExceptions.ToList();
            summary.FixerExceptions = fragless.FixerExceptions.ToList();
            summary.TopCompileErrors = errorCounts.OrderByDescending(kv => kv.Value).Take(8).ToDictionary(kv => kv.Key, kv => kv.Value);
            summary.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
            if (outPath != null)
                File.WriteAllText(SummaryPath(outPath), JsonSerializer.Serialize(summary, new JsonSerializerOptions(ResultLine.Json) { WriteIndented = true }));

            Print(summary);
            var showErrors = args.GetInt("--errors", 0);
            if (showErrors > 0)
            {
                Console.WriteLine($"   the {showErrors} most common compile error messages:");
                foreach (var kv in errorMessages.OrderByDescending(kv => kv.Value).Take(showErrors))
                    Console.WriteLine($"   {kv.Value,6}  {kv.Key}");
            }

            return summary.AnalyzerExceptions.Count > 0 || summary.FixerExceptions.Count > 0 ? 1 : 0;
        }

        public static string SummaryPath(string resultsPath)
            => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, Path.GetFileNameWithoutExtension(resultsPath) + ".summary.json");

        private static void Print(RunSummary s)
        {
            Console.WriteLine();
            Console.WriteLine($"== {s.Corpus}: {s.Projects} projects, {s.Files} files, {s.Lines} lines ({s.NonBlankLines} non-blank)");
            Console.WriteLine($"   compile errors: {s.CompileErrors} ({s.ProjectsWithoutErrors} of {s.Projects} projects compile cleanly; unresolved project references: {s.UnresolvedProjectReferences}); most common: {string.Join(", ", s.TopCompileErrors.Select(kv => kv.Key + "=" + kv.Value))}");
            foreach (var kv in s.DiagnosticsPerRule)
                Console.WriteLine($"   {kv.Key}: {kv.Value} diagnostics, fix offered for {s.FixesOfferedPerRule.GetValueOrDefault(kv.Key)}");
            foreach (var kv in s.AnalyzerSeconds)
                Console.WriteLine($"   time in {kv.Key}: {kv.Value:F2}s");
            Console.WriteLine($"   wall time: {s.WallSeconds:F1}s");
            if (s.AnalyzerExceptions.Count == 0 && s.FixerExceptions.Count == 0)
            {
                Console.WriteLine("   analyzer exceptions: 0, fixer exceptions: 0");
                return;
            }

            Console.WriteLine($"!!!! ANALYZER EXCEPTIONS: {s.AnalyzerExceptions.Count}, FIXER EXCEPTIONS: {s.FixerExceptions.Count} (each is a bug)");
            foreach (var e in s.AnalyzerExceptions.Concat(s.FixerExceptions).Take(10))
                Console.WriteLine("!!!! " + e);
        }
    }
}
