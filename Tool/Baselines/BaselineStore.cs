using System;
using System.IO;
using System.Text;
using Fragless.Analyzers.Internals.Baseline;
using Fragless.Tool.Cli;

namespace Fragless.Tool.Baselines;

/// <summary>Reading and writing <c>fragless.baseline.json</c>: a file that cannot be read is an error and is never overwritten; writes are atomic.</summary>
internal static class BaselineStore
{
    public static BaselineFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new ToolException(File.Exists(path) || Directory.Exists(path)
                ? "cannot read the baseline '" + path + "': " + e.Message
                : "the baseline '" + path + "' does not exist (write one with 'fragless baseline write')");
        }

        return BaselineFile.Parse(text, out var error, out var line)
            ?? throw new ToolException("the baseline '" + path + "' cannot be read: line " + line + ": " + error + " (it is left as it is)");
    }

    /// <summary>Whether a file is there that cannot be read as a baseline (which must then not be replaced).</summary>
    public static void EnsureReplaceable(string path)
    {
        if (File.Exists(path))
            Read(path);
        else if (Directory.Exists(path))
            throw new ToolException("'" + path + "' is a folder, not a baseline file");
    }

    /// <summary>Writes to a temporary file beside the target, then moves it over the target: never half a file.</summary>
    public static void Write(string path, BaselineFile baseline)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
            throw new ToolException("the folder of '" + path + "' does not exist");
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllText(temporary, baseline.Write(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new ToolException("cannot write the baseline '" + path + "': " + e.Message);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
