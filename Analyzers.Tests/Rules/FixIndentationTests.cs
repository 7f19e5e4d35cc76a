using System.Linq;
using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;
using BufferInLoop = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;
using LargeAllocation = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;
using AllocatingRead = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// Issue #11: what a fix adds or moves is indented as the file around it is (2, 3 spaces, tabs), the nearest enclosing
/// code deciding, unless .editorconfig sets <c>indent_size</c> or <c>indent_style</c>. The shared last step
/// (<c>FixedDocument</c>) does it, so every fixer follows; odd layouts get sensible output.
/// </summary>
public class FixIndentationTests
{
    /// <summary>The code with each leading run of four spaces made a tab (raw strings keep tabs hard to read).</summary>
    private static string Tabs(string code)
        => string.Join("\n", code.Replace("\r\n", "\n").Split('\n').Select(line =>
        {
            var spaces = line.Length - line.TrimStart(' ').Length;
            return new string('\t', spaces / 4) + new string(' ', spaces % 4) + line.TrimStart(' ');
        }));

    [Fact]
    public async Task TwoSpaceFile_InlineBufferDeclaredAtTheLoopsIndentation()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    for (int i = 0; i < 3; i++)
                    {
                      port.Write([|new byte[4]|], 0, 4);
                    }
                    Console.WriteLine(port.Length);
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
                    var buffer = new byte[4];

                    for (int i = 0; i < 3; i++)
                    {
                      port.Write(buffer, 0, 4);
                    }
                    Console.WriteLine(port.Length);
                  }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TabIndentedFile_HoistedDeclarationAndResetUseTabs()
    {
        await new BufferInLoop.Test
        {
            TestCode = Tabs("""
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        for (int i = 0; i < 2; i++)
                        {
                            if (i >= 0)
                            {
                                var pad = [|new byte[3]|];
                                pad[0] = (byte)i;
                                port.Write(pad, 0, pad.Length);
                            }
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """),
            FixedCode = Tabs("""
                using System;
                using System.IO;

                static class Program
                {
                    static void Main()
                    {
                        var port = new MemoryStream();
                        var pad = new byte[3];

                        for (int i = 0; i < 2; i++)
                        {
                            if (i >= 0)
                            {
                                Array.Clear(pad, 0, pad.Length);
                                pad[0] = (byte)i;
                                port.Write(pad, 0, pad.Length);
                            }
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """),
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ThreeSpaceFile_HoistedDeclarationAndResetUseThree()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                   static void Main()
                   {
                      var port = new MemoryStream();
                      for (int i = 0; i < 2; i++)
                      {
                         var pad = [|new byte[3]|];
                         pad[0] = (byte)i;
                         port.Write(pad, 0, pad.Length);
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
                      var pad = new byte[3];

                      for (int i = 0; i < 2; i++)
                      {
                         Array.Clear(pad, 0, pad.Length);
                         pad[0] = (byte)i;
                         port.Write(pad, 0, pad.Length);
                      }
                      Console.WriteLine(BitConverter.ToString(port.ToArray()));
                   }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task ThreeSpaceFile_HoistedOutOfNestedBlocks_IndentedAsTheLoop()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                   static void Main()
                   {
                      var port = new MemoryStream();
                      if (port.CanWrite)
                      {
                         try
                         {
                            for (int i = 0; i < 2; i++)
                            {
                               if (i >= 0)
                               {
                                  {
                                     var pad = [|new byte[3]|];
                                     port.Write(pad, 0, pad.Length);
                                  }
                               }
                            }
                         }
                         finally
                         {
                            Console.WriteLine(port.Length);
                         }
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
                      var port = new MemoryStream();
                      if (port.CanWrite)
                      {
                         try
                         {
                            var pad = new byte[3];

                            for (int i = 0; i < 2; i++)
                            {
                               if (i >= 0)
                               {
                                  {
                                     port.Write(pad, 0, pad.Length);
                                  }
                               }
                            }
                         }
                         finally
                         {
                            Console.WriteLine(port.Length);
                         }
                      }
                   }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TwoSpaceFile_Frag003FieldInsertedAtTheMembersIndentation()
    {
        await new LargeAllocation.Test
        {
            TestCode = """
                using System.IO;

                class Beacon
                {
                  private int _count;

                  public void Send(Stream port)
                  {
                    // Preamble, all zeros.
                    var preamble = [|new byte[2048]|];
                    port.Write(preamble, 0, preamble.Length);
                    _count++;
                  }
                }
                """,
            FixedCode = """
                using System.IO;

                class Beacon
                {
                  private int _count;

                  // Preamble, all zeros.
                  private readonly byte[] _preamble = new byte[2048];

                  public void Send(Stream port)
                  {
                    port.Write(_preamble, 0, _preamble.Length);
                    _count++;
                  }
                }
                """,
            CodeActionEquivalenceKey = LargeAllocationFixer.AllocateOnceInFieldKey,
        }.RunAsync();
    }

    [Fact]
    public async Task TwoSpaceFile_Frag002HoistedBufferAndFillCall()
    {
        await new AllocatingRead.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    for (int centi = 0; centi < 3; centi++)
                    {
                      var echo = [|BitConverter.GetBytes(centi)|];
                      port.Write(echo, 0, echo.Length);
                    }
                    Console.WriteLine(port.Length);
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
                    var echo = new byte[4];

                    for (int centi = 0; centi < 3; centi++)
                    {
                      BitConverter.TryWriteBytes(echo, centi);
                      port.Write(echo, 0, echo.Length);
                    }
                    Console.WriteLine(port.Length);
                  }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task MixedFile_TheNearestCodeDecides()
    {
        // Most of the file is indented with tabs; the class being fixed uses two spaces, and that is what the fix follows.
        await new BufferInLoop.Test
        {
            TestCode = Tabs("""
                using System;
                using System.IO;

                static class Tabbed
                {
                    static int A(int x)
                    {
                        if (x > 0)
                        {
                            return x;
                        }
                        return -x;
                    }

                    static int B(int x)
                    {
                        return x + 1;
                    }
                }
                """) + "\n" + """

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    for (int i = 0; i < 2; i++)
                    {
                      var pad = [|new byte[3]|];
                      pad[0] = (byte)i;
                      port.Write(pad, 0, pad.Length);
                    }
                    Console.WriteLine(BitConverter.ToString(port.ToArray()));
                  }
                }
                """,
            FixedCode = Tabs("""
                using System;
                using System.IO;

                static class Tabbed
                {
                    static int A(int x)
                    {
                        if (x > 0)
                        {
                            return x;
                        }
                        return -x;
                    }

                    static int B(int x)
                    {
                        return x + 1;
                    }
                }
                """) + "\n" + """

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    var pad = new byte[3];

                    for (int i = 0; i < 2; i++)
                    {
                      Array.Clear(pad, 0, pad.Length);
                      pad[0] = (byte)i;
                      port.Write(pad, 0, pad.Length);
                    }
                    Console.WriteLine(BitConverter.ToString(port.ToArray()));
                  }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task IndentSizeInEditorConfig_WinsOverTheFile()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    for (int i = 0; i < 2; i++)
                    {
                      var pad = [|new byte[3]|];
                      pad[0] = (byte)i;
                      port.Write(pad, 0, pad.Length);
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
                        var pad = new byte[3];

                        for (int i = 0; i < 2; i++)
                    {
                            Array.Clear(pad, 0, pad.Length);
                      pad[0] = (byte)i;
                      port.Write(pad, 0, pad.Length);
                    }
                    Console.WriteLine(BitConverter.ToString(port.ToArray()));
                  }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("indent_size = 4") } },
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TabStyleInEditorConfig_WinsOverATwoSpaceFile()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static void Main()
                  {
                    var port = new MemoryStream();
                    for (int i = 0; i < 2; i++)
                    {
                      port.Write([|new byte[3]|], 0, 3);
                    }
                    Console.WriteLine(port.Length);
                  }
                }
                """,
            FixedCode = "using System;\nusing System.IO;\n\nstatic class Program\n{\n  static void Main()\n  {\n    var port = new MemoryStream();\n"
                + "\t\tvar buffer = new byte[3];\n\n\t\tfor (int i = 0; i < 2; i++)\n    {\n      port.Write(buffer, 0, 3);\n    }\n    Console.WriteLine(port.Length);\n  }\n}",
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("indent_style = tab") } },
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task NothingIndented_AddedLinesNeitherAre()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                static void Main()
                {
                var port = new MemoryStream();
                for (int i = 0; i < 3; i++)
                {
                port.Write([|new byte[4]|], 0, 4);
                }
                Console.WriteLine(port.Length);
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
                var buffer = new byte[4];

                for (int i = 0; i < 3; i++)
                {
                port.Write(buffer, 0, 4);
                }
                Console.WriteLine(port.Length);
                }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task OneLineMethod_TheClassDecides()
    {
        await new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static int Count = 3;

                  static void Main() { var port = new MemoryStream(); for (int i = 0; i < Count; i++) port.Write([|new byte[2]|], 0, 2); Console.WriteLine(port.Length); }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static int Count = 3;

                  static void Main() { var port = new MemoryStream();
                    var buffer = new byte[2];

                    for (int i = 0; i < Count; i++) port.Write(buffer, 0, 2); Console.WriteLine(port.Length); }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task WholeFileOnOneLine_AddedLinesNotIndented()
    {
        await new BufferInLoop.Test
        {
            TestCode = "using System; using System.IO; static class Program { static void Main() { var port = new MemoryStream(); for (int i = 0; i < 3; i++) port.Write([|new byte[2]|], 0, 2); Console.WriteLine(port.Length); } }",
            FixedCode = "using System; using System.IO; static class Program { static void Main() { var port = new MemoryStream();\nvar buffer = new byte[2];\n\nfor (int i = 0; i < 3; i++) port.Write(buffer, 0, 2); Console.WriteLine(port.Length); } }",
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task MixedTabsAndSpacesInTheBlock_TheMostCommonUnitDecides()
    {
        // The method body: two lines a tab deeper than its brace, one line four spaces deeper.
        await new BufferInLoop.Test
        {
            TestCode = "using System;\nusing System.IO;\n\nstatic class Program\n{\n\tstatic void Main()\n\t{\n\t\tvar port = new MemoryStream();\n\t    var count = 2;\n"
                + "\t\tfor (int i = 0; i < count; i++)\n\t\t{\n\t\t\tvar pad = [|new byte[3]|];\n\t\t\tpad[0] = (byte)i;\n\t\t\tport.Write(pad, 0, pad.Length);\n\t\t}\n\t\tConsole.WriteLine(port.Length);\n\t}\n}\n",
            FixedCode = "using System;\nusing System.IO;\n\nstatic class Program\n{\n\tstatic void Main()\n\t{\n\t\tvar port = new MemoryStream();\n\t    var count = 2;\n\t\tvar pad = new byte[3];\n\n"
                + "\t\tfor (int i = 0; i < count; i++)\n\t\t{\n\t\t\tArray.Clear(pad, 0, pad.Length);\n\t\t\tpad[0] = (byte)i;\n\t\t\tport.Write(pad, 0, pad.Length);\n\t\t}\n\t\tConsole.WriteLine(port.Length);\n\t}\n}\n",
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TwoSpaceFile_ArenaScopeWrapsTheLoopBody()
    {
        var test = new BufferInLoop.Test
        {
            TestCode = """
                using System;
                using System.IO;

                static class Program
                {
                  static void Main()
                  {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
                    var output = new MemoryStream();
                    while (true)
                    {
                      var chunk = [|new byte[4]|];
                      int n = input.Read(chunk, 0, chunk.Length);
                      if (n == 0) break;
                      chunk[0] ^= 0xFF;
                      output.Write(chunk, 0, n);
                    }
                    Console.WriteLine(BitConverter.ToString(output.ToArray()));
                  }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using Fragless;

                static class Program
                {
                  private static readonly Arena s_arena = new Arena(4);

                  static void Main()
                  {
                    var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
                    var output = new MemoryStream();
                    while (true)
                    {
                      using (s_arena.Scope())
                      {
                        var chunk = s_arena.Alloc(4);
                        int n = input.Read(chunk);
                        if (n == 0) break;
                        chunk[0] ^= 0xFF;
                        output.Write(chunk.Slice(0, n));
                      }
                    }
                    Console.WriteLine(BitConverter.ToString(output.ToArray()));
                  }
                }
                """,
            ReferenceAssemblies = TestReferences.WithRuntimeDependencies(TestReferences.Net10),
            CodeActionEquivalenceKey = BufferAllocationInLoopFixer.AllocateFromArenaKey,
            BehaviorEntryPoint = "Main",
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Runtime(TestReferences.Net10));
        await test.RunAsync();
    }
}
