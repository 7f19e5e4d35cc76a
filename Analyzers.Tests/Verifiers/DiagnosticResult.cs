using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// One location of an expected diagnostic: either a markup key (<c>{|#0:...|}</c>) that is resolved
/// against the test sources, or an explicit file path and line span (0-based internally).
/// </summary>
public readonly struct DiagnosticLocation
{
    internal DiagnosticLocation(int markupKey)
    {
        MarkupKey = markupKey;
        Path = null;
        Span = default;
        StartOnly = false;
    }

    internal DiagnosticLocation(string? path, LinePositionSpan span, bool startOnly)
    {
        MarkupKey = null;
        Path = path;
        Span = span;
        StartOnly = startOnly;
    }

    /// <summary>The markup key, when this location still refers to <c>{|#key:...|}</c>.</summary>
    public int? MarkupKey { get; }

    /// <summary>File path; null or empty means the first test document.</summary>
    public string? Path { get; }

    /// <summary>0-based line/character span.</summary>
    public LinePositionSpan Span { get; }

    /// <summary>True when only the start position is compared.</summary>
    public bool StartOnly { get; }

    public override string ToString()
    {
        if (MarkupKey is int key)
        {
            return "{|#" + key.ToString(CultureInfo.InvariantCulture) + ":...|}";
        }

        var start = $"({Span.Start.Line + 1},{Span.Start.Character + 1})";
        return StartOnly
            ? $"{Path}{start}"
            : $"{Path}{start}-({Span.End.Line + 1},{Span.End.Character + 1})";
    }
}

/// <summary>
/// An expected diagnostic. Immutable: every <c>With*</c> method returns a new value.
/// Mirrors <c>Microsoft.CodeAnalysis.Testing.DiagnosticResult</c>.
/// </summary>
public readonly struct DiagnosticResult
{
    private readonly ImmutableArray<DiagnosticLocation> _locations;

    public DiagnosticResult(string id, DiagnosticSeverity severity)
        : this(id, severity, null, null, default, null)
    {
    }

    public DiagnosticResult(DiagnosticDescriptor descriptor)
        : this(descriptor.Id, descriptor.DefaultSeverity, null, null, default, descriptor.MessageFormat)
    {
    }

    private DiagnosticResult(
        string id,
        DiagnosticSeverity severity,
        string? message,
        object?[]? messageArguments,
        ImmutableArray<DiagnosticLocation> locations,
        LocalizableString? messageFormat)
    {
        Id = id;
        Severity = severity;
        Message = message;
        MessageArguments = messageArguments;
        _locations = locations;
        MessageFormat = messageFormat;
    }

    /// <summary>An empty array, handy for <c>VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource)</c>.</summary>
    public static DiagnosticResult[] EmptyDiagnosticResults { get; } = Array.Empty<DiagnosticResult>();

    public string Id { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>Exact expected message, or null when the message is not compared (unless <see cref="MessageArguments"/> is set).</summary>
    public string? Message { get; }

    /// <summary>Expected message arguments; compared by formatting the actual diagnostic's message format with them.</summary>
    public object?[]? MessageArguments { get; }

    /// <summary>The message format of the descriptor this result was created from, if any (informational).</summary>
    public LocalizableString? MessageFormat { get; }

    public ImmutableArray<DiagnosticLocation> Locations => _locations.IsDefault ? ImmutableArray<DiagnosticLocation>.Empty : _locations;

    public bool HasLocation => !Locations.IsEmpty;

    public static DiagnosticResult CompilerError(string identifier) => new DiagnosticResult(identifier, DiagnosticSeverity.Error);

    public static DiagnosticResult CompilerWarning(string identifier) => new DiagnosticResult(identifier, DiagnosticSeverity.Warning);

    public DiagnosticResult WithSeverity(DiagnosticSeverity severity)
        => new DiagnosticResult(Id, severity, Message, MessageArguments, _locations, MessageFormat);

    public DiagnosticResult WithArguments(params object?[] arguments)
        => new DiagnosticResult(Id, Severity, Message, arguments, _locations, MessageFormat);

    public DiagnosticResult WithMessage(string? message)
        => new DiagnosticResult(Id, Severity, message, MessageArguments, _locations, MessageFormat);

    public DiagnosticResult WithMessageFormat(LocalizableString messageFormat)
        => new DiagnosticResult(Id, Severity, Message, MessageArguments, _locations, messageFormat);

    /// <summary>Adds the location marked <c>{|#markupKey:...|}</c> in the sources. The first location is the primary one, later ones are additional locations.</summary>
    public DiagnosticResult WithLocation(int markupKey)
        => AddLocation(new DiagnosticLocation(markupKey));

    /// <summary>Adds a location by 1-based line and column in the first document; only the start is compared.</summary>
    public DiagnosticResult WithLocation(int line, int column)
        => WithLocation(string.Empty, line, column);

    public DiagnosticResult WithLocation(string path, int line, int column)
    {
        var position = new LinePosition(line - 1, column - 1);
        return AddLocation(new DiagnosticLocation(path, new LinePositionSpan(position, position), startOnly: true));
    }

    /// <summary>Adds a span by 1-based lines and columns in the first document.</summary>
    public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn)
        => WithSpan(string.Empty, startLine, startColumn, endLine, endColumn);

    public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn)
        => AddLocation(new DiagnosticLocation(
            path,
            new LinePositionSpan(new LinePosition(startLine - 1, startColumn - 1), new LinePosition(endLine - 1, endColumn - 1)),
            startOnly: false));

    public DiagnosticResult WithSpan(string path, LinePositionSpan span)
        => AddLocation(new DiagnosticLocation(path, span, startOnly: false));

    /// <summary>The diagnostic is expected to have no source location.</summary>
    public DiagnosticResult WithNoLocation()
        => new DiagnosticResult(Id, Severity, Message, MessageArguments, ImmutableArray<DiagnosticLocation>.Empty, MessageFormat);

    internal DiagnosticResult WithLocations(ImmutableArray<DiagnosticLocation> locations)
        => new DiagnosticResult(Id, Severity, Message, MessageArguments, locations, MessageFormat);

    private DiagnosticResult AddLocation(DiagnosticLocation location)
        => new DiagnosticResult(Id, Severity, Message, MessageArguments, Locations.Add(location), MessageFormat);

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(Id).Append(' ').Append(Severity);
        if (HasLocation)
        {
            builder.Append(" at ").Append(string.Join(", ", Locations.Select(l => l.ToString())));
        }
        else
        {
            builder.Append(" (no location)");
        }

        if (Message is not null)
        {
            builder.Append(": \"").Append(Message).Append('"');
        }
        else if (MessageArguments is not null)
        {
            builder.Append(" with arguments (")
                .Append(string.Join(", ", MessageArguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))))
                .Append(')');
        }

        return builder.ToString();
    }
}
