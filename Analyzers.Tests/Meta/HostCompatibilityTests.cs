using System.Linq;
using System.Reflection;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// The analyzer assembly must load in Unity, whose compiler host is Roslyn 3.8, and in every newer host:
/// it may reference Microsoft.CodeAnalysis no newer than 3.8 and no Workspaces assembly.
/// </summary>
public class HostCompatibilityTests
{
    [Fact]
    public void AnalyzerAssembly_ReferencesRoslynNoNewerThan38()
    {
        var references = typeof(DiagnosticIds).Assembly.GetReferencedAssemblies();
        var roslyn = references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();

        Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, r => Assert.True(r.Version! <= new Version(3, 8, 0, 0), $"{r.Name} {r.Version} is newer than Unity's Roslyn 3.8"));
        Assert.DoesNotContain(roslyn, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzerAssembly_TargetsNetStandard20()
    {
        var framework = typeof(DiagnosticIds).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();
        Assert.Equal(".NETStandard,Version=v2.0", framework?.FrameworkName);
    }
}
