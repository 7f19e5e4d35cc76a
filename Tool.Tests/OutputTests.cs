using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Fragless.Tool.Analysis;
using Fragless.Tool.Commands;
using Fragless.Tool.Output;
using Microsoft.CodeAnalysis;

namespace Fragless.Tool.Tests;

/// <summary>The outputs: SARIF 2.1.0's shape, GitHub workflow commands' escaping, the text grouping, the dry-run diff.</summary>
public class OutputTests
{
    private const string Source = """
        public static class Radio
        {
            public static int Send(System.IO.Stream s, int[] values)
            {
                int n = 0;
                for (int i = 0; i < values.Length; i++) { var a = new byte[4]; s.Write(a, 0, a.Length); n += a.Length; }
                return n;
            }
        }
        """;

    private static async Task<Finding[]> FindingsAsync()
    {
        var result = await TestProjects.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, ("Radio, one: two.cs", Source));
        return ProjectAnalysis.Findings(new[] { result }, TestProjects.Root).ToArray();
    }

    [Fact]
    public async Task Sarif_IsVersion210_WithEveryRule_AndOneResultPerFinding()
    {
        var findings = await FindingsAsync();
        using var stream = new MemoryStream();
        SarifOutput.Write(stream, findings, TestProjects.Root, f => "key", f => "new");
        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(FraglessRules.Instance.Descriptors.Count, rules.Count);
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("FRAG001", result.GetProperty("ruleId").GetString());
        Assert.Equal("FRAG001", rules[result.GetProperty("ruleIndex").GetInt32()]);
        Assert.Equal("new", result.GetProperty("baselineState").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Radio%2C%20one%3A%20two.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task GitHub_EscapesPropertiesAndData()
    {
        var findings = await FindingsAsync();
        using var writer = new StringWriter();
        var saved = System.Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        System.Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
        try
        {
            GitHubOutput.Write(writer, findings, TestProjects.Root, accepted: 2);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", saved);
        }

        var lines = writer.ToString().Split('\n');
        Assert.StartsWith("::warning file=Radio%2C one%3A two.cs,line=6,col=", lines[0]);
        Assert.Contains(",title=FRAG001 Buffer allocated inside a loop::", lines[0]);
        Assert.Contains("## Fragless", writer.ToString());
        Assert.Contains("1 new finding (2 accepted by the baseline).", writer.ToString());
    }

    [Fact]
    public async Task Text_GroupsByRuleThenFile()
    {
        var findings = await FindingsAsync();
        using var writer = new StringWriter();
        TextOutput.Write(writer, findings);
        var lines = writer.ToString().Split('\n');
        Assert.Equal("FRAG001: Buffer allocated inside a loop (1 finding)", lines[0].TrimEnd());
        Assert.Equal("  Radio, one: two.cs", lines[1].TrimEnd());
        Assert.StartsWith("    6:", lines[2]);
    }

    [Fact]
    public void TheDryRunDiff_IsAUnifiedDiffWithContext()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => "line " + i)) + "\n";
        var after = before.Replace("line 10\n", "line ten\n").Replace("line 2\n", "line 2\ninserted\n");
        using var writer = new StringWriter();
        FixCommand.WriteDiff(writer, "src/A.cs", before, after);
        var diff = writer.ToString().Split('\n');
        Assert.Equal("--- a/src/A.cs", diff[0]);
        Assert.Equal("+++ b/src/A.cs", diff[1]);
        Assert.Equal("@@ -1,5 +1,6 @@", diff[2]);
        Assert.Contains("+inserted", diff);
        Assert.Contains("-line 10", diff);
        Assert.Contains("+line ten", diff);
        Assert.Equal(2, diff.Count(l => l.StartsWith("@@", System.StringComparison.Ordinal)));
    }
}
