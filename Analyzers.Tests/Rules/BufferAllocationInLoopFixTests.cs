using Fragless.Analyzers.Rules;
using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG001 positives: each one is reported and fixed (or explicitly has no fix).</summary>
public class BufferAllocationInLoopFixTests
{
    [Fact]
    public async Task ArrayWrittenByRead_IsHoistedAndClearedEachIteration()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                class Program
                {
                    static void Pump(Stream input, Stream output)
                    {
                        while (true)
                        {
                            // one chunk
                            var chunk = {|#0:new byte[64]|};
                            int read = input.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            output.Write(chunk, 0, read);
                        }
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("'chunk' allocates a new byte[64]") },
            FixedCode = """
                using System;
                using System.IO;

                class Program
                {
                    static void Pump(Stream input, Stream output)
                    {
                        // one chunk
                        var chunk = new byte[64];
                        while (true)
                        {
                            Array.Clear(chunk, 0, chunk.Length);
                            int read = input.Read(chunk, 0, chunk.Length);
                            if (read == 0) break;
                            output.Write(chunk, 0, read);
                        }
                    }
                }
                """,
        }.RunAsync();
    }
}
