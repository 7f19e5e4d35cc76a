using VerifyFix = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Tests.Verifiers.Tests.ByteArrayAnalyzer,
    Fragless.Analyzers.Tests.Verifiers.Tests.AllocateArrayFix>;

namespace Fragless.Analyzers.Tests.Verifiers.Tests;

public class BehaviorTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.MetadataReference> Net10 = TestReferences.Resolve(TestReferences.Net10);

    private const string Program = """
        using System;

        class Program
        {
            static void Main()
            {
                var a = [|new byte[3]|];
                Console.WriteLine(a.Length);
            }
        }
        """;

    [Fact]
    public async Task BehaviourPreservingFixPasses()
    {
        await new VerifyFix.Test
        {
            TestCode = Program,
            FixedCode = Program.Replace("[|new byte[3]|]", "System.GC.AllocateArray<byte>(3)"),
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task BehaviourChangingFixFails()
    {
        var exception = await Assert.ThrowsAsync<BehaviorCheckException>(() => new CSharpCodeFixVerifier<ByteArrayAnalyzer, OutputChangingFix>.Test
        {
            TestCode = Program,
            FixedCode = Program.Replace("[|new byte[3]|]", "System.GC.AllocateArray<byte>(3 + 1)"),
            BehaviorEntryPoint = "Main",
        }.RunAsync());
        Assert.Contains("Behaviour check", exception.Message);
        Assert.Contains("| 3", exception.Message);
        Assert.Contains("| 4", exception.Message);
    }

    [Fact]
    public async Task TopLevelStatementsAndStaticMethods()
    {
        await new VerifyFix.Test
        {
            TestCode = "var a = [|new byte[3]|];\nSystem.Console.Write(a.Length);",
            FixedCode = "var a = System.GC.AllocateArray<byte>(3);\nSystem.Console.Write(a.Length);",
            BehaviorEntryPoint = "Main",
        }.RunAsync();

        await new VerifyFix.Test
        {
            TestCode = "namespace N { static class Lengths { public static int Get() => [|new byte[5]|].Length; } }",
            FixedCode = "namespace N { static class Lengths { public static int Get() => System.GC.AllocateArray<byte>(5).Length; } }",
            BehaviorEntryPoint = "N.Lengths.Get",
        }.RunAsync();
    }

    [Fact]
    public async Task BehaviourCheckWorksForTheNetStandardReferenceSet()
    {
        await new VerifyFix.Test
        {
            TestCode = "public static class S { public static int Run() => [|new byte[7]|].Length; }",
            FixedCode = "public static class S { public static int Run() => ((byte[])System.Array.CreateInstance(typeof(byte), 7)).Length; }",
            ReferenceAssemblies = TestReferences.NetStandard20,
            CodeActionEquivalenceKey = AllocateArrayFix.CreateInstanceKey,
            BehaviorEntryPoint = "S.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task BehaviourCheckMustObserveSomething()
    {
        var exception = await Assert.ThrowsAsync<BehaviorCheckException>(() => new VerifyFix.Test
        {
            TestCode = "static class S { public static void Run() { var a = [|new byte[5]|]; } }",
            FixedCode = "static class S { public static void Run() { var a = System.GC.AllocateArray<byte>(5); } }",
            BehaviorEntryPoint = "S.Run",
        }.RunAsync());
        Assert.Contains("observes nothing", exception.Message);
    }

    [Fact]
    public async Task RunnerReportsOutputReturnValueAndException()
    {
        var result = await BehaviorRunner.RunAsync(
            "public static class S { public static int Run() { System.Console.Write(\"hi\"); System.Console.Error.Write(\"err\"); return 42; } }",
            "S.Run",
            Net10);
        Assert.Equal(new ExecutionResult("hi", "err", "42", null), result);

        var thrown = await BehaviorRunner.RunAsync(
            "public static class S { public static void Run() => throw new System.InvalidOperationException(); }",
            "S.Run",
            Net10);
        Assert.Equal("System.InvalidOperationException", thrown.ExceptionType);
        Assert.Equal("void", thrown.ReturnValue);

        var asyncResult = await BehaviorRunner.RunAsync(
            "public static class S { public static async System.Threading.Tasks.Task<string> Run() { await System.Threading.Tasks.Task.Yield(); return \"done\"; } }",
            "S.Run",
            Net10);
        Assert.Equal("done", asyncResult.ReturnValue);
    }

    [Fact]
    public async Task NetStandardCompiledCodeRuns()
    {
        var result = await BehaviorRunner.RunAsync(
            "public static class S { public static string Run() { var b = new byte[4]; System.Console.Write(b.Length); return typeof(object).Name; } }",
            "S.Run",
            TestReferences.Resolve(TestReferences.NetStandard20));
        Assert.Equal(new ExecutionResult("4", "", "Object", null), result);
    }

    [Fact]
    public async Task AdditionalReferencesAreUsedToCompileAndRun()
    {
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(ReferencedHelper).Assembly.Location);
        var result = await BehaviorRunner.RunAsync(
            "public static class S { public static int Run() => Fragless.Analyzers.Tests.Verifiers.Tests.ReferencedHelper.Value; }",
            "S.Run",
            Net10.Add(reference),
            new[] { reference.FilePath! });
        Assert.Equal("42", result.ReturnValue);

        await new VerifyFix.Test
        {
            TestCode = "public static class S { public static int Run() => [|new byte[Fragless.Analyzers.Tests.Verifiers.Tests.ReferencedHelper.Value]|].Length; }",
            FixedCode = "public static class S { public static int Run() => System.GC.AllocateArray<byte>(Fragless.Analyzers.Tests.Verifiers.Tests.ReferencedHelper.Value).Length; }",
            TestState = { AdditionalReferences = { reference } },
            BehaviorEntryPoint = "S.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task RunnerTimesOut()
    {
        var exception = await Assert.ThrowsAsync<BehaviorCheckException>(() => BehaviorRunner.RunAsync(
            "public static class S { public static void Run() => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); }",
            "S.Run",
            Net10,
            timeout: TimeSpan.FromMilliseconds(300)));
        Assert.Contains("did not finish", exception.Message);
    }

    [Fact]
    public async Task CodeThatDoesNotCompileFails()
    {
        await Assert.ThrowsAsync<BehaviorCheckException>(() => BehaviorRunner.RunAsync("public static class S { }", "Main", Net10));
    }
}

/// <summary>Referenced from compiled test code through <c>AdditionalReferences</c>.</summary>
public static class ReferencedHelper
{
    public static int Value => 42;
}
