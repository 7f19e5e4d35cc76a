using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 in startup methods: a bounded loop of <c>Initialize</c>, <c>Setup</c> or <c>Start</c> (a font loaded glyph by
/// glyph, a table filled) runs at startup, like one in a method only startup code calls, and is not reported. The
/// program's own loops are: every loop of <c>Main</c>, and a loop written to run while the program runs.
/// </summary>
public class BufferAllocationInLoopOnceCodeTests
{
    [Fact]
    public async Task BoundedLoopsOfStartupMethods_RunOnce_MainsLoopsAndRunningLoopsDoNot()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;

                public class Display
                {
                    private readonly List<int> _glyphs = new List<int>();
                    private bool _running = true;

                    public Display()
                    {
                        Initialize();
                    }

                    private void Initialize()
                    {
                        for (int c = 0; c < 96; c++)
                        {
                            var glyph = new byte[8];
                            glyph[0] = (byte)c;
                            _glyphs.Add(Checksum(glyph));
                        }
                    }

                    public void Setup(int[] rows)
                    {
                        foreach (var row in rows)
                        {
                            var line = new byte[4];
                            line[0] = (byte)row;
                            _glyphs.Add(Checksum(line));
                        }
                    }

                    public void Start()
                    {
                        while (_running)
                        {
                            var frame = {|#0:new byte[_glyphs.Count]|};
                            _running = Checksum(frame) == 0;
                        }
                    }

                    private static int Checksum(byte[] data)
                    {
                        int sum = 0;
                        foreach (var b in data) sum += b;
                        return sum;
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var display = new Display();
                        display.Setup(new[] { 1, 2, 3 });
                        for (int pass = 0; pass < 3; pass++)
                        {
                            var reading = {|#1:new byte[pass + 1]|};
                            System.Console.WriteLine(reading.Length);
                        }
                        display.Start();
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("'frame' allocates a new byte[_glyphs.Count]", "on every iteration of the loop in 'Start'", " (no automatic fix: its size changes between iterations)"),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("'reading' allocates a new byte[pass + 1]", "on every iteration of the loop in 'Main'", " (no automatic fix: its size changes between iterations)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }
}
