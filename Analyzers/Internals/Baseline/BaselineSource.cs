using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// A <c>fragless.baseline.json</c> that reached the compiler as an additional file, read once (the reading is
    /// cached per additional file, so the IDE reads it again only when it changes). Never throws.
    /// </summary>
    internal sealed class BaselineSource
    {
        private static readonly ConditionalWeakTable<AdditionalText, BaselineSource> s_read = new ConditionalWeakTable<AdditionalText, BaselineSource>();

        private BaselineSource(AdditionalText text, BaselineFile? file, string error, int errorLine)
        {
            Text = text;
            File = file;
            Error = error;
            ErrorLine = errorLine;
            Directory = DirectoryOf(text.Path);
            Keys = file == null ? ImmutableHashSet<BaselineEntry>.Empty : file.Entries.ToImmutableHashSet();
        }

        public AdditionalText Text { get; }

        /// <summary>Null when the file cannot be read; <see cref="Error"/> says why.</summary>
        public BaselineFile? File { get; }

        public string Error { get; }

        public int ErrorLine { get; }

        /// <summary>The folder entries' paths are relative to.</summary>
        public string Directory { get; }

        public ImmutableHashSet<BaselineEntry> Keys { get; }

        /// <summary>Every baseline among the additional files (usually none or one).</summary>
        public static ImmutableArray<BaselineSource> All(AnalyzerOptions? options, CancellationToken cancellationToken)
        {
            var files = options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty;
            ImmutableArray<BaselineSource>.Builder? found = null;
            foreach (var file in files)
            {
                if (file == null || !BaselineFile.IsBaselinePath(file.Path))
                    continue;
                found ??= ImmutableArray.CreateBuilder<BaselineSource>();
                found.Add(s_read.GetValue(file, f => Read(f, cancellationToken)));
            }

            return found?.ToImmutable() ?? ImmutableArray<BaselineSource>.Empty;
        }

        /// <summary>The location of line <paramref name="line"/> (1-based) of the baseline file.</summary>
        public Location LocationOf(int line)
        {
            var text = SafeText(Text);
            if (text == null || text.Lines.Count == 0)
                return Location.Create(Text.Path, default, default);
            var index = Math.Max(0, Math.Min(text.Lines.Count - 1, line - 1));
            var span = text.Lines[index].Span;
            return Location.Create(Text.Path, span, text.Lines.GetLinePositionSpan(span));
        }

        private static BaselineSource Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = SafeText(file, cancellationToken);
            if (text == null)
                return new BaselineSource(file, null, "the file cannot be read", 1);
            var parsed = BaselineFile.Parse(text.ToString(), out var error, out var line);
            return new BaselineSource(file, parsed, error, line);
        }

        private static SourceText? SafeText(AdditionalText file, CancellationToken cancellationToken = default)
        {
            try
            {
                return file.GetText(cancellationToken);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static string DirectoryOf(string? path)
        {
            if (string.IsNullOrEmpty(path))
                return string.Empty;
            var cut = Math.Max(path!.LastIndexOf('/'), path.LastIndexOf('\\'));
            return cut < 0 ? string.Empty : path.Substring(0, cut);
        }
    }
}
