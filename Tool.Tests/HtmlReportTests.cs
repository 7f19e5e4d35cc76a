using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Fragless.Tool.Commands;
using Fragless.Tool.Reports;

namespace Fragless.Tool.Tests;

/// <summary>The HTML page and the Markdown summary: escaped, self-contained, well-formed, charted, ranked.</summary>
public sealed class HtmlReportTests
{
    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";

    [Fact]
    public void Every_piece_of_text_is_escaped()
    {
        var html = Html(HandMadeReport());

        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", html);
        // The method name, the reason, the message, the path and the error each went through the escaper.
        Assert.Contains("Gen&lt;T&gt;.Run&lt;U&gt;(List&lt;int&gt;)", html);
        Assert.Contains("a&amp;b/File&lt;1&gt;.cs", html);
        Assert.Contains("error CS1002: &lt;bad&gt;", html);
    }

    [Fact]
    public void The_page_is_self_contained_with_links_only_to_rule_docs()
    {
        var html = Html(HandMadeReport());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("<img", html);
        var links = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.True(link.StartsWith('#') || link.StartsWith("https://github.com/fragless/fragless/blob/main/docs/rules/FRAG"), link));
        Assert.Contains("https://github.com/fragless/fragless/blob/main/docs/rules/FRAG001.md", links);
        // Only absolute http(s) help links are written: a javascript: link is shown as plain text.
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("http", Regex.Replace(html, "href=\"https://github.com/fragless/fragless/blob/main/docs/rules/FRAG0\\d\\d\\.md\"", string.Empty));
    }

    [Fact]
    public void The_page_is_well_formed()
    {
        var html = Html(HandMadeReport());
        var voids = new HashSet<string> { "meta", "br" };
        var open = new Stack<string>();
        foreach (Match tag in Regex.Matches(html, "<(/?)([a-zA-Z0-9]+)[^>]*>"))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (tag.Value.StartsWith("<!") || voids.Contains(name))
                continue;
            if (tag.Groups[1].Value.Length == 0)
            {
                open.Push(name);
                continue;
            }

            Assert.True(open.Count > 0, "</" + name + "> closes nothing");
            Assert.Equal(open.Pop(), name);
        }

        Assert.Empty(open);
        Assert.Single(Regex.Matches(html, "<html"));
        Assert.Single(Regex.Matches(html, "<body"));
    }

    [Fact]
    public void The_charts_have_one_bar_per_file_and_per_top_method()
    {
        var report = HandMadeReport();
        var html = Html(report);

        var files = Svg(html, "chart-files");
        var methods = Svg(html, "chart-methods");
        Assert.Equal(report.Files.Length, Regex.Matches(files, "<rect class=\"bar\"").Count);
        Assert.Equal(report.Methods.Length, Regex.Matches(methods, "<rect class=\"bar\"").Count);
        // The biggest bar takes the whole width; a smaller one is shorter, and the bytes are written next to it.
        var widths = Regex.Matches(methods, "<rect class=\"bar\"[^>]* width=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(widths[0] > widths[1] && widths[1] > 0, string.Join(",", widths));
        Assert.Contains("2,048 B", methods);
    }

    [Fact]
    public void At_most_the_top_methods_are_charted()
    {
        var methods = Enumerable.Range(1, HtmlReport.TopMethods + 5)
            .Select(i => new ReportMethod("M" + i + "()", "f.cs", i, ImmutableArray.Create(Site(bytes: 100 - i, rule: null))))
            .ToImmutableArray();
        var report = new ChurnReport("Many", methods, ImmutableArray.Create(new ReportFile("f.cs", 1, 1, 1, 0, methods.Length)), ImmutableArray<string>.Empty, 0);

        var html = Html(report);

        Assert.Equal(HtmlReport.TopMethods, Regex.Matches(Svg(html, "chart-methods"), "<rect class=\"bar\"").Count);
        Assert.Equal(methods.Length, Regex.Matches(Table(html, "ranking"), "<tr").Count - 1);
    }

    [Fact]
    public void The_ranking_table_lists_methods_in_the_report_order_with_totals_in_the_header()
    {
        var html = Html(HandMadeReport());

        var ranking = Table(html, "ranking");
        Assert.True(ranking.IndexOf("Big.Churn()") < ranking.IndexOf("Gen&lt;T&gt;"));
        Assert.Contains("<li id=\"total-sites\"><b>4</b>", html);
        Assert.Contains("<li id=\"total-churning\"><b>3</b>", html);
        Assert.Contains("<li id=\"total-bytes\"><b>2,064 B</b>", html);
        Assert.Contains("<li id=\"total-methods\"><b>2</b>", html);
        Assert.Contains("id=\"compile-errors\"", html);
        Assert.Contains(">unknown<", html);
        Assert.Contains("yes: Hoist it", html);
        Assert.Contains(ChurnReport.ChurnDefinition.Substring(0, 40), html);
    }

    [Fact]
    public async Task A_report_of_real_code_renders_with_its_methods()
    {
        var report = await TestProjects.ReportAsync("""
            using System.IO;
            public sealed class Pump
            {
                public int Drain(Stream s, int n)
                {
                    int t = 0;
                    for (int i = 0; i < n; i++) { var b = new byte[32]; t += s.Read(b, 0, b.Length); }
                    return t;
                }
            }
            """);

        var html = Html(report);

        Assert.Contains("Pump.Drain(Stream,int)", Table(html, "ranking"));
        Assert.Contains("32 B", Svg(html, "chart-methods"));
        Assert.Contains("on every iteration of the loop in &#39;Drain&#39;", html);
    }

    [Fact]
    public void The_markdown_summary_escapes_table_cells_and_ranks_methods()
    {
        var writer = new StringWriter();
        MarkdownReport.Write(writer, HandMadeReport(), "report.html");
        var markdown = writer.ToString();

        Assert.StartsWith("# Heap churn: Sample", markdown);
        Assert.Contains("| 4 | 3 | 2,064 B | 1 | 2 | 2 |", markdown);
        Assert.Contains("| 1 | `Big.Churn()` |", markdown);
        Assert.Contains("a&amp;b/File&lt;1&gt;.cs", markdown);
        Assert.DoesNotContain("<script", markdown);
        Assert.True(markdown.IndexOf("Big.Churn()") < markdown.IndexOf("Gen<T>"));
        Assert.Contains("does not compile", markdown);
    }

    [Theory]
    [InlineData("out/report.html", "out/report.md")]
    [InlineData("fragless-report.html", "fragless-report.md")]
    [InlineData("report", "report.md")]
    [InlineData("notes.md", "notes.md.md")]
    public void The_summary_sits_next_to_the_page(string html, string markdown)
    {
        Assert.Equal(markdown, ReportCommand.MarkdownPath(html));
    }

    private static string Html(ChurnReport report)
    {
        var writer = new StringWriter();
        HtmlReport.Write(writer, report, "1.2.3");
        return writer.ToString();
    }

    private static string Svg(string html, string id)
    {
        var start = html.IndexOf("<svg id=\"" + id + "\"");
        Assert.True(start >= 0, "no chart " + id);
        return html.Substring(start, html.IndexOf("</svg>", start) - start);
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf("<table id=\"" + id + "\"");
        Assert.True(start >= 0, "no table " + id);
        return html.Substring(start, html.IndexOf("</table>", start) - start);
    }

    private static ReportSite Site(long? bytes, SiteRule? rule, SiteFrequency frequency = SiteFrequency.PerIteration, string path = "f.cs", string reason = "on every iteration of the loop in 'M'") =>
        new(path, 3, 5, "array", "byte[n]", frequency, reason, false, null, bytes, rule == null ? ImmutableArray<SiteRule>.Empty : ImmutableArray.Create(rule));

    /// <summary>Two methods (the first churns more), hostile text everywhere text goes, an unknown size, a compile error.</summary>
    private static ChurnReport HandMadeReport()
    {
        var frag001 = new SiteRule("FRAG001", "Buffer allocated inside a loop", "https://github.com/fragless/fragless/blob/main/docs/rules/FRAG001.md", Hostile, "Hoist it");
        var bad = new SiteRule("FRAG002", Hostile, "javascript:alert(1)", Hostile, null);
        var big = new ReportMethod("Big.Churn()", "Big.cs", 10, ImmutableArray.Create(
            Site(2048, frag001, path: "Big.cs"),
            Site(256, null, SiteFrequency.Once, path: "Big.cs", reason: "in 'Churn', which runs once")));
        var generic = new ReportMethod("Gen<T>.Run<U>(List<int>)", "a&b/File<1>.cs", 4, ImmutableArray.Create(
            Site(16, frag001, path: "a&b/File<1>.cs", reason: Hostile),
            Site(null, bad, path: "a&b/File<1>.cs")));
        var methods = ImmutableArray.Create(big, generic);
        var files = ImmutableArray.Create(
            new ReportFile("Big.cs", 2048, 2, 1, 0, 1),
            new ReportFile("a&b/File<1>.cs", 16, 2, 2, 1, 1));
        return new ChurnReport("Sample", methods, files, ImmutableArray.Create("a.cs(1,2): error CS1002: <bad>"), 1);
    }
}
