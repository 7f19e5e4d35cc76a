using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Analysis;

/// <summary>One Fragless diagnostic, with where it is in the terms people read: a path relative to the root, a 1-based line and column.</summary>
internal sealed record Finding(Diagnostic Diagnostic, string Path, string FullPath, int Line, int Column, int EndLine, int EndColumn)
{
    public string Id => Diagnostic.Id;

    public string Message => Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    public DiagnosticSeverity Severity => Diagnostic.Severity;

    public static Finding From(Diagnostic diagnostic, string root)
    {
        var span = diagnostic.Location.GetLineSpan();
        var full = span.Path ?? string.Empty;
        var path = System.IO.Path.GetRelativePath(root, full).Replace('\\', '/');
        return new Finding(diagnostic, path, full, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }
}
