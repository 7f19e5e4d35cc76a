using VerifyFix = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Tests.Verifiers.Tests.ByteArrayAnalyzer,
    Fragless.Analyzers.Tests.Verifiers.Tests.AllocateArrayFix>;

namespace Fragless.Analyzers.Tests.Verifiers.Tests;

public class CodeFixVerifierTests
{
    private const string Source = """
        class C
        {
            byte[] M() => [|new byte[10]|];
            byte[] N() => [|new byte[20]|];
        }
        """;

    private const string Fixed = """
        class C
        {
            byte[] M() => System.GC.AllocateArray<byte>(10);
            byte[] N() => System.GC.AllocateArray<byte>(20);
        }
        """;

    [Fact]
    public async Task CorrectFixPasses()
    {
        await VerifyFix.VerifyCodeFixAsync(Source, Fixed);
    }

    [Fact]
    public async Task WrongFixedCodeFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => VerifyFix.VerifyCodeFixAsync(Source, Fixed.Replace("(20)", "(21)")));
        Assert.Contains("does not match", exception.Message);
        Assert.Contains("- ", exception.Message);
    }

    [Fact]
    public async Task ExpectedDiagnosticsOverloadsWork()
    {
        await VerifyFix.VerifyCodeFixAsync(
            "class C { byte[] M() => {|#0:new byte[10]|}; }",
            VerifyFix.Diagnostic().WithLocation(0).WithArguments("10"),
            "class C { byte[] M() => System.GC.AllocateArray<byte>(10); }");
        await VerifyFix.VerifyAnalyzerAsync("class C { byte[] M() => [|new byte[10]|]; }");
    }

    [Fact]
    public async Task FixThatBreaksCompilationFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => CSharpCodeFixVerifier<ByteArrayAnalyzer, CompileErrorFix>.VerifyCodeFixAsync(
            "class C { byte[] M() => [|new byte[10]|]; }",
            "class C { byte[] M() => UndefinedAllocate(10); }"));
        Assert.Contains("FixedCode", exception.Message);
        Assert.Contains("CS0103", exception.Message);

        // Passes when the error is expected in the fixed code.
        await CSharpCodeFixVerifier<ByteArrayAnalyzer, CompileErrorFix>.VerifyCodeFixAsync(
            "class C { byte[] M() => [|new byte[10]|]; }",
            "class C { byte[] M() => {|CS0103:UndefinedAllocate|}(10); }");
    }

    [Fact]
    public async Task FixThatLoopsFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => CSharpCodeFixVerifier<ByteArrayAnalyzer, LoopingFix>.VerifyCodeFixAsync(
            "class C { byte[] M() => [|new byte[10]|]; }",
            "class C { byte[] M() => new byte[(10)]; }"));
        Assert.Contains("loops", exception.Message);
    }

    [Fact]
    public async Task InconsistentFixAllFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(
            () => CSharpCodeFixVerifier<ByteArrayAnalyzer, InconsistentFixAllFix>.VerifyCodeFixAsync(Source, Fixed));
        Assert.Contains("FixAll", exception.Message);

        // Passes when BatchFixedCode states what FixAll does.
        await new CSharpCodeFixVerifier<ByteArrayAnalyzer, InconsistentFixAllFix>.Test
        {
            TestCode = Source,
            FixedCode = Fixed,
            BatchFixedCode = Fixed.Replace("AllocateArray", "AllocateUninitializedArray"),
        }.RunAsync();
    }

    [Fact]
    public async Task NoIncrementalIterationsPassesWhenNoFixIsOffered()
    {
        await new CSharpCodeFixVerifier<ByteArrayAnalyzer, NoActionFix>.Test
        {
            TestCode = Source,
            NumberOfIncrementalIterations = 0,
        }.RunAsync();

        await new CSharpCodeFixVerifier<ByteArrayAnalyzer, NoActionFix>.Test
        {
            TestCode = Source,
            FixedCode = Source,
            NumberOfIncrementalIterations = 0,
        }.RunAsync();
    }

    [Fact]
    public async Task NoIncrementalIterationsFailsWhenAFixIsOffered()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => new VerifyFix.Test
        {
            TestCode = Source,
            NumberOfIncrementalIterations = 0,
        }.RunAsync());
        Assert.Contains("NumberOfIncrementalIterations is 0", exception.Message);
    }

    [Fact]
    public async Task ExactIncrementalIterationsAreEnforced()
    {
        await new VerifyFix.Test { TestCode = Source, FixedCode = Fixed, NumberOfIncrementalIterations = 2 }.RunAsync();
        await Assert.ThrowsAsync<VerifierException>(
            () => new VerifyFix.Test { TestCode = Source, FixedCode = Fixed, NumberOfIncrementalIterations = 1 }.RunAsync());
        await Assert.ThrowsAsync<VerifierException>(
            () => new VerifyFix.Test { TestCode = Source, FixedCode = Fixed, NumberOfIncrementalIterations = 3 }.RunAsync());
    }

    [Fact]
    public async Task EquivalenceKeySelectsTheSecondAction()
    {
        const string createInstance = """
            class C
            {
                byte[] M() => ((byte[])System.Array.CreateInstance(typeof(byte), 10));
                byte[] N() => ((byte[])System.Array.CreateInstance(typeof(byte), 20));
            }
            """;

        await new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = createInstance,
            CodeActionEquivalenceKey = AllocateArrayFix.CreateInstanceKey,
        }.RunAsync();

        await new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = createInstance,
            CodeActionIndex = 1,
        }.RunAsync();

        // Index and key must agree.
        await Assert.ThrowsAsync<VerifierException>(() => new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = createInstance,
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = AllocateArrayFix.CreateInstanceKey,
        }.RunAsync());
    }

    [Fact]
    public async Task FixesAcrossDocumentsInEveryFixAllScope()
    {
        await new VerifyFix.Test
        {
            TestCode = Source,
            AdditionalSources = { ("Test1.cs", "class D { byte[] M() => [|new byte[1]|]; }"), ("Test2.cs", "class E { }") },
            FixedCode = Fixed,
            AdditionalFixedSources = { ("Test1.cs", "class D { byte[] M() => System.GC.AllocateArray<byte>(1); }") },
        }.RunAsync();
    }

    [Fact]
    public async Task RemainingDiagnosticsAreMarkedInFixedCode()
    {
        // The fix does not apply to `new byte[n]` with an unknown equivalence key: nothing is fixed.
        await new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = Source,
            CodeActionEquivalenceKey = "NoSuchKey",
        }.RunAsync();

        var exception = await Assert.ThrowsAsync<VerifierException>(() => new VerifyFix.Test
        {
            TestCode = Source,
            FixedCode = MarkupParser.Strip(Source),
            CodeActionEquivalenceKey = "NoSuchKey",
        }.RunAsync());
        Assert.Contains("FixedCode", exception.Message);
    }

    [Fact]
    public async Task TreeThatDoesNotRoundTripFails()
    {
        var exception = await Assert.ThrowsAsync<VerifierException>(() => CSharpCodeFixVerifier<ByteArrayAnalyzer, NonRoundTrippingFix>.VerifyCodeFixAsync(
            "class C { byte[] M() => [|new byte[10]|]; }",
            "class C { byte[] M() => System.GC.AllocateArray<byte>(10 * 2 + 1); }"));
        Assert.True(exception.Message.Contains("Re-parse"), exception.Message);
    }

    [Fact]
    public async Task ReplacingTheOnlyStatementOfABlockRoundTrips()
    {
        // IsEquivalentTo alone reports these trees as different (internal list representation); the check must not.
        await VerifyFix.VerifyCodeFixAsync(
            "class P { static int M() { return [|new byte[3]|].Length; } }",
            "class P { static int M() { return System.GC.AllocateArray<byte>(3).Length; } }");
    }
}
