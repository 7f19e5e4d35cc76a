using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Code that never runs on the device or in the shipped game, so its allocations are out of scope: Unity editor
    /// code, tests, build-time code, and paths listed in <c>fragless.exclude</c>. <c>fragless.exclude_defaults = false</c>
    /// turns the editor, test and build-time defaults off.
    /// </summary>
    internal sealed class ExcludedCode
    {
        private static readonly ImmutableArray<string> TestAttributes =
            ImmutableArray.Create("Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod");

        private static readonly ImmutableArray<string> TestAttributesBenchmarks =
            ImmutableArray.Create("Benchmark", "GlobalSetup", "GlobalCleanup", "IterationSetup", "IterationCleanup");

        private static readonly ImmutableArray<string> TestFrameworks =
            ImmutableArray.Create("xunit.core", "xunit.assert", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "BenchmarkDotNet", "BenchmarkDotNet.Annotations");

        /// <summary>
        /// Assemblies that only code running inside a build references: the C# compiler (analyzers, generators,
        /// compilers and scripting hosts) and MSBuild (tasks, tools that load projects). Such code runs on a
        /// developer's machine or a build server, never on the device or in the player.
        /// </summary>
        private static readonly ImmutableArray<string> BuildTimeAssemblies =
            ImmutableArray.Create("Microsoft.CodeAnalysis", "Microsoft.Build", "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core");

        /// <summary>Why the whole assembly is excluded (a test assembly, build-time code), or null.</summary>
        private readonly string? _assemblyWhy;
        private readonly ConcurrentDictionary<string, Regex?> _patterns = new ConcurrentDictionary<string, Regex?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<TextSpan>> _editorRegions = new ConcurrentDictionary<SyntaxTree, ImmutableArray<TextSpan>>();

        private readonly ConcurrentDictionary<SyntaxTree, FileVerdict> _files = new ConcurrentDictionary<SyntaxTree, FileVerdict>();
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _editorTypes = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _testMethods = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly NameOccurrences _names;

        public ExcludedCode(Compilation compilation, NameOccurrences names)
        {
            _names = names;
            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                if (TestFrameworks.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
                {
                    _assemblyWhy = "a test assembly";
                    break;
                }

                if (_assemblyWhy == null && BuildTimeAssemblies.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
                    _assemblyWhy = "build-time code (the assembly references " + reference.Name + ")";
            }
        }

        /// <summary>Why the code at <paramref name="node"/> in <paramref name="member"/> is excluded, or null.</summary>
        public string? Why(SyntaxNode node, ISymbol? member, AnalyzerOptions options)
        {
            var tree = node.SyntaxTree;
            if (!_files.TryGetValue(tree, out var file))
                file = _files.GetOrAdd(tree, ForFile(tree, options));
            if (file.Why != null || !file.DefaultsApply)
                return file.Why;

            if (member != null)
            {
                var editorType = member.ContainingType != null && _editorTypes.GetOrAdd(member.ContainingType, DerivesFromUnityEditor);
                if (editorType)
                    return "Unity editor code";
                if (member is IMethodSymbol method && method.AssociatedSymbol == null && _testMethods.GetOrAdd(method, IsTestMethod))
                    return "a test";
            }

            if (IsUnderUnityEditorDirective(node))
                return "#if UNITY_EDITOR";
            return null;
        }

        /// <summary>What a file's path and options say, the same for all of its code: read once per tree.</summary>
        private FileVerdict ForFile(SyntaxTree tree, AnalyzerOptions options)
        {
            if (MatchesExcludeOption(tree, options))
                return new FileVerdict("fragless.exclude", defaultsApply: true);
            if (!AnalyzerOptionsReader.GetBoolean(options, tree, OptionKeys.ExcludeDefaults, defaultValue: true))
                return new FileVerdict(null, defaultsApply: false);
            if (_assemblyWhy != null)
                return new FileVerdict(_assemblyWhy, defaultsApply: true);
            if (IsInEditorFolder(tree.FilePath))
                return new FileVerdict("an Editor folder", defaultsApply: true);
            if (IsInTestFolder(tree.FilePath))
                return new FileVerdict("a test folder", defaultsApply: true);
            return new FileVerdict(null, defaultsApply: true);
        }

        private sealed class FileVerdict
        {
            public FileVerdict(string? why, bool defaultsApply)
            {
                Why = why;
                DefaultsApply = defaultsApply;
            }

            /// <summary>Why the whole file is excluded, or null.</summary>
            public string? Why { get; }

            /// <summary>The default exclusions (editor, test, build-time) apply: <c>fragless.exclude_defaults</c> is not false.</summary>
            public bool DefaultsApply { get; }
        }

        private bool MatchesExcludeOption(SyntaxTree tree, AnalyzerOptions options)
        {
            var patterns = AnalyzerOptionsReader.GetList(options, tree, OptionKeys.Exclude);
            if (patterns.IsEmpty || string.IsNullOrEmpty(tree.FilePath))
                return false;

            var path = tree.FilePath.Replace('\\', '/');
            foreach (var pattern in patterns)
            {
                var regex = _patterns.GetOrAdd(pattern, p => GlobToRegex(p.Replace('\\', '/')));
                if (regex != null && regex.IsMatch(path))
                    return true;
            }

            return false;
        }

        /// <summary><c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character; a pattern matches the end of the path.</summary>
        internal static Regex? GlobToRegex(string pattern)
        {
            if (pattern.Length == 0)
                return null;

            var body = Regex.Escape(pattern)
                .Replace(@"\*\*/", "(?:.*/)?")
                .Replace(@"\*\*", ".*")
                .Replace(@"\*", "[^/]*")
                .Replace(@"\?", "[^/]");
            return new Regex("(?:^|/)" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        private static bool IsInEditorFolder(string? path)
        {
            if (string.IsNullOrEmpty(path))
                return false;
            var normalized = path!.Replace('\\', '/');
            return normalized.IndexOf("/Editor/", StringComparison.Ordinal) >= 0 || normalized.StartsWith("Editor/", StringComparison.Ordinal);
        }

        /// <summary>A folder named <c>test</c> or <c>tests</c>, or a project folder ending in <c>.Tests</c>, <c>.UnitTests</c>, <c>.IntegrationTests</c> or <c>.Benchmarks</c>.</summary>
        private static bool IsInTestFolder(string? path)
        {
            if (string.IsNullOrEmpty(path))
                return false;

            var segments = path!.Replace('\\', '/').Split('/');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var segment = segments[i];
                if (segment.Equals("test", StringComparison.OrdinalIgnoreCase) || segment.Equals("tests", StringComparison.OrdinalIgnoreCase)
                    || segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".UnitTests", StringComparison.OrdinalIgnoreCase)
                    || segment.EndsWith(".IntegrationTests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".Benchmarks", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A method with a test framework's attribute (read once per method: every allocation in it asks).</summary>
        private static bool IsTestMethod(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass != null && IsTestAttribute(attribute.AttributeClass.Name))
                    return true;
            }

            return false;
        }

        private static bool IsTestAttribute(string name)
        {
            var trimmed = name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
            return TestAttributes.Contains(trimmed) || TestAttributesBenchmarks.Contains(trimmed);
        }

        private static bool DerivesFromUnityEditor(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.ContainingType)
            {
                for (var baseType = current.BaseType; baseType != null; baseType = baseType.BaseType)
                {
                    var ns = baseType.ContainingNamespace;
                    if (ns != null && !ns.IsGlobalNamespace && (ns.Name == "UnityEditor" || Outermost(ns).Name == "UnityEditor"))
                        return true;
                }
            }

            return false;
        }

        /// <summary>The namespace just inside the global one that contains <paramref name="ns"/> (<c>UnityEditor</c> for <c>UnityEditor.UI</c>).</summary>
        private static INamespaceSymbol Outermost(INamespaceSymbol ns)
        {
            while (ns.ContainingNamespace != null && !ns.ContainingNamespace.IsGlobalNamespace)
                ns = ns.ContainingNamespace;
            return ns;
        }

        /// <summary>Inside an <c>#if</c> (or <c>#elif</c>) branch whose condition needs UNITY_EDITOR.</summary>
        private bool IsUnderUnityEditorDirective(SyntaxNode node)
        {
            // A tree without directives (most) is settled by a flag; otherwise only the nodes that hold one are read.
            var tree = node.SyntaxTree;
            if (!_editorRegions.TryGetValue(tree, out var regions))
                regions = _editorRegions.GetOrAdd(tree, FindUnityEditorRegions(tree));
            var position = node.SpanStart;
            foreach (var region in regions)
            {
                if (region.Contains(position))
                    return true;
            }

            return false;
        }

        /// <summary>The spans of a tree's <c>#if UNITY_EDITOR</c> branches, found once per tree.</summary>
        private ImmutableArray<TextSpan> FindUnityEditorRegions(SyntaxTree tree)
        {
            // Most files with directives (#nullable, #region) never spell the symbol, and are not walked.
            var root = tree.GetRoot();
            if (!root.ContainsDirectives || _names.TextOf(tree, default).IndexOf("UNITY_EDITOR", StringComparison.Ordinal) < 0)
                return ImmutableArray<TextSpan>.Empty;

            var regions = ImmutableArray.CreateBuilder<TextSpan>();
            var open = new List<int>(); // start of the editor branch at each nesting level, or -1
            // Only nodes that hold a directive are entered (GetNextDirective would read every token between two).
            foreach (var trivia in root.DescendantTrivia(n => n.ContainsDirectives))
            {
                if (!trivia.IsDirective || !(trivia.GetStructure() is DirectiveTriviaSyntax directive))
                    continue;
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        open.Add(NeedsUnityEditor(ifDirective.Condition) ? directive.Span.End : -1);
                        break;
                    case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                        Close(open, regions, directive.SpanStart);
                        open[open.Count - 1] = NeedsUnityEditor(elif.Condition) ? directive.Span.End : -1;
                        break;
                    case ElseDirectiveTriviaSyntax _ when open.Count > 0:
                        Close(open, regions, directive.SpanStart);
                        open[open.Count - 1] = -1;
                        break;
                    case EndIfDirectiveTriviaSyntax _ when open.Count > 0:
                        Close(open, regions, directive.SpanStart);
                        open.RemoveAt(open.Count - 1);
                        break;
                }
            }

            return regions.ToImmutable();
        }

        private static void Close(List<int> open, ImmutableArray<TextSpan>.Builder regions, int end)
        {
            var start = open[open.Count - 1];
            if (start >= 0 && end > start)
                regions.Add(TextSpan.FromBounds(start, end));
        }

        private static bool NeedsUnityEditor(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case IdentifierNameSyntax name:
                    return name.Identifier.ValueText == "UNITY_EDITOR";
                case ParenthesizedExpressionSyntax parenthesized:
                    return NeedsUnityEditor(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return NeedsUnityEditor(binary.Left) || NeedsUnityEditor(binary.Right);
                default:
                    return false;
            }
        }
    }
}
