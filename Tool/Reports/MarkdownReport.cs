using System.IO;
using System.Linq;
using System.Text;

namespace Fragless.Tool.Reports;

/// <summary>The report's summary in Markdown (for a pull request or a job summary): totals, the ranking, the files.</summary>
internal static class MarkdownReport
{
    /// <summary>How many methods the summary lists (the HTML page lists them all).</summary>
    public const int MaxMethods = 25;

    public static void Write(TextWriter writer, ChurnReport report, string htmlName)
    {
        var w = new StringBuilder();
        w.Append("# Heap churn: ").Append(Cell(report.Title)).Append("\n\n");
        if (report.CompileErrorCount > 0)
            w.Append("> **The code does not compile** (").Append(report.CompileErrorCount).Append(report.CompileErrorCount == 1 ? " error" : " errors").Append("): the report may be incomplete.\n\n");

        w.Append("| Allocation sites | Repeated, dropped | Known bytes per pass | Of unknown size | Files | Methods |\n|---:|---:|---:|---:|---:|---:|\n");
        w.Append("| ").Append(report.SiteCount).Append(" | ").Append(report.ChurningSiteCount).Append(" | ").Append(HtmlReport.Bytes(report.ChurnBytes))
            .Append(" | ").Append(report.UnknownChurningSiteCount).Append(" | ").Append(report.FileCount).Append(" | ").Append(report.MethodCount).Append(" |\n\n");
        w.Append(ChurnReport.ChurnDefinition).Append("\n\n");

        if (report.Methods.IsEmpty)
        {
            w.Append("No allocation sites found.\n");
        }
        else
        {
            w.Append("## Methods, ranked\n\n| # | Method | File | Bytes per pass | Churning sites | Of unknown size | Rules |\n|---:|---|---|---:|---:|---:|---|\n");
            var rank = 0;
            foreach (var m in report.Methods.Take(MaxMethods))
            {
                var rules = string.Join(", ", m.Sites.SelectMany(s => s.Rules).Select(r => r.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal));
                w.Append("| ").Append(++rank).Append(" | `").Append(Code(m.Name)).Append("` | ").Append(Cell(m.Path)).Append(':').Append(m.Line)
                    .Append(" | ").Append(HtmlReport.Bytes(m.ChurnBytes)).Append(" | ").Append(m.ChurningSiteCount).Append(" | ").Append(m.UnknownSizeSiteCount)
                    .Append(" | ").Append(rules.Length == 0 ? "–" : rules).Append(" |\n");
            }

            if (report.Methods.Length > MaxMethods)
                w.Append("\n").Append(report.Methods.Length - MaxMethods).Append(" more methods in the HTML report.\n");

            w.Append("\n## Files\n\n| File | Bytes per pass | Churning sites | Sites | Methods |\n|---|---:|---:|---:|---:|\n");
            foreach (var f in report.Files)
            {
                w.Append("| ").Append(Cell(f.Path)).Append(" | ").Append(HtmlReport.Bytes(f.ChurnBytes)).Append(" | ").Append(f.ChurningSiteCount)
                    .Append(" | ").Append(f.SiteCount).Append(" | ").Append(f.MethodCount).Append(" |\n");
            }
        }

        w.Append("\nEvery site, how often it runs and why, the rules and fixes: ").Append(Cell(htmlName)).Append(".\n");
        writer.Write(w.ToString());
    }

    /// <summary>Text for a table cell: no pipes, no HTML, one line.</summary>
    public static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': builder.Append("\\|"); break;
                case '\\': builder.Append("\\\\"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '*': case '_': case '`': case '[': case ']':
                    builder.Append('\\').Append(c);
                    break;
                case '\r': case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Text inside a code span in a table cell: only pipes and backticks matter there.</summary>
    private static string Code(string text) => text.Replace("`", "'").Replace("|", "\\|").Replace('\n', ' ').Replace('\r', ' ');
}
