using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.HotPathAllocationAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005: call sites that hot-path derivation judges from their syntax, without binding the caller. A call spelled
/// <c>Send(…)</c> in the method's own type is taken as a call of it only when nothing else can answer to the name; a
/// call on a receiver whose declared type cannot have the method is no use of it; and the shapes syntax cannot judge
/// (a lazy initialisation, a loop after the call, the loop of a method that runs once) are bound as before.
/// </summary>
public class HotPathCallSiteSyntaxTests
{
    /// <summary>Another type with a method of the same name.</summary>
    private const string Display = """
            class Display
            {
                public int Shown;

                public void Send(int n) => Shown += n;
            }
        """;

    private const string Send = """
            private void Send(int n)
            {
                var packet = {|#0:new byte[n]|};
                _sent += packet.Length;
            }
        """;

    [Theory]
    [InlineData("void Send(int n) => _sent += n;")]
    [InlineData("System.Action<int> Send = n => _sent += n;")]
    public async Task ALocalOfTheSameNameCalledInALoop_DoesNotMakeTheMethodHot(string local)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    {{local}}
                    for (int i = 0; i < frames; i++)
                        Send(i);
                }

            {{Send}}
            }
            """);
    }

    [Theory]
    [InlineData("Send(i)", true)]
    [InlineData("Send(i, 2)", false)]
    public async Task ACallInALoopOfOneOfTwoOverloads_MakesOnlyThatOneHot(string call, bool hot)
    {
        var source = $$"""
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                private void Send(int n, int copies) => _sent += n * copies;

            {{Send}}
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    [Fact]
    public async Task AMethodOfABaseTypeOfTheSameName_CalledInALoop_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Transmitter
            {
                protected int _sent;

                protected void Send(string text) => _sent += text.Length;
            }

            class Radio : Transmitter
            {
                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        Send("ping");
                }

            {{Send}}
            }
            """);
    }

    [Theory]
    [InlineData("return;", false)]
    [InlineData("break;", false)]
    [InlineData("throw new System.InvalidOperationException();", false)]
    [InlineData("continue;", true)]
    [InlineData("", true)]
    public async Task ACallInALoop_IsHotUnlessEveryPathLeavesTheLoopAfterIt(string after, bool hot)
    {
        var source = $$"""
            class Radio
            {
                int _sent;

                public void Run(int[] frames)
                {
                    foreach (var frame in frames)
                    {
                        if (frame > 0)
                        {
                            Send(frame);
                            {{after}}
                        }
                    }
                }

            {{Send}}
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    [Theory]
    [InlineData("Display _display = new Display();", "_display.Send(i)")]
    [InlineData("Display Screen { get; } = new Display();", "Screen.Send(i)")]
    public async Task ACallInALoopOnAMemberOfAnotherType_DoesNotMakeTheMethodHot(string member, string call)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{Display}}

            class Radio
            {
                int _sent;
                {{member}}

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

            {{Send.Replace("private", "public")}}
            }
            """);
    }

    [Fact]
    public async Task ACallInALoopOnAParameterOfAnotherType_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{Display}}

            class Radio
            {
                int _sent;

                public void Run(Display display, int frames)
                {
                    for (int i = 0; i < frames; i++)
                        display.Send(i);
                }

            {{Send.Replace("private", "public")}}
            }
            """);
    }

    [Theory]
    [InlineData("Radio _next;")]
    [InlineData("LoudRadio _next;")]
    public async Task ACallInALoopOnAFieldOfTheMethodsTypeOrADerivedOne_IsHot(string field)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;
                {{field}}

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        _next.Send(i);
                }

            {{Send.Replace("private", "public")}}
            }

            class LoudRadio : Radio
            {
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData("Radio[] _radios = new Radio[2];", "_radios[i % 2].Send(i)", true)]
    [InlineData("Display[] _radios = new Display[2];", "_radios[i % 2].Send(i)", false)]
    [InlineData("Radio _next;", "_next?.Send(i)", true)]
    [InlineData("Display _next;", "_next?.Send(i)", false)]
    [InlineData("Owner _owner = new Owner();", "_owner.Next.Send(i)", true)]
    [InlineData("Owner _owner = new Owner();", "_owner.Screen.Send(i)", false)]
    [InlineData("Owner _owner = new Owner();", "(_owner.Screen).Send(i)", false)]
    public async Task ACallInALoopThroughAnElementAConditionalOrAChain_IsHotOnlyWhenItCanReachTheMethod(string field, string call, bool hot)
    {
        var source = $$"""
            {{Display}}

            class Owner
            {
                public Radio Next { get; } = new Radio();

                public Display Screen { get; } = new Display();
            }

            class Radio
            {
                int _sent;
                {{field}}

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

            {{Send.Replace("private", "public")}}
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    [Theory]
    [InlineData("System.Collections.Generic.List<Radio> _radios = new();", "_radios[i % 2].Send(i)", true)]
    [InlineData("System.Collections.Generic.List<Display> _radios = new();", "_radios[i % 2].Send(i)", false)]
    [InlineData("System.Collections.Generic.IList<Radio> _radios = new Radio[2];", "_radios[i % 2].Send(i)", true)]
    [InlineData("System.Collections.Generic.IList<Display> _radios = new Display[2];", "_radios[i % 2].Send(i)", false)]
    [InlineData("System.Collections.Generic.Dictionary<int, Display> _radios = new();", "_radios[i].Send(i)", false)]
    [InlineData("Mixed _radios = new();", "_radios[(long)i].Send(i)", true)]
    [InlineData("System.Collections.Generic.List<Radio> _radios = new();", "foreach (var radio in _radios) radio.Send(i)", true)]
    [InlineData("System.Collections.Generic.List<Display> _radios = new();", "foreach (var radio in _radios) radio.Send(i)", false)]
    [InlineData("System.Collections.Generic.IReadOnlyList<Display> _radios = new Display[2];", "foreach (var radio in _radios) radio.Send(i)", false)]
    [InlineData("System.Collections.Generic.IReadOnlyList<Radio> _radios = new Radio[2];", "foreach (var radio in _radios) radio.Send(i)", true)]
    [InlineData("Display[] _radios = new Display[2];", "foreach (var radio in _radios) radio.Send(i)", false)]
    [InlineData("System.Collections.ArrayList _radios = new();", "foreach (var radio in _radios) ((Radio)radio).Send(i)", true)]
    [InlineData("Displays _radios = new();", "foreach (var radio in _radios) radio.Send(i)", false)]
    [InlineData("Radios _radios = new();", "foreach (var radio in _radios) radio.Send(i)", true)]
    [InlineData("RadiosByPattern _radios = new();", "foreach (var radio in _radios) radio.Send(i)", true)]
    public async Task ACallInALoopOnAnElementOfACollection_IsHotOnlyWhenTheElementCanBeTheMethodsType(string field, string call, bool hot)
    {
        var source = $$"""
            {{Display}}

            class Mixed
            {
                public Display this[int i] => new Display();

                public Radio this[long i] => new Radio();
            }

            class Displays : System.Collections.Generic.IEnumerable<Radio>
            {
                public System.Collections.Generic.List<Display>.Enumerator GetEnumerator() => new System.Collections.Generic.List<Display>().GetEnumerator();

                System.Collections.Generic.IEnumerator<Radio> System.Collections.Generic.IEnumerable<Radio>.GetEnumerator() => null;

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
            }

            class RadiosByPattern : System.Collections.Generic.IEnumerable<Display>
            {
                public System.Collections.Generic.List<Radio>.Enumerator GetEnumerator() => new System.Collections.Generic.List<Radio> { new Radio() }.GetEnumerator();

                System.Collections.Generic.IEnumerator<Display> System.Collections.Generic.IEnumerable<Display>.GetEnumerator() => null;

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
            }

            class Radios : System.Collections.Generic.IEnumerable<Radio>
            {
                System.Collections.Generic.IEnumerator<Radio> System.Collections.Generic.IEnumerable<Radio>.GetEnumerator() => null;

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
            }

            class Radio
            {
                int _sent;
                {{field}}

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

            {{Send.Replace("private", "public")}}
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    [Fact]
    public async Task ACallInALoopOnANullableStructOfTheMethodsType_IsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            struct Radio
            {
                int _sent;

                public void Run(Radio? next, int frames)
                {
                    for (int i = 0; i < frames; i++)
                        next?.Send(i);
                }

                public void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    _sent += packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData("", "Radio.Send", true)]
    [InlineData("", "LoudRadio.Send", true)]
    [InlineData("using R = Radio;", "R.Send", true)]
    [InlineData("", "Display.Send", false)]
    public async Task AMethodGroupNamedThroughATypeAndSubscribedToAnEvent_IsHotOnlyWhenItIsTheMethod(string usings, string handler, bool hot)
    {
        var source = $$"""
            {{usings}}
            class Sensor
            {
                public event System.Action<int> DataReceived;

                public void Raise(int n) => DataReceived?.Invoke(n);
            }

            class Display
            {
                public static int Shown;

                public static void Send(int n) => Shown += n;
            }

            class Radio
            {
                static int s_sent;

                public void Start(Sensor sensor) => sensor.DataReceived += {{handler}};

                public static void Send(int n)
                {
                    var packet = {|#0:new byte[n]|};
                    s_sent += packet.Length;
                }
            }

            class LoudRadio : Radio
            {
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    // An alias may give another type's name to the method's type: in a block or a file-scoped namespace, or by a
    // global using in another file. Without one, the name is the other type's.
    [Theory]
    [InlineData("namespace Shop;\nusing Other = Shop.Radio;", "", true)]
    [InlineData("namespace Shop { using Other = Radio;", "}", true)]
    [InlineData("namespace Shop { namespace Inner { using Other = Radio;", "} }", true)]
    [InlineData("namespace Shop;", "", false)]
    public async Task ACallThroughAnotherTypesNameInALoop_IsHotWhenAnAliasMayNameTheMethodsType(string header, string footer, bool hot)
    {
        var test = new VerifyCS.Test
        {
            TestCode = $$"""
                {{header}}
                {{(hot ? string.Empty : "class Other { public static void Send(int n) { } }")}}

                class Radio
                {
                    static int s_sent;

                    public void Run(int frames)
                    {
                        for (int i = 0; i < frames; i++)
                            Other.Send(i);
                    }

                    public static void Send(int n)
                    {
                        var packet = {|#0:new byte[n]|};
                        s_sent += packet.Length;
                    }
                }
                {{footer}}
                """,
        };
        if (hot)
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task ACallThroughAGlobalAliasInAnotherFile_IsHot()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    "global using Other = Shop.Radio;",
                    """
                    namespace Shop;

                    class Radio
                    {
                        static int s_sent;

                        public void Run(int frames)
                        {
                            for (int i = 0; i < frames; i++)
                                Other.Send(i);
                        }

                        public static void Send(int n)
                        {
                            var packet = {|#0:new byte[n]|};
                            s_sent += packet.Length;
                        }
                    }
                    """,
                },
            },
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnknownReceiversAndArgumentsBesideACallInALoop_AreNoUses_AndTheCallIsHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                    {
                        {|CS0103:_missing|}.Send(i);
                        {|CS0103:Missing|}.Send(i);
                        {|CS0103:Unknown|}(i).Send(i);
                        Send(i);
                    }
                }

            {{Send}}
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0));
    }

    [Theory]
    [InlineData("Display d = new Display();", "d.Send(i)", false)]
    [InlineData("var d = new Display();", "d.Send(i)", false)]
    [InlineData("int[] d = new int[2];", "d.GetValue(0)", false)]
    [InlineData("Radio d = new Radio();", "d.Send(i)", true)]
    [InlineData("var d = new LoudRadio();", "d.Send(i)", true)]
    [InlineData("var d = Make();", "d.Send(i)", true)]
    [InlineData("{ Display _next = new Display(); _next.Send(0); }", "_next.Send(i)", true)]
    public async Task ACallInALoopOnALocal_IsHotOnlyWhenTheLocalCanBeOfTheMethodsType(string local, string call, bool hot)
    {
        var source = $$"""
            {{Display}}

            class Radio
            {
                int _sent;
                Radio _next;

                public void Run(int frames)
                {
                    {{local}}
                    for (int i = 0; i < frames; i++)
                        {{call}};
                }

                private static Radio Make() => new Radio();

            {{Send.Replace("private", "public")}}
            }

            class LoudRadio : Radio
            {
            }
            """;
        await VerifyHotAsync(source, hot);
    }

    [Fact]
    public async Task ACallInALoopOnAForEachVariableOfAnotherType_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            {{Display}}

            class Radio
            {
                int _sent;

                public void Run(Display[] displays)
                {
                    foreach (Display display in displays)
                        display.Send(1);
                }

            {{Send.Replace("private", "public")}}
            }
            """);
    }

    [Fact]
    public async Task ACallInALoopThatOnlyInitialisesLazily_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Radio
            {
                int _sent;
                byte[] _table;

                public void Run(int frames)
                {
                    for (int i = 0; i < frames; i++)
                    {
                        if (_table == null)
                            _table = Build(i);
                        _sent += _table[0];
                    }
                }

                private byte[] Build(int n)
                {
                    var table = new byte[n + 1];
                    _sent += Scratch(n);
                    return table;
                }

                private int Scratch(int n)
                {
                    var scratch = new byte[n + 1];
                    return scratch.Length;
                }
            }
            """);
    }

    [Fact]
    public async Task ACallInALoopBeforeALoopThatNeverEnds_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;

                public void Run(int channels)
                {
                    for (int i = 0; i < channels; i++)
                        Send(i);
                    while (true)
                        _sent++;
                }

            {{Send}}
            }
            """);
    }

    [Fact]
    public async Task ACallInALoopOfAMethodOnlyAConstructorCalls_DoesNotMakeTheMethodHot()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Radio
            {
                int _sent;

                public Radio(int channels) => Tune(channels);

                private void Tune(int channels)
                {
                    for (int i = 0; i < channels; i++)
                        Send(i);
                }

            {{Send}}
            }
            """);
    }

    /// <summary>The allocation at markup 0 is reported when its method is <paramref name="hot"/>, and nothing else is.</summary>
    private static Task VerifyHotAsync(string source, bool hot)
    {
        return hot
            ? VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic().WithLocation(0))
            : VerifyCS.VerifyAnalyzerAsync(source);
    }
}
