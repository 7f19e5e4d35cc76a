using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Fragless.Analyzers.Rules;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// A whole assembly is out of scope when what it references says it never ships to the device or the player: a test
/// framework (a test assembly) or the C# compiler or MSBuild (build-time code: analyzers, generators, compilers,
/// build tasks). Every rule that asks the churn model then reports nothing in it, unless
/// <c>fragless.exclude_defaults = false</c>.
/// </summary>
public class ExcludedAssemblyTests
{
    private const string PerIteration = """
        class Codec
        {
            public int Pack(int n)
            {
                var total = 0;
                for (int i = 0; i < n; i++)
                {
                    var block = {|#0:new byte[8]|};
                    block[0] = (byte)i;
                    total += block[0];
                }
                return total;
            }
        }
        """;

    private const string AllocatingRead = """
        class Codec
        {
            public int Pack(int n)
            {
                var total = 0;
                for (int i = 0; i < n; i++)
                {
                    var bytes = {|#0:System.BitConverter.GetBytes(i)|};
                    total += bytes[0];
                }
                return total;
            }
        }
        """;

    private const string LargePerCall = """
        class Codec
        {
            public int Bake()
            {
                var image = {|#0:new byte[8192]|};
                image[0] = 1;
                return image[0];
            }
        }
        """;

    public static TheoryData<string> NeverShippedAssemblies => new()
    {
        "Microsoft.CodeAnalysis",
        "Microsoft.Build",
        "Microsoft.Build.Framework",
        "Microsoft.Build.Utilities.Core",
        "xunit.core",
        "nunit.framework",
    };

    [Theory]
    [MemberData(nameof(NeverShippedAssemblies))]
    public Task BufferAllocationInLoop_InAnAssemblyThatReferences_IsOutOfScope(string assembly)
        => VerifyAsync<BufferAllocationInLoopAnalyzer>(PerIteration, assembly, reported: false);

    [Theory]
    [MemberData(nameof(NeverShippedAssemblies))]
    public Task AllocatingRead_InAnAssemblyThatReferences_IsOutOfScope(string assembly)
        => VerifyAsync<AllocatingReadAnalyzer>(AllocatingRead, assembly, reported: false);

    [Theory]
    [MemberData(nameof(NeverShippedAssemblies))]
    public Task LargeAllocation_InAnAssemblyThatReferences_IsOutOfScope(string assembly)
        => VerifyAsync<LargeAllocationAnalyzer>(LargePerCall, assembly, reported: false);

    [Theory]
    [InlineData("Microsoft.CodeAnalysis")]
    [InlineData("xunit.core")]
    public async Task WithExcludeDefaultsFalse_EveryRuleReportsThere(string assembly)
    {
        await VerifyAsync<BufferAllocationInLoopAnalyzer>(PerIteration, assembly, reported: true, "fragless.exclude_defaults = false");
        await VerifyAsync<AllocatingReadAnalyzer>(AllocatingRead, assembly, reported: true, "fragless.exclude_defaults = false");
        await VerifyAsync<LargeAllocationAnalyzer>(LargePerCall, assembly, reported: true, "fragless.exclude_defaults = false");
    }

    [Theory]
    [InlineData("Microsoft.CodeAnalysisLike")] // a name that only starts like the compiler's
    [InlineData("Game.Build")]
    public async Task AnAssemblyWithAnotherName_DoesNotExcludeTheCode(string assembly)
    {
        await VerifyAsync<BufferAllocationInLoopAnalyzer>(PerIteration, assembly, reported: true);
        await VerifyAsync<LargeAllocationAnalyzer>(LargePerCall, assembly, reported: true);
    }

    private static async Task VerifyAsync<TAnalyzer>(string source, string referencedAssembly, bool reported, string? editorConfig = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test
        {
            TestCode = reported ? source : source.Replace("{|#0:", "").Replace("|}", ""),
        };
        test.TestState.AdditionalReferences.Add(TestReferences.NamedAssembly(referencedAssembly, "namespace Stand.In { public class Marker { } }"));
        if (editorConfig != null)
            test.TestState.AnalyzerConfigFiles.Add(EditorConfigFile.ForCSharp(editorConfig));
        if (reported)
            test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic().WithLocation(0));
        await test.RunAsync();
    }
}
