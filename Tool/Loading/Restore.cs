using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Fragless.Tool.Cli;

namespace Fragless.Tool.Loading;

/// <summary>Runs <c>dotnet restore</c> on what is about to be loaded, as <c>dotnet format</c> does; a failure is a one-line error.</summary>
internal static class Restore
{
    public static async Task RunAsync(string target)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(target);
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-v:q");
        using var process = Process.Start(start) ?? throw new ToolException("cannot run 'dotnet restore'");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0)
            return;

        var lines = ((await output) + "\n" + (await error)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var first = lines.FirstOrDefault(l => l.Contains("error", System.StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "no output";
        throw new ToolException("'" + Path.GetFileName(target) + "' does not restore: " + first);
    }
}
