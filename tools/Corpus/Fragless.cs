using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Corpus
{
    /// <summary>The Fragless analyzers and fixers, found by reflection, and the options they run with.</summary>
    internal sealed class FraglessSet
    {
        private FraglessSet(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers, AnalyzerOptions options)
        {
            Analyzers = analyzers;
            Fixers = fixers;
            Options = options;
            AnalyzerIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();
        }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }
        public ImmutableArray<CodeFixProvider> Fixers { get; }
        public AnalyzerOptions Options { get; }
        public ImmutableHashSet<string> AnalyzerIds { get; }

        /// <summary>Exceptions thrown by analyzers (each is a bug). Filled as analysis runs.</summary>
        public List<string> AnalyzerExceptions { get; } = new List<string>();

        /// <summary>Exceptions thrown by fixers while registering or computing a fix (each is a bug).</summary>
        public List<string> FixerExceptions { get; } = new List<string>();

        public static FraglessSet Load(string? editorConfig, IEnumerable<string> additionalFiles)
        {
            var analyzerAssembly = typeof(Fragless.Analyzers.DiagnosticIds).Assembly;
            var fixerAssembly = typeof(Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer).Assembly;
            var analyzers = Types(analyzerAssembly)
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var fixers = Types(fixerAssembly)
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (editorConfig != null)
            {
                foreach (var raw in File.ReadAllLines(editorConfig))
                {
                    var line = raw.Trim();
                    if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';') || line.StartsWith('['))
                        continue;
                    var eq = line.IndexOf('=');
                    if (eq <= 0)
                        continue;
                    values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
                }
            }

            var additional = additionalFiles.Select(f => (AdditionalText)new FileAdditionalText(Path.GetFullPath(f))).ToImmutableArray();
            var options = new AnalyzerOptions(additional, new GlobalOptionsProvider(new DictionaryOptions(values)));
            return new FraglessSet(analyzers, fixers, options);
        }

        private static IEnumerable<Type> Types(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t != null)!;
            }
        }

        public CompilationWithAnalyzers WithAnalyzers(Compilation compilation, string context)
        {
            var options = new CompilationWithAnalyzersOptions(
                Options,
                (exception, analyzer, diagnostic) =>
                {
                    lock (AnalyzerExceptions)
                        AnalyzerExceptions.Add($"[{context}] {analyzer.GetType().Name}: {diagnostic.GetMessage()}\n{exception}");
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            return compilation.WithAnalyzers(Analyzers, options);
        }

        /// <summary>The code actions the fixers offer for one diagnostic, in registration order.</summary>
        public async Task<List<CodeAction>> FixesForAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            foreach (var fixer in Fixers)
            {
                if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                    continue;
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                try
                {
                    await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    lock (FixerExceptions)
                        FixerExceptions.Add($"{fixer.GetType().Name} registering for {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {e}");
                }
            }

            return actions;
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigOptions _options;

            public GlobalOptionsProvider(AnalyzerConfigOptions options) => _options = options;

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }

        private sealed class FileAdditionalText : AdditionalText
        {
            public FileAdditionalText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }

    internal static class SourceFacts
    {
        /// <summary>"Type.Member" for the member a position lies in (the outermost member; local functions are inside it).</summary>
        public static string EnclosingMember(SyntaxNode root, int position)
        {
            var token = root.FindToken(position);
            string? member = null;
            string? type = null;
            for (var node = token.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case MethodDeclarationSyntax m:
                        member = m.Identifier.ValueText;
                        break;
                    case ConstructorDeclarationSyntax c:
                        member = c.Modifiers.Any(t => t.ValueText == "static") ? ".cctor" : ".ctor";
                        break;
                    case DestructorDeclarationSyntax:
                        member = "Finalize";
                        break;
                    case OperatorDeclarationSyntax o:
                        member = "operator " + o.OperatorToken.ValueText;
                        break;
                    case ConversionOperatorDeclarationSyntax cv:
                        member = "operator " + cv.Type;
                        break;
                    case PropertyDeclarationSyntax p:
                        member = p.Identifier.ValueText;
                        break;
                    case IndexerDeclarationSyntax:
                        member = "this[]";
                        break;
                    case EventDeclarationSyntax e:
                        member = e.Identifier.ValueText;
                        break;
                    case BaseFieldDeclarationSyntax f:
                        member = string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.ValueText));
                        break;
                    case BaseTypeDeclarationSyntax t when type == null:
                        type = t.Identifier.ValueText;
                        break;
                    case DelegateDeclarationSyntax d when type == null:
                        type = d.Identifier.ValueText;
                        break;
                }

                if (type != null)
                    break;
            }

            if (type == null && member == null)
                return "(top level)";
            return type == null ? member! : member == null ? type : type + "." + member;
        }
    }
}
