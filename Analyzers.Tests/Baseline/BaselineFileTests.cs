using System.Linq;
using Fragless.Analyzers.Internals.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Baseline;

/// <summary>The baseline file's format (read, write, never throw) and the key of a diagnostic.</summary>
public class BaselineFileTests
{
    private static readonly DiagnosticDescriptor Rule = new("FRAG001", "t", "m", "c", DiagnosticSeverity.Warning, true);

    [Fact]
    public void WrittenEntries_ReadBackEqual_InAFixedOrder()
    {
        var entries = new[]
        {
            new BaselineEntry("src/B.cs", "FRAG002", "B.M()", "var x = r.ReadBytes(4); // \"quoted\" \\ tab\t", 1, "message"),
            new BaselineEntry("src/A.cs", "FRAG001", "A.M(int)", "var b = new byte[4];", 0),
            new BaselineEntry("src/A.cs", "FRAG001", "A.M(int)", "var b = new byte[4];", 0),
        };
        var text = new BaselineFile(entries).Write();
        var read = BaselineFile.Parse(text, out var error, out _);

        Assert.True(read != null, error);
        Assert.Equal(new[] { "src/A.cs", "src/A.cs", "src/B.cs" }, read!.Entries.Select(e => e.File));
        Assert.Equal(entries[0], read.Entries[2]);
        Assert.Equal(entries[0].Code, read.Entries[2].Code);
        Assert.Equal("message", read.Entries[2].Message);
        Assert.Equal(text, new BaselineFile(read.Entries).Write());
    }

    [Fact]
    public void AnEmptyBaseline_IsValid()
    {
        var text = new BaselineFile(Array.Empty<BaselineEntry>()).Write();
        Assert.NotNull(BaselineFile.Parse(text, out _, out _));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"version\":1,\"entries\":[{\"file\":\"a\",\"rule\":\"FRAG001\",\"member\":\"m\",\"code\":\"c\",\"occurrence\":-1}]}")]
    [InlineData("{\"version\":1,\"entries\":[{\"file\":\"a\",\"rule\":\"FRAG001\",\"member\":\"m\",\"code\":\"c\",\"occurrence\":1.5}]}")]
    [InlineData("{\"version\":1,\"entries\":[1]}")]
    [InlineData("{\"version\":1,\"entries\":{}}")]
    [InlineData("{\"version\":\"1\",\"entries\":[]}")]
    [InlineData("{\"version\":1,\"entries\":[]} trailing")]
    [InlineData("{\"version\":1,\"entries\":[\"\\u12\"]}")]
    [InlineData("\u0000\u0001\uFFFF")]
    public void MalformedText_IsAnError_NotAnException(string text)
    {
        Assert.Null(BaselineFile.Parse(text, out var error, out var line));
        Assert.NotEmpty(error);
        Assert.True(line >= 1);
    }

    [Fact]
    public void RandomText_NeverThrows()
    {
        var random = new Random(11);
        var valid = new BaselineFile(new[] { new BaselineEntry("a.cs", "FRAG001", "A.M()", "x", 0) }).Write();
        for (var i = 0; i < 2000; i++)
        {
            var chars = valid.ToCharArray();
            for (var j = random.Next(1, 4); j > 0; j--)
                { const string noise = "{}[]\",:\\ 0a\n"; chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)]; }
            BaselineFile.Parse(new string(chars), out _, out _);
        }

        // Deep nesting is an error too, not a stack overflow.
        Assert.Null(BaselineFile.Parse(new string('[', 100_000), out _, out _));
    }

    [Theory]
    [InlineData("/repo/src/A.cs", "/repo", "src/A.cs")]
    [InlineData("/repo/src/A.cs", "/repo/", "src/A.cs")]
    [InlineData("C:\\repo\\src\\A.cs", "c:\\Repo", "src/A.cs")]
    [InlineData("/repo/other/A.cs", "/repo/src", "../other/A.cs")]
    [InlineData("D:\\x\\A.cs", "C:\\repo", "D:/x/A.cs")]
    [InlineData("A.cs", "", "A.cs")]
    public void Paths_AreRelativeToTheBaselinesFolder(string path, string folder, string expected)
    {
        Assert.Equal(expected, BaselineKey.RelativePath(path, folder));
    }

    [Fact]
    public void TheKey_NamesTheMember_TheLine_AndWhichOfItsEqualLinesItIs()
    {
        var source = """
            namespace N
            {
                class Outer<T>
                {
                    class Sensor
                    {
                        int Poll(System.IO.Stream s, int[]   counts)
                        {
                            var b   = new byte[4];
                            var b = new byte[4];
                            int Local() { return new byte[2].Length; }
                            return 0;
                        }
                        Sensor() { var b = new byte[4]; }
                        static Sensor() { }
                        int this[int i] => new byte[i].Length;
                        byte[] field = new byte[8];
                    }
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "/repo/src/Sensor.cs");
        BaselineEntry At(string text, int nth = 0)
        {
            var index = -1;
            for (var i = 0; i <= nth; i++)
                index = source.IndexOf(text, index + 1, StringComparison.Ordinal);
            var diagnostic = Diagnostic.Create(Rule, Location.Create(tree, new TextSpan(index, text.Length)));
            return BaselineKey.For(diagnostic, "/repo")!;
        }

        var first = At("new byte[4]");
        Assert.Equal("src/Sensor.cs", first.File);
        Assert.Equal("Outer`1.Sensor.Poll(System.IO.Stream,int[])", first.Member);
        Assert.Equal("var b = new byte[4];", first.Code);
        Assert.Equal(0, first.Occurrence);
        Assert.Equal(1, At("new byte[4]", 1).Occurrence);
        Assert.Equal("Outer`1.Sensor.Poll(System.IO.Stream,int[])", At("new byte[2]").Member);
        Assert.Equal("Outer`1.Sensor..ctor()", At("new byte[4]", 2).Member);
        Assert.Equal(0, At("new byte[4]", 2).Occurrence);
        Assert.Equal("Outer`1.Sensor.this[int]", At("new byte[i]").Member);
        Assert.Equal("Outer`1.Sensor.field", At("new byte[8]").Member);
    }

    [Fact]
    public void TopLevelStatements_HaveOneMemberName()
    {
        var tree = CSharpSyntaxTree.ParseText("var b = new byte[4];\nSystem.Console.WriteLine(b.Length);\n", path: "/p/Program.cs");
        var diagnostic = Diagnostic.Create(Rule, Location.Create(tree, new TextSpan(8, 11)));
        Assert.Equal(BaselineKey.TopLevelMember, BaselineKey.For(diagnostic, "/p")!.Member);
    }

    [Fact]
    public void ADiagnosticOutsideSource_HasNoKey()
    {
        Assert.Null(BaselineKey.For(Diagnostic.Create(Rule, Location.None), "/p"));
    }
}
