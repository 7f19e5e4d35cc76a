using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Fragless.Corpus
{
    /// <summary>N random diagnostics of one rule, each with the code around it, for reading by hand.</summary>
    internal static class SampleCommand
    {
        public static int Run(Args args)
        {
            var path = args.Required(0, "<results.jsonl>");
            var rule = args.Get("--rule") ?? throw new ArgumentException("Missing --rule");
            var n = args.GetInt("--n", 30);
            var seed = args.GetInt("--seed", 1);
            var context = args.GetInt("--context", 6);
            var all = ResultLine.ReadAll(path).Where(r => string.Equals(r.Id, rule, StringComparison.OrdinalIgnoreCase)).ToList();
            var random = new Random(seed);
            var picked = all.OrderBy(_ => random.Next()).Take(n).ToList();
            Console.WriteLine($"{picked.Count} of {all.Count} {rule} diagnostics in {path} (seed {seed})");
            var number = 0;
            foreach (var r in picked)
            {
                number++;
                Console.WriteLine();
                Console.WriteLine($"#{number} {r.Corpus}/{r.Path}:{r.Line}:{r.Column}  [{r.Project}]  in {r.Member}");
                Console.WriteLine($"   {r.Id}: {r.Message}");
                Console.WriteLine($"   fix: {(r.FixOffered ? string.Join(" | ", r.FixTitles) : "none offered")}");
                var file = Path.Combine(r.Root, r.Path);
                if (!File.Exists(file))
                {
                    Console.WriteLine("   (file not found: " + file + ")");
                    continue;
                }

                var lines = File.ReadAllLines(file);
                var from = Math.Max(1, r.Line - context);
                var to = Math.Min(lines.Length, r.Line + context);
                for (var i = from; i <= to; i++)
                    Console.WriteLine($"{(i == r.Line ? ">>" : "  ")}{i,6}  {lines[i - 1]}");
            }

            return 0;
        }
    }

    /// <summary>Per-rule counts of two runs and which diagnostics went or came (keyed by file, id and line text).</summary>
    internal static class CompareCommand
    {
        public static int Run(Args args)
        {
            var a = ResultLine.ReadAll(args.Required(0, "<a.jsonl>"));
            var b = ResultLine.ReadAll(args.Required(1, "<b.jsonl>"));
            var max = args.GetInt("--max", 100);
            Console.WriteLine($"{"rule",-10}{"before",10}{"after",10}{"change",10}");
            foreach (var id in a.Select(r => r.Id).Concat(b.Select(r => r.Id)).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            {
                var ca = a.Count(r => r.Id == id);
                var cb = b.Count(r => r.Id == id);
                Console.WriteLine($"{id,-10}{ca,10}{cb,10}{cb - ca,10:+#;-#;0}");
            }

            static string Key(ResultLine r) => r.Path + "|" + r.Id + "|" + r.Text;
            var left = Multiset(a, Key);
            var right = Multiset(b, Key);
            Report("disappeared", Minus(a, right, Key), max);
            Report("appeared", Minus(b, left, Key), max);
            return 0;
        }

        private static Dictionary<string, int> Multiset(List<ResultLine> lines, Func<ResultLine, string> key)
            => lines.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        private static List<ResultLine> Minus(List<ResultLine> lines, Dictionary<string, int> other, Func<ResultLine, string> key)
        {
            var remaining = new Dictionary<string, int>(other, StringComparer.Ordinal);
            var result = new List<ResultLine>();
            foreach (var r in lines)
            {
                var k = key(r);
                if (remaining.TryGetValue(k, out var c) && c > 0)
                    remaining[k] = c - 1;
                else
                    result.Add(r);
            }

            return result;
        }

        private static void Report(string what, List<ResultLine> lines, int max)
        {
            Console.WriteLine();
            Console.WriteLine($"{lines.Count} {what}:");
            foreach (var r in lines.Take(max))
                Console.WriteLine($"  {r.Id} {r.Corpus}/{r.Path}:{r.Line}  {r.Text}");
            if (lines.Count > max)
                Console.WriteLine($"  ... and {lines.Count - max} more");
        }
    }

    /// <summary>Writes SUMMARY.md from every *.summary.json in a results folder.</summary>
    internal static class SummaryCommand
    {
        public static int Run(Args args)
        {
            var folder = args.Required(0, "<results-folder>");
            var outPath = args.Get("--out") ?? Path.Combine(folder, "SUMMARY.md");
            var summaries = Directory.EnumerateFiles(folder, "*.summary.json").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(f), ResultLine.Json)!).ToList();
            var rules = summaries.SelectMany(s => s.DiagnosticsPerRule.Keys).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var analyzers = summaries.SelectMany(s => s.AnalyzerSeconds.Keys).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var sb = new StringBuilder();
            sb.AppendLine("# Fragless on real code: corpus results");
            sb.AppendLine();
            sb.AppendLine("Made by `tools/Corpus` (`analyze`, then `summary`). Diagnostics per rule are shown as `count (fix offered)`.");
            sb.AppendLine("Compile errors are expected: each project is compiled alone against the .NET 10 reference assemblies (plus a small UnityEngine stub for games), without its NuGet packages.");
            sb.AppendLine();
            sb.Append("| corpus | commit | projects | .cs files | lines | compile errors | clean projects |");
            foreach (var r in rules)
                sb.Append($" {r} |");
            sb.AppendLine(" analyzer exceptions | fixer exceptions | wall s |");
            sb.Append("|---|---|---:|---:|---:|---:|---:|");
            foreach (var _ in rules)
                sb.Append("---:|");
            sb.AppendLine("---:|---:|---:|");
            foreach (var s in summaries)
            {
                sb.Append($"| {s.Corpus} | {ShortCommit(s.Commit)} | {s.Projects} | {s.Files} | {s.Lines} | {s.CompileErrors} | {s.ProjectsWithoutErrors} |");
                foreach (var r in rules)
                    sb.Append($" {s.DiagnosticsPerRule.GetValueOrDefault(r)} ({s.FixesOfferedPerRule.GetValueOrDefault(r)}) |");
                sb.AppendLine($" {s.AnalyzerExceptions.Count} | {s.FixerExceptions.Count} | {s.WallSeconds:F0} |");
            }

            sb.AppendLine();
            sb.AppendLine("## Analyzer execution time (seconds, as Roslyn's telemetry reports it)");
            sb.AppendLine();
            sb.Append("| corpus |");
            foreach (var a in analyzers)
                sb.Append($" {a} |");
            sb.AppendLine();
            sb.Append("|---|");
            foreach (var _ in analyzers)
                sb.Append("---:|");
            sb.AppendLine();
            foreach (var s in summaries)
            {
                sb.Append($"| {s.Corpus} |");
                foreach (var a in analyzers)
                    sb.Append($" {s.AnalyzerSeconds.GetValueOrDefault(a):F2} |");
                sb.AppendLine();
            }

            sb.AppendLine();
            sb.AppendLine("## Most common compile errors");
            sb.AppendLine();
            foreach (var s in summaries)
                sb.AppendLine($"- {s.Corpus}: {string.Join(", ", s.TopCompileErrors.Select(kv => kv.Key + " " + kv.Value))}; unresolved project references: {s.UnresolvedProjectReferences}");

            var exceptions = summaries.SelectMany(s => s.AnalyzerExceptions.Concat(s.FixerExceptions).Select(e => (s.Corpus, e))).ToList();
            sb.AppendLine();
            sb.AppendLine("## Exceptions");
            sb.AppendLine();
            if (exceptions.Count == 0)
                sb.AppendLine("None.");
            foreach (var (corpus, e) in exceptions.Take(20))
            {
                sb.AppendLine($"- {corpus}:");
                sb.AppendLine("```");
                sb.AppendLine(e.Length > 3000 ? e.Substring(0, 3000) + " ..." : e);
                sb.AppendLine("```");
            }

            if (args.Get("--append") is string extra && File.Exists(extra))
            {
                sb.AppendLine();
                sb.Append(File.ReadAllText(extra));
            }

            File.WriteAllText(outPath, sb.ToString());
            Console.WriteLine("wrote " + outPath);
            return 0;
        }

        /// <summary>".corpus-commit" holds "owner/name sha": shown as "owner/name@sha[..10]".</summary>
        private static string ShortCommit(string? commit)
        {
            if (string.IsNullOrWhiteSpace(commit))
                return "";
            var parts = commit.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var sha = parts[parts.Length - 1];
            sha = sha.Substring(0, Math.Min(10, sha.Length));
            return parts.Length > 1 ? parts[0] + "@" + sha : sha;
        }
    }
}
