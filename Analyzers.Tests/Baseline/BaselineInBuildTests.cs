using System.Linq;
using Fragless.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer>;
using VerifyBaseline = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.BaselineAnalyzer>;

namespace Fragless.Analyzers.Tests.Baseline;

/// <summary>
/// fragless.baseline.json as an additional file: the diagnostics it lists are not reported, new ones are, an entry
/// that matches nothing is FRAG010 (at its line of the file), and a file that cannot be read is FRAG011 and hides
/// nothing.
/// </summary>
public class BaselineInBuildTests
{
    private const string Sensor = """
        using System.IO;

        class Sensor
        {
            static int Poll(Stream input)
            {
                int total = 0;
                for (int i = 0; i < 8; i++)
                {
                    var frame = [|new byte[16]|];
                    total += input.Read(frame, 0, frame.Length);
                }
                return total;
            }
        }
        """;

    /// <summary>The entry the tool writes for the one FRAG001 in <see cref="Sensor"/> (the test's file is /0/Test0.cs).</summary>
    private const string SensorEntry = """    { "file": "Test0.cs", "rule": "FRAG001", "member": "Sensor.Poll(Stream)", "code": "var frame = new byte[16];", "occurrence": 0 }""";

    private static string BaselineWith(params string[] entries) =>
        "{\n  \"version\": 1,\n  \"entries\": [\n" + string.Join(",\n", entries) + "\n  ]\n}\n";

    [Fact]
    public async Task WithoutABaseline_TheDiagnosticIsReported()
    {
        await Verify.VerifyAnalyzerAsync(Sensor);
    }

    [Fact]
    public async Task ADiagnosticTheBaselineLists_IsNotReported()
    {
        await new Verify.Test
        {
            TestCode = Sensor.Replace("[|", string.Empty).Replace("|]", string.Empty),
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(SensorEntry)) } },
        }.RunAsync();
    }

    [Fact]
    public async Task EditsAboveTheLine_DoNotInvalidateTheEntry()
    {
        var edited = Sensor.Replace("[|", string.Empty).Replace("|]", string.Empty)
            .Replace("using System.IO;", "using System;\nusing System.IO;\n\n// A comment added later.")
            .Replace("int total = 0;", "int total = 0;\n        int unused = 1;");
        await new Verify.Test
        {
            TestCode = edited,
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(SensorEntry)) } },
        }.RunAsync();
    }

    [Fact]
    public async Task ANewDiagnostic_IsReported_AndTheBaselinedOneIsNot()
    {
        var source = """
            using System.IO;

            class Sensor
            {
                static int Poll(Stream input)
                {
                    int total = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        var frame = new byte[16];
                        total += input.Read(frame, 0, frame.Length);
                    }
                    for (int i = 0; i < 8; i++)
                    {
                        var frame = [|new byte[16]|];
                        total += input.Read(frame, 0, frame.Length);
                    }
                    return total;
                }
            }
            """;
        await new Verify.Test
        {
            TestCode = source,
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(SensorEntry)) } },
        }.RunAsync();
    }

    [Fact]
    public async Task AnEntryThatMatchesNothing_IsFrag010AtItsLine()
    {
        var fixedSource = """
            using System.IO;

            class Sensor
            {
                static readonly byte[] Frame = new byte[16];

                static int Poll(Stream input)
                {
                    int total = 0;
                    for (int i = 0; i < 8; i++)
                        total += input.Read(Frame, 0, Frame.Length);
                    return total;
                }
            }
            """;
        await new Verify.Test
        {
            TestCode = fixedSource,
            TestState =
            {
                AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith("{|#0:" + SensorEntry + "|}")) },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(BaselineAnalyzer.StaleEntryRule).WithLocation(0)
                        .WithMessage("The baseline accepts a FRAG001 in 'Sensor.Poll(Stream)' of 'Test0.cs' that is no longer there; remove the entry (fragless baseline prune)"),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task EntriesForOtherProjectsFiles_AreNotStale()
    {
        var other = """    { "file": "../OtherProject/Radio.cs", "rule": "FRAG001", "member": "Radio.Send()", "code": "var packet = new byte[32];", "occurrence": 0 }""";
        await new Verify.Test
        {
            TestCode = "class C { }",
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(other)) } },
        }.RunAsync();
    }

    [Fact]
    public async Task EntriesOfAnotherRule_AreNotThisRulesToReport()
    {
        var frag002 = """    { "file": "Test0.cs", "rule": "FRAG002", "member": "C.M()", "code": "var b = r.ReadBytes(4);", "occurrence": 0 }""";
        await new Verify.Test
        {
            TestCode = "class C { void M() { } }",
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(frag002)) } },
        }.RunAsync();
    }

    [Fact]
    public async Task ACorruptBaseline_HidesNothing()
    {
        await new Verify.Test
        {
            TestCode = Sensor,
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", "{ \"version\": 1, \"entries\": [ { \"file\": ") } },
        }.RunAsync();
    }

    /// <summary>The line marked {|#0:…|} is where the file goes wrong; the message names it too.</summary>
    [Theory]
    [InlineData("{|#0:|}", "the file is empty")]
    [InlineData("{ \"version\": 1,\n{|#0:  \"entries\": [ { \"file\": |}", "unexpected end of the document")]
    [InlineData("{|#0:[1, 2]|}", "the document is not a JSON object")]
    [InlineData("{|#0:{ \"version\": 7, \"entries\": [] }|}", "\"version\" must be 1")]
    [InlineData("{ \"version\": 1,\n\n  \"entries\": [\n{|#0:    { \"rule\": \"FRAG001\" }|}\n  ]\n}", "an entry lacks \"file\", \"rule\", \"member\" or \"code\"")]
    public async Task ACorruptBaseline_IsFrag011_WithWhereAndWhy(string text, string reason)
    {
        var line = 1 + text.Substring(0, text.IndexOf("{|#0:", StringComparison.Ordinal)).Count(c => c == '\n');
        await new VerifyBaseline.Test
        {
            TestCode = "class C { }",
            TestState =
            {
                AdditionalFiles = { ("/0/fragless.baseline.json", text) },
                ExpectedDiagnostics =
                {
                    VerifyBaseline.Diagnostic(BaselineAnalyzer.UnreadableRule).WithLocation(0)
                        .WithMessage("fragless.baseline.json line " + line + ": " + reason + "; no diagnostic is taken from the baseline"),
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task AReadableBaseline_IsNotFrag011()
    {
        await new VerifyBaseline.Test
        {
            TestCode = "class C { }",
            TestState = { AdditionalFiles = { ("/0/fragless.baseline.json", BaselineWith(SensorEntry)) } },
        }.RunAsync();
    }
}
