using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003 "Allocate from arena": the method body runs in an arena scope, so each call rewinds.</summary>
public class LargeAllocationArenaTests
{
    private static VerifyCS.Test Create(string source, string? fixedSource, string? entryPoint, ReferenceAssemblies? references = null)
    {
        var set = references ?? TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource!, // null: no fixed code to compare
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            CodeActionEquivalenceKey = LargeAllocationFixer.AllocateFromArenaKey,
            BehaviorEntryPoint = entryPoint,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        return test;
    }

    [Fact]
    public async Task InstanceMethod_SpanFromAStaticArena()
    {
        await Create("""
            using System;
            using System.IO;

            class PacketHandler
            {
                public int OnPacket(Stream source)
                {
                    var buffer = [|new byte[2048]|];
                    int read = source.Read(buffer, 0, buffer.Length);
                    int sum = 0;
                    for (int i = 0; i < buffer.Length; i++) sum += buffer[i];
                    return read * 1000 + sum;
                }

                public static string Run()
                {
                    var handler = new PacketHandler();
                    return handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3 })) + " " + handler.OnPacket(new MemoryStream(new byte[] { 9 }));
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            class PacketHandler
            {
                private static readonly Arena s_arena = new Arena(2048);

                public int OnPacket(Stream source)
                {
                    using (s_arena.Scope())
                    {
                        var buffer = s_arena.Alloc(2048);
                        int read = source.Read(buffer);
                        int sum = 0;
                        for (int i = 0; i < buffer.Length; i++) sum += buffer[i];
                        return read * 1000 + sum;
                    }
                }

                public static string Run()
                {
                    var handler = new PacketHandler();
                    return handler.OnPacket(new MemoryStream(new byte[] { 1, 2, 3 })) + " " + handler.OnPacket(new MemoryStream(new byte[] { 9 }));
                }
            }
            """, "PacketHandler.Run").RunAsync();
    }

    [Fact]
    public async Task RecursiveMethod_ScopesNest()
    {
        // Recursion rules out the field fix (each level needs its own buffer); nested arena scopes give each level its own slice.
        await Create("""
            using System;

            static class Tree
            {
                static int Depth(int level)
                {
                    var scratch = [|new int[300]|];
                    scratch[0] = level;
                    int below = level > 0 ? Depth(level - 1) : 0;
                    return scratch[0] + below;
                }

                static int Run() => Depth(3) * 100 + Depth(1);
            }
            """, """
            using System;
            using Fragless;

            static class Tree
            {
                private static readonly Arena s_arena = new Arena(1204);

                static int Depth(int level)
                {
                    using (s_arena.Scope())
                    {
                        var scratch = s_arena.Alloc<int>(300);
                        scratch[0] = level;
                        int below = level > 0 ? Depth(level - 1) : 0;
                        return scratch[0] + below;
                    }
                }

                static int Run() => Depth(3) * 100 + Depth(1);
            }
            """, "Tree.Run").RunAsync();
    }

    [Fact]
    public async Task NetStandard20_ArraySegment()
    {
        var test = Create("""
            using System.IO;

            public class Logger
            {
                public int Flush(Stream output, byte marker)
                {
                    byte[] block = [|new byte[1024]|];
                    block[0] = marker;
                    output.Write(block, 0, 4);
                    return block.Length;
                }

                public static string Run()
                {
                    var output = new MemoryStream();
                    var logger = new Logger();
                    int n = logger.Flush(output, 7) + logger.Flush(output, 8);
                    return n + ":" + System.BitConverter.ToString(output.ToArray());
                }
            }
            """, """
            using System;
            using System.IO;
            using Fragless;

            public class Logger
            {
                private static readonly Arena s_arena = new Arena(1024);

                public int Flush(Stream output, byte marker)
                {
                    using (s_arena.Scope())
                    {
                        ArraySegment<byte> block = s_arena.AllocSegment(1024);
                        block.Array[block.Offset + 0] = marker;
                        output.Write(block.Array, block.Offset, 4);
                        return block.Count;
                    }
                }

                public static string Run()
                {
                    var output = new MemoryStream();
                    var logger = new Logger();
                    int n = logger.Flush(output, 7) + logger.Flush(output, 8);
                    return n + ":" + System.BitConverter.ToString(output.ToArray());
                }
            }
            """, "Logger.Run", TestReferences.NetStandard20);
        test.LanguageVersion = LanguageVersion.CSharp7_3;
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutTheRuntime_NoArenaFixIsOffered()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                class PacketHandler
                {
                    public int OnPacket(Stream source)
                    {
                        var buffer = [|new byte[2048]|];
                        return source.Read(buffer, 0, buffer.Length);
                    }
                }
                """,
            CodeActionEquivalenceKey = LargeAllocationFixer.AllocateFromArenaKey,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task AsyncMethod_NoArenaFix()
    {
        var test = Create("""
            using System.IO;
            using System.Threading.Tasks;

            class PacketHandler
            {
                public async Task<int> OnPacketAsync(Stream source)
                {
                    var buffer = [|new byte[2048]|];
                    return await source.ReadAsync(buffer, 0, buffer.Length);
                }
            }
            """, null, null);
        test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        await test.RunAsync();
    }
}
