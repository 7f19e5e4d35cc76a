using System.IO;
using Fragless.Tool.Cli;
using Fragless.Tool.Loading;

namespace Fragless.Tool.Tests;

/// <summary>What a path stands for: a solution, a project, or a folder holding them; anything else is a one-line error.</summary>
public class ProjectLoaderTests : System.IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fragless-resolve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<Project />");
        return path;
    }

    [Fact]
    public void AMissingPath_AFolderWithoutProjects_AndOtherFiles_AreErrors()
    {
        Assert.Contains("does not exist", Assert.Throws<ToolException>(() => ProjectLoader.Resolve(Path.Combine(_folder, "nope"))).Message);
        Assert.Contains("no C# projects", Assert.Throws<ToolException>(() => ProjectLoader.Resolve(_folder)).Message);
        Assert.Contains("is not a solution", Assert.Throws<ToolException>(() => ProjectLoader.Resolve(Touch("notes.txt"))).Message);
    }

    [Fact]
    public void AFolder_IsItsSolution_ElseItsProjects_ElseTheProjectsBelowIt()
    {
        var a = Touch("src/A/A.csproj");
        var b = Touch("src/B/B.csproj");
        Touch("src/A/obj/Ignored.csproj");
        Assert.Equal(new[] { a, b }, ProjectLoader.Resolve(_folder));
        var solution = Touch("All.slnx");
        Assert.Equal(new[] { solution }, ProjectLoader.Resolve(_folder));
        Touch("Other.sln");
        Assert.Contains("several solutions", Assert.Throws<ToolException>(() => ProjectLoader.Resolve(_folder)).Message);
    }
}
