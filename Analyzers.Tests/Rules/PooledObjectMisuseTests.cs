using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.PooledObjectMisuseAnalyzer,
    Fragless.CodeFixes.Rules.PooledObjectMisuseFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG009: a pooled object not returned on every path, returned twice, or used after its return; the fix returns it
/// in a finally. Pool&lt;T&gt; has no checked mode (it detects none of these at run time), so the behaviour checks run
/// the runtime's one mode.
/// </summary>
public class PooledObjectMisuseTests
{
    private const string PoolSetup = "new Pool<StringBuilder>(4, () => new StringBuilder(), b => b.Clear())";

    private static VerifyCS.Test Create(string source, string? fixedSource, string? entryPoint = null, ReferenceAssemblies? references = null, LanguageVersion version = LanguageVersion.Latest)
    {
        var set = references ?? TestReferences.Net10;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(set),
            CodeActionEquivalenceKey = PooledObjectMisuseFixer.TryFinallyKey,
            BehaviorEntryPoint = entryPoint,
            LanguageVersion = version,
        };
        if (fixedSource != null)
            test.FixedCode = fixedSource;
        else
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll; // no fix is offered
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(set));
        return test;
    }

    private static Task VerifyNoFix(string source, params DiagnosticResult[] expected)
    {
        var test = Create(source, null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task UseThatCanThrowBetweenRentAndReturn_WrappedInTryFinally_SameOutput()
    {
        var test = Create($$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static string Format(int value)
                {
                    var sb = {|#0:s_pool.Rent()|};
                    sb.Append("v=").Append(value);
                    var text = sb.ToString();
                    s_pool.Return(sb);
                    return text;
                }

                static string Run() => Format(1) + Format(22) + " misses " + s_pool.Statistics.Misses;
            }
            """, $$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static string Format(int value)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        sb.Append("v=").Append(value);
                        var text = sb.ToString();
                        return text;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string Run() => Format(1) + Format(22) + " misses " + s_pool.Statistics.Misses;
            }
            """, "Program.Run");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithMessage("'sb' from 's_pool.Rent()' is not returned to the pool if 'sb.Append(\"v=\")' throws; return it in a 'finally'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EarlyReturnWithoutReturn_ReturnBeforeTheFinalReturn_Fixed()
    {
        var test = Create($$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static string Join(string[] parts)
                {
                    var sb = {|#0:s_pool.Rent()|};
                    if (parts.Length == 0)
                        return "(none)";
                    foreach (var part in parts)
                        sb.Append(part).Append(';');
                    var text = sb.ToString();
                    s_pool.Return(sb);
                    return text;
                }

                static string Run() => Join(new string[0]) + Join(new[] { "a", "b" }) + Join(new[] { "c" });
            }
            """, $$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static string Join(string[] parts)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        if (parts.Length == 0)
                            return "(none)";
                        foreach (var part in parts)
                            sb.Append(part).Append(';');
                        var text = sb.ToString();
                        return text;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string Run() => Join(new string[0]) + Join(new[] { "a", "b" }) + Join(new[] { "c" });
            }
            """, "Program.Run");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "s_pool.Rent()", "is not returned to the pool on every path"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ContinueInALoop_CSharp73_NetStandard20_Fixed()
    {
        var test = Create("""
            using System;
            using System.Text;
            using Fragless;

            public static class Device
            {
                public static string Run()
                {
                    var pool = new Pool<StringBuilder>(2, () => new StringBuilder(), b => b.Clear());
                    string log = "";
                    foreach (var n in new[] { 1, -1, 2 })
                    {
                        StringBuilder line = {|#0:pool.Rent()|};
                        if (n < 0)
                            continue;
                        line.Append('#').Append(n);
                        log += line.ToString();
                        pool.Return(line);
                    }
                    return log;
                }
            }
            """, """
            using System;
            using System.Text;
            using Fragless;

            public static class Device
            {
                public static string Run()
                {
                    var pool = new Pool<StringBuilder>(2, () => new StringBuilder(), b => b.Clear());
                    string log = "";
                    foreach (var n in new[] { 1, -1, 2 })
                    {
                        StringBuilder line = pool.Rent();
                        try
                        {
                            if (n < 0)
                                continue;
                            line.Append('#').Append(n);
                            log += line.ToString();
                        }
                        finally
                        {
                            pool.Return(line);
                        }
                    }
                    return log;
                }
            }
            """, "Device.Run", TestReferences.NetStandard20, LanguageVersion.CSharp7_3);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("line", "pool.Rent()", "is not returned to the pool on every path"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ReturnBeforeAnEarlyJump_IsMovedToTheFinally()
    {
        await Create($$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static int Measure(string s)
                {
                    var sb = [|s_pool.Rent()|];
                    sb.Append(s);
                    if (sb.Length > 3)
                    {
                        s_pool.Return(sb);
                        return -1;
                    }
                    int n = sb.Length;
                    s_pool.Return(sb);
                    return n;
                }

                static string Run() => Measure("ab") + "," + Measure("abcdef") + "," + s_pool.Count;
            }
            """, $$"""
            using System;
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static int Measure(string s)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        sb.Append(s);
                        if (sb.Length > 3)
                        {
                            return -1;
                        }
                        int n = sb.Length;
                        return n;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string Run() => Measure("ab") + "," + Measure("abcdef") + "," + s_pool.Count;
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task Async_AwaitWhileHeld_Fixed()
    {
        await Create($$"""
            using System;
            using System.Text;
            using System.Threading.Tasks;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static async Task<string> Describe(int value)
                {
                    var sb = [|s_pool.Rent()|];
                    await Task.Yield();
                    sb.Append(value);
                    var text = sb.ToString();
                    s_pool.Return(sb);
                    return text;
                }

                static string Run() => Describe(7).GetAwaiter().GetResult() + Describe(8).GetAwaiter().GetResult();
            }
            """, $$"""
            using System;
            using System.Text;
            using System.Threading.Tasks;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = {{PoolSetup}};

                static async Task<string> Describe(int value)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        await Task.Yield();
                        sb.Append(value);
                        var text = sb.ToString();
                        return text;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string Run() => Describe(7).GetAwaiter().GetResult() + Describe(8).GetAwaiter().GetResult();
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task ReturnInOneBranchOnly_IsReportedWithoutAFix()
    {
        await VerifyNoFix("""
            using System.Text;
            using Fragless;

            class C
            {
                void M(Pool<StringBuilder> pool, bool done)
                {
                    var sb = {|#0:pool.Rent()|};
                    sb.Append('x');
                    if (done)
                        pool.Return(sb);
                }
            }
            """, VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "pool.Rent()", "is not returned to the pool on every path"));
    }

    [Fact]
    public async Task NoReturnAtAll_OrAReturnNamedByTheFinalReturn_IsReportedWithoutAFix()
    {
        await VerifyNoFix("""
            using System.Text;
            using Fragless;

            class C
            {
                void Forgotten(Pool<StringBuilder> pool)
                {
                    var sb = {|#0:pool.Rent()|};
                    sb.Append('x');
                }

                int ReadAfter(Pool<StringBuilder> pool)
                {
                    var sb = {|#1:pool.Rent()|};
                    sb.Append('x');
                    pool.Return(sb);
                    return {|#2:sb|}.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "pool.Rent()", "is not returned to the pool on every path"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("sb", "pool.Rent()", "is not returned to the pool if 'sb.Append('x')' throws"),
            VerifyCS.Diagnostic(PooledObjectMisuseAnalyzerIds.UsedAfterReturn).WithLocation(2).WithArguments("sb", "pool.Return(sb)"));
    }

    [Fact]
    public async Task ReturnedTwice_NamesTheFirstReturn()
    {
        await VerifyNoFix("""
            using System.Text;
            using Fragless;

            class C
            {
                void M(Pool<StringBuilder> pool, bool again)
                {
                    var sb = pool.Rent();
                    pool.Return(sb);
                    if (again)
                        {|#0:pool.Return(sb)|};
                }
            }
            """, VerifyCS.Diagnostic(PooledObjectMisuseAnalyzerIds.ReturnedTwice).WithLocation(0).WithMessage("'sb' is returned to the pool again after 'pool.Return(sb)'; the pool will hand the same object out twice"));
    }

    [Fact]
    public async Task UsedAfterReturn_OnOnePath()
    {
        await VerifyNoFix("""
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                string M(Pool<StringBuilder> pool, bool early)
                {
                    var sb = pool.Rent();
                    try
                    {
                        sb.Append("x");
                    }
                    finally
                    {
                        if (early)
                            pool.Return(sb);
                    }

                    var text = {|#0:sb|}.ToString();
                    if (!early)
                        pool.Return(sb);
                    return text;
                }
            }
            """, VerifyCS.Diagnostic(PooledObjectMisuseAnalyzerIds.UsedAfterReturn).WithLocation(0).WithArguments("sb", "pool.Return(sb)"));
    }

    [Fact]
    public async Task HandedOn_StoredReturnedPassedOrCaptured_IsNotReported()
    {
        await VerifyNoFix("""
            using System;
            using System.Collections.Generic;
            using System.Text;
            using Fragless;

            class C
            {
                StringBuilder _current;
                readonly List<StringBuilder> _queue = new List<StringBuilder>();
                Action _later;

                void Store(Pool<StringBuilder> pool) { var sb = pool.Rent(); _current = sb; sb.Append(1); }
                StringBuilder Give(Pool<StringBuilder> pool) { var sb = pool.Rent(); var n = sb.Length; return sb; }
                void Queue(Pool<StringBuilder> pool) { var sb = pool.Rent(); _queue.Add(sb); }
                void Capture(Pool<StringBuilder> pool) { var sb = pool.Rent(); _later = () => pool.Return(sb); }
                void ReturnedInACallee(Pool<StringBuilder> pool) { var sb = pool.Rent(); Release(pool, sb); }

                static void Release(Pool<StringBuilder> pool, StringBuilder sb) => pool.Return(sb);
            }
            """);
    }

    [Fact]
    public async Task ReturnedInFinally_OrNothingCanThrow_IsNotReported()
    {
        await VerifyNoFix("""
            using System.Text;
            using Fragless;

            class C
            {
                int Safe(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    try
                    {
                        sb.Append("abc");
                        return sb.Length;
                    }
                    finally
                    {
                        pool.Return(sb);
                    }
                }

                int Plain(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    int n = sb.Length;
                    pool.Return(sb);
                    return n;
                }
            }
            """);
    }

    [Fact]
    public async Task HandedOnSomewhere_FixIsWithheld()
    {
        await VerifyNoFix("""
            using System.Text;
            using Fragless;

            class C
            {
                StringBuilder _kept;

                void M(Pool<StringBuilder> pool, bool keep)
                {
                    var sb = {|#0:pool.Rent()|};
                    sb.Append(1);
                    if (keep)
                    {
                        _kept = sb;
                        return;
                    }
                    pool.Return(sb);
                }
            }
            """, VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "pool.Rent()", "is not returned to the pool if 'sb.Append(1)' throws"));
    }

    [Fact]
    public async Task CatchThatSwallowsOrReturns_Protects()
    {
        await VerifyNoFix("""
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                void Swallow(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    try { sb.Append(1); } catch (Exception) { }
                    pool.Return(sb);
                }

                void Rethrow(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    try { sb.Append(1); } catch { pool.Return(sb); throw; }
                    pool.Return(sb);
                }
            }
            """);
    }

    [Fact]
    public async Task CatchThatRethrowsWithoutReturn_IsReported_AndTheTryCatchGoesInsideTheFinally()
    {
        var test = Create("""
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                void M(Pool<StringBuilder> pool)
                {
                    var sb = {|#0:pool.Rent()|};
                    try { sb.Append(1); } catch (Exception e) { Console.WriteLine(e.Message); throw; }
                    pool.Return(sb);
                }
            }
            """, """
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                void M(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    try
                    {
                        try { sb.Append(1); } catch (Exception e) { Console.WriteLine(e.Message); throw; }
                    }
                    finally
                    {
                        pool.Return(sb);
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "pool.Rent()", "is not returned to the pool if 'sb.Append(1)' throws"));
        await test.RunAsync();
    }

    [Fact]
    public async Task RentOverwrittenInALoop_AndPassedOnAfterReturn()
    {
        await VerifyNoFix("""
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                void Loop(Pool<StringBuilder> pool)
                {
                    StringBuilder sb;
                    for (int i = 0; i < 3; i++)
                    {
                        sb = {|#0:pool.Rent()|};
                    }
                }

                void Passed(Pool<StringBuilder> pool)
                {
                    var sb = pool.Rent();
                    pool.Return(sb);
                    Console.WriteLine({|#1:sb|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("sb", "pool.Rent()", "is not returned to the pool on every path"),
            VerifyCS.Diagnostic(PooledObjectMisuseAnalyzerIds.UsedAfterReturn).WithLocation(1).WithArguments("sb", "pool.Return(sb)"));
    }

    [Fact]
    public async Task LambdasAndLocalFunctions_AreAnalysedOnTheirOwn()
    {
        await VerifyNoFix("""
            using System;
            using System.Text;
            using Fragless;

            class C
            {
                Action M(Pool<StringBuilder> pool)
                {
                    void Local()
                    {
                        var a = pool.Rent();
                        pool.Return(a);
                        {|#0:pool.Return(a)|};
                    }

                    Local();
                    return () =>
                    {
                        var b = {|#1:pool.Rent()|};
                        if (b.Length > 0)
                            return;
                        pool.Return(b);
                    };
                }
            }
            """,
            VerifyCS.Diagnostic(PooledObjectMisuseAnalyzerIds.ReturnedTwice).WithLocation(0).WithArguments("a", "pool.Return(a)"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("b", "pool.Rent()", "is not returned to the pool on every path"));
    }

    [Fact]
    public async Task FixAll_TwoMethods()
    {
        await Create("""
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = new Pool<StringBuilder>(2, () => new StringBuilder(), b => b.Clear());

                static string A(int n)
                {
                    var sb = [|s_pool.Rent()|];
                    sb.Append(n);
                    var s = sb.ToString();
                    s_pool.Return(sb);
                    return s;
                }

                static string B(string t)
                {
                    var sb = [|s_pool.Rent()|];
                    if (t == null)
                        return "";
                    sb.Append(t).Append('!');
                    var s = sb.ToString();
                    s_pool.Return(sb);
                    return s;
                }

                static string Run() => A(1) + B(null) + B("x") + A(2);
            }
            """, """
            using System.Text;
            using Fragless;

            static class Program
            {
                static readonly Pool<StringBuilder> s_pool = new Pool<StringBuilder>(2, () => new StringBuilder(), b => b.Clear());

                static string A(int n)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        sb.Append(n);
                        var s = sb.ToString();
                        return s;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string B(string t)
                {
                    var sb = s_pool.Rent();
                    try
                    {
                        if (t == null)
                            return "";
                        sb.Append(t).Append('!');
                        var s = sb.ToString();
                        return s;
                    }
                    finally
                    {
                        s_pool.Return(sb);
                    }
                }

                static string Run() => A(1) + B(null) + B("x") + A(2);
            }
            """, "Program.Run").RunAsync();
    }

    [Fact]
    public async Task UserTypeNamedPool_IsIgnored_AndHalfTypedCodeDoesNotThrow()
    {
        await VerifyNoFix("""
            using System.Text;

            namespace Mine
            {
                class Pool<T> where T : class, new() { public T Rent() => new T(); public void Return(T item) { } }

                class C
                {
                    void M(Pool<StringBuilder> pool)
                    {
                        var sb = pool.Rent();
                        pool.Return(sb);
                        pool.Return(sb);
                    }

                    void N(Fragless.Pool<StringBuilder> pool)
                    {
                        var sb = {|#0:pool.Rent()|};
                        sb.{|CS1061:Missing|}();
                        pool.Return({|CS0103:other|});
                    }
                }
            }
            """, VerifyCS.Diagnostic().WithLocation(0));
    }
}

/// <summary>The descriptors of FRAG009 by kind (one ID, three messages).</summary>
internal static class PooledObjectMisuseAnalyzerIds
{
    public static Microsoft.CodeAnalysis.DiagnosticDescriptor ReturnedTwice => Fragless.Analyzers.Rules.PooledObjectMisuseAnalyzer.ReturnedTwiceRule;

    public static Microsoft.CodeAnalysis.DiagnosticDescriptor UsedAfterReturn => Fragless.Analyzers.Rules.PooledObjectMisuseAnalyzer.UsedAfterReturnRule;
}
