using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace Fragless.Tool.Cli;

/// <summary>
/// Progress of long work, on standard error so that SARIF or a diff on standard output stays clean: a live status
/// line on a terminal, plain lines in CI (no terminal, or <c>CI=true</c>), nothing with <c>--quiet</c>.
/// </summary>
internal sealed class Progress
{
    private readonly bool _quiet;
    private readonly bool _live;
    private readonly IAnsiConsole _console;

    public Progress(bool quiet)
    {
        _quiet = quiet;
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        _live = !quiet && !ci && !Console.IsErrorRedirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    }

    public async Task<T> RunAsync<T>(string what, Func<Action<string>, Task<T>> work)
    {
        if (_quiet)
            return await work(_ => { });
        if (!_live)
        {
            Console.Error.WriteLine(what);
            return await work(step => Console.Error.WriteLine("  " + step));
        }

        T result = default!;
        await _console.Status().StartAsync(what, async context =>
        {
            result = await work(step => context.Status(Markup.Escape(what + " " + step)));
        });
        return result;
    }

    public void Line(string text)
    {
        if (!_quiet)
            Console.Error.WriteLine(text);
    }
}
