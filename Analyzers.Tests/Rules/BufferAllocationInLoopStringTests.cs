using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001: the separator and trim arrays that string APIs only read (<c>Split</c>, <c>Trim</c>, <c>IndexOfAny</c>),
/// the usual shape of a sentence parser's loop, are made once before the loop; nothing has to be restored.
/// </summary>
public class BufferAllocationInLoopStringTests
{
    [Fact]
    public async Task SplitSeparators_AreMadeOnceBeforeTheLoop()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var sentences = new[] { "$GPGGA,1,2", "$GPRMC,3 , 4", "x" };
                        foreach (var sentence in sentences)
                        {
                            var fields = sentence.Split([|new char[] { ',', ' ' }|], StringSplitOptions.RemoveEmptyEntries);
                            Console.WriteLine(fields.Length + " " + fields[0].Trim([|new[] { '$' }|]));
                        }
                    }
                }
                """,
            FixedCode = """
                using System;

                static class Program
                {
                    static void Main()
                    {
                        var sentences = new[] { "$GPGGA,1,2", "$GPRMC,3 , 4", "x" };
                        var separator = new char[] { ',', ' ' };
                        var trimChars = new[] { '$' };

                        foreach (var sentence in sentences)
                        {
                            var fields = sentence.Split(separator, StringSplitOptions.RemoveEmptyEntries);
                            Console.WriteLine(fields.Length + " " + fields[0].Trim(trimChars));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task IndexOfAnyAndTrimEnd_CSharp73_AreMadeOnceBeforeTheLoop()
    {
        await new VerifyCS.Test
        {
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            ReferenceAssemblies = Fragless.Analyzers.Tests.Verifiers.TestReferences.NetStandard20,
            TestCode = """
                using System;

                public static class Parser
                {
                    public static int Count(string[] lines)
                    {
                        int found = 0;
                        for (int i = 0; i < lines.Length; i++)
                        {
                            if (lines[i].TrimEnd([|new char[] { '\r', '\n' }|]).IndexOfAny([|new char[] { '*', '#' }|]) >= 0)
                                found++;
                        }

                        return found;
                    }

                    public static void Run() => Console.WriteLine(Count(new[] { "a*\r\n", "b\n", "#c", "*" }));
                }
                """,
            FixedCode = """
                using System;

                public static class Parser
                {
                    public static int Count(string[] lines)
                    {
                        int found = 0;
                        char[] trimChars = new char[] { '\r', '\n' };
                        char[] anyOf = new char[] { '*', '#' };

                        for (int i = 0; i < lines.Length; i++)
                        {
                            if (lines[i].TrimEnd(trimChars).IndexOfAny(anyOf) >= 0)
                                found++;
                        }

                        return found;
                    }

                    public static void Run() => Console.WriteLine(Count(new[] { "a*\r\n", "b\n", "#c", "*" }));
                }
                """,
            BehaviorEntryPoint = "Parser.Run",
        }.RunAsync();
    }
}
