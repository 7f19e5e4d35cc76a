using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003 size arithmetic, the threshold edge and the size options (malformed values fall back to the defaults).</summary>
public class LargeAllocationSizeTests
{
    private const string Types = """
        enum Small : byte { A }
        enum Plain { A }
        enum Wide : long { A }
        struct Point { public int X; public int Y; }
        struct Mixed { public byte A; public int B; }
        struct Tail { public int A; public byte B; }
        struct WithRef { public byte A; public string S; }
        struct Nested { public Mixed M; public byte C; }
        struct WithLong { public byte A; public long B; }
        struct Empty { }
        struct AutoProps { public int X { get; set; } public byte Y; public static int Shared; public const int K = 1; }
        struct Generic<T> { public T Value; public byte Flag; }
        """;

    private const string InitialContents = " (no automatic fix: its initial contents would have to be restored each time)";

    /// <summary>Reports with threshold 1 so the message shows the computed size (and, for the few without a fix, why).</summary>
    private static Task VerifySizeAsync(string declaration, long bytes, string? editorConfig = null, string noFix = "")
    {
        return new VerifyCS.Test
        {
            TestCode = "using System; using System.IO; using System.Text; using System.Collections.Generic;\n"
                + Types + "\nclass C { void OnPacket() { " + declaration.Replace("/ALLOC", "|}", StringComparison.Ordinal).Replace("ALLOC", "{|#0:", StringComparison.Ordinal) + " } }",
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.large_allocation_bytes = 1\n" + (editorConfig ?? string.Empty)) } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'x' allocates " + bytes + " bytes each time 'OnPacket' runs; allocate it once at startup" + noFix) },
        }.RunAsync();
    }

    [Theory]
    [InlineData("var x = ALLOCnew byte[1024]/ALLOC;", 1024)]
    [InlineData("var x = ALLOCnew sbyte[3]/ALLOC;", 3)]
    [InlineData("var x = ALLOCnew bool[5]/ALLOC;", 5)]
    [InlineData("var x = ALLOCnew char[10]/ALLOC;", 20)]
    [InlineData("var x = ALLOCnew short[10]/ALLOC;", 20)]
    [InlineData("var x = ALLOCnew ushort[10]/ALLOC;", 20)]
    [InlineData("var x = ALLOCnew int[10]/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew uint[10]/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew float[10]/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew long[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew ulong[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew double[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew decimal[2]/ALLOC;", 32)]
    [InlineData("var x = ALLOCnew IntPtr[3]/ALLOC;", 12)]
    public async Task PrimitiveElements(string declaration, long bytes) => await VerifySizeAsync(declaration, bytes);

    [Theory]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew object[3]/ALLOC;", 12)]
    [InlineData("var x = ALLOCnew Action[2]/ALLOC;", 8)]
    [InlineData("var x = ALLOCnew byte[8][]/ALLOC;", 32)]
    [InlineData("var x = ALLOCnew IDisposable[5]/ALLOC;", 20)]
    public async Task ReferenceElements_DefaultToFourBytes(string declaration, long bytes) => await VerifySizeAsync(declaration, bytes);

    [Theory]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", "8", 80)]
    [InlineData("var x = ALLOCnew WithRef[2]/ALLOC;", "8", 32)]
    [InlineData("var x = ALLOCnew IntPtr[2]/ALLOC;", "8", 16)]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", "2", 20)]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", "six", 40)]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", "3", 40)]
    [InlineData("var x = ALLOCnew string[10]/ALLOC;", "-8", 40)]
    public async Task ReferenceSizeOption(string declaration, string referenceSize, long bytes)
        => await VerifySizeAsync(declaration, bytes, "fragless.reference_size = " + referenceSize);

    [Theory]
    [InlineData("var x = ALLOCnew Small[100]/ALLOC;", 100)]
    [InlineData("var x = ALLOCnew Plain[100]/ALLOC;", 400)]
    [InlineData("var x = ALLOCnew Wide[100]/ALLOC;", 800)]
    public async Task EnumElements_UseTheUnderlyingType(string declaration, long bytes) => await VerifySizeAsync(declaration, bytes);

    [Theory]
    [InlineData("var x = ALLOCnew Point[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew Mixed[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew Tail[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew WithRef[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew Nested[10]/ALLOC;", 120)]
    [InlineData("var x = ALLOCnew WithLong[10]/ALLOC;", 160)]
    [InlineData("var x = ALLOCnew Empty[10]/ALLOC;", 10)]
    [InlineData("var x = ALLOCnew AutoProps[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew Generic<short>[10]/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew int?[10]/ALLOC;", 80)]
    [InlineData("var x = ALLOCnew byte?[10]/ALLOC;", 20)]
    public async Task StructElements_SumFieldsWithNaturalAlignment(string declaration, long bytes) => await VerifySizeAsync(declaration, bytes);

    [Theory]
    [InlineData("var x = ALLOCnew int[4, 8]/ALLOC;", 128)]
    [InlineData("var x = ALLOCnew byte[2, 3, 4]/ALLOC;", 24)]
    [InlineData("var x = ALLOCnew int[] { 1, 2, 3 }/ALLOC;", 12)]
    [InlineData("var x = ALLOCnew[] { 1L, 2L }/ALLOC;", 16)]
    [InlineData("var x = ALLOCnew int[,] { { 1, 2 }, { 3, 4 } }/ALLOC;", 16, " (no automatic fix: Fragless cannot tell that a field initializer would compute the same size and contents)")]
    [InlineData("int[] x = ALLOC[1, 2, 3]/ALLOC;", 12)]
    [InlineData("const int Size = 300; var x = ALLOCnew int[Size]/ALLOC;", 1200, " (no automatic fix: its size uses the local 'Size', which a field initializer cannot see)")]
    public async Task ArrayShapes(string declaration, long bytes, string noFix = "") => await VerifySizeAsync(declaration, bytes, noFix: noFix);

    [Theory]
    [InlineData("var x = ALLOCnew MemoryStream(2048)/ALLOC;", 2048)]
    [InlineData("var x = ALLOCnew StringBuilder(600)/ALLOC;", 1200)]
    [InlineData("var x = ALLOCnew StringBuilder(100, 1000)/ALLOC;", 200)]
    [InlineData("var x = ALLOCnew StringBuilder()/ALLOC;", 32)]
    [InlineData("var x = ALLOCnew StringBuilder(\"abc\")/ALLOC;", 32, InitialContents)]
    [InlineData("var x = ALLOCnew List<int>(300)/ALLOC;", 1200)]
    [InlineData("var x = ALLOCnew List<string>(10)/ALLOC;", 40)]
    [InlineData("var x = ALLOCnew List<Point>(capacity: 4)/ALLOC;", 32)]
    [InlineData("List<int> x = ALLOC[1, 2, 3]/ALLOC;", 12, InitialContents)]
    public async Task BuffersWithACapacity(string declaration, long bytes, string noFix = "") => await VerifySizeAsync(declaration, bytes, noFix: noFix);

    [Fact]
    public async Task EmptyCollectionsAndUnknownCapacities_AreNotReportedByDefault()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using System.Text;

                unsafe struct Fixed { public fixed byte Data[16]; }

                class C
                {
                    int Handle(int n, List<int> source, string text)
                    {
                        var a = new MemoryStream();
                        var b = new List<long>();
                        var c = new byte[n];
                        var d = new List<int>(source);
                        var e = new StringBuilder(text);
                        var f = new KeyValuePair<int, int>[1000];
                        var g = new Fixed[1000];
                        var h = new MemoryStream(new byte[0]);
                        return (int)a.Length + b.Count + c.Length + d.Count + e.Length + f.Length + g.Length;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.large_allocation_bytes = 1") } },
        }.RunAsync();
    }

    [Fact]
    public async Task UnknownSizes_ReportedWhenAskedFor()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                class C
                {
                    int Handle(int n, List<int> source)
                    {
                        var c = {|#0:new byte[n]|};
                        var f = {|#1:new KeyValuePair<int, int>[1000]|};
                        return c.Length + f.Length + Count({|#2:new List<int>(source)|});
                    }

                    static int Count(List<int> list) => list.Count;
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = true") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'c' allocates a byte[n] of unknown size each time 'Handle' runs; allocate it once at startup (no automatic fix: its size uses the parameter 'n', which a field initializer cannot see)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'f' allocates a KeyValuePair<int, int>[1000] of unknown size each time 'Handle' runs; allocate it once at startup"),
                VerifyCS.Diagnostic().WithLocation(2).WithMessage("A new List<int> of unknown size is allocated each time 'Handle' runs; allocate it once at startup (no automatic fix: its initial contents use the parameter 'source', which a field initializer cannot see)"),
            },
        }.RunAsync();
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task UnknownSizeOption_Malformed_IsOff(string value)
    {
        await new VerifyCS.Test
        {
            TestCode = "class C { int Handle(int n) { var c = new byte[n]; return c.Length; } }",
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.FRAG003.report_unknown_size = " + value) } },
        }.RunAsync();
    }

    [Fact]
    public async Task Threshold_ExactlyTheDefaultIsReported_OneBelowIsNot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                int OnPacket()
                {
                    var at = {|#0:new byte[1024]|};
                    var below = new byte[1023];
                    var ints = {|#1:new int[256]|};
                    var fewerInts = new int[255];
                    return at.Length + below.Length + ints.Length + fewerInts.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'at' allocates 1024 bytes each time 'OnPacket' runs; allocate it once at startup"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'ints' allocates 1024 bytes each time 'OnPacket' runs; allocate it once at startup"));
    }

    [Fact]
    public async Task ThresholdOption_MovesTheEdge()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    int OnPacket()
                    {
                        var at = {|#0:new byte[4096]|};
                        var below = new byte[4095];
                        return at.Length + below.Length;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.large_allocation_bytes = 4_096") } },
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0) },
        }.RunAsync();
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task ThresholdOption_Malformed_FallsBackTo1024(string value)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    int OnPacket()
                    {
                        var at = [|new byte[1024]|];
                        var below = new byte[1023];
                        return at.Length + below.Length;
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.large_allocation_bytes = " + value) } },
        }.RunAsync();
    }

    [Fact]
    public async Task UnnamedAllocation_MessageNamesTheAllocation()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class C
            {
                void OnPacket(Stream port) => port.Write({|#0:new byte[4096]|}, 0, 16);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[4096] allocates 4096 bytes each time 'OnPacket' runs; allocate it once at startup"));
    }

    [Fact]
    public async Task HalfTypedCode_NoDiagnosticNoException()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class C
            {
                int OnPacket()
                {
                    var a = new byte[{|CS0103:Unknown|}];
                    var b = new {|CS0246:Missing|}();
                    var c = new {|CS0246:Missing|}[4096];
                    return a.Length;
                }
            }
            """);
    }
}
