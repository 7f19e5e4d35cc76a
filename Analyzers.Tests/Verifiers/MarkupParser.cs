using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>What a markup span stands for.</summary>
public enum MarkupSpanKind
{
    /// <summary><c>[|...|]</c>: a diagnostic of the analyzer's first supported descriptor.</summary>
    DefaultDiagnostic,

    /// <summary><c>{|ID:...|}</c>: a diagnostic with the given id.</summary>
    DiagnosticId,

    /// <summary><c>{|#0:...|}</c>: a location referred to by <see cref="DiagnosticResult.WithLocation(int)"/>.</summary>
    LocationKey,
}

/// <summary>One span marked in test source.</summary>
public sealed record MarkupSpan(MarkupSpanKind Kind, string? DiagnosticId, int? Key, TextSpan Span);

/// <summary>Source text with markup removed, and the spans the markup marked.</summary>
public sealed record MarkupResult(string Text, ImmutableArray<MarkupSpan> Spans);

/// <summary>
/// Parses the markup used by Microsoft.CodeAnalysis.Testing: <c>[|...|]</c>, <c>{|ID:...|}</c> and
/// <c>{|#0:...|}</c>. Markup can nest. Positions are positions in the stripped text.
/// </summary>
public static class MarkupParser
{
    public static MarkupResult Parse(string input)
    {
        var output = new StringBuilder(input.Length);
        var spans = ImmutableArray.CreateBuilder<MarkupSpan>();
        var open = new Stack<(MarkupSpanKind Kind, string? Id, int? Key, int Start, int SourceIndex)>();

        var i = 0;
        while (i < input.Length)
        {
            if (Matches(input, i, "[|"))
            {
                open.Push((MarkupSpanKind.DefaultDiagnostic, null, null, output.Length, i));
                i += 2;
                continue;
            }

            if (Matches(input, i, "{|") && TryReadHeader(input, i + 2, out var id, out var key, out var headerEnd))
            {
                open.Push((key is null ? MarkupSpanKind.DiagnosticId : MarkupSpanKind.LocationKey, id, key, output.Length, i));
                i = headerEnd;
                continue;
            }

            if (open.Count > 0 && Matches(input, i, "|]") && open.Peek().Kind == MarkupSpanKind.DefaultDiagnostic)
            {
                var top = open.Pop();
                spans.Add(new MarkupSpan(top.Kind, null, null, TextSpan.FromBounds(top.Start, output.Length)));
                i += 2;
                continue;
            }

            if (open.Count > 0 && Matches(input, i, "|}") && open.Peek().Kind != MarkupSpanKind.DefaultDiagnostic)
            {
                var top = open.Pop();
                spans.Add(new MarkupSpan(top.Kind, top.Id, top.Key, TextSpan.FromBounds(top.Start, output.Length)));
                i += 2;
                continue;
            }

            output.Append(input[i]);
            i++;
        }

        if (open.Count > 0)
        {
            var unclosed = open.Peek();
            throw new VerifierException(
                $"Unclosed markup starting at character {unclosed.SourceIndex} of the test source: "
                + $"'{input.Substring(unclosed.SourceIndex, Math.Min(20, input.Length - unclosed.SourceIndex))}'");
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return new MarkupResult(output.ToString(), spans.ToImmutable());
    }

    /// <summary>Removes markup and returns only the text.</summary>
    public static string Strip(string input) => Parse(input).Text;

    private static bool Matches(string input, int index, string token)
        => string.CompareOrdinal(input, index, token, 0, token.Length) == 0;

    // Reads "ID:" or "#123:" after "{|".
    private static bool TryReadHeader(string input, int index, out string? id, out int? key, out int end)
    {
        id = null;
        key = null;
        end = index;
        var colon = input.IndexOf(':', index);
        if (colon < 0 || colon == index)
        {
            return false;
        }

        var header = input.Substring(index, colon - index);
        if (header[0] == '#')
        {
            if (!int.TryParse(header.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return false;
            }

            key = parsed;
        }
        else
        {
            foreach (var c in header)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            if (!char.IsLetter(header[0]) && header[0] != '_')
            {
                return false;
            }

            id = header;
        }

        end = colon + 1;
        return true;
    }
}
