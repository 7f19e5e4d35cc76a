using System;

namespace Fragless.Tool.Cli;

/// <summary>A failure the user can act on: printed as one line ("fragless: …"), exit code 2, never a stack trace.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(string message) : base(message) { }
}
