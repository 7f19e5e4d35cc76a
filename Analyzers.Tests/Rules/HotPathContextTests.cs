using Frag001 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer>;
using Frag002 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>;
using VerifyFrag005 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.HotPathAllocationAnalyzer>;
using Frag003 = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.LargeAllocationAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001, FRAG002 and FRAG003 keep their jobs in hot methods and say so: a loop in <c>Update</c> is FRAG001's, a
/// large buffer in an event handler FRAG003's, and FRAG002 reports an allocating call in a hot method even outside a loop.
/// </summary>
public class HotPathContextTests
{
    [Fact]
    public async Task Frag001_NamesTheHotMethodTheLoopIsIn()
    {
        await Frag001.VerifyAnalyzerAsync("""
            class Player : UnityEngine.MonoBehaviour
            {
                int _n;
                void Update()
                {
                    for (int i = 0; i < 3; i++) { var a = {|#0:new byte[4]|}; _n += a.Length; }
                }

                void OnEnable()
                {
                    for (int i = 0; i < 3; i++) { var a = {|#1:new byte[4]|}; _n += a.Length; }
                }
            }
            """ + HotPathAllocationTests.UnityStub,
            Frag001.Diagnostic().WithLocation(0).WithMessage("'a' allocates a new byte[4] on every iteration of the loop in 'Update', which runs every frame; allocate it once before the loop and reuse it"),
            Frag001.Diagnostic().WithLocation(1).WithMessage("'a' allocates a new byte[4] on every iteration of the loop in 'OnEnable'; allocate it once before the loop and reuse it"));
    }

    [Fact]
    public async Task Frag002_ReportsInAHotMethodOutsideALoop_AndNotInAnOrdinaryOne()
    {
        await Frag002.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Link : UnityEngine.MonoBehaviour
            {
                Stream _stream = new MemoryStream(new byte[64]);
                int _seen;

                void Update()
                {
                    var value = {|#0:BitConverter.GetBytes(_seen)|};
                    _stream.Write(value, 0, value.Length);
                }

                public void Once()
                {
                    var value = BitConverter.GetBytes(_seen);
                    _stream.Write(value, 0, value.Length);
                }
            }
            """ + HotPathAllocationTests.UnityStub,
            Frag002.Diagnostic().WithLocation(0).WithMessage("'BitConverter.GetBytes' allocates a new byte[] every frame ('Update'); write into a reused buffer with 'BitConverter.TryWriteBytes(Span<byte>, value)' (no automatic fix: only calls in loops are rewritten)"));
    }

    [Fact]
    public async Task Frag003_LargeBufferInAnEventHandler_NamesTheEvent()
    {
        await Frag003.VerifyAnalyzerAsync("""
            using System;

            class Port { public event EventHandler DataReceived; }

            class Modem
            {
                public void Open(Port port) => port.DataReceived += OnData;

                private void OnData(object sender, EventArgs e)
                {
                    var frame = {|#0:new byte[2048]|};
                    Console.Write(frame.Length);
                }
            }
            """,
            Frag003.Diagnostic().WithLocation(0).WithMessage("'frame' allocates 2048 bytes on every call of 'OnData', which handles every 'DataReceived' event; allocate it once at startup (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }

    [Fact]
    public async Task ACalleeOfATimerLambda_NamesTheMemberTheLambdaIsIn()
    {
        await VerifyFrag005.VerifyAnalyzerAsync("""
            using System.Threading;

            public class Sampler
            {
                private Timer _timer;
                private int _n = 8;

                public void Begin()
                {
                    _timer = new Timer(_ => Sample(), null, 0, 100);
                }

                private void Sample()
                {
                    var reading = {|#0:new byte[_n]|};
                    _n = reading.Length;
                }
            }
            """,
            VerifyFrag005.Diagnostic().WithLocation(0).WithMessage("'reading' allocates a new byte[_n] on every call of 'Sample', which is called from the lambda in 'Begin', which runs on every tick of a timer; allocate it once and reuse it (no automatic fix: a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not)"));
    }
}
