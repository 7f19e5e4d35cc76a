using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.HotPathAllocationAnalyzer,
    Fragless.CodeFixes.Rules.HotPathAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005 fixes, proven by execution: each program runs the hot method several times and prints what it sees, so a
/// buffer that kept the previous call's contents would change the output. Where a second run could start while one
/// holds the buffer (another thread, recursion, an await), no fix is offered.
/// </summary>
public class HotPathAllocationFixTests
{
    [Fact]
    public async Task DeviceMainLoop_TheSensorFrameBecomesAField()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public class Sensor
                {
                    private int _reads;

                    public int ReadSensor()
                    {
                        var frame = {|#0:new byte[6]|};
                        frame[_reads % 6] = (byte)(_reads + 1);
                        _reads++;
                        int sum = 0;
                        foreach (var b in frame) sum = sum * 7 + b;
                        return sum;
                    }
                }

                public static class Program
                {
                    private static bool s_running = true;

                    public static void Main()
                    {
                        var sensor = new Sensor();
                        int passes = 0;
                        while (s_running)
                        {
                            Console.WriteLine(sensor.ReadSensor());
                            if (++passes == 4) s_running = false;
                        }
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' allocates a new byte[6] on every call of 'ReadSensor', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it") },
            FixedCode = """
                using System;

                public class Sensor
                {
                    private int _reads;
                    private readonly byte[] _frame = new byte[6];

                    public int ReadSensor()
                    {
                        Array.Clear(_frame, 0, _frame.Length);
                        _frame[_reads % 6] = (byte)(_reads + 1);
                        _reads++;
                        int sum = 0;
                        foreach (var b in _frame) sum = sum * 7 + b;
                        return sum;
                    }
                }

                public static class Program
                {
                    private static bool s_running = true;

                    public static void Main()
                    {
                        var sensor = new Sensor();
                        int passes = 0;
                        while (s_running)
                        {
                            Console.WriteLine(sensor.ReadSensor());
                            if (++passes == 4) s_running = false;
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task EventHandler_WhenCallbacksAreSaidToRunOnOneThread()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Text;

                public class Port
                {
                    public event EventHandler DataReceived;
                    public void Raise() => DataReceived?.Invoke(this, EventArgs.Empty);
                }

                public class Console2
                {
                    private int _events;

                    public void Attach(Port port) => port.DataReceived += OnData;

                    private void OnData(object sender, EventArgs e)
                    {
                        var line = {|#0:new StringBuilder(64)|};
                        line.Append("event ").Append(++_events);
                        Console.WriteLine(line.ToString());
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var port = new Port();
                        new Console2().Attach(port);
                        port.Raise();
                        port.Raise();
                        port.Raise();
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.callbacks_single_threaded = true") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'line' allocates a new StringBuilder on every call of 'OnData', which handles every 'DataReceived' event; allocate it once and reuse it") },
            FixedCode = """
                using System;
                using System.Text;

                public class Port
                {
                    public event EventHandler DataReceived;
                    public void Raise() => DataReceived?.Invoke(this, EventArgs.Empty);
                }

                public class Console2
                {
                    private int _events;
                    private readonly StringBuilder _line = new StringBuilder(64);

                    public void Attach(Port port) => port.DataReceived += OnData;

                    private void OnData(object sender, EventArgs e)
                    {
                        _line.Clear();
                        _line.Append("event ").Append(++_events);
                        Console.WriteLine(_line.ToString());
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var port = new Port();
                        new Console2().Attach(port);
                        port.Raise();
                        port.Raise();
                        port.Raise();
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TimerCallback_WhenCallbacksAreSaidToRunOnOneThread()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Threading;

                public class Sampler
                {
                    private Timer _timer;
                    private int _ticks;

                    public void Begin() => _timer = new Timer(OnTick, null, Timeout.Infinite, Timeout.Infinite);

                    public void OnTick(object state)
                    {
                        var samples = {|#0:new short[8]|};
                        for (int i = 0; i <= _ticks && i < samples.Length; i++) samples[i] = (short)(i * 3 + _ticks);
                        _ticks++;
                        Console.WriteLine(string.Join(",", samples));
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var sampler = new Sampler();
                        sampler.Begin();
                        sampler.OnTick(null);
                        sampler.OnTick(null);
                        sampler.OnTick(null);
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.callbacks_single_threaded = true") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'samples' allocates a new short[8] on every call of 'OnTick', which runs on every tick of a timer; allocate it once and reuse it") },
            FixedCode = """
                using System;
                using System.Threading;

                public class Sampler
                {
                    private Timer _timer;
                    private int _ticks;
                    private readonly short[] _samples = new short[8];

                    public void Begin() => _timer = new Timer(OnTick, null, Timeout.Infinite, Timeout.Infinite);

                    public void OnTick(object state)
                    {
                        Array.Clear(_samples, 0, _samples.Length);
                        for (int i = 0; i <= _ticks && i < _samples.Length; i++) _samples[i] = (short)(i * 3 + _ticks);
                        _ticks++;
                        Console.WriteLine(string.Join(",", _samples));
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var sampler = new Sampler();
                        sampler.Begin();
                        sampler.OnTick(null);
                        sampler.OnTick(null);
                        sampler.OnTick(null);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task UnityUpdate_TheHitBufferBecomesAField()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                public class Radar : UnityEngine.MonoBehaviour
                {
                    private int _frame;

                    public void Update()
                    {
                        var hits = {|#0:new int[16]|};
                        int found = Scan(hits);
                        System.Console.WriteLine(found + ":" + hits[0] + "," + hits[found]);
                    }

                    private int Scan(int[] into)
                    {
                        _frame++;
                        for (int i = 0; i < _frame; i++) into[i] = i * _frame;
                        return _frame;
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var radar = new Radar();
                        radar.Update();
                        radar.Update();
                        radar.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'hits' allocates a new int[16] every frame ('Update'); allocate it once and reuse it") },
            FixedCode = """
                using System;

                public class Radar : UnityEngine.MonoBehaviour
                {
                    private int _frame;
                    private readonly int[] _hits = new int[16];

                    public void Update()
                    {
                        Array.Clear(_hits, 0, _hits.Length);
                        int found = Scan(_hits);
                        System.Console.WriteLine(found + ":" + _hits[0] + "," + _hits[found]);
                    }

                    private int Scan(int[] into)
                    {
                        _frame++;
                        for (int i = 0; i < _frame; i++) into[i] = i * _frame;
                        return _frame;
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var radar = new Radar();
                        radar.Update();
                        radar.Update();
                        radar.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TransitiveCallee_OfUpdate_ListBecomesAFieldAndIsCleared()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                public class Squad : UnityEngine.MonoBehaviour
                {
                    private int _frame;

                    public void Update() => System.Console.WriteLine(Nearby());

                    private string Nearby()
                    {
                        var near = {|#0:new List<int>()|};
                        _frame++;
                        for (int i = 0; i < _frame; i++) near.Add(i * 10);
                        return near.Count + ":" + string.Join(",", near);
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var squad = new Squad();
                        squad.Update();
                        squad.Update();
                        squad.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'near' allocates a new List<int> on every call of 'Nearby', which is called from 'Update', which runs every frame; allocate it once and reuse it") },
            FixedCode = """
                using System.Collections.Generic;

                public class Squad : UnityEngine.MonoBehaviour
                {
                    private int _frame;
                    private readonly List<int> _near = new List<int>();

                    public void Update() => System.Console.WriteLine(Nearby());

                    private string Nearby()
                    {
                        _near.Clear();
                        _frame++;
                        for (int i = 0; i < _frame; i++) _near.Add(i * 10);
                        return _near.Count + ":" + string.Join(",", _near);
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var squad = new Squad();
                        squad.Update();
                        squad.Update();
                        squad.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task CSharp73OnNetStandard20_StaticMethodInTheMainLoop()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                public static class Telemetry
                {
                    private static int s_sent;

                    public static string Encode(int value)
                    {
                        byte[] packet = {|#0:new byte[4]|};
                        packet[0] = 0xAA;
                        packet[1] = (byte)(value >> 8);
                        packet[2] = (byte)value;
                        packet[3] = (byte)(packet[0] ^ packet[1] ^ packet[2]);
                        s_sent++;
                        return BitConverter.ToString(packet);
                    }

                    public static string Run()
                    {
                        string log = "";
                        for (int i = 0; i < 3; i++) log += Encode(i * 300) + ";";
                        return log + s_sent;
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'packet' allocates a new byte[4] on every call of 'Encode', which is called on every iteration of the loop in 'Run'; allocate it once and reuse it") },
            FixedCode = """
                using System;

                public static class Telemetry
                {
                    private static int s_sent;
                    private static readonly byte[] s_packet = new byte[4];

                    public static string Encode(int value)
                    {
                        Array.Clear(s_packet, 0, s_packet.Length);
                        s_packet[0] = 0xAA;
                        s_packet[1] = (byte)(value >> 8);
                        s_packet[2] = (byte)value;
                        s_packet[3] = (byte)(s_packet[0] ^ s_packet[1] ^ s_packet[2]);
                        s_sent++;
                        return BitConverter.ToString(s_packet);
                    }

                    public static string Run()
                    {
                        string log = "";
                        for (int i = 0; i < 3; i++) log += Encode(i * 300) + ";";
                        return log + s_sent;
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            BehaviorEntryPoint = "Telemetry.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task ArenaVariant_WhereTheRuntimeIsReferenced()
    {
        var set = TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = """
                public class Radar : UnityEngine.MonoBehaviour
                {
                    private int _frame;

                    public void Update()
                    {
                        var hits = {|#0:new int[16]|};
                        _frame++;
                        for (int i = 0; i < _frame; i++) hits[i] = i + _frame;
                        int sum = 0;
                        for (int i = 0; i < hits.Length; i++) sum += hits[i];
                        System.Console.WriteLine(sum);
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var radar = new Radar();
                        radar.Update();
                        radar.Update();
                        radar.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
            FixedCode = """
                using Fragless;

                public class Radar : UnityEngine.MonoBehaviour
                {
                    private static readonly Arena s_arena = new Arena(68);

                    private int _frame;

                    public void Update()
                    {
                        using (s_arena.Scope())
                        {
                            var hits = s_arena.Alloc<int>(16);
                            _frame++;
                            for (int i = 0; i < _frame; i++) hits[i] = i + _frame;
                            int sum = 0;
                            for (int i = 0; i < hits.Length; i++) sum += hits[i];
                            System.Console.WriteLine(sum);
                        }
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var radar = new Radar();
                        radar.Update();
                        radar.Update();
                        radar.Update();
                    }
                }

                """ + HotPathAllocationTests.UnityStub,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            CodeActionEquivalenceKey = HotPathAllocationFixer.AllocateFromArenaKey,
            BehaviorEntryPoint = "Main",
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoFix_ForCallbacksThatMayRunOnAnotherThread_RecursionOrAwaits()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Threading.Tasks;

                public class Port { public event EventHandler DataReceived; }

                public class Handler
                {
                    [Fragless.HotPath] public int Walk(int depth)
                    {
                        var frame = {|#1:new byte[8]|};
                        frame[0] = (byte)depth;
                        return depth == 0 ? frame[0] : Walk(depth - 1) + frame[0];
                    }

                    [Fragless.HotPath] public async Task<int> SendAsync()
                    {
                        var frame = {|#2:new byte[8]|};
                        await Task.Yield();
                        return frame.Length;
                    }

                    public void Attach(Port port) => port.DataReceived += OnData;

                    private void OnData(object sender, EventArgs e)
                    {
                        var frame = {|#0:new byte[8]|};
                        Console.WriteLine(frame.Length);
                    }
                }

                namespace Fragless { sealed class HotPathAttribute : Attribute { } }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(1), VerifyCS.Diagnostic().WithLocation(2), VerifyCS.Diagnostic().WithLocation(0) },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll },
        }.RunAsync();
    }
}
