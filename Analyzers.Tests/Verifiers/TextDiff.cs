using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>A small line diff for failure messages.</summary>
internal static class TextDiff
{
    public static string Describe(string expected, string actual)
    {
        var expectedLines = Split(expected);
        var actualLines = Split(actual);
        var builder = new StringBuilder();

        // Longest common subsequence over lines; inputs are test-sized.
        var n = expectedLines.Length;
        var m = actualLines.Length;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = expectedLines[i] == actualLines[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        builder.AppendLine("Diff (- expected, + actual):");
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expectedLines[a] == actualLines[b])
            {
                builder.Append("    ").AppendLine(Visible(expectedLines[a]));
                a++;
                b++;
            }
            else if (b < m && (a == n || lcs[a, b + 1] > lcs[a + 1, b]))
            {
                builder.Append("  + ").AppendLine(Visible(actualLines[b]));
                b++;
            }
            else
            {
                builder.Append("  - ").AppendLine(Visible(expectedLines[a]));
                a++;
            }
        }

        if (expected.Replace("\r\n", "\n") == actual.Replace("\r\n", "\n"))
        {
            builder.AppendLine("(the texts differ only in line endings)");
        }

        return builder.ToString();
    }

    private static string[] Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines.ToArray();
    }

    // Makes trailing whitespace and line endings visible.
    private static string Visible(string line)
    {
        var ending = line.EndsWith("\r\n", StringComparison.Ordinal) ? "\\r\\n"
            : line.EndsWith("\n", StringComparison.Ordinal) ? string.Empty
            : "<no newline>";
        var content = line.TrimEnd('\r', '\n');
        var trimmed = content.TrimEnd();
        if (trimmed.Length != content.Length)
        {
            content = trimmed + "<" + (content.Length - trimmed.Length).ToString(CultureInfo.InvariantCulture) + " trailing spaces>";
        }

        return content + ending;
    }
}
