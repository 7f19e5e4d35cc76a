using Microsoft.CodeAnalysis;
using VerifyBytes = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Tests.Verifiers.Tests.ByteArrayAnalyzer>;

namespace Fragless.Analyzers.Tests.Verifiers.Tests;

public class AnalyzerVerifierTests
{
    [Fact]
    public async Task MarkedDiagnosticPasses()
    {
        await VerifyBytes.VerifyAnalyzerAsync("""
            class C
            {
                byte[] M() => [|new byte[10]|];
                int[] N() => new int[10];
            }
            """);
    }

    [Fact]
    public async Task MissingDiagnosticFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => VerifyBytes.VerifyAnalyzerAsync("""
            class C
            {
                int[] M() => [|new int[10]|];
            }
            """));
        Assert.Contains("Missing", exception.Message);
    }

    [Fact]
    public async Task UnexpectedDiagnosticFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => VerifyBytes.VerifyAnalyzerAsync("""
            class C
            {
                byte[] M() => new byte[10];
            }
            """));
        Assert.Contains("Unexpected", exception.Message);
        Assert.Contains("TEST001", exception.Message);
    }

    [Fact]
    public async Task WrongSpanFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => VerifyBytes.VerifyAnalyzerAsync("""
            class C
            {
                byte[] M() => new [|byte[10]|];
            }
            """));
        Assert.Contains("wrong span", exception.Message);
    }

    [Fact]
    public async Task MessageArgumentsAreCompared()
    {
        const string source = """
            class C
            {
                byte[] M() => {|#0:new byte[10]|};
            }
            """;

        await VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic().WithLocation(0).WithArguments("10"));

        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic().WithLocation(0).WithArguments("11")));
        Assert.Contains("wrong message", exception.Message);
    }

    [Fact]
    public async Task MessageIsCompared()
    {
        const string source = "class C { byte[] M() => {|#0:new byte[2]|}; }";

        await VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic(ByteArrayAnalyzer.Id).WithLocation(0).WithMessage("Byte array of size 2 is allocated"));
        await Assert.ThrowsAsync<VerifierException>(
            () => VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic().WithLocation(0).WithMessage("something else")));
    }

    [Fact]
    public async Task SeverityIsCompared()
    {
        const string source = "class C { byte[] M() => {|#0:new byte[2]|}; }";

        await VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic(ByteArrayAnalyzer.Rule).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await Assert.ThrowsAsync<VerifierException>(
            () => VerifyBytes.VerifyAnalyzerAsync(source, VerifyBytes.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)));
    }

    [Fact]
    public async Task DiagnosticIdMarkupPasses()
    {
        await VerifyBytes.VerifyAnalyzerAsync("class C { byte[] M() => {|TEST001:new byte[2]|}; }");
    }

    [Fact]
    public async Task ExpectedCompilerErrorPasses()
    {
        await VerifyBytes.VerifyAnalyzerAsync("class C { int M() => {|CS0103:missing|}; }");
        await VerifyBytes.VerifyAnalyzerAsync(
            "class C { int M() => {|#0:missing|}; }",
            DiagnosticResult.CompilerError("CS0103").WithLocation(0).WithArguments("missing"));
    }

    [Fact]
    public async Task UnexpectedCompilerErrorFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => VerifyBytes.VerifyAnalyzerAsync("class C { int M() => missing; }"));
        Assert.Contains("CS0103", exception.Message);
    }

    [Fact]
    public async Task CompilerWarningsAreIgnored()
    {
        // CS0168: variable declared but never used.
        await VerifyBytes.VerifyAnalyzerAsync("class C { void M() { int unused; } }");
    }

    [Fact]
    public async Task UnknownMarkupKeyFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => VerifyBytes.VerifyAnalyzerAsync("class C { byte[] M() => {|#0:new byte[2]|}; }", VerifyBytes.Diagnostic().WithLocation(1)));
        Assert.Contains("#1", exception.Message);
    }

    [Fact]
    public async Task ThrowingAnalyzerFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => CSharpAnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync("class C { }"));
        Assert.Contains("test analyzer failure", exception.Message);
    }

    [Fact]
    public async Task AnalyzerReportingInGeneratedCodeFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => CSharpAnalyzerVerifier<GeneratedCodeReportingAnalyzer>.VerifyAnalyzerAsync("class C { byte[] M() => [|new byte[2]|]; }"));
        Assert.Contains("auto-generated", exception.Message);

        await new CSharpAnalyzerVerifier<GeneratedCodeReportingAnalyzer>.Test
        {
            TestCode = "class C { byte[] M() => [|new byte[2]|]; }",
            SkipGeneratedCodeCheck = true,
        }.RunAsync();
    }

    [Fact]
    public async Task MultipleDocumentsAndWithSpan()
    {
        var test = new VerifyBytes.Test
        {
            TestCode = "class C { byte[] M() => [|new byte[1]|]; }",
            AdditionalSources = { ("Test1.cs", "class D { byte[] M() => {|#0:new byte[2]|}; }"), ("Other.cs", "class E { }") },
            ExpectedDiagnostics = { VerifyBytes.Diagnostic().WithLocation(0).WithArguments("2") },
        };
        await test.RunAsync();

        await VerifyBytes.VerifyAnalyzerAsync(
            "class C { byte[] M() => new byte[1]; }",
            VerifyBytes.Diagnostic().WithSpan(1, 25, 1, 36));
        await Assert.ThrowsAsync<VerifierException>(() => VerifyBytes.VerifyAnalyzerAsync(
            "class C { byte[] M() => new byte[1]; }",
            VerifyBytes.Diagnostic().WithSpan("/0/Test1.cs", 1, 25, 1, 36)));
    }

    [Fact]
    public async Task EditorConfigOptionAndAdditionalFilesReachTheAnalyzer()
    {
        await new CSharpAnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestCode = "{|#0:class|} C { }",
            EditorConfig = "fragless_test.option = hello",
            AdditionalFiles = { ("settings.txt", "abc") },
            ExpectedDiagnostics = { CSharpAnalyzerVerifier<OptionsAnalyzer>.Diagnostic().WithLocation(0).WithArguments("hello", "settings.txt:abc") },
        }.RunAsync();

        // Without the editorconfig the option is unset.
        await CSharpAnalyzerVerifier<OptionsAnalyzer>.VerifyAnalyzerAsync(
            "{|#0:class|} C { }",
            CSharpAnalyzerVerifier<OptionsAnalyzer>.Diagnostic().WithLocation(0).WithArguments("<unset>", ""));
    }

    [Fact]
    public async Task EditorConfigWithOwnSectionsIsUsedVerbatim()
    {
        await new CSharpAnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestCode = "{|#0:class|} C { }",
            AdditionalSources = { ("Other.cs", "{|#1:class|} D { }") },
            EditorConfig = "[Test0.cs]\nfragless_test.option = zero\n\n[Other.cs]\nfragless_test.option = other",
            ExpectedDiagnostics =
            {
                CSharpAnalyzerVerifier<OptionsAnalyzer>.Diagnostic().WithLocation(0).WithArguments("zero", ""),
                CSharpAnalyzerVerifier<OptionsAnalyzer>.Diagnostic().WithLocation(1).WithArguments("other", ""),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task EditorConfigSeverityIsApplied()
    {
        await new VerifyBytes.Test
        {
            TestCode = "class C { byte[] M() => {|#0:new byte[1]|}; }",
            EditorConfig = "dotnet_diagnostic.TEST001.severity = error",
            ExpectedDiagnostics = { VerifyBytes.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
        }.RunAsync();

        await new VerifyBytes.Test
        {
            TestCode = "class C { byte[] M() => new byte[1]; }",
            EditorConfig = "dotnet_diagnostic.TEST001.severity = none",
        }.RunAsync();
    }

    [Fact]
    public async Task NetStandard20HasNoSpan()
    {
        await new VerifyBytes.Test
        {
            TestCode = "class C { void M() { System.{|CS0234:Span<byte>|} s = default; } }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard20,
        }.RunAsync();

        await new VerifyBytes.Test
        {
            TestCode = "using System; class C { void M() { {|CS0246:Span<byte>|} s = default; } }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard20,
        }.RunAsync();

        // The default (net10.0) has it.
        await VerifyBytes.VerifyAnalyzerAsync("class C { void M() { System.Span<byte> s = default; } }");
    }

    [Fact]
    public async Task TopLevelStatementsCompileAsConsoleApplication()
    {
        await VerifyBytes.VerifyAnalyzerAsync("""
            var a = [|new byte[3]|];
            System.Console.WriteLine(a.Length);
            """);
    }

    [Fact]
    public async Task LanguageVersionAndUnsafeAreApplied()
    {
        await new VerifyBytes.Test
        {
            TestCode = "class C { unsafe void M() { int* p = null; } }",
            AllowUnsafeCode = true,
        }.RunAsync();

        await VerifyBytes.VerifyAnalyzerAsync("class C { unsafe void {|CS0227:M|}() { int* p = null; } }");

        // File-scoped namespaces need C# 10.
        await new VerifyBytes.Test
        {
            TestCode = "{|CS8773:namespace|} N; class C { }",
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9,
        }.RunAsync();
    }
}
