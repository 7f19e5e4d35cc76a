using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Fragless.Corpus
{
    internal static class Program
    {
        private const string Usage = @"Fragless corpus tool: runs the Fragless analyzers and fixes on folders of real code.

  analyze <folder> [--name N] [--out results.jsonl] [--errors N] [--verbose] [--editorconfig FILE] [--additional FILE]... [--define SYM]... [--reference-source DIR]...
  fix <folder> [--write] [--max-per-document N] [--editorconfig FILE] [--additional FILE]... [--define SYM]... [--reference-source DIR]...
  sample <results.jsonl> --rule FRAG001 [--n 30] [--seed 1] [--context 6]
  compare <a.jsonl> <b.jsonl> [--max 100]
  summary <results-folder> [--out SUMMARY.md]

Corpora live OUTSIDE the repository (e.g. /work/corpus/<name>); nothing from them is ever committed.";

        public static async Task<int> Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            if (args.Length < 2)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var parsed = Args.Parse(args.Skip(1));
            try
            {
                switch (args[0])
                {
                    case "analyze":
                        return await AnalyzeCommand.RunAsync(parsed).ConfigureAwait(false);
                    case "fix":
                        return await FixCommand.RunAsync(parsed).ConfigureAwait(false);
                    case "sample":
                        return SampleCommand.Run(parsed);
                    case "compare":
                        return CompareCommand.Run(parsed);
                    case "summary":
                        return SummaryCommand.Run(parsed);
                    default:
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }
    }

    /// <summary>Positional arguments and --name value options (repeatable); --write and --verbose are flags.</summary>
    internal sealed class Args
    {
        private static readonly HashSet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "--write", "--verbose" };

        public List<string> Positional { get; } = new List<string>();
        public Dictionary<string, List<string>> Options { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        public static Args Parse(IEnumerable<string> args)
        {
            var result = new Args();
            var list = args.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var a = list[i];
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    if (Flags.Contains(a))
                    {
                        result.Add(a, "true");
                        continue;
                    }

                    if (i + 1 >= list.Count)
                        throw new ArgumentException("Missing a value for " + a);
                    result.Add(a, list[++i]);
                }
                else
                {
                    result.Positional.Add(a);
                }
            }

            return result;
        }

        private void Add(string key, string value)
        {
            if (!Options.TryGetValue(key, out var values))
                Options[key] = values = new List<string>();
            values.Add(value);
        }

        public string? Get(string key) => Options.TryGetValue(key, out var v) ? v[v.Count - 1] : null;

        public IReadOnlyList<string> All(string key) => Options.TryGetValue(key, out var v) ? v : (IReadOnlyList<string>)Array.Empty<string>();

        public bool Has(string key) => Options.ContainsKey(key);

        public int GetInt(string key, int defaultValue) => Get(key) is string s ? int.Parse(s, CultureInfo.InvariantCulture) : defaultValue;

        public string Required(int index, string what) => index < Positional.Count ? Positional[index] : throw new ArgumentException("Missing " + what);

        public LoadSettings LoadSettings()
        {
            var settings = new LoadSettings();
            foreach (var d in All("--define"))
                settings.ExtraDefines.AddRange(d.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            settings.ReferenceSources.AddRange(All("--reference-source"));
            return settings;
        }

        public FraglessSet LoadFragless() => FraglessSet.Load(Get("--editorconfig"), All("--additional"));
    }
}
