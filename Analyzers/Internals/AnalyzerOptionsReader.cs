using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Reads <c>fragless.*</c> options from .editorconfig / global config for one syntax tree.
    /// Never throws: a missing, empty or malformed value yields the default.
    /// </summary>
    internal static class AnalyzerOptionsReader
    {
        // What each file's options say for each key read, remembered: the rules read the same few keys for every
        // allocation, and the host's lookup hashes the key without regard to case every time.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, System.Collections.Concurrent.ConcurrentDictionary<string, string?>> s_read =
            new System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, System.Collections.Concurrent.ConcurrentDictionary<string, string?>>();

        public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string key)
        {
            if (options?.AnalyzerConfigOptionsProvider == null || tree == null)
                return null;

            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (config == null)
                return null;

            var read = s_read.GetValue(config, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
            if (read.TryGetValue(key, out var known))
                return known;
            return read.GetOrAdd(key, Read(config, key));
        }

        private static string? Read(AnalyzerConfigOptions config, string key)
        {
            if (config.TryGetValue(key, out var value) && value != null)
            {
                value = value.Trim();
                return value.Length == 0 ? null : value;
            }

            return null;
        }

        public static bool GetBoolean(AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue)
        {
            var text = GetString(options, tree, key);
            if (text == null)
                return defaultValue;

            switch (text.ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "on":
                case "1":
                    return true;
                case "false":
                case "no":
                case "off":
                case "0":
                    return false;
                default:
                    return defaultValue;
            }
        }

        public static int GetInt32(AnalyzerOptions options, SyntaxTree tree, string key, int defaultValue, int minValue = int.MinValue, int maxValue = int.MaxValue)
        {
            var text = GetString(options, tree, key);
            if (text == null)
                return defaultValue;

            if (!int.TryParse(text.Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return defaultValue;

            return value < minValue || value > maxValue ? defaultValue : value;
        }

        /// <summary>Reads one of <paramref name="allowed"/> (case-insensitive); anything else yields the default.</summary>
        public static string GetChoice(AnalyzerOptions options, SyntaxTree tree, string key, string defaultValue, params string[] allowed)
        {
            var text = GetString(options, tree, key);
            if (text == null)
                return defaultValue;

            foreach (var choice in allowed)
            {
                if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
                    return choice;
            }

            return defaultValue;
        }

        /// <summary>A comma- or semicolon-separated list; blank entries are dropped.</summary>
        public static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree tree, string key)
        {
            var text = GetString(options, tree, key);
            if (text == null)
                return ImmutableArray<string>.Empty;

            var builder = ImmutableArray.CreateBuilder<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var item = part.Trim();
                if (item.Length > 0 && seen.Add(item))
                    builder.Add(item);
            }

            return builder.ToImmutable();
        }
    }
}
