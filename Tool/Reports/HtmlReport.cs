using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Fragless.Tool.Reports;

/// <summary>
/// Writes a <see cref="ChurnReport"/> as one self-contained HTML5 page: inline style, inline SVG charts, no scripts,
/// fonts or images, and no links out but the rule docs. Every piece of text is escaped.
/// </summary>
internal static class HtmlReport
{
    /// <summary>How many methods the per-method chart shows.</summary>
    public const int TopMethods = 10;

    /// <summary>How many files the per-file chart shows.</summary>
    public const int TopFiles = 10;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1f24;background:#fff;line-height:1.4}
        h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.5rem 0 .4rem}
        code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
        .totals{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;margin:1rem 0;list-style:none}
        .totals li{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem;min-width:8rem}
        .totals b{display:block;font-size:1.3rem}
        .note{border-left:4px solid #bf8700;background:#fff8c5;padding:.5rem .8rem}
        .definition{color:#57606a;max-width:60rem}
        table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
        tr.churn td:first-child{border-left:4px solid #cf222e}
        .reason{color:#57606a;font-size:.85em}
        svg .bar{fill:#cf222e}svg .label{font-size:12px;fill:#1b1f24}svg .value{font-size:12px;fill:#57606a}
        """;

    public static void Write(TextWriter writer, ChurnReport report, string version)
    {
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Append("<title>Heap churn: ").Append(Escape(report.Title)).Append("</title>\n");
        w.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        w.Append("<header>\n<h1>Heap churn: ").Append(Escape(report.Title)).Append("</h1>\n");
        if (report.CompileErrorCount > 0)
        {
            w.Append("<div class=\"note\" id=\"compile-errors\"><p>The code does not compile (")
                .Append(Count(report.CompileErrorCount, "error")).Append("): the report covers what could be analysed, and may be incomplete.</p>\n<ul>\n");
            foreach (var error in report.CompileErrors)
                w.Append("<li><code>").Append(Escape(error)).Append("</code></li>\n");
            if (report.CompileErrorCount > report.CompileErrors.Length)
                w.Append("<li>… and ").Append(report.CompileErrorCount - report.CompileErrors.Length).Append(" more</li>\n");
            w.Append("</ul></div>\n");
        }

        w.Append("<ul class=\"totals\" id=\"totals\">\n");
        Total(w, "sites", report.SiteCount.ToString(CultureInfo.InvariantCulture), "allocation sites");
        Total(w, "churning", report.ChurningSiteCount.ToString(CultureInfo.InvariantCulture), "repeated, dropped sites");
        Total(w, "bytes", Bytes(report.ChurnBytes), "known bytes churned per pass");
        Total(w, "unknown", report.UnknownChurningSiteCount.ToString(CultureInfo.InvariantCulture), "churning sites of unknown size");
        Total(w, "files", report.FileCount.ToString(CultureInfo.InvariantCulture), "files");
        Total(w, "methods", report.MethodCount.ToString(CultureInfo.InvariantCulture), "methods");
        w.Append("</ul>\n");
        w.Append("<p class=\"definition\" id=\"definition\">").Append(Escape(ChurnReport.ChurnDefinition))
            .Append(" Sizes are payload bytes (elements, capacity) without the runtime's object header, at the configured reference size.</p>\n");
        w.Append("</header>\n<main>\n");

        if (report.Methods.IsEmpty)
            w.Append("<p id=\"empty\">No allocation sites found.</p>\n");

        w.Append("<section id=\"by-file\">\n<h2>Where the bytes go: files</h2>\n");
        Chart(w, "chart-files", "Known bytes churned per pass, by file", report.Files.Take(TopFiles).Select(f => (f.Path, f.ChurnBytes, Unknown(f.UnknownSizeSiteCount), f.Path + ": " + Bytes(f.ChurnBytes) + " per pass, " + Count(f.ChurningSiteCount, "churning site"))).ToList());
        w.Append("</section>\n");

        w.Append("<section id=\"by-method\">\n<h2>Where the bytes go: top methods</h2>\n");
        Chart(w, "chart-methods", "Known bytes churned per pass, by method (top " + TopMethods + ")", report.Methods.Take(TopMethods).Select(m => (m.Name, m.ChurnBytes, Unknown(m.UnknownSizeSiteCount), m.Name + " (" + m.Path + "): " + Bytes(m.ChurnBytes) + " per pass")).ToList());
        w.Append("</section>\n");

        w.Append("<section id=\"ranking-section\">\n<h2>Methods, ranked by bytes churned per pass</h2>\n");
        w.Append("<table id=\"ranking\">\n<thead><tr><th>#</th><th>Method</th><th>File</th><th>Bytes per pass</th><th>Churning sites</th><th>Of unknown size</th><th>All sites</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < report.Methods.Length; i++)
        {
            var m = report.Methods[i];
            w.Append("<tr").Append(m.ChurningSiteCount > 0 ? " class=\"churn\"" : string.Empty).Append("><td class=\"num\">").Append(i + 1)
                .Append("</td><td><a href=\"#m").Append(i + 1).Append("\"><code>").Append(Escape(m.Name)).Append("</code></a></td><td>")
                .Append(Escape(m.Path)).Append(':').Append(m.Line)
                .Append("</td><td class=\"num\">").Append(Bytes(m.ChurnBytes))
                .Append("</td><td class=\"num\">").Append(m.ChurningSiteCount)
                .Append("</td><td class=\"num\">").Append(m.UnknownSizeSiteCount)
                .Append("</td><td class=\"num\">").Append(m.Sites.Length).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n</section>\n");

        w.Append("<section id=\"sites\">\n<h2>Allocation sites</h2>\n");
        for (var i = 0; i < report.Methods.Length; i++)
        {
            var m = report.Methods[i];
            w.Append("<h3 id=\"m").Append(i + 1).Append("\">").Append(i + 1).Append(". <code>").Append(Escape(m.Name)).Append("</code> <span class=\"reason\">")
                .Append(Escape(m.Path)).Append(':').Append(m.Line).Append(", ").Append(Bytes(m.ChurnBytes)).Append(" per pass</span></h3>\n");
            w.Append("<table class=\"sites\">\n<thead><tr><th>Line</th><th>Kind</th><th>Allocates</th><th>How often</th><th>Buffer</th><th>Bytes each time</th><th>Churn per pass</th><th>Rule</th><th>Fix</th></tr></thead>\n<tbody>\n");
            foreach (var s in m.Sites)
            {
                w.Append("<tr").Append(s.Churns ? " class=\"churn\"" : string.Empty).Append("><td class=\"num\">").Append(s.Line).Append(':').Append(s.Column)
                    .Append("</td><td>").Append(Escape(s.Kind))
                    .Append("</td><td><code>").Append(Escape(s.What)).Append("</code>")
                    .Append("</td><td>").Append(Escape(s.FrequencyLabel)).Append("<br><span class=\"reason\">").Append(Escape(s.Reason)).Append("</span>")
                    .Append("</td><td>").Append(s.Kept ? "kept" : "dropped");
                if (s.Kept && !string.IsNullOrEmpty(s.KeptReason))
                    w.Append("<br><span class=\"reason\">").Append(Escape(s.KeptReason!)).Append("</span>");
                w.Append("</td><td class=\"num\">").Append(s.Bytes == null ? "unknown" : Bytes(s.Bytes.Value))
                    .Append("</td><td class=\"num\">").Append(s.Churns ? (s.Bytes == null ? "unknown" : Bytes(s.Bytes.Value)) : "0")
                    .Append("</td><td>");
                if (s.Rules.IsEmpty)
                    w.Append("none");
                foreach (var rule in s.Rules)
                {
                    var link = SafeLink(rule.HelpLink);
                    w.Append("<div title=\"").Append(Escape(rule.Message)).Append("\">");
                    if (link != null)
                        w.Append("<a href=\"").Append(Escape(link)).Append("\">").Append(Escape(rule.Id)).Append("</a>");
                    else
                        w.Append(Escape(rule.Id));
                    w.Append(" <span class=\"reason\">").Append(Escape(rule.Title)).Append("</span></div>");
                }

                w.Append("</td><td>");
                var fixes = s.Rules.Where(r => r.Fix != null).ToList();
                if (fixes.Count == 0)
                    w.Append(s.Rules.IsEmpty ? "–" : "no");
                foreach (var rule in fixes)
                    w.Append("<div>yes: ").Append(Escape(rule.Fix!)).Append("</div>");
                w.Append("</td></tr>\n");
            }

            w.Append("</tbody>\n</table>\n");
        }

        w.Append("</section>\n</main>\n<footer><p class=\"reason\">Written by fragless ").Append(Escape(version))
            .Append(". Frequencies and sizes are the Fragless analyzers' own estimates (FRAG003's size arithmetic, the loop and hot-path model); nothing was run.</p></footer>\n</body>\n</html>\n");
        writer.Write(w.ToString());
    }

    /// <summary>Text for HTML content and attribute values.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    // Control characters (other than tab and newlines) are not allowed in HTML text.
                    if (char.IsControl(c) && c != '\t' && c != '\n' && c != '\r')
                        builder.Append(' ');
                    else
                        builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    public static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    /// <summary>" + 2 of unknown size" after a chart's bytes, or nothing.</summary>
    private static string Unknown(int sites) => sites == 0 ? string.Empty : " + " + Count(sites, "site") + " of unknown size";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    /// <summary>Only an absolute http(s) link is written: a rule doc.</summary>
    private static string? SafeLink(string? link) =>
        link != null && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    private static void Total(StringBuilder w, string id, string value, string label) =>
        w.Append("<li id=\"total-").Append(id).Append("\"><b>").Append(Escape(value)).Append("</b>").Append(Escape(label)).Append("</li>\n");

    /// <summary>A horizontal bar chart: one labelled bar per row, scaled to the largest value.</summary>
    private static void Chart(StringBuilder w, string id, string title, List<(string Label, long Value, string Extra, string Tooltip)> rows)
    {
        const int width = 900, labelWidth = 300, valueWidth = 220, rowHeight = 24, barHeight = 16;
        var barSpace = width - labelWidth - valueWidth;
        var height = Math.Max(1, rows.Count) * rowHeight + 8;
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Value);
        w.Append("<svg id=\"").Append(id).Append("\" class=\"chart\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"").Append(Escape(title)).Append("\">\n");
        w.Append("<title>").Append(Escape(title)).Append("</title>\n");
        if (rows.Count == 0)
            w.Append("<text class=\"label\" x=\"0\" y=\"18\">No allocation sites.</text>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, extra, tooltip) = rows[i];
            var y = 4 + i * rowHeight;
            var bar = max <= 0 ? 0 : (int)Math.Round((double)value / max * barSpace);
            if (value > 0 && bar < 2)
                bar = 2;
            var shown = label.Length > 42 ? "…" + label[^41..] : label;
            w.Append("<g class=\"row\"><title>").Append(Escape(tooltip)).Append("</title>");
            w.Append("<text class=\"label\" x=\"").Append(labelWidth - 6).Append("\" y=\"").Append(y + 13).Append("\" text-anchor=\"end\">").Append(Escape(shown)).Append("</text>");
            w.Append("<rect class=\"bar\" x=\"").Append(labelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(bar).Append("\" height=\"").Append(barHeight).Append("\" data-bytes=\"").Append(value).Append("\"></rect>");
            w.Append("<text class=\"value\" x=\"").Append(labelWidth + bar + 6).Append("\" y=\"").Append(y + 13).Append("\">").Append(Escape(Bytes(value) + extra)).Append("</text></g>\n");
        }

        w.Append("</svg>\n");
    }
}
