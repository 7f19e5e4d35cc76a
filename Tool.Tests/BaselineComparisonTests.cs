using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals.Baseline;
using Fragless.Tool.Analysis;
using Fragless.Tool.Baselines;
using Fragless.Tool.Cli;
using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Tests;

/// <summary>Findings against a baseline: entry for finding, stale entries, and the file's store (atomic, never over a file it cannot read).</summary>
public class BaselineComparisonTests
{
    private const string Loops = """
        public static class Pump
        {
            public static int Run(System.IO.Stream s)
            {
                int n = 0;
                for (int i = 0; i < 4; i++) { var a = new byte[8]; n += s.Read(a, 0, a.Length); }
                for (int i = 0; i < 4; i++) { var a = new byte[8]; n += s.Read(a, 0, a.Length); }
                return n;
            }
        }
        """;

    private static async Task<Finding[]> FindingsAsync(string source)
    {
        var result = await TestProjects.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, ("Pump.cs", source));
        return ProjectAnalysis.Findings(new[] { result }, TestProjects.Root).ToArray();
    }

    private static string BaselinePath => Path.Combine(TestProjects.Root, BaselineFile.FileName);

    [Fact]
    public async Task ABaselineOfTheFindings_AcceptsThemAll()
    {
        var findings = await FindingsAsync(Loops);
        Assert.Equal(2, findings.Length);
        var baseline = BaselineComparison.Of(findings, BaselinePath);
        Assert.Equal(new[] { 0, 1 }, baseline.Entries.Select(e => e.Occurrence));
        // Written entries carry the message for people reading the file; it is not part of the key.
        Assert.All(baseline.Entries, e => Assert.StartsWith("'a' allocates a new byte[8]", e.Message));

        var comparison = BaselineComparison.Compare(findings, baseline, BaselinePath);
        Assert.Empty(comparison.New);
        Assert.Empty(comparison.Stale);
        Assert.Equal(2, comparison.Accepted.Length);
    }

    [Fact]
    public async Task AThirdIdenticalLoop_IsNew_AndAFixedOne_LeavesAStaleEntry()
    {
        var baseline = BaselineComparison.Of(await FindingsAsync(Loops), BaselinePath);

        var three = Loops.Replace("return n;", "for (int i = 0; i < 4; i++) { var a = new byte[8]; n += s.Read(a, 0, a.Length); }\n        return n;");
        var grown = BaselineComparison.Compare(await FindingsAsync(three), baseline, BaselinePath);
        Assert.Single(grown.New);
        Assert.Empty(grown.Stale);

        var one = Loops.Replace("        for (int i = 0; i < 4; i++) { var a = new byte[8]; n += s.Read(a, 0, a.Length); }\n        return n;", "        return n;");
        var shrunk = BaselineComparison.Compare(await FindingsAsync(one), baseline, BaselinePath);
        Assert.Empty(shrunk.New);
        Assert.Equal(1, Assert.Single(shrunk.Stale).Occurrence);
    }

    [Fact]
    public void TheStore_WritesAtomically_AndRefusesToReplaceAFileItCannotRead()
    {
        var folder = Directory.CreateTempSubdirectory("fragless-store-").FullName;
        try
        {
            var path = Path.Combine(folder, BaselineFile.FileName);
            BaselineStore.Write(path, new BaselineFile(new[] { new BaselineEntry("a.cs", "FRAG001", "A.M()", "x", 0) }));
            Assert.Single(BaselineStore.Read(path).Entries);
            Assert.Equal(new[] { path }, Directory.GetFiles(folder));

            File.WriteAllText(path, "{ \"version\": 1, \"entries\": [");
            Assert.Throws<ToolException>(() => BaselineStore.Read(path));
            Assert.Throws<ToolException>(() => BaselineStore.EnsureReplaceable(path));
            Assert.Throws<ToolException>(() => BaselineStore.Read(Path.Combine(folder, "missing.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
