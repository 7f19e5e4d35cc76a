using Frag001 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer>;
using Frag002 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>;
using Frag003 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.LargeAllocationAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// In a game (an assembly that references UnityEngine) the frame is the unit of time: FRAG001, FRAG002 and FRAG003
/// report repeated code on the per-frame path (an Update, its callees, event handlers) and not a loader's, a save's
/// or a menu's loops and calls, unless <c>fragless.game_scope = everywhere</c>.
/// </summary>
public class GameFramePathTests
{
    private const string Level = """
        using System;
        using System.IO;

        public class Level : UnityEngine.MonoBehaviour
        {
            int _n = 2;
            Stream _save = new MemoryStream();

            void Update()
            {
                for (int i = 0; i < 3; i++) { var a = {|#0:new byte[4]|}; _n += a.Length; }
                for (int i = 0; i < 3; i++) { var b = {|#1:BitConverter.GetBytes(i)|}; _save.Write(b, 0, b.Length); }
                Tick();
            }

            void Tick() { var frame = {|#2:new byte[4096]|}; _n += frame.Length; }

            public void Load(int blocks)
            {
                for (int i = 0; i < blocks; i++) { var a = {|#3:new byte[4]|}; _n += a.Length; }
                for (int i = 0; i < blocks; i++) { var b = {|#4:BitConverter.GetBytes(i)|}; _save.Write(b, 0, b.Length); }
            }

            public void Save() { var image = {|#5:new byte[4096]|}; _save.Write(image, 0, image.Length); }
        }
        """;

    private static async Task RunAsync<TTest>(TTest test, bool everywhere)
        where TTest : AnalyzerTest<DefaultVerifier>
    {
        test.TestState.AdditionalReferences.Add(await HotPathAllocationTests.UnityEngineAsync());
        if (everywhere)
            test.TestState.AnalyzerConfigFiles.Add(EditorConfigFile.Global("fragless.game_scope = everywhere"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Frag001_ReportsLoopsOnTheFramePath_NotALoadersLoops()
    {
        await RunAsync(new Frag001.Test
        {
            TestCode = Level,
            ExpectedDiagnostics = { Frag001.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[4] on every iteration of the loop in 'Update', which runs every frame; allocate it once before the loop and reuse it") },
        }, everywhere: false);
    }

    [Fact]
    public async Task Frag002_ReportsCallsOnTheFramePath_NotALoadersCalls()
    {
        await RunAsync(new Frag002.Test { TestCode = Level, ExpectedDiagnostics = { Frag002.Diagnostic().WithLocation(1) } }, everywhere: false);
    }

    [Fact]
    public async Task Frag003_ReportsLargeBuffersOnTheFramePath_NotASavesBuffer()
    {
        await RunAsync(new Frag003.Test { TestCode = Level, ExpectedDiagnostics = { Frag003.Diagnostic().WithLocation(2) } }, everywhere: false);
    }

    [Fact]
    public async Task WithGameScopeEverywhere_RepeatedCodeOffTheFramePathIsReportedToo()
    {
        await RunAsync(new Frag001.Test
        {
            TestCode = Level,
            ExpectedDiagnostics =
            {
                Frag001.Diagnostic().WithLocation(0),
                Frag001.Diagnostic().WithLocation(3).WithMessage("'a' allocates a new byte[4] on every iteration of the loop in 'Load'; allocate it once before the loop and reuse it"),
            },
        }, everywhere: true);
        await RunAsync(new Frag002.Test { TestCode = Level, ExpectedDiagnostics = { Frag002.Diagnostic().WithLocation(1), Frag002.Diagnostic().WithLocation(4) } }, everywhere: true);
        await RunAsync(new Frag003.Test { TestCode = Level, ExpectedDiagnostics = { Frag003.Diagnostic().WithLocation(2), Frag003.Diagnostic().WithLocation(5) } }, everywhere: true);
    }

    [Fact]
    public async Task OutsideAGame_ALoadersLoopIsStillReported()
    {
        // The same code without the UnityEngine assembly (the stub compiled into the project): a device's loops.
        await Frag001.VerifyAnalyzerAsync(
            Level + HotPathAllocationTests.UnityStub,
            Frag001.Diagnostic().WithLocation(0),
            Frag001.Diagnostic().WithLocation(3));
    }
}
