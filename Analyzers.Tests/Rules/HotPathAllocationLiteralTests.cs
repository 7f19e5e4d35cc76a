using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.HotPathAllocationAnalyzer,
    Fragless.CodeFixes.Rules.HotPathAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005 on array literals whose elements change between calls, the register write of most device drivers
/// (<c>new byte[] { (byte)register, value }</c>): the field is made at the literal's length and each call writes every
/// element where the literal was. Proven by execution: each program prints what the bus saw on every call.
/// </summary>
public class HotPathAllocationLiteralTests
{
    private const string Bus = """

        public class Bus
        {
            private int _sum;

            public void Write(byte[] data)
            {
                foreach (var b in data) _sum = _sum * 31 + b;
                System.Console.WriteLine(data.Length + " " + _sum);
            }

            public int Sum(byte[] data)
            {
                int sum = 0;
                foreach (var b in data) sum += b;
                return sum;
            }
        }
        """;

    [Fact]
    public async Task RegisterWrite_LocalAndArgument_BecomeFieldsFilledOnEachCall()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                public class Display
                {
                    private readonly Bus _bus = new Bus();

                    public void SetRegister(byte register, byte value)
                    {
                        // Register first, then the value.
                        var command = {|#0:new byte[] { register, (byte)(value + 1) }|};
                        _bus.Write(command);
                    }

                    public void SetWindow(byte start, byte end)
                    {
                        _bus.Write({|#1:new byte[] { 0x2A, start, end }|});
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var display = new Display();
                        for (int i = 0; i < 4; i++)
                        {
                            display.SetRegister((byte)i, (byte)(i * 3));
                            display.SetWindow((byte)i, (byte)(i + 10));
                        }
                    }
                }
                """ + Bus,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'command' allocates a new byte[2] on every call of 'SetRegister', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("A new byte[3] is allocated on every call of 'SetWindow', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it"),
            },
            FixedCode = """
                public class Display
                {
                    private readonly Bus _bus = new Bus();

                    // Register first, then the value.
                    private readonly byte[] _command = new byte[2];
                    private readonly byte[] _buffer = new byte[3];

                    public void SetRegister(byte register, byte value)
                    {
                        _command[0] = register;
                        _command[1] = (byte)(value + 1);
                        _bus.Write(_command);
                    }

                    public void SetWindow(byte start, byte end)
                    {
                        _buffer[0] = 0x2A;
                        _buffer[1] = start;
                        _buffer[2] = end;
                        _bus.Write(_buffer);
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var display = new Display();
                        for (int i = 0; i < 4; i++)
                        {
                            display.SetRegister((byte)i, (byte)(i * 3));
                            display.SetWindow((byte)i, (byte)(i + 10));
                        }
                    }
                }
                """ + Bus,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Theory]
    [MemberData(nameof(NanoFrameworkTargets.Both), MemberType = typeof(NanoFrameworkTargets))]
    public async Task SpanByteOverALiteral_TheFieldHoldsTheArray(string target)
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Device.I2c;

                public enum Register : byte
                {
                    Config = 0x01,
                    Data = 0x10,
                }

                public class Adc
                {
                    private readonly I2cDevice _device = I2cDevice.Create(new I2cConnectionSettings(1, 0x48));
                    private readonly byte[] _reply = new byte[2];

                    public int ReadChannel(Register register, byte channel)
                    {
                        SpanByte command = {|#0:new byte[2] { (byte)register, channel }|};
                        _device.WriteRead(command, _reply);
                        return _reply[0] * 256 + _reply[1];
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var adc = new Adc();
                        for (byte channel = 0; channel < 4; channel++)
                        {
                            Console.WriteLine(adc.ReadChannel(channel % 2 == 0 ? Register.Config : Register.Data, channel).ToString());
                        }
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("'command' allocates a new byte[2] on every call of 'ReadChannel', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it"),
            },
            FixedCode = """
                using System;
                using System.Device.I2c;

                public enum Register : byte
                {
                    Config = 0x01,
                    Data = 0x10,
                }

                public class Adc
                {
                    private readonly I2cDevice _device = I2cDevice.Create(new I2cConnectionSettings(1, 0x48));
                    private readonly byte[] _reply = new byte[2];
                    private readonly byte[] _commandBuffer = new byte[2];

                    public int ReadChannel(Register register, byte channel)
                    {
                        _commandBuffer[0] = (byte)register;
                        _commandBuffer[1] = channel;
                        SpanByte command = _commandBuffer;
                        _device.WriteRead(command, _reply);
                        return _reply[0] * 256 + _reply[1];
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var adc = new Adc();
                        for (byte channel = 0; channel < 4; channel++)
                        {
                            Console.WriteLine(adc.ReadChannel(channel % 2 == 0 ? Register.Config : Register.Data, channel).ToString());
                        }
                    }
                }
                """,
            ReferenceAssemblies = NanoFrameworkTargets.References(target),
            TestState = { AdditionalReferences = { NanoFrameworkTargets.Devices(target) } },
            BehaviorEntryPoint = NanoFrameworkTargets.Behavior(target),
        }.RunAsync();
    }

    [Fact]
    public async Task NoFix_WhereFillingItWouldReorderEffects_AndTheReasonSaysWhereTheValueIs()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Text;

                public class Display
                {
                    private readonly Bus _bus = new Bus();
                    private int _n;

                    private byte Next() => (byte)_n++;

                    public void Step(byte value)
                    {
                        _bus.Write({|#0:new byte[] { Next(), value }|});
                    }

                    public int Total(byte value) => _bus.Sum({|#1:new byte[] { value, 1 }|});

                    public int Label(string prefix)
                    {
                        var text = {|#2:new StringBuilder(prefix)|};
                        text.Append('!');
                        return text.Length;
                    }

                    public int Count(int count)
                    {
                        var items = {|#3:new List<int>(count)|};
                        items.Add(count);
                        return items.Count;
                    }

                    public int Sized(int size)
                    {
                        var window = {|#4:new byte[size]|};
                        return _bus.Sum(window);
                    }
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var display = new Display();
                        for (int i = 0; i < 4; i++)
                        {
                            display.Step((byte)i);
                            display.Total((byte)i);
                            display.Label("x");
                            display.Count(i + 1);
                            display.Sized(i + 1);
                        }
                    }
                }
                """ + Bus,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithMessage("A new byte[2] is allocated on every call of 'Step', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its initial values change between calls, and its elements are not plain values that could be read before the rest of the statement)"),
                VerifyCS.Diagnostic().WithLocation(1).WithMessage("A new byte[2] is allocated on every call of 'Total', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: it is written in an expression body, where there is no statement before it to fill it in)"),
                VerifyCS.Diagnostic().WithLocation(2).WithMessage("'text' allocates a new StringBuilder on every call of 'Label', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its initial contents use the parameter 'prefix', which a field initializer cannot see)"),
                VerifyCS.Diagnostic().WithLocation(3).WithMessage("'items' allocates a new List<int> on every call of 'Count', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its capacity uses the parameter 'count', which a field initializer cannot see)"),
                VerifyCS.Diagnostic().WithLocation(4).WithMessage("'window' allocates a new byte[size] on every call of 'Sized', which is called on every iteration of the loop in 'Main'; allocate it once and reuse it (no automatic fix: its size uses the parameter 'size', which a field initializer cannot see)"),
            },
        }.RunAsync();
    }
}
