using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.HotPathAllocationAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005: hotness derived through callers. The model first reads a method's uses as syntax (a use in a loop, a
/// lambda, a callback, or a call from a method that is marked or may be hot) and binds them only when one can make it
/// hot; these are the shapes that first look must not lose, and the ones it rightly drops.
/// </summary>
public class HotPathDerivationTests
{
    [Fact]
    public async Task ThroughStraightLineCallers_FromALoop_IsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        Step(i);
                }

                private void Step(int i) => Send(i);

                private void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData(@"St\u0065p(i)", @"""ok""")]
    [InlineData(@"Step(i)", @"""21 \u00B0C""")]
    [InlineData(@"@Step(i)", @"""\U0001F600""")]
    public async Task ThroughACallInAFileWithUnicodeEscapes_IsHot(string call, string label)
    {
        // A name may be spelled with an escape, and a file's escapes are mostly in its string literals: the call is
        // found either way.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;
                string _label = {{label}};

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                private void Step(int i) => Send(i);

                private void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length + _label.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task CalledFromALoop_AndFromStraightLineCodeThatCannotBeHot_IsHot()
    {
        // Only the uses that can make a method hot are bound; the others (a constructor's call, a setup method's) change
        // nothing either way.
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;

                public Radio() => Send(0);

                public void Configure(int n) => Send(n);

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        Relay(i);
                }

                private void Relay(int i) => Send(i);

                private void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task AnOverloadCalledFromALoop_DoesNotMakeTheOtherHot()
    {
        // The loop calls Send(int, int); Send(int), which allocates, is only called from straight-line code.
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;

                public void Configure(int n) => Send(n);

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        Send(i, 2);
                }

                private void Send(int n, int copies) => _sent += n * copies;

                private void Send(int n)
                {
                    var packet = new byte[n];
                    _sent += packet.Length;
                }
            }
            """);
    }

    // Which method a call names is binding's answer, not the spelling's: an overload with as many parameters, or a
    // local that hides the method, is not it. In nullable-enabled code too, where binding a caller costs the most and is
    // the first thing a cheaper lookup would change. (A mutation that takes every spelling that fits the argument count
    // fails four of these and one above.)

    [Theory]
    [InlineData("#nullable enable")]
    [InlineData("#nullable disable")]
    public async Task AnOverloadWithAsManyParameters_CalledFromALoop_DoesNotMakeTheOtherHot(string nullable)
    {
        // Send(string) and Send(int) take one argument each: only the types tell the loop's call from the other.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{nullable}}
            class Radio
            {
                int _sent;

                public void Configure(int n) => Send(n);

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        Send("frame");
                }

                private void Send(string text) => _sent += text.Length;

                private void Send(int n)
                {
                    var packet = new byte[n];
                    _sent += packet.Length;
                }
            }
            """);
    }

    [Theory]
    [InlineData("#nullable enable", "Send(i)")]
    [InlineData("#nullable disable", "Send(i)")]
    [InlineData("#nullable enable", "this?.Send(i)")]
    [InlineData("#nullable enable", "Relay(i).Send(i)")]
    public async Task CalledFromALoop_InCodeWithOrWithoutNullableAnalysis_IsHot(string nullable, string call)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{nullable}}
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                private Radio Relay(int i) => this;

                private void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData("#nullable enable")]
    [InlineData("#nullable disable")]
    public async Task ALocalDelegateThatHidesTheMethod_CalledFromALoop_DoesNotMakeItHot(string nullable)
    {
        // In Run, 'Send' is the local: the loop calls the delegate, and the method is only called once, from Configure.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{nullable}}
            using System;

            class Radio
            {
                int _sent;

                public void Configure(int n) => Send(n);

                public void Run(int frames)
                {
                    Action<int> Send = n => _sent += n;
                    for (int i = 0; i < frames; i++)
                        Send(i);
                }

                private void Send(int n)
                {
                    var packet = new byte[n];
                    _sent += packet.Length;
                }
            }
            """);
    }

    [Theory]
    [InlineData("Send(i, i, i)", "private void Send(params int[] values)", "values.Length", "params")]
    [InlineData("Send(i)", "private void Send(int n, int copies = 1)", "n * copies", "optional")]
    [InlineData("this.Send(i)", "private void Send(int n, params int[] more)", "n + more.Length", "params, none passed")]
    public async Task CalledFromALoop_WithAnyNumberOfArgumentsItTakes_IsHot(string call, string declaration, string size, string label)
    {
        _ = label;
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                {{declaration}}
                {
                    var packet = {|#0:new byte[{{size}}]|};
                    _sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData("Radio _next;", "", "_next.Send(i)", "a field of its own type")]
    [InlineData("Relay _next;", "", "_next.Send(i)", "a field of a derived type")]
    [InlineData("Bus _next;", "var _next = this;", "_next.Send(i)", "a local that hides a field of another type")]
    [InlineData("Bus _next;", "System.Action<Radio> each = _next => { for (int j = 0; j < frames; j++) _next.Send(j); }; each(this);", "_bus = i", "a lambda's parameter that hides a field of another type")]
    [InlineData("Bus _next;", "foreach (var _next in _peers) _next.Send(1);", "_bus = i", "a foreach variable that hides a field of another type")]
    public async Task CalledOnAReceiverOfItsOwnType_FromALoop_IsHot(string field, string before, string call, string label)
    {
        // A call on a field of an unrelated type is another method's; a field of the method's own type, or a derived
        // one, is its receiver, and so is a local or parameter of the same name, which hides the field.
        _ = label;
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Bus
            {
                public int Sent;
                public void Send(int n) => Sent += n;
            }

            class Radio
            {
                {{field}}
                int _bus;
                int _sent;
                Radio[] _peers = new Radio[0];

                public void Run(int frames)
                {
                    {{before}}
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                internal void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length;
                }
            }

            class Relay : Radio
            {
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task OnlyAFieldOfAnotherTypeCallsItsNameInALoop_IsNotHot()
    {
        // _bus.Send(i) in the loop is Bus.Send; Radio.Send is only called from straight-line code.
        await VerifyCS.VerifyAnalyzerAsync("""
            class Bus
            {
                public int Sent;
                public void Send(int n) => Sent += n;
            }

            class Radio
            {
                Bus _bus = new Bus();
                int _sent;

                public void Configure(int n) => Send(n);

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        _bus.Send(i);
                }

                internal void Send(int n)
                {
                    var packet = new byte[n];
                    _sent += packet.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task AnExtensionMethodCalledFromALoop_IsHot()
    {
        // Called as radio.Send(i), it takes one argument fewer than it declares.
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                public int Sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        this.Send(i);
                }
            }

            static class RadioExtensions
            {
                public static void Send(this Radio radio, int n)
                {
                    var packet = {|#0:new byte[n]|};
                    radio.Sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task CalledOnlyFromStraightLineCode_IsNotHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;

                public void Configure(int n) => Prepare(n);

                private void Prepare(int n) => Send(n);

                private void Send(int n)
                {
                    var packet = new byte[n];
                    _sent += packet.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task CalledInAForInitializer_IsNotHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;

                public void Run(int n)
                {
                    for (var packet = Make(n); _sent < 10; _sent++)
                        _sent += packet.Length;
                }

                private byte[] Make(int n)
                {
                    var packet = new byte[n];
                    _sent++;
                    return packet;
                }
            }
            """);
    }

    [Fact]
    public async Task CalledFromAMarkedExpressionBodiedProperty_IsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            sealed class HotPathAttribute : System.Attribute { }

            class Meter
            {
                public int Size { get; set; }

                [HotPath]
                public int Level => Measure(Size);

                private int Measure(int n)
                {
                    var window = {|#0:new short[n]|};
                    return window.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task CalledFromACallerInARecursiveCycle_ThatALoopCalls_IsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Parser
            {
                int _depth;

                public void Pump(int count)
                {
                    for (int i = 0; i < count; i++)
                        Value(i);
                }

                private void Value(int n)
                {
                    if (n > 0)
                        Element(n - 1);
                    Token(n);
                }

                private void Element(int n) => Value(n);

                private void Token(int n)
                {
                    var scratch = {|#0:new char[n + 1]|};
                    _depth += scratch.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Fact]
    public async Task SubscribedAsAMethodGroup_IsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;

            class Port { public event EventHandler<int> Sample; }

            class Logger
            {
                int _seen;

                public void Attach(Port port) => port.Sample += OnSample;

                private void OnSample(object sender, int n)
                {
                    var line = {|#0:new char[n]|};
                    _seen += line.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }
}
