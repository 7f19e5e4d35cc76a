using System;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// Where one accepted diagnostic is, in terms that survive unrelated edits: the file (relative to the baseline's
    /// folder, with '/'), the rule, the containing member, the source line with its whitespace collapsed, and which
    /// of the member's lines with that same text it is (0 for the first). Line numbers are not part of it.
    /// </summary>
    internal sealed class BaselineEntry : IEquatable<BaselineEntry>
    {
        public BaselineEntry(string file, string rule, string member, string code, int occurrence, string? message = null, int line = 0)
        {
            File = file;
            Rule = rule;
            Member = member;
            Code = code;
            Occurrence = occurrence;
            Message = message;
            Line = line;
        }

        public string File { get; }

        public string Rule { get; }

        public string Member { get; }

        /// <summary>The source line, trimmed, with each run of whitespace made one space.</summary>
        public string Code { get; }

        public int Occurrence { get; }

        /// <summary>For people reading the file; not part of the key.</summary>
        public string? Message { get; }

        /// <summary>The line of the baseline file the entry was read from (0 for an entry not read from a file).</summary>
        public int Line { get; }

        public bool Equals(BaselineEntry? other) =>
            other != null
            && string.Equals(File, other.File, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Rule, other.Rule, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Member, other.Member, StringComparison.Ordinal)
            && string.Equals(Code, other.Code, StringComparison.Ordinal)
            && Occurrence == other.Occurrence;

        public override bool Equals(object? obj) => Equals(obj as BaselineEntry);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = StringComparer.OrdinalIgnoreCase.GetHashCode(File);
                hash = (hash * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(Rule);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Member);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Code);
                return (hash * 31) + Occurrence;
            }
        }

        /// <summary>The order entries are written in: by file, rule, member, code, occurrence.</summary>
        public static int Compare(BaselineEntry a, BaselineEntry b)
        {
            var c = string.Compare(a.File, b.File, StringComparison.OrdinalIgnoreCase);
            if (c == 0) c = string.Compare(a.Rule, b.Rule, StringComparison.OrdinalIgnoreCase);
            if (c == 0) c = string.CompareOrdinal(a.Member, b.Member);
            if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
            if (c == 0) c = a.Occurrence.CompareTo(b.Occurrence);
            return c;
        }

        public override string ToString() => File + ": " + Rule + " in " + Member + ": " + Code + (Occurrence > 0 ? " (#" + (Occurrence + 1) + ")" : string.Empty);
    }
}
