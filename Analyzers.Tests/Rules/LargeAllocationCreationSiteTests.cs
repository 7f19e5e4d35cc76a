using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003: objects whose construction allocates large buffers are reported where they are created, with the sum.</summary>
public class LargeAllocationCreationSiteTests
{
    [Fact]
    public async Task FieldInitializerBuffer_ReportedAtTheCreationSiteInLateCode()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class PakFile
            {
                private readonly byte[] _data = new byte[512000];
                public int Length => _data.Length;
            }

            class Loader
            {
                static readonly PakFile Boot = new PakFile();

                static void Main() { var p = new PakFile(); }

                int Load() => {|#0:new PakFile()|}.Length;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new PakFile allocates 512000 bytes in its constructor and field initializers each time 'Load' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'PakFile')"));
    }

    [Fact]
    public async Task ConstructorBodyBuffers_AreSummed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Text;

            class Connection
            {
                private readonly byte[] _rx;
                private readonly byte[] _tx;
                private readonly StringBuilder _log = new StringBuilder(100);

                public Connection()
                {
                    _rx = new byte[600];
                    _tx = new byte[600];
                }
            }

            class Server
            {
                void OnAccept()
                {
                    var connection = {|#0:new Connection()|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new Connection allocates 1400 bytes in its constructor and field initializers each time 'OnAccept' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Connection')"));
    }

    [Fact]
    public async Task ThisChain_FollowsTheCalledConstructor_InitializersCountedOnce()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Channel
            {
                private readonly byte[] _header = new byte[100];
                private byte[] _payload;

                public Channel() : this(new byte[24]) { }
                public Channel(byte[] seed) { _payload = new byte[1000]; }
                public Channel(int small) { _payload = new byte[10]; }
            }

            class C
            {
                void Open()
                {
                    var a = {|#0:new Channel()|};
                    var b = {|#1:new Channel(new byte[0])|};
                    var c = new Channel(3);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new Channel allocates 1124 bytes in its constructor and field initializers each time 'Open' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Channel')"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("A new Channel allocates 1100 bytes in its constructor and field initializers each time 'Open' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Channel')"));
    }

    [Fact]
    public async Task BaseConstructorsAndNestedObjects_AreFollowed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Inner { private readonly int[] _table = new int[300]; }
            class Base { protected readonly byte[] Buffer; protected Base(int size) { Buffer = new byte[800]; } }
            class Derived : Base { private readonly Inner _inner = new Inner(); public Derived() : base(1) { } }
            class Implicit : Base { public Implicit() : base(2) { } }
            class Plain { private Derived _derived = new Derived(); }

            class C
            {
                void Late()
                {
                    var a = {|#0:new Derived()|};
                    var b = {|#1:new Plain()|};
                    var c = new Implicit();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new Derived allocates 2000 bytes in its constructor and field initializers each time 'Late' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Derived')"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("A new Plain allocates 2000 bytes in its constructor and field initializers each time 'Late' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Plain')"));
    }

    [Theory]
    [InlineData("_data=new byte[2048];", "no spaces")]
    [InlineData("/* new */ _data = (byte[])new byte[2048]; /* new[] */", "after a cast, with comments that spell new")]
    [InlineData("var label = \"new\"; _data = new[] { new byte[2048] }[0];", "inside an implicitly typed array, after a string")]
    [InlineData("const int newSize = 2048; _data = new byte[newSize];", "beside an identifier that starts with new")]
    public async Task AConstructorsAllocation_IsFoundHoweverItIsSpelled(string body, string label)
    {
        // Whether a type's construction may allocate is first read from the file's characters: a constructor that
        // spells an allocation among comments, strings and other words is not taken for one that allocates nothing.
        _ = label;
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Frame
            {
                private readonly byte[] _data;

                [System.Obsolete("new")]
                public Frame() { {{body}} }

                public int Length => _data.Length;
            }

            class C
            {
                int Late() => {|#0:new Frame()|}.Length;
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task ABaseTypesAnswer_ServesTheTypesThatDeriveFromIt()
    {
        // The base's answer is found first, for the base itself, and then read for the derived type.
        await VerifyCS.VerifyAnalyzerAsync("""
            class Base { protected readonly byte[] Buffer = new byte[2048]; }
            class Derived : Base { }

            class C
            {
                void Late()
                {
                    var b = {|#0:new Base()|};
                    var d = {|#1:new Derived()|};
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0),
            VerifyCS.Diagnostic().WithLocation(1));
    }

    [Fact]
    public async Task SelfCreatingConstructors_AreCycleSafe()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Node
            {
                private readonly byte[] _data = new byte[1500];
                private Node _next;
                public Node(bool chain) { if (chain) _next = new Node(false); }
            }

            class Ping { Pong _p = new Pong(); byte[] _b = new byte[10]; }
            class Pong { Ping _p = new Ping(); byte[] _b = new byte[10]; }

            class C
            {
                void Late()
                {
                    var n = {|#0:new Node(true)|};
                    var p = new Ping();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new Node allocates 1500 bytes in its constructor and field initializers each time 'Late' runs; allocate it once at startup (no automatic fix: the buffers are allocated by the constructor of 'Node')"));
    }

    [Fact]
    public async Task LoopsLambdasAndMetadataTypes_AreNotCounted_TheLambdaIsReportedItself()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Pool
            {
                private readonly byte[][] _slots = new byte[4][];
                private readonly Func<int> _factory = () => {|#0:new byte[4096]|}.Length;
                public Pool() { for (int i = 0; i < _slots.Length; i++) _slots[i] = new byte[4096]; }
            }

            class C
            {
                void Late()
                {
                    var p = new Pool();
                    var d = new Dictionary<int, int>(1000);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[4096] allocates 4096 bytes each time the lambda in '_factory' runs; allocate it once at startup (no automatic fix: it is in a lambda or local function, which may run again while a run still holds the buffer)"));
    }

    [Fact]
    public async Task CreationSiteThreshold_UsesTheSum()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class Small { private readonly byte[] _a = new byte[300]; private readonly byte[] _b = new byte[300]; }
                class C { int Late() => {|#0:new Small()|}.GetHashCode(); }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.large_allocation_bytes = 600") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }
}
