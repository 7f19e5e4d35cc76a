using System.Threading.Tasks;
using Fragless.Tool.Cli;

namespace Fragless.Tool.Commands;

/// <summary><c>fragless report [path] [-o report.html]</c>: the heap-churn report.</summary>
internal static class ReportCommand
{
    public static Task<int> RunAsync(Arguments arguments, Progress progress)
    {
        arguments.RejectUnknown();
        throw new ToolException("'report' is not available yet");
    }
}
