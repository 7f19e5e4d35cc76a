using Microsoft.CodeAnalysis;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.HotPathAllocationAnalyzer,
    Fragless.CodeFixes.Rules.HotPathAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005: which methods are hot, and why the message says they are. The buffers here have a size only known per
/// call, so no fix is offered and each case is about detection; the fixes have their own tests.
/// </summary>
public class HotPathAllocationTests
{
    internal const string UnityStub = """
        namespace UnityEngine
        {
            public class Object { }
            public class Component : Object { }
            public class Behaviour : Component { }
            public class MonoBehaviour : Behaviour { }
        }
        """;

    [Fact]
    public async Task HotPathAttribute_MakesTheMethodHot_InAnyNamespace()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace Tools { sealed class HotPathAttribute : System.Attribute { } }

            class Mixer
            {
                [Tools.HotPath]
                public int Mix(int n)
                {
                    var scratch = {|#0:new short[n]|};
                    return scratch.Length;
                }

                public int Other(int n) { var scratch = new short[n]; return scratch.Length; }

                public int Size { get; set; }

                [Tools.HotPath]
                public int Level { get { var window = {|#1:new short[Size]|}; return window.Length; } }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'scratch' allocates a new short[n] on every call of 'Mix', which is marked [HotPath]; allocate it once and reuse it (no automatic fix: its size uses the parameter 'n', which a field initializer cannot see)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'window' allocates a new short[Size] on every call of 'Level', which is marked [HotPath]; allocate it once and reuse it (no automatic fix: its size uses 'Size', which a field initializer may not compute the same way)"));
    }

    [Fact]
    public async Task PerformanceSensitive_AndConfiguredAttributes_AreHot()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                sealed class PerformanceSensitiveAttribute : System.Attribute { public PerformanceSensitiveAttribute(string uri) { } }
                sealed class RealTimeAttribute : System.Attribute { }

                class Loop
                {
                    [PerformanceSensitive("https://example.org")]
                    public int A(int n) { var a = {|#0:new int[n]|}; return a.Length; }

                    [RealTime]
                    public int B(int n) { var b = {|#1:new int[n]|}; return b.Length; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.hot_attributes = RealTimeAttribute, not an identifier") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new int[n] on every call of 'A', which is marked [PerformanceSensitive]; allocate it once and reuse it (no automatic fix: its size uses the parameter 'n', which a field initializer cannot see)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'b' allocates a new int[n] on every call of 'B', which is marked [RealTime]; allocate it once and reuse it (no automatic fix: its size uses the parameter 'n', which a field initializer cannot see)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task HotMethodsOption_NamesOrTypeDotMethod()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Pump { public int Step(int n) { var a = {|#0:new byte[n]|}; return a.Length; } }
                class Valve
                {
                    public int Step(int n) { var a = new byte[n]; return a.Length; }
                    public int Tick(int n) { var a = {|#1:new byte[n]|}; return a.Length; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.hot_methods = Pump.Step, Tick, a.b.c") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[n] on every call of 'Step', which fragless.hot_methods lists as hot; allocate it once and reuse it (no automatic fix: its size uses the parameter 'n', which a field initializer cannot see)"),
                VerifyCS.Diagnostic().WithLocation(1),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task UnityPerFrameMessages_InMonoBehaviours()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            class Base : UnityEngine.MonoBehaviour { }

            class Player : Base
            {
                int _n = 3;
                void Update() { var hits = {|#0:new int[_n]|}; _n = hits.Length; }
                void FixedUpdate() { var hits = {|#1:new int[_n]|}; _n = hits.Length; }
                void OnTriggerStay2D(object other) { var hits = {|#2:new int[_n]|}; _n = hits.Length; }
                void OnRenderImage(object a, object b) { var hits = {|#3:new int[_n]|}; _n = hits.Length; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'hits' allocates a new int[_n] every frame ('Update'); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'hits' allocates a new int[_n] every physics step ('FixedUpdate'); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            VerifyCS.Diagnostic().WithLocation(2).WithMessage("'hits' allocates a new int[_n] every physics step ('OnTriggerStay2D'); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            VerifyCS.Diagnostic().WithLocation(3));
    }

    [Fact]
    public async Task StartAwakeOnEnable_AndUpdateOutsideAMonoBehaviour_AreNotHot()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            class Player : UnityEngine.MonoBehaviour
            {
                int _n = 3;
                void Awake() { var a = new int[_n]; _n = a.Length; }
                void Start() { var a = new int[_n]; _n = a.Length; }
                void OnEnable() { var a = new int[_n]; _n = a.Length; }
                static void Update() { var a = new int[4]; a[0] = 1; }
            }

            class Scheduler
            {
                int _n = 3;
                public void Update() { var a = new int[_n]; _n = a.Length; }
            }
            """);
    }

    [Fact]
    public async Task UnityMessageList_IsConfigurable_AndEntitiesSystemsOnUpdateIsHot()
    {
        await new VerifyCS.Test
        {
            TestCode = UnityStub + """

                namespace Unity.Entities { public abstract class SystemBase { protected abstract void OnUpdate(); } }

                class Player : UnityEngine.MonoBehaviour
                {
                    int _n = 3;
                    void Update() { var a = new int[_n]; _n = a.Length; }
                    void OnBecameVisible() { var a = {|#0:new int[_n]|}; _n = a.Length; }
                }

                class Movement : Unity.Entities.SystemBase
                {
                    int _n = 3;
                    protected override void OnUpdate() { var a = {|#1:new int[_n]|}; _n = a.Length; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.unity_hot_messages = OnBecameVisible") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new int[_n] every frame ('OnBecameVisible'); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'a' allocates a new int[_n] every frame ('OnUpdate'); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task KeptAllocationInUpdate_AndEditorCode_AreNotReported()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            namespace UnityEditor { public class Editor { } }

            class Recorder : UnityEngine.MonoBehaviour
            {
                int _n = 3;
                readonly System.Collections.Generic.List<int[]> _frames = new System.Collections.Generic.List<int[]>();
                int[] _last;
                void Update() { var frame = new int[_n]; _frames.Add(frame); }
                void LateUpdate() { _last = new int[_n]; }
            }

            class RecorderInspector : UnityEditor.Editor
            {
                int _n = 3;
                public void Update() { var a = new int[_n]; _n = a.Length; }
            }
            """);
    }

    [Fact]
    public async Task EventHandlers_MethodGroupsAndLambdas()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class Port
            {
                public event EventHandler DataReceived;
                public int Count = 8;
            }

            class Modem
            {
                private readonly Port _port = new Port();

                public void Open()
                {
                    _port.DataReceived += OnData;
                    _port.DataReceived += (sender, e) =>
                    {
                        var line = {|#1:new char[_port.Count]|};
                        Console.Write(line.Length);
                    };
                    _port.DataReceived -= Ignored;
                }

                private void OnData(object sender, EventArgs e)
                {
                    var frame = {|#0:new byte[_port.Count]|};
                    Console.Write(frame.Length);
                }

                private void Ignored(object sender, EventArgs e)
                {
                    var frame = new byte[_port.Count];
                    Console.Write(frame.Length);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'line' allocates a new char[_port.Count] on every 'DataReceived' event, in the lambda in 'Open'; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' allocates a new byte[_port.Count] on every call of 'OnData', which handles every 'DataReceived' event; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }

    [Fact]
    public async Task EventsThatFireOnAUsersAction_AreNotHot_ButMovesAndDataAre()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class Window
            {
                public event EventHandler OnMouseClick;
                public event EventHandler OnMouseMove;
                public event EventHandler OnNewGame;
                public event EventHandler Closed;
                public event EventHandler ButtonDataReceived;
                public int Count = 8;

                public void Wire()
                {
                    OnMouseClick += Clicked;
                    OnNewGame += Clicked;
                    Closed += (s, e) => { var a = new byte[Count]; Console.Write(a.Length); };
                    OnMouseMove += Moved;
                    ButtonDataReceived += Moved;
                }

                private void Clicked(object sender, EventArgs e) { var a = new byte[Count]; Console.Write(a.Length); }
                private void Moved(object sender, EventArgs e) { var a = {|#0:new byte[Count]|}; Console.Write(a.Length); }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[Count] on every call of 'Moved', which handles every 'OnMouseMove' event; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }

    [Fact]
    public async Task TimerCallbacks_ThreadingAndTimersTimer()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class Sampler
            {
                private int _n = 4;
                private System.Threading.Timer _timer;
                private readonly System.Timers.Timer _poll = new System.Timers.Timer(100);

                public void Begin()
                {
                    _timer = new System.Threading.Timer(OnTick, null, 0, 100);
                    _poll.Elapsed += (s, e) => { var a = {|#1:new byte[_n]|}; Console.Write(a.Length); };
                }

                private void OnTick(object state)
                {
                    var a = {|#0:new byte[_n]|};
                    Console.Write(a.Length);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'a' allocates a new byte[_n] on every tick of the timer, in the lambda in 'Begin'; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[_n] on every call of 'OnTick', which runs on every tick of a timer; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }

    [Fact]
    public async Task GpioCallbacks_ByName()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            namespace System.Device.Gpio
            {
                public delegate void PinChangeEventHandler(object sender, EventArgs e);
                public class GpioController
                {
                    public void RegisterCallbackForPinValueChangedEvent(int pin, int types, PinChangeEventHandler callback) { }
                }
                public class GpioPin { public event PinChangeEventHandler ValueChanged; }
            }

            class Button
            {
                private int _n = 2;

                public void Wire(System.Device.Gpio.GpioController controller, System.Device.Gpio.GpioPin pin)
                {
                    controller.RegisterCallbackForPinValueChangedEvent(5, 1, OnEdge);
                    pin.ValueChanged += OnChange;
                }

                private void OnEdge(object sender, EventArgs e) { var a = {|#0:new byte[_n]|}; Console.Write(a.Length); }
                private void OnChange(object sender, EventArgs e) { var a = {|#1:new byte[_n]|}; Console.Write(a.Length); }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[_n] on every call of 'OnEdge', which runs on every change of a GPIO pin; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'a' allocates a new byte[_n] on every call of 'OnChange', which handles every 'ValueChanged' event; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }

    [Fact]
    public async Task MethodsCalledFromTheMainLoop_AndTheirCallees_AreHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            public static class Program
            {
                private static int s_n = 6;

                public static void Main()
                {
                    var setup = ReadConfig();
                    while (true)
                    {
                        Console.WriteLine(ReadSensor() + setup);
                    }
                }

                private static int ReadConfig() { var a = new byte[s_n]; return a.Length; }

                private static int ReadSensor()
                {
                    var frame = {|#0:new byte[s_n]|};
                    return frame.Length + Decode();
                }

                private static int Decode()
                {
                    var work = {|#1:new byte[s_n]|};
                    return work.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' allocates a new byte[s_n] on every call of 'ReadSensor', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its size uses 's_n', which a field initializer may not compute the same way)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'work' allocates a new byte[s_n] on every call of 'Decode', which is called from 'ReadSensor', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its size uses 's_n', which a field initializer may not compute the same way)"));
    }

    [Fact]
    public async Task CalleesBeyondTheDepthBound_AreNotHot()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            class Player : UnityEngine.MonoBehaviour
            {
                int _n = 2;
                void Update() { A(); }
                void A() { var a = {|#0:new byte[_n]|}; _n = a.Length; B(); }
                void B() { C(); }
                void C() { D(); }
                void D() { var d = {|#1:new byte[_n]|}; _n = d.Length; E(); }
                void E() { var e = new byte[_n]; _n = e.Length; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[_n] on every call of 'A', which is called from 'Update', which runs every frame; allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'d' allocates a new byte[_n] on every call of 'D', which is called from 'C' (from 'B' (from 'A' (from 'Update', which runs every frame))); allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"));
    }

    private const string BranchingUpdate = """
        class Player : UnityEngine.MonoBehaviour
        {
            int _n = 2;
            bool _pressed;
            void Update()
            {
                Move();
                if (_pressed) Activate();
                var ok = _pressed && Check();
            }

            void Move() { var a = {|#0:new byte[_n]|}; _n = a.Length; }
            void Activate() { var a = ACTIVATE; _n = a.Length; }
            bool Check() { var a = CHECK; return a.Length > 0; }
        }
        """;

    [Fact]
    public async Task CallsInABranchOfAPerFrameMessage_AreNotFollowed()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            BranchingUpdate.Replace("ACTIVATE", "new byte[_n]").Replace("CHECK", "new byte[_n]") + UnityStub,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    /// <summary>The stub compiled as an assembly named UnityEngine, as a game project references it.</summary>
    internal static Task<MetadataReference> UnityEngineAsync() => Task.FromResult(TestReferences.NamedAssembly("UnityEngine", UnityStub));

    [Fact]
    public async Task InAGame_OnlyLoopsThatRunEveryFrame_MakeTheirCalleesHot()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                public class Level : UnityEngine.MonoBehaviour
                {
                    int _n = 2;
                    readonly List<int> _blocks = new List<int> { 1, 2, 3 };

                    void Update()
                    {
                        foreach (var block in _blocks) Draw(block);
                    }

                    public void Load()
                    {
                        foreach (var block in _blocks) Parse(block);
                    }

                    void Draw(int block) { var a = {|#0:new byte[_n + block]|}; _n = a.Length; }
                    void Parse(int block) { var a = new byte[_n + block]; _n = a.Length; }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[_n + block] on every call of 'Draw', which is called on every iteration of a loop in 'Update', which runs every frame; allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            },
        };
        test.TestState.AdditionalReferences.Add(await UnityEngineAsync());
        await test.RunAsync();
    }

    [Fact]
    public async Task CallsInABranchOfADeviceLoopsCallee_AreFollowed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Program
            {
                private static int s_n = 4;

                public static void Main()
                {
                    while (true) Poll();
                }

                private static void Poll()
                {
                    if (s_n > 2) Parse();
                }

                private static void Parse() { var packet = {|#0:new byte[s_n]|}; s_n = packet.Length; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'packet' allocates a new byte[s_n] on every call of 'Parse', which is called from 'Poll', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its size uses 's_n', which a field initializer may not compute the same way)"));
    }

    [Fact]
    public async Task CallsInABranchOfAHotMethod_AreFollowedWhenTheOptionSaysSo()
    {
        await new VerifyCS.Test
        {
            TestCode = BranchingUpdate.Replace("ACTIVATE", "{|#1:new byte[_n]|}").Replace("CHECK", "{|#2:new byte[_n]|}") + UnityStub,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.hot_follow_branches = true") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'a' allocates a new byte[_n] on every call of 'Activate', which is called from 'Update', which runs every frame; allocate it once and reuse it (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
                VerifyCS.Diagnostic().WithLocation(2),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task LazyInitialisationInAHotMethod_AndWhatOnlyItCalls_AreOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            class Player : UnityEngine.MonoBehaviour
            {
                int _n = 2;
                int[] _table;
                void Update()
                {
                    if (_table == null)
                    {
                        _table = BuildTable();
                        var scratch = new byte[_n];
                        _n = scratch.Length;
                    }
                }

                int[] BuildTable() { var work = new byte[_n]; _n = work.Length; return new int[4]; }
            }
            """);
    }

    [Fact]
    public async Task ALoopInAHotMethod_IsFrag001s_AndALargeBufferIsFrag003s()
    {
        await VerifyCS.VerifyAnalyzerAsync(UnityStub + """

            class Player : UnityEngine.MonoBehaviour
            {
                int _n = 2;
                void Update()
                {
                    for (int i = 0; i < 3; i++) { var a = new byte[_n]; _n = a.Length; }
                    var big = new byte[4096];
                    big[0] = 1;
                }
            }
            """);
    }

    [Fact]
    public async Task CallsFromLoopsInOnceCode_AndFromTests_DoNotMakeAMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            class Loader
            {
                private int _n = 2;
                private static readonly int[] s_sizes = Build();

                private static int[] Build()
                {
                    var sizes = new int[3];
                    for (int i = 0; i < sizes.Length; i++) sizes[i] = Measure(i);
                    return sizes;
                }

                private static int Measure(int i) { var probe = new byte[i + 1]; return probe.Length; }

                public void Start() { foreach (var size in s_sizes) LoadLevel(size); }

                private void LoadLevel(int size) { var level = new byte[size]; _n += level.Length; }

                [Xunit.Fact]
                public void Test() { for (int i = 0; i < 3; i++) Step(); }

                private void Step() { var a = new byte[_n]; _n = a.Length; }
            }
            """);
    }

    [Fact]
    public async Task Options_WorkFromAGlobalConfig_AsUnityPassesThem()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                sealed class RealTimeAttribute : System.Attribute { }
                class Pump
                {
                    public int Step(int n) { var a = {|#0:new byte[n]|}; return a.Length; }
                    [RealTime] public int Tick(int n) { var a = {|#1:new byte[n]|}; return a.Length; }
                    public int Big(int n) { var a = new byte[8]; return a.Length; }
                }
                """,
            TestState =
            {
                AnalyzerConfigFiles =
                {
                    EditorConfigFile.Global("fragless.hot_methods = Step, Big\nfragless.hot_attributes = RealTime\nfragless.large_allocation_bytes = 4"),
                },
            },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0), VerifyCS.Diagnostic().WithLocation(1) },
        }.RunAsync();
    }
}
