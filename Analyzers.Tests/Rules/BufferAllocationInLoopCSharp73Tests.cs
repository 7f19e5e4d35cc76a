using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 on C# 7.3 against netstandard2.0 (no Span&lt;T&gt;, no using declarations): what the fixes emit
/// must compile there, and the fixed programs must behave the same.
/// </summary>
public class BufferAllocationInLoopCSharp73Tests
{
    private static VerifyCS.Test Create(string source, string fixedSource, string? entryPoint = null) => new()
    {
        TestCode = source,
        FixedCode = fixedSource,
        LanguageVersion = LanguageVersion.CSharp7_3,
        ReferenceAssemblies = TestReferences.NetStandard20,
        BehaviorEntryPoint = entryPoint,
    };

    [Fact]
    public async Task ArrayRead_HoistedWithArrayClear()
    {
        await Create("""
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var serial = new MemoryStream(new byte[] { 4, 3, 2, 1, 9 });
                    string log = "";
                    for (;;)
                    {
                        byte[] rx = [|new byte[2]|];
                        int n = serial.Read(rx, 0, rx.Length);
                        if (n == 0) break;
                        log += rx[0] + "/" + rx[1] + ";";
                    }
                    return log;
                }
            }
            """, """
            using System;
            using System.IO;

            public static class Device
            {
                public static string Run()
                {
                    var serial = new MemoryStream(new byte[] { 4, 3, 2, 1, 9 });
                    string log = "";
                    byte[] rx = new byte[2];

                    for (;;)
                    {
                        Array.Clear(rx, 0, rx.Length);
                        int n = serial.Read(rx, 0, rx.Length);
                        if (n == 0) break;
                        log += rx[0] + "/" + rx[1] + ";";
                    }
                    return log;
                }
            }
            """, "Device.Run").RunAsync();
    }

    [Fact]
    public async Task InlineBufferInBody_AddsUsingSystem()
    {
        await Create("""
            namespace Firmware
            {
                public static class Device
                {
                    public static int Run()
                    {
                        var spi = new System.IO.MemoryStream(new byte[10]);
                        int total = 0;
                        for (int i = 0; i < 3; i++)
                        {
                            total += spi.Read([|new byte[4]|], 0, 4);
                        }
                        return total;
                    }
                }
            }
            """, """
            using System;

            namespace Firmware
            {
                public static class Device
                {
                    public static int Run()
                    {
                        var spi = new System.IO.MemoryStream(new byte[10]);
                        int total = 0;
                        var buffer = new byte[4];

                        for (int i = 0; i < 3; i++)
                        {
                            Array.Clear(buffer, 0, buffer.Length);
                            total += spi.Read(buffer, 0, 4);
                        }
                        return total;
                    }
                }
            }
            """, "Firmware.Device.Run").RunAsync();
    }

    [Fact]
    public async Task StringBuilderAndMemoryStream_Cs73()
    {
        await Create("""
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    string result = "";
                    for (int i = 0; i < 3; i++)
                    {
                        var text = [|new StringBuilder(8)|];
                        var bytes = [|new MemoryStream()|];
                        text.Append('#').Append(i);
                        bytes.WriteByte((byte)i);
                        result += text.ToString() + bytes.Length;
                    }
                    return result;
                }
            }
            """, """
            using System.IO;
            using System.Text;

            public static class Device
            {
                public static string Run()
                {
                    string result = "";
                    var text = new StringBuilder(8);
                    var bytes = new MemoryStream();

                    for (int i = 0; i < 3; i++)
                    {
                        text.Clear();
                        bytes.SetLength(0);
                        text.Append('#').Append(i);
                        bytes.WriteByte((byte)i);
                        result += text.ToString() + bytes.Length;
                    }
                    return result;
                }
            }
            """, "Device.Run").RunAsync();
    }

    [Fact]
    public async Task ReuseContents_Cs73()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                public static class Device
                {
                    public static string Run()
                    {
                        var bus = new MemoryStream();
                        for (byte register = 0; register < 3; register++)
                        {
                            var command = [|new byte[2]|];
                            command[0] = register;
                            command[1] = (byte)(register * 3);
                            bus.Write(command, 0, command.Length);
                        }
                        return System.BitConverter.ToString(bus.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System.IO;

                public static class Device
                {
                    public static string Run()
                    {
                        var bus = new MemoryStream();
                        var command = new byte[2];

                        for (byte register = 0; register < 3; register++)
                        {
                            command[0] = register;
                            command[1] = (byte)(register * 3);
                            bus.Write(command, 0, command.Length);
                        }
                        return System.BitConverter.ToString(bus.ToArray());
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            CodeActionEquivalenceKey = Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer.HoistKey,
            BehaviorEntryPoint = "Device.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task UsingStatementInLoop_IsReportedWithoutFix()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                public static class Device
                {
                    public static long Run(byte[][] payloads)
                    {
                        long total = 0;
                        foreach (var p in payloads)
                        {
                            using (var ms = [|new MemoryStream()|])
                            {
                                ms.Write(p, 0, p.Length);
                                total += ms.Length;
                            }
                        }
                        return total;
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task ParameterSize_MadeOnFirstUse_Cs73()
    {
        await Create("""
            using System.IO;

            public static class Device
            {
                public static int Poll(Stream bus, int frameSize, int frames)
                {
                    int total = 0;
                    while (frames-- > 0)
                    {
                        byte[] frame = [|new byte[frameSize]|];
                        total += bus.Read(frame, 0, frame.Length);
                    }
                    return total;
                }

                public static string Run() => Poll(new MemoryStream(new byte[9]), 4, 3) + " " + Poll(new MemoryStream(new byte[9]), -2, 0);
            }
            """, """
            using System;
            using System.IO;

            public static class Device
            {
                public static int Poll(Stream bus, int frameSize, int frames)
                {
                    int total = 0;
                    byte[] frame = Array.Empty<byte>();

                    while (frames-- > 0)
                    {
                        if (frame.Length != frameSize)
                            frame = new byte[frameSize];
                        else
                            Array.Clear(frame, 0, frame.Length);
                        total += bus.Read(frame, 0, frame.Length);
                    }
                    return total;
                }

                public static string Run() => Poll(new MemoryStream(new byte[9]), 4, 3) + " " + Poll(new MemoryStream(new byte[9]), -2, 0);
            }
            """, "Device.Run").RunAsync();
    }
}
