using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Teams' own FRAG002 pairs, read from an additional file named <c>fragless.pairs.txt</c>: one
    /// <c>Namespace.Type.Method -&gt; IntoMethod</c> per line (<c>#</c> starts a comment). <c>IntoMethod</c> is a
    /// method of the same type, or a fully qualified <c>Namespace.Type.Method</c>. A line that cannot be read, or
    /// that names a method its (existing) type does not have, is skipped and reported as FRAG004; a line whose type is
    /// not in the compilation is inactive (one file can serve several projects). Never throws.
    /// </summary>
    internal sealed class AllocatingReadPairs
    {
        public const string FileName = "fragless.pairs.txt";

        private readonly Dictionary<string, List<Pair>> _byMethod;

        private AllocatingReadPairs(Dictionary<string, List<Pair>> byMethod, ImmutableArray<Problem> problems)
        {
            _byMethod = byMethod;
            Problems = problems;
        }

        /// <summary>Lines that were skipped, with where they are and why.</summary>
        public ImmutableArray<Problem> Problems { get; }

        /// <summary>The advice for a call to <paramref name="method"/> when a pair names it, else null.</summary>
        /// <summary>Whether a pair names a method called <paramref name="name"/> (a check by name alone, before any symbol is compared).</summary>
        public bool Names(string name) => _byMethod.ContainsKey(name);

        public string? FindAdvice(IMethodSymbol method)
        {
            if (!_byMethod.TryGetValue(method.Name, out var pairs) || method.ContainingType == null)
                return null;

            foreach (var type in AllocatingReadSignatures.GetSelfAndBases(method.ContainingType))
            {
                foreach (var pair in pairs)
                {
                    if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, pair.Type))
                        return "read into a reused buffer with '" + pair.IntoDisplay + "' (" + FileName + ")";
                }
            }

            return null;
        }

        public static AllocatingReadPairs Read(AnalyzerOptions options, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var byMethod = new Dictionary<string, List<Pair>>(StringComparer.Ordinal);
            var problems = ImmutableArray.CreateBuilder<Problem>();
            var files = options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty;
            foreach (var file in files)
            {
                if (file?.Path == null || !string.Equals(GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
                    continue;

                var text = file.GetText(cancellationToken);
                if (text == null)
                    continue;

                foreach (var line in text.Lines)
                {
                    var content = line.ToString();
                    var error = ReadLine(content, types, out var pair);
                    if (error != null)
                        problems.Add(new Problem(file.Path, line.Span, text.Lines.GetLinePositionSpan(line.Span), line.LineNumber + 1, error));
                    else if (pair != null)
                        AddPair(byMethod, pair);
                }
            }

            return new AllocatingReadPairs(byMethod, problems.ToImmutable());
        }

        private static void AddPair(Dictionary<string, List<Pair>> byMethod, Pair pair)
        {
            if (!byMethod.TryGetValue(pair.Method, out var list))
                byMethod[pair.Method] = list = new List<Pair>();
            list.Add(pair);
        }

        /// <summary>Null and a pair (or no pair, for a blank, comment or inactive line), or the reason the line is skipped.</summary>
        internal static string? ReadLine(string line, WellKnownTypes types, out Pair? pair)
        {
            pair = null;
            var hash = line.IndexOf('#');
            var content = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
            if (content.Length == 0)
                return null;

            var arrow = content.IndexOf("->", StringComparison.Ordinal);
            if (arrow < 0 || content.IndexOf("->", arrow + 2, StringComparison.Ordinal) >= 0)
                return "expected 'Namespace.Type.Method -> IntoMethod'";

            var left = content.Substring(0, arrow).Trim();
            var right = content.Substring(arrow + 2).Trim();
            if (left.Length == 0 || right.Length == 0)
                return "expected 'Namespace.Type.Method -> IntoMethod'";

            var leftDot = left.LastIndexOf('.');
            if (leftDot <= 0 || !IsTypeName(left.Substring(0, leftDot)) || !IsIdentifier(left.Substring(leftDot + 1)))
                return "'" + left + "' is not a method name of the form 'Namespace.Type.Method'";

            string? intoTypeName = null;
            var intoMethod = right;
            var rightDot = right.LastIndexOf('.');
            if (rightDot >= 0)
            {
                intoTypeName = right.Substring(0, rightDot);
                intoMethod = right.Substring(rightDot + 1);
                if (!IsTypeName(intoTypeName) || !IsIdentifier(intoMethod))
                    return "'" + right + "' is not a method name of the form 'IntoMethod' or 'Namespace.Type.Method'";
            }
            else if (!IsIdentifier(intoMethod))
            {
                return "'" + right + "' is not a method name of the form 'IntoMethod' or 'Namespace.Type.Method'";
            }

            var typeName = left.Substring(0, leftDot);
            var method = left.Substring(leftDot + 1);
            var type = types.Get(typeName);
            if (type == null)
                return null;
            if (!AllocatingReadSignatures.GetMethods(type, method).Any())
                return "'" + typeName + "' has no method '" + method + "'";

            var intoType = intoTypeName == null ? type : types.Get(intoTypeName);
            if (intoType == null)
                return null;
            if (!AllocatingReadSignatures.GetMethods(intoType, intoMethod).Any())
                return "'" + (intoTypeName ?? typeName) + "' has no method '" + intoMethod + "'";

            pair = new Pair(type, method, intoTypeName == null ? intoMethod : intoType.Name + "." + intoMethod);
            return null;
        }

        private static bool IsTypeName(string name)
        {
            return name.Split('.', '+').All(part => IsIdentifier(StripArity(part)));
        }

        private static string StripArity(string part)
        {
            var tick = part.IndexOf('`');
            return tick > 0 && part.Substring(tick + 1).Length > 0 && part.Substring(tick + 1).All(char.IsDigit) ? part.Substring(0, tick) : part;
        }

        private static bool IsIdentifier(string name)
        {
            return name.Length > 0 && SyntaxFacts.IsValidIdentifier(name);
        }

        private static string GetFileName(string path)
        {
            try
            {
                return Path.GetFileName(path);
            }
            catch (ArgumentException)
            {
                return string.Empty;
            }
        }

        internal sealed class Pair
        {
            public Pair(INamedTypeSymbol type, string method, string intoDisplay)
            {
                Type = type;
                Method = method;
                IntoDisplay = intoDisplay;
            }

            public INamedTypeSymbol Type { get; }

            public string Method { get; }

            public string IntoDisplay { get; }
        }

        internal sealed class Problem
        {
            public Problem(string path, TextSpan span, LinePositionSpan lineSpan, int lineNumber, string reason)
            {
                Path = path;
                Span = span;
                LineSpan = lineSpan;
                LineNumber = lineNumber;
                Reason = reason;
            }

            public string Path { get; }

            public TextSpan Span { get; }

            public LinePositionSpan LineSpan { get; }

            public int LineNumber { get; }

            public string Reason { get; }

            public Location GetLocation() => Location.Create(Path, Span, LineSpan);
        }
    }
}
