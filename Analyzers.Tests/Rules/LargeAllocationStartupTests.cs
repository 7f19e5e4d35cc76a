using Microsoft.CodeAnalysis;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003: what counts as startup code (not reported) and what runs later (reported), each both ways.</summary>
public class LargeAllocationStartupTests
{
    [Fact]
    public async Task StaticConstructorAndStaticInitializers_AreStartup()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Tables
            {
                static readonly byte[] Crc = new byte[4096];
                static byte[] Lookup { get; } = new byte[4096];
                static readonly byte[] Filled;

                static Tables()
                {
                    Filled = new byte[4096];
                }

                static int Later() => {|#0:new byte[4096]|}.Length;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[4096] allocates 4096 bytes each time 'Later' runs; allocate it once at startup (no automatic fix: it is neither a local's whole initializer nor an argument)"));
    }

    [Fact]
    public async Task InstanceConstructorAndInstanceInitializers_AreJudgedAtTheCreationSite()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Connection
            {
                private readonly byte[] _rx = new byte[2048];
                public byte[] Tx { get; } = new byte[2048];
                private readonly byte[] _scratch;

                public Connection()
                {
                    _scratch = new byte[2048];
                }

                public int Grow() => {|#0:new byte[8192]|}.Length;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[8192] allocates 8192 bytes each time 'Grow' runs; allocate it once at startup (no automatic fix: it is neither a local's whole initializer nor an argument)"));
    }

    [Fact]
    public async Task Main_IsStartupOutsideLoops_ButItsLambdasAndLocalFunctionsAreNot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            static class Program
            {
                static void Main()
                {
                    var boot = new byte[8192];
                    Func<int> later = () => {|#0:new byte[8192]|}.Length;
                    for (;;)
                    {
                        // A loop every path leaves runs once: still startup.
                        var once = new byte[4096];
                        Console.WriteLine(once.Length + boot.Length + later() + Local());
                        break;
                    }

                    int Local() => {|#2:new byte[2048]|}.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[8192] allocates 8192 bytes each time the lambda in 'Main' runs; allocate it once at startup (no automatic fix: it is in a lambda or local function, which may run again while a run still holds the buffer)"),
            VerifyCS.Diagnostic().WithLocation(2).WithMessage("A new byte[2048] allocates 2048 bytes each time the local function 'Local' in 'Main' runs; allocate it once at startup (no automatic fix: it is in a lambda or local function, which may run again while a run still holds the buffer)"));
    }

    [Fact]
    public async Task AllocationRepeatedInALoop_BelongsToFrag001Only()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class C
            {
                static void Main(Stream port)
                {
                    while (true)
                    {
                        var frame = new byte[4096];
                        if (port.Read(frame, 0, frame.Length) == 0) break;
                    }
                }

                void OnTick(Stream port)
                {
                    for (int i = 0; i < 10; i++)
                        port.Write(new byte[4096], 0, 1);
                }
            }
            """);
    }

    [Fact]
    public async Task TopLevelStatements_AreStartup_ButNotTheirLambdas()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                var boot = new byte[8192];
                Func<int> later = () => {|#0:new byte[8192]|}.Length;
                Console.WriteLine(boot.Length + later());
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Fact]
    public async Task DefaultStartupMethodNames_AreStartup_OtherNamesAreNot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Game
            {
                byte[] a, b, c, d, e, f, g;
                void Setup() { a = new byte[4096]; }
                void Initialize() { b = new byte[4096]; }
                void Init() { c = new byte[4096]; }
                void Awake() { d = new byte[4096]; }
                void Start() { e = new byte[4096]; }
                void OnStart() { f = new byte[4096]; }
                void Main() { g = new byte[4096]; }
                void Update() { a = {|#0:new byte[4096]|}; }
                void setup() { a = {|#1:new byte[4096]|}; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0),
            VerifyCS.Diagnostic().WithLocation(1));
    }

    [Fact]
    public async Task StartupMethodsOption_ReplacesTheDefaults_AndAcceptsTypeDotMethod()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Device
                {
                    byte[] a;
                    void Boot() { a = new byte[4096]; }
                    void PowerOn() { a = new byte[4096]; }
                    void Setup() { a = {|#0:new byte[4096]|}; }
                    static void Main() { var b = new byte[4096]; }
                }

                class Other
                {
                    byte[] a;
                    void PowerOn() { a = {|#1:new byte[4096]|}; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.startup_methods = Boot, Device.PowerOn") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0), VerifyCS.Diagnostic().WithLocation(1) },
        }.RunAsync();
    }

    [Theory]
    [InlineData("1st, Not.A.Name, Bad-Name")]
    [InlineData(",")]
    public async Task StartupMethodsOption_Malformed_FallsBackToTheDefaults(string value)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Game
                {
                    byte[] a;
                    void Setup() { a = new byte[4096]; }
                    void Update() { a = [|new byte[4096]|]; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.startup_methods = " + value) } },
        }.RunAsync();
    }

    [Fact]
    public async Task StartupAttribute_InAnyNamespace_MarksStartup()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            namespace Firmware.Boot { sealed class StartupAttribute : Attribute { } }
            namespace Vendor { sealed class Startup : Attribute { } sealed class StartedAttribute : Attribute { } }

            class Radio
            {
                byte[] a;
                [Firmware.Boot.Startup] void PowerUp() { a = new byte[4096]; }
                [Vendor.Startup] void Configure() { a = new byte[4096]; }
                [Vendor.Started] void Tune() { a = {|#0:new byte[4096]|}; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task AccessorsAndOperators_RunAfterStartup()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Frame
            {
                public int Copy => {|#0:new byte[2048]|}.Length;
                public static Frame operator +(Frame a, Frame b) { var scratch = {|#1:new byte[2048]|}; return a; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[2048] allocates 2048 bytes each time 'Copy' runs; allocate it once at startup (no automatic fix: it is neither a local's whole initializer nor an argument)"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'scratch' allocates 2048 bytes each time 'op_Addition' runs; allocate it once at startup"));
    }

    [Fact]
    public async Task OddShapes_NoException()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;

                struct Loop { Loop {|CS0523:_self|}; }
                record Packet(int Id) { public byte[] Data { get; } = new byte[2048]; }
                class Primary(int size) { private readonly byte[] _data = new byte[size]; private readonly int[] _big = new int[512]; }
                interface IDevice { int Scratch() => {|#0:new byte[4096]|}.Length; }
                partial class Split { private int _a; }
                partial class Split { int M() { var x = {|#1:new Loop[2000]|}; return x.Length; } }

                class C
                {
                    int MakePacket() => {|#2:new Packet(1)|}.GetHashCode();
                    int MakePrimary() { Primary p = {|#3:new(7)|}; return p.GetHashCode(); }
                    int Spread(int[] tail) { int[] all = {|#5:[1, 2, .. tail]|}; List<long> list = {|#4:[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128]|}; return all.Length + list.Count; }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[4096] allocates 4096 bytes each time 'Scratch' runs; allocate it once at startup (no automatic fix: an interface cannot hold the field)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'x' allocates a Loop[2000] of unknown size each time 'M' runs; allocate it once at startup"),
                VerifyCS.Diagnostic().WithLocation(2).WithMessage("A new Packet allocates 2048 bytes in its constructor and field initializers each time 'MakePacket' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Packet')"),
                VerifyCS.Diagnostic().WithLocation(3).WithMessage("A new Primary allocates 2048 bytes in its constructor and field initializers each time 'MakePrimary' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Primary')"),
                VerifyCS.Diagnostic().WithLocation(4).WithMessage("'list' allocates 1024 bytes each time 'Spread' runs; allocate it once at startup (no automatic fix: its initial contents would have to be restored each time)"),
                VerifyCS.Diagnostic().WithLocation(5).WithMessage("'all' allocates an int[] of unknown size each time 'Spread' runs; allocate it once at startup (no automatic fix: its size uses the parameter 'tail', which a field initializer cannot see)"),
            },
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = true") } },
        }.RunAsync();
    }
}

