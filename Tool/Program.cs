using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Fragless.Tool.Cli;
using Fragless.Tool.Commands;

namespace Fragless.Tool;

/// <summary>The <c>fragless</c> command. Exit codes: 0 clean, 1 findings, 2 a usage or input error (one line, no stack trace).</summary>
public static class Program
{
    public const string Help = """
        fragless: find heap churn in C# code, keep a baseline, apply fixes, and report where the heap churns.

        Usage:
          fragless check [path] [--baseline FILE] [--format text|sarif|github] [--output FILE] [--rule IDS]
          fragless baseline write [path] [--baseline FILE]
          fragless baseline prune [path] [--baseline FILE]
          fragless fix [path] [--rule IDS] [--variant KEY] [--dry-run]
          fragless report [path] [--output report.html]

        path is a solution (.sln, .slnx), a project (.csproj), or a folder holding one (default: the current folder).
        Every command restores first (--no-restore skips that); --quiet drops progress lines.
        Exit codes: 0 nothing found or done, 1 findings (check), 2 an error.
        Documentation: https://github.com/fragless/fragless/blob/main/docs/cli.md
        """;

    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal) { "baseline", "format", "output", "o", "rule", "variant" };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help" or "-?")
        {
            Console.WriteLine(Help);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] is "--version")
        {
            Console.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3));
            return 0;
        }

        try
        {
            var arguments = Arguments.Parse(args, Valued);
            var progress = new Progress(arguments.Flag("quiet"));
            return arguments.Command switch
            {
                "check" => await CheckCommand.RunAsync(arguments, progress),
                "baseline write" => await BaselineCommand.RunAsync(arguments, progress, prune: false),
                "baseline prune" => await BaselineCommand.RunAsync(arguments, progress, prune: true),
                "fix" => await FixCommand.RunAsync(arguments, progress),
                "report" => await ReportCommand.RunAsync(arguments, progress),
                _ => throw new ToolException("unknown command '" + arguments.Command + "'; run 'fragless --help'"),
            };
        }
        catch (ToolException e)
        {
            Console.Error.WriteLine("fragless: " + e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, but still one line: the type and message are enough to report it.
            Console.Error.WriteLine("fragless: internal error (please report it): " + e.GetType().Name + ": " + Loading.ProjectLoader.OneLine(e.Message));
            return 2;
        }
    }
}
