using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Tool.Analysis;
using Fragless.Tool.Cli;
using Fragless.Tool.Output;
using Fragless.Tool.Reports;

namespace Fragless.Tool.Commands;

/// <summary>
/// <c>fragless report [path] [--output report.html]</c>: the heap-churn report, one self-contained HTML page
/// (default <c>fragless-report.html</c> in the current folder) and a Markdown summary next to it (the same name with
/// <c>.md</c>). Code that does not compile still gets a report, with a note.
/// </summary>
internal static class ReportCommand
{
    public const string DefaultOutput = "fragless-report.html";

    public static async Task<int> RunAsync(Arguments arguments, Progress progress)
    {
        var output = arguments.Value("output") ?? arguments.Value("o") ?? DefaultOutput;
        arguments.Flag("no-restore");
        arguments.RejectUnknown();

        var html = FullPath(output);
        var markdown = MarkdownPath(html);
        if (!Directory.Exists(Path.GetDirectoryName(html)))
            throw new ToolException("cannot write '" + output + "': its folder does not exist");

        using var session = await Session.OpenAsync(arguments, progress, FraglessRules.Instance.ParseRules(null));
        foreach (var error in session.DescribeCompileErrors())
            progress.Line("fragless: warning: the code does not compile, the report may be incomplete: " + error);

        var title = Title(arguments.Path);
        var report = await progress.RunAsync("Estimating churn", _ => ChurnReportBuilder.BuildAsync(session.Results, session.Root, title, CancellationToken.None));

        var version = typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var page = new StringWriter();
        HtmlReport.Write(page, report, version);
        var summary = new StringWriter();
        MarkdownReport.Write(summary, report, Path.GetFileName(html));
        WriteFile(html, output, page.ToString());
        WriteFile(markdown, markdown, summary.ToString());

        Console.WriteLine(
            "Wrote " + output + " and " + Path.GetFileName(markdown) + ": " + TextOutput.Count(report.SiteCount, "allocation site") + ", "
            + report.ChurningSiteCount + " repeated and dropped, " + HtmlReport.Bytes(report.ChurnBytes) + " known churn per pass"
            + (report.UnknownChurningSiteCount > 0 ? " (+" + TextOutput.Count(report.UnknownChurningSiteCount, "site") + " of unknown size)" : string.Empty)
            + (report.Methods.FirstOrDefault(m => m.ChurnBytes > 0) is { } top ? "; most in " + top.Name : string.Empty) + ".");
        return 0;
    }

    /// <summary>The summary's path: the page's with <c>.md</c> (<c>report.md</c> next to <c>report.html</c>).</summary>
    internal static string MarkdownPath(string html) =>
        string.Equals(Path.GetExtension(html), ".md", StringComparison.OrdinalIgnoreCase) ? html + ".md" : Path.ChangeExtension(html, ".md");

    /// <summary>What the page is about: the solution, project or folder name.</summary>
    private static string Title(string? path)
    {
        var full = Path.GetFullPath(string.IsNullOrEmpty(path) ? Directory.GetCurrentDirectory() : path);
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return string.IsNullOrEmpty(name) ? full : name;
    }

    private static string FullPath(string output)
    {
        try
        {
            return Path.GetFullPath(output);
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            throw new ToolException("cannot write '" + output + "': " + e.Message);
        }
    }

    /// <summary>Written to a temporary file first and moved over: a report is never left half-written.</summary>
    private static void WriteFile(string path, string shown, string text)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException || cleanup is UnauthorizedAccessException)
            {
                // Nothing more to do: the error below is the one to report.
            }

            throw new ToolException("cannot write '" + shown + "': " + Loading.ProjectLoader.OneLine(e.Message));
        }
    }
}
