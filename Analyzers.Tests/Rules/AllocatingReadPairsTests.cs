using System.Collections.Immutable;
using System.Threading;
using Fragless.Analyzers.Rules;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Verify = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG002 pairs declared by a team in fragless.pairs.txt, and FRAG004 for lines that cannot be used.</summary>
public class AllocatingReadPairsTests
{
    private const string Library = """
        using System;

        namespace Acme.Telemetry
        {
            public class Packer
            {
                public string Pack(int value) => value.ToString();
                public void PackInto(char[] destination, int value) { }
                public static class Nested
                {
                    public static byte[] Snapshot() => new byte[1];
                    public static void SnapshotTo(byte[] destination) { }
                }
            }

            public static class PackerExtensions
            {
                public static void PackTo(this Packer packer, Span<char> destination, int value) { }
            }
        }

        """;

    [Fact]
    public async Task DeclaredPair_IsReportedInLoopsWithTheNamedMethod()
    {
        await new Verify.Test
        {
            TestCode = Library + """
                class C
                {
                    static void M(Acme.Telemetry.Packer packer)
                    {
                        for (int i = 0; i < 10; i++)
                        {
                            Console.WriteLine({|#0:packer.Pack(i)|});
                            Console.WriteLine({|#1:Acme.Telemetry.Packer.Nested.Snapshot()|});
                        }
                        Console.WriteLine(packer.Pack(-1));
                    }
                }
                """,
            TestState = { AdditionalFiles = {
                ("fragless.pairs.txt", """
                    # Allocating method -> method that fills the caller's buffer
                    Acme.Telemetry.Packer.Pack -> PackInto
                    Acme.Telemetry.Packer+Nested.Snapshot -> SnapshotTo   # nested types use '+'

                    """),
            } },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic().WithLocation(0).WithMessage("'Packer.Pack' allocates a new string on every iteration of the loop in 'M'; read into a reused buffer with 'PackInto' (fragless.pairs.txt) (no automatic fix: Fragless knows no rewrite for this call)"),
                Verify.Diagnostic().WithLocation(1).WithMessage("'Nested.Snapshot' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with 'SnapshotTo' (fragless.pairs.txt) (no automatic fix: Fragless knows no rewrite for this call)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task QualifiedIntoMethod_NamesItsType()
    {
        await new Verify.Test
        {
            TestCode = Library + """
                class C
                {
                    static void M(Acme.Telemetry.Packer packer)
                    {
                        for (int i = 0; i < 10; i++)
                            Console.WriteLine({|#0:packer.Pack(i)|});
                    }
                }
                """,
            TestState = { AdditionalFiles = { ("config/FRAGLESS.PAIRS.TXT", "Acme.Telemetry.Packer.Pack -> Acme.Telemetry.PackerExtensions.PackTo") } },
            ExpectedDiagnostics =
            {
                Verify.Diagnostic().WithLocation(0).WithMessage("'Packer.Pack' allocates a new string on every iteration of the loop in 'M'; read into a reused buffer with 'PackerExtensions.PackTo' (fragless.pairs.txt) (no automatic fix: Fragless knows no rewrite for this call)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task OtherFileNamesAndUnknownTypes_AreIgnoredQuietly()
    {
        await new Verify.Test
        {
            TestCode = Library + """
                class C
                {
                    static void M(Acme.Telemetry.Packer packer)
                    {
                        for (int i = 0; i < 10; i++)
                            Console.WriteLine(packer.Pack(i));
                    }
                }
                """,
            TestState = { AdditionalFiles = {
                ("pairs.txt", "Acme.Telemetry.Packer.Pack -> PackInto"),
                ("fragless.pairs.txt", "Other.Project.Type.Read -> ReadInto\nAcme.Telemetry.Packer.Pack -> Other.Project.Helpers.PackInto"),
            } },
        }.RunAsync();
    }

    [Fact]
    public async Task MalformedLines_AreReportedAsFrag004AndTheRestStillWork()
    {
        await new Verify.Test
        {
            TestCode = Library + """
                class C
                {
                    static void M(Acme.Telemetry.Packer packer)
                    {
                        for (int i = 0; i < 10; i++)
                            Console.WriteLine([|packer.Pack(i)|]);
                    }
                }
                """,
            TestState = { AdditionalFiles = {
                ("fragless.pairs.txt", """
                    {|#1:Acme.Telemetry.Packer.Pack PackInto|}
                    {|#2:-> PackInto|}
                    {|#3:Acme.Telemetry.Packer.Pack ->|}
                    {|#4:Pack -> PackInto|}
                    {|#5:Acme.Telemetry.Packer.Pack -> Pack Into|}
                    {|#6:Acme.Telemetry.Packer.Pack -> A -> B|}
                    {|#7:Acme.Telemetry.Packer.Unpack -> PackInto|}
                    {|#8:Acme.Telemetry.Packer.Pack -> PackOnto|}
                    Acme.Telemetry.Packer.Pack -> PackInto
                    """),
            } },
            ExpectedDiagnostics =
            {
                Frag004(1, "expected 'Namespace.Type.Method -> IntoMethod'"),
                Frag004(2, "expected 'Namespace.Type.Method -> IntoMethod'"),
                Frag004(3, "expected 'Namespace.Type.Method -> IntoMethod'"),
                Frag004(4, "'Pack' is not a method name of the form 'Namespace.Type.Method'"),
                Frag004(5, "'Pack Into' is not a method name of the form 'IntoMethod' or 'Namespace.Type.Method'"),
                Frag004(6, "expected 'Namespace.Type.Method -> IntoMethod'"),
                Frag004(7, "'Acme.Telemetry.Packer' has no method 'Unpack'"),
                Frag004(8, "'Acme.Telemetry.Packer' has no method 'PackOnto'"),
            },
        }.RunAsync();
    }

    /// <summary>FRAG004 on the line marked {|#line:…|} of fragless.pairs.txt; the message names the line too.</summary>
    private static DiagnosticResult Frag004(int line, string reason)
        => Verify.Diagnostic(DiagnosticIds.MalformedConfiguration).WithLocation(line)
            .WithMessage("fragless.pairs.txt line " + line + ": " + reason + "; the line is ignored");

    [Fact]
    public async Task Frag004_CoversTheWholeLineOfTheFile()
    {
        await new Verify.Test
        {
            TestCode = "class C { }",
            TestState = { AdditionalFiles = { ("/repo/fragless.pairs.txt", "# ok\r\n\r\n{|FRAG004:  Bad line here|}\r\n") } },
        }.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# only a comment")]
    [InlineData("->")]
    [InlineData("a.b.c -> ")]
    [InlineData("\u0000\u0001 -> \uFFFF")]
    [InlineData("System.IO.Stream.Read -> Read")]
    [InlineData("Generic`1.Thing`2.Method -> X")]
    public void ReadLine_NeverThrows(string line)
    {
        var compilation = CSharpCompilation.Create("Empty", references: TestReferences.Resolve(TestReferences.Net10));
        var types = new Internals.WellKnownTypes(compilation);
        AllocatingReadPairs.ReadLine(line, types, out _);
    }
}
