using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// The two targets a nanoFramework test runs on: nanoFramework's mscorlib with the device stubs (the fixed code must
/// compile there) and net10.0 with the same stubs and a test-only SpanByte (where the behaviour check runs the code).
/// </summary>
public static class NanoFrameworkTargets
{
    public const string NanoFramework = "nanoFramework";
    public const string Net = "net10.0";

    /// <summary>For <c>[Theory, MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]</c>.</summary>
    public static TheoryData<string> Both => new() { NanoFramework, Net };

    public static ReferenceAssemblies References(string target)
        => target == NanoFramework ? TestReferences.NanoFramework : TestReferences.Net10;

    public static MetadataReference Devices(string target)
        => TestReferences.NanoFrameworkDevices(References(target));

    /// <summary>The entry point to run before and after the fix: only on .NET, where the test process can run it.</summary>
    public static string? Behavior(string target, string entryPoint = "Main")
        => target == Net ? entryPoint : null;

    /// <summary>
    /// Where the fix differs by target (.NET has BitConverter.TryWriteBytes, nanoFramework does not), the code as fixed
    /// for nanoFramework is run on .NET against the original: both compiled for net10.0 with the device stubs and the
    /// test-only SpanByte, markup removed.
    /// </summary>
    public static async Task VerifyNanoFixBehaviorOnNetAsync(string testCode, string nanoFixedCode, string entryPoint = "Main")
    {
        var devices = (PortableExecutableReference)Devices(Net);
        var references = TestReferences.Resolve(TestReferences.Net10).Add(devices);
        Compilation Compile(string markup)
        {
            TestFileMarkupParser.GetSpans(markup, out string text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            return CSharpCompilation.Create(
                "Program",
                new[] { CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)) },
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        }

        await BehaviorRunner.VerifySameBehaviorAsync(Compile(testCode), Compile(nanoFixedCode), entryPoint, new[] { devices.FilePath! }).ConfigureAwait(false);
    }
}
