using System;
using System.Collections.Generic;
using System.Linq;

namespace Fragless.Tool.Cli;

/// <summary>
/// The command line: a command (one or two words), at most one path, and <c>--name value</c> or <c>--flag</c>
/// options. Unknown options are errors, so a typo never silently does something else.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments(string command, string? path)
    {
        Command = command;
        Path = path;
    }

    public string Command { get; }

    public string? Path { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> are the options that take a value.</summary>
    public static Arguments Parse(string[] args, ISet<string> valued)
    {
        if (args.Length == 0)
            throw new ToolException("no command; run 'fragless --help'");

        var command = args[0];
        var i = 1;
        if (command == "baseline")
        {
            if (args.Length < 2 || args[1].StartsWith("-", StringComparison.Ordinal))
                throw new ToolException("'baseline' needs 'write' or 'prune'");
            command = "baseline " + args[1];
            i = 2;
        }

        string? path = null;
        var options = new List<(string Name, string? Value)>();
        for (; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
            {
                var name = arg.TrimStart('-');
                string? value = null;
                var equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    value = name[(equals + 1)..];
                    name = name[..equals];
                }
                else if (valued.Contains(name))
                {
                    if (i + 1 >= args.Length)
                        throw new ToolException("--" + name + " needs a value");
                    value = args[++i];
                }

                options.Add((name, value));
            }
            else if (path == null)
            {
                path = arg;
            }
            else
            {
                throw new ToolException("more than one path: '" + path + "' and '" + arg + "'");
            }
        }

        var result = new Arguments(command, path);
        foreach (var (name, value) in options)
            result._options[name] = value;
        return result;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Value(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Every occurrence is kept only once; a repeated option keeps its last value.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.FirstOrDefault(k => !_read.Contains(k));
        if (unknown != null)
            throw new ToolException("unknown option --" + unknown + " for '" + Command + "'; run 'fragless --help'");
    }
}
