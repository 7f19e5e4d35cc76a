using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003 fix: shapes, field naming, and every case reported without a fix (re-entrancy, escapes, sizes).</summary>
public class LargeAllocationFixTests
{
    [Fact]
    public async Task ReadOnlyBuffer_NoReset_CommentTravelsWithTheField()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                class Beacon
                {
                    public void Send(Stream port)
                    {
                        // Preamble, all zeros.
                        var preamble = [|new byte[2048]|];
                        port.Write(preamble, 0, preamble.Length);
                    }
                }
                """,
            FixedCode = """
                using System.IO;

                class Beacon
                {
                    // Preamble, all zeros.
                    private readonly byte[] _preamble = new byte[2048];

                    public void Send(Stream port)
                    {
                        port.Write(_preamble, 0, _preamble.Length);
                    }
                }
                """,
            CodeActionEquivalenceKey = LargeAllocationFixer.AllocateOnceInFieldKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Inline_NeverWritten_NoReset()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.IO;

            class Beacon
            {
                private int _count;

                void Pad(Stream port) => port.Write([|new byte[4096]|], 0, 4096);
            }
            """, """
            using System.IO;

            class Beacon
            {
                private int _count;
                private readonly byte[] _buffer = new byte[4096];

                void Pad(Stream port) => port.Write(_buffer, 0, 4096);
            }
            """);
    }

    [Theory]
    [InlineData("private int m_count;", "m_frame")]
    [InlineData("private int count;", "frame")]
    [InlineData("private int _count; private int m_total; private int m_max;", "m_frame")]
    [InlineData("private int _count; private int m_total;", "_frame")]
    [InlineData("private const int Count = 1; private static int s_total;", "_frame")]
    public async Task FieldName_FollowsTheInstanceFieldStyle(string fields, string expected)
    {
        await VerifyCS.VerifyCodeFixAsync(
            "class C\n{\n    " + fields + "\n\n    int M()\n    {\n        var frame = [|new byte[4096]|];\n        return frame.Length;\n    }\n}",
            "class C\n{\n    " + fields + "\n    private readonly byte[] " + expected + " = new byte[4096];\n\n    int M()\n    {\n        return " + expected + ".Length;\n    }\n}");
    }

    [Theory]
    [InlineData("private static int s_count;", "s_frame")]
    [InlineData("private static int _count;", "_frame")]
    [InlineData("private static readonly int Limit = 2;", "Frame")]
    [InlineData("private int _count;", "s_frame")]
    public async Task FieldName_FollowsTheStaticFieldStyle(string fields, string expected)
    {
        await VerifyCS.VerifyCodeFixAsync(
            "class C\n{\n    " + fields + "\n\n    static int M()\n    {\n        var frame = [|new byte[4096]|];\n        return frame.Length;\n    }\n}",
            "class C\n{\n    " + fields + "\n    private static readonly byte[] " + expected + " = new byte[4096];\n\n    static int M()\n    {\n        return " + expected + ".Length;\n    }\n}");
    }

    [Fact]
    public async Task FieldName_AvoidsMembersOfTheTypeAndItsBase_AndLocalsThatWouldShadowIt()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Base
            {
                protected int _frame;
            }

            class C : Base
            {
                private int _frame1() => 1;

                int M()
                {
                    var frame = [|new byte[4096]|];
                    return frame.Length + _frame;
                }

                int N()
                {
                    int _frame2 = 3;
                    return _frame2;
                }
            }
            """, """
            class Base
            {
                protected int _frame;
            }

            class C : Base
            {
                private readonly byte[] _frame3 = new byte[4096];

                private int _frame1() => 1;

                int M()
                {
                    return _frame3.Length + _frame;
                }

                int N()
                {
                    int _frame2 = 3;
                    return _frame2;
                }
            }
            """);
    }

    [Fact]
    public async Task StaticReadonlySizeOfTheSameType_IsFixableWhenReported()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    private static readonly int s_size = 4096;

                    static int M()
                    {
                        var frame = [|new byte[s_size]|];
                        return frame.Length;
                    }
                }
                """,
            FixedCode = """
                class C
                {
                    private static readonly int s_size = 4096;
                    private static readonly byte[] s_frame = new byte[s_size];

                    static int M()
                    {
                        return s_frame.Length;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = true") } },
        }.RunAsync();
    }

    [Fact]
    public async Task SizeFromParameterLocalConstantOrStaticConstructor_NoFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    private static readonly int s_size;
                    private static int s_mutable = 4096;

                    static C() { s_size = 4096; }

                    static int A(int n) { var a = [|new byte[n]|]; return a.Length; }
                    static int B() { const int Local = 4096; var b = [|new byte[Local]|]; return b.Length; }
                    static int D() { var d = [|new byte[s_size]|]; return d.Length; }
                    static int E() { var e = [|new byte[s_mutable]|]; return e.Length; }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = true") } },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task ReentrantMethods_NoFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                class C
                {
                    int Recurse(int depth)
                    {
                        var frame = [|new byte[2048]|];
                        frame[0] = (byte)depth;
                        return depth == 0 ? frame[0] : Recurse(depth - 1) + frame[0];
                    }

                    async Task<int> ReadAsync(Stream s)
                    {
                        var frame = [|new byte[2048]|];
                        return await s.ReadAsync(frame, 0, frame.Length);
                    }

                    IEnumerable<int> Iterate()
                    {
                        var frame = [|new byte[2048]|];
                        frame[1] = 2;
                        yield return frame[1];
                    }

                    int WithCallback(Func<int> callback)
                    {
                        var frame = [|new byte[2048]|];
                        frame[0] = 1;
                        return callback() + frame[0];
                    }

                    int InLambda()
                    {
                        Func<int> f = () => { var frame = [|new byte[2048]|]; frame[0] = 1; return frame[0]; };
                        return f();
                    }

                    int InLocalFunction()
                    {
                        return Local();
                        int Local() { var frame = [|new byte[2048]|]; frame[0] = 1; return frame[0]; }
                    }

                    int Generic<T>()
                    {
                        var items = [|new T[1024]|];
                        return items.Length;
                    }
                }

                struct Reader
                {
                    int Read(Stream s)
                    {
                        var frame = [|new byte[2048]|];
                        return s.Read(frame, 0, frame.Length);
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = true") } },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task EscapingOrUnresettableBuffers_NoFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Text;

                interface ISink { void Put(byte[] data); }

                class C
                {
                    private byte[] _kept;

                    // Kept (returned, stored): not churn, not reported (LargeAllocationLifetimeTests).
                    byte[] Returned() { var a = new byte[2048]; return a; }
                    void Stored() { var b = new byte[2048]; _kept = b; }
                    void Unknown(ISink sink) { var c = [|new byte[2048]|]; sink.Put(c); }
                    long Using() { using (var d = [|new MemoryStream(2048)|]) { return d.Length; } }
                    int Capacity() { var e = [|new StringBuilder(2048)|]; return e.Capacity; }
                    int Initialized() { var f = [|new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256 }|]; f[0] = 9; return f[0]; }
                    int Reassigned() { var g = [|new byte[2048]|]; g = new byte[1]; return g.Length; }
                    List<int> Listed() => new List<int>(1024);
                    int WrittenInExpressionBody(Stream s) => s.Read([|new byte[2048]|], 0, 4);
                }
                """,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatementsAndCreationSites_NoFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class PakFile { private readonly byte[] _data = new byte[4096]; }

                class C
                {
                    int Load() => [|new PakFile()|].GetHashCode();
                }
                """,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task NullableContext_VarLocal_FieldTypeHasNoAnnotation()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            #nullable enable
            using System.Text;

            class Formatter
            {
                public string Format(int value)
                {
                    var text = [|new StringBuilder(1024)|];
                    text.Append(value);
                    return text.ToString();
                }
            }
            """, """
            #nullable enable
            using System.Text;

            class Formatter
            {
                private readonly StringBuilder _text = new StringBuilder(1024);

                public string Format(int value)
                {
                    _text.Clear();
                    _text.Append(value);
                    return _text.ToString();
                }
            }
            """);
    }
}
