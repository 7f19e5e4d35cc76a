using System.IO;
using System.Linq;
using Fragless.Analyzers.Tests.Verifiers;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// What banned-API analyzers would enforce (they are not available here): each of these calls has one home.
/// </summary>
public class BannedApiTests
{
    [Theory]
    [InlineData("GetTypeByMetadataName(", "WellKnownTypes.cs")]
    [InlineData("new DiagnosticDescriptor(", "RuleDescriptors.cs")]
    [InlineData("AnalyzerConfigOptionsProvider.GetOptions(", "AnalyzerOptionsReader.cs")]
    public void AnalyzerCall_OnlyInItsHome(string call, string home)
    {
        var root = Path.Combine(TestReferences.RepositoryRoot, "Analyzers");
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Where(f => Path.GetFileName(f) != home)
            .Where(f => File.ReadAllText(f).Contains(call, StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        Assert.True(offenders.Count == 0, $"'{call}' belongs in {home} only; also found in: {string.Join(", ", offenders)}");
    }
}
