using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 on shapes seen in real device code: array literals whose elements change each iteration (made once at their
/// length and filled where they were) and a condition choosing between two sizes (one array per arm). Each fix runs
/// before and after; where evaluating the elements earlier could change behaviour, no fix is offered and the message
/// says why.
/// </summary>
public class BufferAllocationInLoopShapeTests
{
    [Fact]
    public async Task LiteralDeclaration_HoistedAtItsLength_FilledInOrderWhereItWas()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static byte s_sequence;

                    static byte Next()
                    {
                        Console.WriteLine("next");
                        return ++s_sequence;
                    }

                    static void Main()
                    {
                        var port = new MemoryStream();
                        byte reg = 0x20;
                        var values = new byte[] { 7, 8, 9 };
                        for (int i = 0; i < values.Length; i++)
                        {
                            // register, sequence, value
                            var cmd = [|new byte[] { reg, Next(), values[i] }|];
                            if (i == 1)
                                cmd[0] = 0x21;
                            port.Write(cmd, 0, cmd.Length);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static byte s_sequence;

                    static byte Next()
                    {
                        Console.WriteLine("next");
                        return ++s_sequence;
                    }

                    static void Main()
                    {
                        var port = new MemoryStream();
                        byte reg = 0x20;
                        var values = new byte[] { 7, 8, 9 };
                        var cmd = new byte[3];

                        for (int i = 0; i < values.Length; i++)
                        {
                            // register, sequence, value
                            cmd[0] = reg;
                            cmd[1] = Next();
                            cmd[2] = values[i];
                            if (i == 1)
                                cmd[0] = 0x21;
                            port.Write(cmd, 0, cmd.Length);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task LiteralArgument_LocalBeforeTheLoop_FilledJustBeforeTheCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var values = new byte[] { 7, 8, 9 };
                        for (int i = 0; i < values.Length; i++)
                        {
                            byte v = (byte)(values[i] * 2);
                            port.Write([|new byte[] { 0x10, v, values[i] }|], 0, 3);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var values = new byte[] { 7, 8, 9 };
                        var buffer = new byte[3];

                        for (int i = 0; i < values.Length; i++)
                        {
                            byte v = (byte)(values[i] * 2);
                            buffer[0] = 0x10;
                            buffer[1] = v;
                            buffer[2] = values[i];
                            port.Write(buffer, 0, 3);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task LiteralArgument_CSharp73_ExplicitStyle()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Device
                {
                    public static string Run()
                    {
                        Stream port = new MemoryStream();
                        for (int i = 0; i < 3; i++)
                        {
                            byte level = (byte)i;
                            port.Write([|new[] { (byte)0x40, level }|], 0, 2);
                        }
                        MemoryStream written = (MemoryStream)port;
                        return BitConverter.ToString(written.ToArray());
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Device
                {
                    public static string Run()
                    {
                        Stream port = new MemoryStream();
                        byte[] buffer = new byte[2];

                        for (int i = 0; i < 3; i++)
                        {
                            byte level = (byte)i;
                            buffer[0] = (byte)0x40;
                            buffer[1] = level;
                            port.Write(buffer, 0, 2);
                        }
                        MemoryStream written = (MemoryStream)port;
                        return BitConverter.ToString(written.ToArray());
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
            BehaviorEntryPoint = "Device.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task LiteralArgument_ThroughAFieldOfThis_WithAFieldElement_FilledJustBeforeTheCall()
    {
        // Reading a field of `this` has no effect and cannot throw: the elements can be written before the receiver is read.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                public class Device
                {
                    private readonly MemoryStream _port = new MemoryStream();
                    private byte _register = 0x10;

                    public string Run(byte[] values)
                    {
                        for (int i = 0; i < values.Length; i++)
                        {
                            _port.Write([|new byte[] { _register, values[i] }|], 0, 2);
                            _register++;
                        }
                        return BitConverter.ToString(_port.ToArray());
                    }

                    public static string Main() => new Device().Run(new byte[] { 1, 2, 3 });
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                public class Device
                {
                    private readonly MemoryStream _port = new MemoryStream();
                    private byte _register = 0x10;

                    public string Run(byte[] values)
                    {
                        var buffer = new byte[2];

                        for (int i = 0; i < values.Length; i++)
                        {
                            buffer[0] = _register;
                            buffer[1] = values[i];
                            _port.Write(buffer, 0, 2);
                            _register++;
                        }
                        return BitConverter.ToString(_port.ToArray());
                    }

                    public static string Main() => new Device().Run(new byte[] { 1, 2, 3 });
                }
                """,
            BehaviorEntryPoint = "Device.Main",
        }.RunAsync();
    }

    [Fact]
    public async Task LiteralArgument_ElementsOrStatementWithEffects_NoFix_MessageSaysWhy()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int s_calls;

                    static Stream Log(Stream port)
                    {
                        s_calls++;
                        return port;
                    }

                    static byte Next() => (byte)++s_calls;

                    static void Run(Stream port, byte[] values)
                    {
                        for (int i = 0; i < values.Length; i++)
                        {
                            port.Write({|#0:new byte[] { 0x10, Next() }|}, 0, 2);
                            Log(port).Write({|#1:new byte[] { 0x10, values[i] }|}, 0, 2);
                        }
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[2] is allocated on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: its initial values change between iterations, and its elements are not plain values that could be read before the rest of the statement)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("A new byte[2] is allocated on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: its initial values change between iterations, and the statement does something before it that filling it earlier would reorder)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task LiteralSeenThroughAView_NoFix_MessageSaysWhy()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Run(Stream port, byte[] values)
                    {
                        int total = 0;
                        for (int i = 0; i < values.Length; i++)
                        {
                            var cmd = {|#0:new byte[] { 0x10, values[i] }|};
                            ReadOnlySpan<byte> view = cmd;
                            total += view[1];
                        }
                        return total;
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'cmd' allocates a new byte[2] on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: its initial values change between iterations, and it is also reached through another variable or view)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task ConditionalSizes_OneArrayPerArm_ChosenOneReset()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 });
                        for (int i = 0; i < 5; i++)
                        {
                            byte[] frame = i % 2 == 0 ? [|new byte[5]|] : [|new byte[3]|];
                            int read = input.Read(frame, 0, frame.Length - 1);
                            Console.WriteLine(read + ":" + BitConverter.ToString(frame));
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 });
                        byte[] frame5 = new byte[5];
                        byte[] frame3 = new byte[3];

                        for (int i = 0; i < 5; i++)
                        {
                            byte[] frame = i % 2 == 0 ? frame5 : frame3;
                            Array.Clear(frame, 0, frame.Length);
                            int read = input.Read(frame, 0, frame.Length - 1);
                            Console.WriteLine(read + ":" + BitConverter.ToString(frame));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ConditionalWithAVariableSize_NoFix_MessageSaysWhy()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                    static int Run(Stream input, int size, int passes)
                    {
                        int total = 0;
                        for (int i = 0; i < passes; i++)
                        {
                            byte[] frame = i % 2 == 0 ? {|#0:new byte[5]|} : {|#1:new byte[size]|};
                            total += input.Read(frame, 0, frame.Length);
                        }
                        return total;
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'frame' allocates a new byte[5] on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: a condition chooses it, and only two new arrays of different constant sizes can each be made before the loop)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("'frame' allocates a new byte[size] on every iteration of the loop in 'Run'; allocate it once before the loop and reuse it (no automatic fix: a condition chooses it, and only two new arrays of different constant sizes can each be made before the loop)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }
}
