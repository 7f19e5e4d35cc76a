using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 fixes proven by execution: each program calls the fixed method several times and prints what it sees,
/// so a buffer that kept the previous run's contents (a missing reset) would change the output.
/// </summary>
public class LargeAllocationBehaviorTests
{
    [Fact]
    public async Task InstanceMethod_ArrayBecomesReadonlyFieldAndIsClearedEachCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                class PacketHandler
                {
                    private int _handled;

                    public int OnPacket(Stream source)
                    {
                        var buffer = {|#0:new byte[4096]|};
                        int read = source.Read(buffer, 0, 8);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + buffer[i];
                        _handled++;
                        return sum + read;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var handler = new PacketHandler();
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 7 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[0])));
                    }
                }
                """,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage("'buffer' allocates 4096 bytes each time 'OnPacket' runs; allocate it once at startup") },
            FixedCode = """
                using System;
                using System.IO;

                class PacketHandler
                {
                    private int _handled;
                    private readonly byte[] _buffer = new byte[4096];

                    public int OnPacket(Stream source)
                    {
                        Array.Clear(_buffer, 0, _buffer.Length);
                        int read = source.Read(_buffer, 0, 8);
                        int sum = 0;
                        for (int i = 0; i < 16; i++) sum = sum * 31 + _buffer[i];
                        _handled++;
                        return sum + read;
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var handler = new PacketHandler();
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[] { 7 })));
                        Console.WriteLine(handler.OnPacket(new MemoryStream(new byte[0])));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }
}
