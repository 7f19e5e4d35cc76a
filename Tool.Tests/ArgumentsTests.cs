using System.Collections.Generic;
using Fragless.Tool.Cli;

namespace Fragless.Tool.Tests;

/// <summary>The command line: commands, one path, options with and without values; every mistake is a <see cref="ToolException"/>.</summary>
public class ArgumentsTests
{
    private static readonly HashSet<string> Valued = new() { "baseline", "format", "rule" };

    [Fact]
    public void ACommand_APath_AndOptions()
    {
        var arguments = Arguments.Parse(new[] { "check", "src/App.sln", "--format", "sarif", "--baseline=b.json", "--quiet" }, Valued);
        Assert.Equal("check", arguments.Command);
        Assert.Equal("src/App.sln", arguments.Path);
        Assert.Equal("sarif", arguments.Value("format"));
        Assert.Equal("b.json", arguments.Value("baseline"));
        Assert.True(arguments.Flag("quiet"));
        Assert.False(arguments.Flag("dry-run"));
        arguments.RejectUnknown();
    }

    [Fact]
    public void Baseline_TakesItsVerb()
    {
        Assert.Equal("baseline prune", Arguments.Parse(new[] { "baseline", "prune", "." }, Valued).Command);
        Assert.Throws<ToolException>(() => Arguments.Parse(new[] { "baseline" }, Valued));
        Assert.Throws<ToolException>(() => Arguments.Parse(new[] { "baseline", "--quiet" }, Valued));
    }

    [Theory]
    [InlineData("check", "a", "b")]
    [InlineData("check", "--format")]
    public void Mistakes_AreToolExceptions(params string[] args)
    {
        Assert.Throws<ToolException>(() => Arguments.Parse(args, Valued));
    }

    [Fact]
    public void AnUnknownOption_IsRejected_ByName()
    {
        var arguments = Arguments.Parse(new[] { "fix", "--dryrun" }, Valued);
        arguments.Flag("dry-run");
        var error = Assert.Throws<ToolException>(arguments.RejectUnknown);
        Assert.Contains("--dryrun", error.Message);
    }
}
