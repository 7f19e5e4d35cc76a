using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 asks the churn model: a large allocation is reported only in code that can run more than once and only
/// when the buffer dies before the next run. Once-code, kept data, editor and test code are not reported.
/// </summary>
public class LargeAllocationFrequencyTests
{
    [Fact]
    public async Task MethodsOnlyOnceCodeCalls_AreOnce_ButOneAlsoCalledLaterIsNot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class Level
            {
                static Level() { Warm(); }
                public Level() { Parse(); }
                void Start() { Load(); LoadAndLater(); }
                public void OnHit() { LoadAndLater(); }

                private static void Warm() { var table = new byte[4096]; table[0] = 1; }
                private void Parse() { var scratch = new byte[4096]; scratch[0] = 1; }
                private void Load() { var file = new byte[8192]; Decode(file); }
                private void Decode(byte[] file) { var tmp = new byte[4096]; tmp[0] = file[0]; }
                private void LoadAndLater() { var tmp = {|#0:new byte[4096]|}; tmp[0] = 1; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'tmp' allocates 4096 bytes each time 'LoadAndLater' runs; allocate it once at startup"));
    }

    // An internal method that only a constructor calls runs once, unless another assembly may call it too.
    [Theory]
    [InlineData("", false)]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Device.Tests\")]", true)]
    [InlineData("using Friend = System.Runtime.CompilerServices.InternalsVisibleToAttribute;\n[assembly: Friend(\"Device.Tests\")]", true)]
    [InlineData("// InternalsVisibleTo is only named in a comment", false)]
    public async Task AnInternalMethodOnlyAConstructorCalls_IsOnce_UnlessInternalsAreVisibleElsewhere(string assemblyAttribute, bool reported)
    {
        var source = $$"""
            {{assemblyAttribute}}

            public class Device
            {
                public Device() { Calibrate(); }

                internal void Calibrate() { var table = {|#0:new byte[4096]|}; table[0] = 1; }
            }
            """;
        if (reported)
            await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic().WithLocation(0));
        else
            await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
    }

    [Fact]
    public async Task ACallFromALoop_OrAPublicLibraryMethod_RunsAgainAndAgain()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Device
            {
                public void Refresh() { for (int i = 0; i < 10; i++) Sample(); }
                private void Sample() { var frame = {|#0:new byte[2048]|}; frame[0] = 1; }
                public void Poll() { var frame = {|#1:new byte[2048]|}; frame[0] = 1; }
                private void Recurse(int n) { var frame = {|#2:new byte[2048]|}; frame[0] = 1; if (n > 0) Recurse(n - 1); }
                void Init() { Recurse(3); }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0),
            VerifyCS.Diagnostic().WithLocation(1),
            VerifyCS.Diagnostic().WithLocation(2));
    }

    [Fact]
    public async Task MethodUsedAsADelegate_HasUnknownCallers()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class Button
            {
                public event Action Clicked;
                void Start() { Clicked += OnClick; OnClick(); }
                private void OnClick() { var frame = {|#0:new byte[2048]|}; frame[0] = 1; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task LazyInitialisation_IsOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Crc
            {
                private static byte[] s_table;
                private byte[] _buffer;
                private bool _ready;

                public int Lookup(int i)
                {
                    if (s_table == null)
                    {
                        var work = new byte[4096];
                        s_table = work;
                    }

                    _buffer ??= new byte[4096];
                    if (!_ready)
                    {
                        var probe = new byte[4096];
                        probe[0] = 1;
                        _ready = true;
                    }

                    var scratch = {|#0:new byte[4096]|};
                    scratch[0] = 1;
                    return s_table[i] + _buffer[i] + scratch[0];
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task BeforeALoopThatNeverEnds_IsOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class Receiver
            {
                public void Pump(Stream port)
                {
                    var buffer = new byte[4096];
                    while (true)
                    {
                        port.Read(buffer, 0, buffer.Length);
                    }
                }

                public void PumpUntilDone(Stream port)
                {
                    var buffer = {|#0:new byte[4096]|};
                    while (true)
                    {
                        if (port.Read(buffer, 0, buffer.Length) == 0) break;
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task KeptData_IsNotReported_ButAFieldReplacedOnEveryRunIs()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            class Model { public byte[] Data; }

            class Loader
            {
                private readonly List<byte[]> _chunks = new List<byte[]>();
                private byte[] _current;

                public Model Read() { var m = new Model(); m.Data = new byte[4096]; return m; }
                public void Queue() { _chunks.Add(new byte[4096]); }
                public byte[] Make() => new byte[4096];
                public void Refill() { _current = {|#0:new byte[4096]|}; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task KeptData_IsReportedWithReportKept()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Loader
                {
                    public byte[] Make() => {|#0:new byte[4096]|};
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.report_kept = true") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Fact]
    public async Task EditorCode_InANestedEditorNamespace_IsOutOfScope_ButAnEditorNamedElsewhereIsNot()
    {
        await new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/Assets/Scripts/Stubs.cs", """
                        namespace UnityEditor.Experimental.GraphView { public class GraphElement { } }
                        namespace Game.UnityEditorLike { public class Panel { } }
                        """),
                    ("/Assets/Scripts/Views.cs", """
                        class NodeView : UnityEditor.Experimental.GraphView.GraphElement
                        {
                            public void Redraw() { var pixels = new byte[8192]; pixels[0] = 1; }
                        }

                        class HudPanel : Game.UnityEditorLike.Panel
                        {
                            public void Redraw() { var pixels = {|#0:new byte[8192]|}; pixels[0] = 1; }
                        }
                        """),
                },
            },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Fact]
    public async Task EditorAndTestCode_IsOutOfScope()
    {
        await new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/Assets/Scripts/Stubs.cs", """
                        namespace UnityEditor { public class EditorWindow { } }
                        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
                        """),
                    ("/Assets/Scripts/Window.cs", """
                        class LevelWindow : UnityEditor.EditorWindow
                        {
                            public void OnGUI() { var pixels = new byte[8192]; pixels[0] = 1; }
                        }

                        class Game
                        {
                            public void Tick()
                            {
                        #if UNITY_EDITOR
                                var debug = new byte[8192]; debug[0] = 1;
                        #endif
                                var frame = {|#0:new byte[8192]|}; frame[0] = 1;
                            }

                            [Xunit.Fact]
                            public void Allocates() { var frame = new byte[8192]; frame[0] = 1; }
                        }
                        """),
                    ("/Assets/Editor/Tool.cs", """
                        class Tool { public void Bake() { var atlas = new byte[8192]; atlas[0] = 1; } }
                        """),
                },
            },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Fact]
    public async Task UnityEditorBranch_WhenTheEditorDefinesIt_IsOutOfScope_ButTheElseBranchIsNot()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class Game
                {
                    public void Tick()
                    {
                #region Frame
                #if UNITY_EDITOR
                        var debug = new byte[8192]; debug[0] = 1;
                #if DEVELOPMENT_BUILD
                        var nested = new byte[8192]; nested[0] = 1;
                #endif
                #elif UNITY_STANDALONE
                        var standalone = new byte[8192]; standalone[0] = 1;
                #endif
                #endregion
                        var frame = {|#0:new byte[8192]|}; frame[0] = 1;
                    }

                    public void Late()
                    {
                #if UNITY_EDITOR && UNITY_SERVER
                        var server = new byte[8192]; server[0] = 1;
                #else
                        var shipped = {|#1:new byte[8192]|}; shipped[0] = 1;
                #endif
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0), VerifyCS.Diagnostic().WithLocation(1) },
        };
        // As the Unity editor compiles the game's scripts: UNITY_EDITOR is defined, so its branches are code.
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithPreprocessorSymbols(System.Linq.Enumerable.Concat(options.PreprocessorSymbolNames, new[] { "UNITY_EDITOR", "DEVELOPMENT_BUILD" })));
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task ExcludeOption_AddsPaths_AndExcludeDefaultsFalseReportsEditorCode()
    {
        await new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/Tools/Packer.cs", "class Packer { public void Pack() { var b = new byte[8192]; b[0] = 1; } }"),
                    ("/src/Editor/Tool.cs", "class Tool { public void Bake() { var b = {|#0:new byte[8192]|}; b[0] = 1; } }"),
                },
                AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.exclude = **/Tools/**\nfragless.exclude_defaults = false") },
            },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Fact]
    public async Task LazyInitialisationWithALengthCheck_AndCodeBeforeARunningFlagLoop_AreOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class Server
            {
                private byte[] _palette;
                private bool _listening;

                public byte[] Palette()
                {
                    if (_palette == null || _palette.Length == 0)
                    {
                        var raw = new byte[4096];
                        _palette = raw;
                    }

                    return _palette;
                }

                public void Listen(Stream socket)
                {
                    var buffer = new byte[4096];
                    while (_listening)
                    {
                        socket.Read(buffer, 0, buffer.Length);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TestFoldersAndBenchmarks_AreOutOfScope()
    {
        await new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/devices/Bmp280/tests/SensorTests.cs", "class SensorTests { public void Reads() { var b = new byte[8192]; b[0] = 1; } }"),
                    ("/src/Mqtt.Benchmarks/Bench.cs", "class Bench { public void Run() { var b = new byte[8192]; b[0] = 1; } }"),
                    ("/src/Mqtt/Bench.cs", """
                        namespace BenchmarkDotNet.Attributes { public sealed class GlobalSetupAttribute : System.Attribute { } }
                        class Client
                        {
                            [BenchmarkDotNet.Attributes.GlobalSetup]
                            public void Setup2() { var b = new byte[8192]; b[0] = 1; }
                            public void Send() { var b = {|#0:new byte[8192]|}; b[0] = 1; }
                        }
                        """),
                },
            },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }
}
