using Verify = Fragless.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Fragless.Analyzers.Rules.AllocatingReadAnalyzer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG002's heuristic for APIs the catalogue does not know: a T[]-returning method with a sibling that fills a T[] or Span&lt;T&gt;.</summary>
public class AllocatingReadHeuristicTests
{
    [Fact]
    public async Task SameNameOverloadTakingADestination_IsReported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            namespace Acme.Sensors
            {
                public class Accelerometer
                {
                    public short[] ReadSamples(int count) => new short[count];
                    public int ReadSamples(short[] destination, int count) => count;
                }
            }

            class C
            {
                static void M(Acme.Sensors.Accelerometer sensor)
                {
                    for (int i = 0; i < 100; i++)
                        Console.WriteLine({|#0:sensor.ReadSamples(16)|}[0]);
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'Accelerometer.ReadSamples' allocates a new short[] on every iteration of the loop in 'M'; read into a reused buffer with 'ReadSamples(short[], int)' (no automatic fix: Fragless knows no rewrite for this call)"));
    }

    [Theory]
    [InlineData("public bool TryGetFrame(Span<byte> destination) => true;", "TryGetFrame(Span<byte>)")]
    [InlineData("public void GetFrameInto(byte[] destination) { }", "GetFrameInto(byte[])")]
    [InlineData("public int GetFrameNonAlloc(byte[] results) => 0;", "GetFrameNonAlloc(byte[])")]
    [InlineData("public int ReadFrame(byte[] buffer, int offset) => 0;", "ReadFrame(byte[], int)")]
    public async Task NamedSiblingTakingADestination_IsReported(string sibling, string display)
    {
        await Verify.VerifyAnalyzerAsync(
            """
            using System;

            public class Radio
            {
                public byte[] GetFrame() => new byte[8];
                SIBLING
            }

            class C
            {
                static void M(Radio radio)
                {
                    while (true)
                        Console.WriteLine({|#0:radio.GetFrame()|}.Length);
                }
            }
            """.Replace("SIBLING", sibling),
            Verify.Diagnostic().WithLocation(0).WithMessage("'Radio.GetFrame' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with '" + display + "' (no automatic fix: Fragless knows no rewrite for this call)"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("public void Send(byte[] payload) { }")]                      // takes an array, but is no fill of GetFrame's result
    [InlineData("public byte[] ReadFrame(byte[] previous) => previous;")]      // returns an array again
    [InlineData("public int TryGetFrame(int[] destination) => 0;")]            // another element type
    [InlineData("public bool TryParse(byte[] input) => true;")]                // Try… but not about frames
    [InlineData("public int GetFrame(params byte[] parts) => 0;")]             // params is an input
    [InlineData("private int GetFrame(byte[] destination) => 0;")]             // not callable
    public async Task WithoutAFillingSibling_IsNotReported(string sibling)
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public class Radio
            {
                public byte[] GetFrame() => new byte[8];
                SIBLING
            }

            class C
            {
                static void M(Radio radio)
                {
                    for (int i = 0; i < 3; i++)
                        Console.WriteLine(radio.GetFrame().Length);
                }
            }
            """.Replace("SIBLING", sibling));
    }

    [Fact]
    public async Task FrameworkMethods_AreLeftToTheCatalogue()
    {
        // string.Split returns string[] and has overloads taking string[]: not a read.
        await Verify.VerifyAnalyzerAsync("""
            using System;

            class C
            {
                static void M(string[] lines)
                {
                    foreach (var line in lines)
                        Console.WriteLine(line.Split(new[] { "," }, StringSplitOptions.None).Length);
                }
            }
            """);
    }

    [Fact]
    public async Task InheritedSibling_IsFound()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;

            public abstract class Device
            {
                public abstract int Read(byte[] buffer, int offset, int count);
            }

            public sealed class Thermometer : Device
            {
                public override int Read(byte[] buffer, int offset, int count) => 0;
                public byte[] ReadBlock() => new byte[4];
            }

            class C
            {
                static void M(Thermometer t)
                {
                    for (int i = 0; i < 3; i++)
                        Console.WriteLine({|#0:t.ReadBlock()|}.Length);
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithMessage("'Thermometer.ReadBlock' allocates a new byte[] on every iteration of the loop in 'M'; read into a reused buffer with 'Read(byte[], int, int)' (no automatic fix: Fragless knows no rewrite for this call)"));
    }
}
