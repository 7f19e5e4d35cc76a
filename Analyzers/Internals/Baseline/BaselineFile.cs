using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// <c>fragless.baseline.json</c>: the diagnostics a team has accepted. Read by the analyzers (as an additional file)
    /// and by the <c>fragless</c> tool, written by the tool. One entry per diagnostic; two identical diagnostics give
    /// two identical entries.
    /// <code>
    /// {
    ///   "version": 1,
    ///   "entries": [
    ///     { "file": "src/Sensor.cs", "rule": "FRAG001", "member": "Sensor.Poll()", "code": "var frame = new byte[16];", "occurrence": 0, "message": "…" }
    ///   ]
    /// }
    /// </code>
    /// </summary>
    internal sealed class BaselineFile
    {
        public const string FileName = "fragless.baseline.json";
        public const int CurrentVersion = 1;

        public BaselineFile(IEnumerable<BaselineEntry> entries)
        {
            var list = entries.ToList();
            list.Sort(BaselineEntry.Compare);
            Entries = list.ToImmutableArray();
        }

        public ImmutableArray<BaselineEntry> Entries { get; }

        public static bool IsBaselinePath(string? path)
        {
            if (string.IsNullOrEmpty(path))
                return false;
            var name = path!.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            return string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads a baseline; never throws. On failure <paramref name="error"/> says what is wrong and where.</summary>
        public static BaselineFile? Parse(string? text, out string error, out int errorLine)
        {
            error = string.Empty;
            errorLine = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                error = "the file is empty";
                errorLine = 1;
                return null;
            }

            if (!BaselineJson.TryParse(text!, out var document, out error, out errorLine))
                return null;

            if (!(document is BaselineJson.JsonObject root))
                return Fail("the document is not a JSON object", 1, out error, out errorLine);

            if (!(root["version"] is double version) || version != CurrentVersion)
                return Fail("\"version\" must be " + CurrentVersion.ToString(CultureInfo.InvariantCulture), root.Line, out error, out errorLine);

            if (!(root["entries"] is List<object?> items))
                return Fail("\"entries\" must be a list", root.Line, out error, out errorLine);

            var entries = new List<BaselineEntry>(items.Count);
            foreach (var item in items)
            {
                if (!(item is BaselineJson.JsonObject entry))
                    return Fail("an entry is not an object", root.Line, out error, out errorLine);

                var file = entry["file"] as string;
                var rule = entry["rule"] as string;
                var member = entry["member"] as string;
                var code = entry["code"] as string;
                var occurrence = entry["occurrence"] as double? ?? 0;
                if (string.IsNullOrEmpty(file) || string.IsNullOrEmpty(rule) || member == null || code == null)
                    return Fail("an entry lacks \"file\", \"rule\", \"member\" or \"code\"", entry.Line, out error, out errorLine);
                if (occurrence < 0 || occurrence > int.MaxValue || occurrence != Math.Floor(occurrence))
                    return Fail("\"occurrence\" must be a whole number from 0", entry.Line, out error, out errorLine);

                entries.Add(new BaselineEntry(file!, rule!, member, code, (int)occurrence, entry["message"] as string, entry.Line));
            }

            return new BaselineFile(entries);
        }

        /// <summary>The file's text: one entry per line, in a fixed order, so that a change shows as a small diff.</summary>
        public string Write()
        {
            var builder = new StringBuilder();
            builder.Append("{\n  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            builder.Append("  \"entries\": [");
            for (var i = 0; i < Entries.Length; i++)
            {
                var entry = Entries[i];
                builder.Append(i == 0 ? "\n" : ",\n").Append("    { \"file\": ");
                BaselineJson.WriteString(builder, entry.File);
                builder.Append(", \"rule\": ");
                BaselineJson.WriteString(builder, entry.Rule);
                builder.Append(", \"member\": ");
                BaselineJson.WriteString(builder, entry.Member);
                builder.Append(", \"code\": ");
                BaselineJson.WriteString(builder, entry.Code);
                builder.Append(", \"occurrence\": ").Append(entry.Occurrence.ToString(CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(entry.Message))
                {
                    builder.Append(", \"message\": ");
                    BaselineJson.WriteString(builder, entry.Message!);
                }

                builder.Append(" }");
            }

            builder.Append(Entries.Length == 0 ? "]\n}\n" : "\n  ]\n}\n");
            return builder.ToString();
        }

        private static BaselineFile? Fail(string message, int line, out string error, out int errorLine)
        {
            error = message;
            errorLine = line;
            return null;
        }
    }
}
