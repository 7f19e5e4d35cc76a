using System.Collections.Immutable;
using System.Linq;

namespace Fragless.Tool.Reports;

/// <summary>
/// The heap-churn report: every allocation site, grouped by method and file, with how often it runs, whether its
/// buffer is kept, its estimated size and the rules that report it. Methods and files are ranked by
/// <see cref="ReportMethod.ChurnBytes"/>. Built by <see cref="ChurnReportBuilder"/>, written by
/// <see cref="HtmlReport"/> and <see cref="MarkdownReport"/>.
/// </summary>
internal sealed record ChurnReport(string Title, ImmutableArray<ReportMethod> Methods, ImmutableArray<ReportFile> Files, ImmutableArray<string> CompileErrors, int CompileErrorCount)
{
    /// <summary>How the ranking is defined, in the words the page and docs/cli.md use.</summary>
    public const string ChurnDefinition =
        "Bytes churned per pass: for each method, the sum of the estimated bytes of its allocation sites that run again and again " +
        "(per iteration of a loop, per call, or per call of a hot method) and whose buffer is dropped, each site counted once: " +
        "a loop counts as one iteration, a call as one call. Sites that run once (startup, once per object, excluded code) and " +
        "sites whose buffer is kept are listed but churn 0; sites of unknown size are counted apart, never guessed.";

    public int SiteCount => Methods.Sum(m => m.Sites.Length);

    /// <summary>Sites that run again and again and drop their buffer: the churn.</summary>
    public int ChurningSiteCount => Methods.Sum(m => m.ChurningSiteCount);

    public int UnknownChurningSiteCount => Methods.Sum(m => m.UnknownSizeSiteCount);

    /// <summary>The sum of every method's <see cref="ReportMethod.ChurnBytes"/>.</summary>
    public long ChurnBytes => Methods.Sum(m => m.ChurnBytes);

    public int FileCount => Files.Length;

    public int MethodCount => Methods.Length;
}

/// <summary>A method (or other member: a field initializer, a property, the top-level statements) with allocation sites.</summary>
internal sealed record ReportMethod(string Name, string Path, int Line, ImmutableArray<ReportSite> Sites)
{
    /// <summary>Estimated bytes dropped per pass of the method: see <see cref="ChurnReport.ChurnDefinition"/>.</summary>
    public long ChurnBytes => Sites.Where(s => s.Churns).Sum(s => s.Bytes ?? 0);

    public int ChurningSiteCount => Sites.Count(s => s.Churns);

    /// <summary>Churning sites whose size is unknown: their bytes are not in <see cref="ChurnBytes"/>.</summary>
    public int UnknownSizeSiteCount => Sites.Count(s => s.Churns && s.Bytes == null);
}

/// <summary>A source file: the sum of its methods.</summary>
internal sealed record ReportFile(string Path, long ChurnBytes, int SiteCount, int ChurningSiteCount, int UnknownSizeSiteCount, int MethodCount);

/// <summary>How often a site runs, in the report's words.</summary>
internal enum SiteFrequency
{
    Excluded,
    Once,
    OncePerObject,
    PerIteration,
    PerCall,
    Hot,
}

/// <summary>
/// One allocation site: an array or buffer creation, an object whose construction allocates, or a call a rule reports
/// (an allocating read). <see cref="Bytes"/> is per execution, null when unknown.
/// </summary>
internal sealed record ReportSite(
    string Path,
    int Line,
    int Column,
    string Kind,
    string What,
    SiteFrequency Frequency,
    string Reason,
    bool Kept,
    string? KeptReason,
    long? Bytes,
    ImmutableArray<SiteRule> Rules)
{
    public bool Repeated => Frequency is SiteFrequency.PerIteration or SiteFrequency.PerCall or SiteFrequency.Hot;

    /// <summary>Runs again and again and drops its buffer each time.</summary>
    public bool Churns => Repeated && !Kept;

    public long ChurnBytes => Churns ? Bytes ?? 0 : 0;

    /// <summary>"once", "per iteration", "per call", "hot: every frame" …</summary>
    public string FrequencyLabel => Frequency switch
    {
        SiteFrequency.Excluded => "excluded",
        SiteFrequency.Once => "once",
        SiteFrequency.OncePerObject => "once per object",
        SiteFrequency.PerIteration => "per iteration",
        SiteFrequency.PerCall => "per call",
        _ => "hot: " + (HotWhy ?? "every call of a hot method"),
    };

    /// <summary>For <see cref="SiteFrequency.Hot"/>: what makes it hot at the root ("every frame", "every event", "every pass of a loop").</summary>
    public string? HotWhy { get; init; }
}

/// <summary>A rule that reports a site, with its doc and the fix it offers (null when none).</summary>
internal sealed record SiteRule(string Id, string Title, string? HelpLink, string Message, string? Fix);
