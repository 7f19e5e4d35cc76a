using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG003 offers no field (and no arena) for a method that runs once per object: one whose calls in the compilation
/// all run while an object is made (a library's public method, which code outside might call, is still reported).
/// </summary>
public class LargeAllocationOncePerObjectTests
{
    private const string NoFix = " (no automatic fix: 'Prepare' is only called while an object is made, so a field or an arena would keep memory each object needs once)";

    private static VerifyCS.Test Create(string source, string? fixedSource)
    {
        var test = new VerifyCS.Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(TestReferences.Net10),
        };
        if (fixedSource == null)
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        else
            test.FixedCode = fixedSource;
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(TestReferences.Net10));
        test.FixedState.AdditionalReferences.Add(TestReferences.Runtime(TestReferences.Net10));
        return test;
    }

    [Fact]
    public async Task CalledOnlyFromConstructors_ThroughAnotherMethodToo_NoFix()
    {
        var test = Create("""
            using System.IO;

            public class Decoder
            {
                private readonly int _checksum;

                public Decoder(Stream table) { _checksum = Load(table); }

                public Decoder(Stream table, int seed) : this(table) { _checksum += seed; }

                private int Load(Stream table) => Prepare(table) + 1;

                public int Prepare(Stream table)
                {
                    var raw = {|#0:new byte[2048]|};
                    return table.Read(raw, 0, raw.Length);
                }
            }
            """, fixedSource: null);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage("'raw' allocates 2048 bytes each time 'Prepare' runs; allocate it once at startup" + NoFix));
        await test.RunAsync();
    }

    [Fact]
    public async Task AlsoCalledLater_GetsTheField()
    {
        await Create("""
            using System.IO;

            public class Decoder
            {
                public Decoder(Stream table) { Prepare(table); }

                public int Reload(Stream table) => Prepare(table);

                public int Prepare(Stream table)
                {
                    var raw = [|new byte[2048]|];
                    return table.Read(raw, 0, raw.Length);
                }
            }
            """, """
            using System;
            using System.IO;

            public class Decoder
            {
                private readonly byte[] _raw = new byte[2048];

                public Decoder(Stream table) { Prepare(table); }

                public int Reload(Stream table) => Prepare(table);

                public int Prepare(Stream table)
                {
                    Array.Clear(_raw, 0, _raw.Length);
                    return table.Read(_raw, 0, _raw.Length);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task NeverCalledInTheLibrary_GetsTheField()
    {
        await Create("""
            using System.IO;

            public class Decoder
            {
                public int Prepare(Stream table)
                {
                    var raw = [|new byte[2048]|];
                    return table.Read(raw, 0, raw.Length);
                }
            }
            """, """
            using System;
            using System.IO;

            public class Decoder
            {
                private readonly byte[] _raw = new byte[2048];

                public int Prepare(Stream table)
                {
                    Array.Clear(_raw, 0, _raw.Length);
                    return table.Read(_raw, 0, _raw.Length);
                }
            }
            """).RunAsync();
    }
}
