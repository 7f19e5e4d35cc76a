namespace Fragless.Analyzers.Tests.Verifiers.Tests;

public class MarkupParserTests
{
    [Fact]
    public void StripsAllKindsOfMarkupAndRecordsSpans()
    {
        var result = MarkupParser.Parse("a [|bc|] {|CS0103:de|} {|#3:f|}");

        Assert.Equal("a bc de f", result.Text);
        Assert.Collection(
            result.Spans,
            s => Assert.Equal((MarkupSpanKind.DefaultDiagnostic, 2, 4), (s.Kind, s.Span.Start, s.Span.End)),
            s => Assert.Equal((MarkupSpanKind.DiagnosticId, "CS0103", 5, 7), (s.Kind, s.DiagnosticId!, s.Span.Start, s.Span.End)),
            s => Assert.Equal((MarkupSpanKind.LocationKey, 3, 8, 9), (s.Kind, s.Key!.Value, s.Span.Start, s.Span.End)));
    }

    [Fact]
    public void MarkupNests()
    {
        var result = MarkupParser.Parse("x = {|#0:[|new byte[1]|]|};");

        Assert.Equal("x = new byte[1];", result.Text);
        Assert.Equal(2, result.Spans.Length);
        Assert.All(result.Spans, s => Assert.Equal("new byte[1]", result.Text.Substring(s.Span.Start, s.Span.Length)));
    }

    [Fact]
    public void OrdinaryCodeIsLeftAlone()
    {
        const string code = "var x = a || b; var y = new[] { 1 }; var s = $\"{x}\";";
        Assert.Equal(code, MarkupParser.Parse(code).Text);
    }

    [Fact]
    public void UnclosedMarkupFails()
    {
        Assert.Throws<VerifierException>(() => MarkupParser.Parse("int [|x = 1;"));
    }
}
