using Microsoft.CodeAnalysis.Testing;
using Loop = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;
using Read = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// A buffer handed to the constructor of a class Fragless cannot see (a package's <c>MqttUserProperty</c>, a vendor's
/// <c>Packet</c>) is most often stored in the new object: where the object is kept, so is the buffer, and nothing is
/// reported. Where the object is dropped, the buffer still counts as dropped, without a fix (the constructor may keep
/// it elsewhere too). A struct's constructor copies as often as it stores (<c>new Guid(bytes)</c>): not followed.
/// </summary>
public class UnknownConstructorTests
{
    private const string Vendor = """
        namespace Vendor
        {
            public class Packet
            {
                public Packet(byte[] data) { Data = data; }
                public byte[] Data { get; }
            }

            public struct Frame
            {
                public Frame(byte[] data) { Length = data.Length; }
                public int Length { get; }
            }
        }
        """;

    [Fact]
    public async Task Frag001_ABufferInAKeptObject_IsKept_InADroppedOneIsNot()
    {
        await new Loop.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using Vendor;

                public class Receiver
                {
                    private readonly List<Packet> _packets = new List<Packet>();
                    private readonly List<Frame> _frames = new List<Frame>();
                    private int _last;

                    public void Receive(int count)
                    {
                        for (int i = 0; i < count; i++)
                        {
                            _packets.Add(new Packet(new byte[4]));
                            var dropped = new Packet({|#0:new byte[4]|});
                            _last = dropped.Data.Length;
                            _frames.Add(new Frame({|#1:new byte[4]|}));
                        }
                    }
                }
                """,
            TestState = { AdditionalReferences = { TestReferences.NamedAssembly("Vendor", Vendor) } },
            ExpectedDiagnostics =
            {
                Loop.Diagnostic().WithLocation(0).WithArguments("A new byte[4] is allocated", "on every iteration of the loop in 'Receive'", " (no automatic fix: 'Packet..ctor' may keep the buffer)"),
                Loop.Diagnostic().WithLocation(1).WithArguments("A new byte[4] is allocated", "on every iteration of the loop in 'Receive'", " (no automatic fix: 'Frame..ctor' may keep the buffer)"),
            },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task Frag002_AResultInAKeptObject_IsKept_InADroppedOneIsNot()
    {
        await new Read.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.IO;
                using Vendor;

                public class Receiver
                {
                    private readonly List<Packet> _packets = new List<Packet>();
                    private int _last;

                    public void Receive(BinaryReader reader, int count)
                    {
                        for (int i = 0; i < count; i++)
                        {
                            _packets.Add(new Packet(reader.ReadBytes(4)));
                            var dropped = new Packet({|#0:reader.ReadBytes(4)|});
                            _last = dropped.Data.Length;
                        }
                    }
                }
                """,
            TestState = { AdditionalReferences = { TestReferences.NamedAssembly("Vendor", Vendor) } },
            ExpectedDiagnostics = { Read.Diagnostic().WithLocation(0) },
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }
}
