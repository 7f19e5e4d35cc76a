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

                static byte[] Later() => {|#0:new byte[4096]|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[4096] allocates 4096 bytes each time 'Later' runs; allocate it once at startup"));
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

                public byte[] Grow() => {|#0:new byte[8192]|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[8192] allocates 8192 bytes each time 'Grow' runs; allocate it once at startup"));
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
                    Func<byte[]> later = () => {|#0:new byte[8192]|};
                    for (;;)
                    {
                        var once = {|#1:new byte[4096]|};
                        Console.WriteLine(once.Length + boot.Length + later().Length + Local().Length);
                        break;
                    }

                    byte[] Local() => {|#2:new byte[2048]|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[8192] allocates 8192 bytes each time the lambda in 'Main' runs; allocate it once at startup"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'once' allocates 4096 bytes each time 'Main' runs; allocate it once at startup"),
            VerifyCS.Diagnostic().WithLocation(2).WithMessage("A new byte[2048] allocates 2048 bytes each time the local function 'Local' in 'Main' runs; allocate it once at startup"));
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
            OutputKind = OutputKind.ConsoleApplication,
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
            EditorConfig = "fragless.startup_methods = Boot, Device.PowerOn",
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
            EditorConfig = "fragless.startup_methods = " + value,
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
                public byte[] Copy => {|#0:new byte[2048]|};
                public static Frame operator +(Frame a, Frame b) { var scratch = {|#1:new byte[2048]|}; return a; }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[2048] allocates 2048 bytes each time 'Copy' runs; allocate it once at startup"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'scratch' allocates 2048 bytes each time 'op_Addition' runs; allocate it once at startup"));
    }
}
