using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Matches expected against actual diagnostics and explains any difference.</summary>
internal static class DiagnosticComparer
{
    /// <param name="stage">What is being verified, e.g. "TestCode" or "FixedCode".</param>
    /// <param name="expected">Expected diagnostics whose locations are already resolved (no markup keys).</param>
    /// <param name="actual">Actual diagnostics (analyzer diagnostics and compiler errors).</param>
    /// <param name="defaultPath">Path used for expected locations that give no path.</param>
    /// <param name="sources">Path to stripped source text, shown in failure messages.</param>
    public static void Verify(
        string stage,
        IReadOnlyList<DiagnosticResult> expected,
        IReadOnlyList<Diagnostic> actual,
        string defaultPath,
        IReadOnlyList<(string Path, string Text)> sources)
    {
        var sortedActual = actual.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var used = new bool[sortedActual.Count];
        var missing = new List<DiagnosticResult>();

        foreach (var result in expected)
        {
            var index = -1;
            for (var i = 0; i < sortedActual.Count; i++)
            {
                if (!used[i] && Matches(result, sortedActual[i], defaultPath))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                missing.Add(result);
            }
            else
            {
                used[index] = true;
            }
        }

        var unexpected = sortedActual.Where((d, i) => !used[i]).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine($"{stage}: the reported diagnostics do not match the expected ones.");
        var hints = Hints(missing, unexpected, defaultPath).ToList();
        if (hints.Count > 0)
        {
            message.AppendLine("Differences:");
            foreach (var hint in hints)
            {
                message.Append("  ").AppendLine(hint);
            }
        }

        if (missing.Count > 0)
        {
            message.AppendLine("Missing (expected but not reported):");
            foreach (var result in missing)
            {
                message.Append("  ").AppendLine(Describe(result, defaultPath));
            }
        }

        if (unexpected.Count > 0)
        {
            message.AppendLine("Unexpected (reported but not expected):");
            foreach (var diagnostic in unexpected)
            {
                message.Append("  ").AppendLine(Describe(diagnostic));
            }
        }

        message.AppendLine("All expected:");
        foreach (var result in expected)
        {
            message.Append("  ").AppendLine(Describe(result, defaultPath));
        }

        if (expected.Count == 0)
        {
            message.AppendLine("  (none)");
        }

        message.AppendLine("All actual:");
        foreach (var diagnostic in sortedActual)
        {
            message.Append("  ").AppendLine(Describe(diagnostic));
        }

        if (sortedActual.Count == 0)
        {
            message.AppendLine("  (none)");
        }

        AppendSources(message, sources);
        throw new VerifierException(message.ToString());
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        builder.Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity);
        if (IsInFile(diagnostic.Location))
        {
            builder.Append(" at ").Append(DescribeLocation(diagnostic.Location));
        }
        else
        {
            builder.Append(" (no location)");
        }

        foreach (var additional in diagnostic.AdditionalLocations)
        {
            builder.Append(", additional ").Append(DescribeLocation(additional));
        }

        builder.Append(": \"").Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).Append('"');
        return builder.ToString();
    }

    public static void AppendSources(StringBuilder message, IReadOnlyList<(string Path, string Text)> sources)
    {
        foreach (var (path, text) in sources)
        {
            message.AppendLine($"Source {path}:");
            var lines = SourceText.From(text).Lines;
            foreach (var line in lines)
            {
                message.Append((line.LineNumber + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append("| ").AppendLine(line.ToString());
            }
        }
    }

    private static string Describe(DiagnosticResult result, string defaultPath)
    {
        var builder = new StringBuilder();
        builder.Append(result.Id).Append(' ').Append(result.Severity);
        if (result.HasLocation)
        {
            builder.Append(" at ").Append(string.Join(", additional ", result.Locations.Select(l => DescribeLocation(l, defaultPath))));
        }
        else
        {
            builder.Append(" (no location)");
        }

        if (result.Message is not null)
        {
            builder.Append(": \"").Append(result.Message).Append('"');
        }
        else if (result.MessageArguments is not null)
        {
            builder.Append(" with arguments (")
                .Append(string.Join(", ", result.MessageArguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))))
                .Append(')');
        }

        return builder.ToString();
    }

    private static string DescribeLocation(Location location)
    {
        var span = location.GetLineSpan();
        var text = location.SourceTree?.GetText().ToString(location.SourceSpan);
        var result = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";
        if (text is not null)
        {
            result += " '" + Shorten(text) + "'";
        }

        return result;
    }

    private static string DescribeLocation(DiagnosticLocation location, string defaultPath)
    {
        var path = string.IsNullOrEmpty(location.Path) ? defaultPath : location.Path;
        var start = $"({location.Span.Start.Line + 1},{location.Span.Start.Character + 1})";
        return location.StartOnly ? path + start : $"{path}{start}-({location.Span.End.Line + 1},{location.Span.End.Character + 1})";
    }

    private static string Shorten(string text)
    {
        text = text.Replace("\r", "\\r").Replace("\n", "\\n");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    private static IEnumerable<string> Hints(List<DiagnosticResult> missing, List<Diagnostic> unexpected, string defaultPath)
    {
        foreach (var result in missing)
        {
            var sameId = unexpected.Where(d => d.Id == result.Id).ToList();
            var samePlace = sameId.FirstOrDefault(d => LocationsMatch(result, d, defaultPath));
            if (samePlace is not null)
            {
                if (samePlace.Severity != result.Severity)
                {
                    yield return $"{result.Id} at {DescribeLocation(samePlace.Location)}: expected severity {result.Severity} but was {samePlace.Severity}";
                }

                var expectedMessage = ExpectedMessage(result, samePlace);
                var actualMessage = samePlace.GetMessage(CultureInfo.InvariantCulture);
                if (expectedMessage is not null && expectedMessage != actualMessage)
                {
                    yield return $"{result.Id} at {DescribeLocation(samePlace.Location)}: wrong message; expected \"{expectedMessage}\" but was \"{actualMessage}\"";
                }
            }
            else if (sameId.Count > 0 && result.HasLocation)
            {
                yield return $"{result.Id}: expected at {DescribeLocation(result.Locations[0], defaultPath)} but reported at "
                    + string.Join(" and ", sameId.Select(d => DescribeLocation(d.Location))) + " (wrong span?)";
            }
        }
    }

    private static bool Matches(DiagnosticResult result, Diagnostic diagnostic, string defaultPath)
    {
        if (result.Id != diagnostic.Id || result.Severity != diagnostic.Severity)
        {
            return false;
        }

        if (!LocationsMatch(result, diagnostic, defaultPath))
        {
            return false;
        }

        var expectedMessage = ExpectedMessage(result, diagnostic);
        return expectedMessage is null || expectedMessage == diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    private static string? ExpectedMessage(DiagnosticResult result, Diagnostic diagnostic)
    {
        if (result.Message is not null)
        {
            return result.Message;
        }

        if (result.MessageArguments is not null)
        {
            var format = diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            try
            {
                return string.Format(CultureInfo.InvariantCulture, format, result.MessageArguments);
            }
            catch (FormatException)
            {
                return $"<cannot format \"{format}\" with {result.MessageArguments.Length} argument(s)>";
            }
        }

        return null;
    }

    private static bool LocationsMatch(DiagnosticResult result, Diagnostic diagnostic, string defaultPath)
    {
        if (!result.HasLocation)
        {
            return !IsInFile(diagnostic.Location);
        }

        if (!LocationMatches(result.Locations[0], diagnostic.Location, defaultPath))
        {
            return false;
        }

        if (result.Locations.Length > 1)
        {
            if (diagnostic.AdditionalLocations.Count != result.Locations.Length - 1)
            {
                return false;
            }

            for (var i = 1; i < result.Locations.Length; i++)
            {
                if (!LocationMatches(result.Locations[i], diagnostic.AdditionalLocations[i - 1], defaultPath))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>In a source document, or on a line of an additional file (an external file location).</summary>
    private static bool IsInFile(Location location) => location.IsInSource || location.Kind == LocationKind.ExternalFile;

    private static bool LocationMatches(DiagnosticLocation expected, Location actual, string defaultPath)
    {
        if (!IsInFile(actual))
        {
            return false;
        }

        var span = actual.GetLineSpan();
        var path = string.IsNullOrEmpty(expected.Path) ? defaultPath : expected.Path;
        if (!string.Equals(path, span.Path, StringComparison.Ordinal))
        {
            return false;
        }

        return expected.StartOnly
            ? expected.Span.Start == span.StartLinePosition
            : expected.Span.Start == span.StartLinePosition && expected.Span.End == span.EndLinePosition;
    }
}
