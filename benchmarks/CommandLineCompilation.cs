using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Benchmarks;

/// <summary>
/// `analyzer-cost --command-line FILE [--directory DIR]`: the compilation a build's compiler makes, rebuilt from the
/// arguments the build passed to csc (copied from a `-v:d` log or a binlog, one file). The sources, references,
/// defines, language version, global usings and analyzer config files (.editorconfig, global configs, the
/// build-properties file) are the build's, so the code binds as it does there: a folder of sources with the framework
/// alone misses what a project adds (its implicit usings, its packages) and leaves much of it unbound. The build's own
/// analyzers are not loaded; the harness runs its own.
/// </summary>
internal sealed class CommandLineCompilation
{
    private CommandLineCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CSharpCompilationOptions options, AnalyzerConfigOptionsProvider configOptions)
    {
        Trees = trees;
        References = references;
        Options = options;
        ConfigOptions = configOptions;
    }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public CSharpCompilationOptions Options { get; }

    /// <summary>What the build's analyzer config files say for each source file, as the compiler hands it to analyzers.</summary>
    public AnalyzerConfigOptionsProvider ConfigOptions { get; }

    /// <summary>Null, with the reason on standard error, when the arguments cannot be read.</summary>
    public static CommandLineCompilation? Read(string file, string? directory)
    {
        var text = File.ReadAllText(file);
        var arguments = CommandLineParser.SplitCommandLineIntoArguments(text, removeHashComments: true).ToList();
        // A line copied from a log starts with the compiler's own path.
        if (arguments.Count > 0 && (arguments[0].EndsWith("csc", StringComparison.Ordinal) || arguments[0].EndsWith("csc.dll", StringComparison.Ordinal) || arguments[0].EndsWith("csc.exe", StringComparison.Ordinal)))
            arguments.RemoveAt(0);

        var baseDirectory = Path.GetFullPath(directory ?? Path.GetDirectoryName(Path.GetFullPath(file))!);
        var parsed = CSharpCommandLineParser.Default.Parse(arguments, baseDirectory, sdkDirectory: null);
        if (parsed.Errors.Any(d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("/langversion", StringComparison.Ordinal)))
        {
            // A newer SDK's language version than this harness's compiler knows: its newest instead.
            Console.Error.WriteLine("analyzer-cost --command-line: the language version is newer than this harness's compiler; using its latest");
            arguments = arguments.Select(a => a.StartsWith("/langversion:", StringComparison.OrdinalIgnoreCase) || a.StartsWith("-langversion:", StringComparison.OrdinalIgnoreCase) ? "/langversion:latest" : a).ToList();
            parsed = CSharpCommandLineParser.Default.Parse(arguments, baseDirectory, sdkDirectory: null);
        }

        var problems = parsed.Errors.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems.Take(5))
                Console.Error.WriteLine("analyzer-cost --command-line: " + problem.GetMessage());
            return null;
        }

        var missing = parsed.SourceFiles.Select(s => s.Path).Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"analyzer-cost --command-line: {missing.Count} source files not found (first: {missing[0]}); pass --directory, the folder the build ran csc in");
            return null;
        }

        var trees = parsed.SourceFiles
            .Select(s => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(s.Path), System.Text.Encoding.UTF8), parsed.ParseOptions, s.Path))
            .ToImmutableArray();
        var references = parsed.MetadataReferences
            .Select(r => Reference(r.Reference, baseDirectory))
            .OfType<MetadataReference>()
            .ToImmutableArray();

        var configs = parsed.AnalyzerConfigPaths
            .Where(File.Exists)
            .Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p))
            .ToImmutableArray();
        var set = AnalyzerConfigSet.Create(configs);
        var perTree = trees.ToImmutableDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath).AnalyzerOptions);
        return new CommandLineCompilation(trees, references, parsed.CompilationOptions, new ConfigProvider(perTree, set.GlobalConfigOptions.AnalyzerOptions));
    }

    /// <summary>A reference as csc finds it: a full path, or a path relative to the folder it ran in; null, said on standard error, when the file is not there.</summary>
    private static MetadataReference? Reference(string path, string baseDirectory)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path);
        if (File.Exists(full))
            return MetadataReference.CreateFromFile(full);
        Console.Error.WriteLine("analyzer-cost --command-line: reference not found, skipped: " + full);
        return null;
    }

    private sealed class ConfigProvider : AnalyzerConfigOptionsProvider
    {
        // One options object per file, made once, as the compiler's own provider does (rules cache what they read by it).
        private readonly ImmutableDictionary<SyntaxTree, AnalyzerConfigOptions> _perTree;

        public ConfigProvider(ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> perTree, ImmutableDictionary<string, string> global)
        {
            _perTree = perTree.ToImmutableDictionary(p => p.Key, p => (AnalyzerConfigOptions)new ConfigOptionsOfFile(p.Value));
            GlobalOptions = new ConfigOptionsOfFile(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
            => _perTree.TryGetValue(tree, out var options) ? options : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class ConfigOptionsOfFile : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public ConfigOptionsOfFile(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
