using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.BufferAllocationInLoopAnalyzer,
    Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG001 fixes read like hand-written code: a comment goes with the declaration only when the whole declaration
/// moves, hoisted buffers sit apart from the loop, keep their indentation when they leave nested blocks, and follow the
/// code's <c>var</c> style. Each runs before and after the fix.
/// </summary>
public class BufferAllocationInLoopFixStyleTests
{
    [Fact]
    public async Task InlineAllocation_CommentStaysWithTheStatementInTheLoop()
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
                        for (int i = 0; i < 3; i++)
                        {
                            // pad the line with four zero bytes
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
                            // pad the line with four zero bytes
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
    public async Task LoopSetApartByABlankLine_HoistedDeclarationSetApartToo()
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
                        for (int i = 0; i < 2; i++)
                        {
                            port.WriteByte((byte)i);
                        }

                        for (int i = 0; i < 2; i++)
                        {
                            var spare = [|new byte[8]|];
                            spare[0] = (byte)i;
                            port.Write(spare, 0, spare.Length);
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
                        for (int i = 0; i < 2; i++)
                        {
                            port.WriteByte((byte)i);
                        }

                        var spare = new byte[8];

                        for (int i = 0; i < 2; i++)
                        {
                            Array.Clear(spare, 0, spare.Length);
                            spare[0] = (byte)i;
                            port.Write(spare, 0, spare.Length);
                        }
                        Console.WriteLine(BitConverter.ToString(port.ToArray()));
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task WholeDeclarationMoves_ItsCommentMovesWithIt()
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
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6 });
                        while (input.Position < input.Length)
                        {
                            // one frame of the UART
                            var frame = [|new byte[4]|];
                            int read = input.Read(frame, 0, frame.Length);
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
                        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6 });
                        // one frame of the UART
                        var frame = new byte[4];

                        while (input.Position < input.Length)
                        {
                            Array.Clear(frame, 0, frame.Length);
                            int read = input.Read(frame, 0, frame.Length);
                            Console.WriteLine(read + ":" + BitConverter.ToString(frame));
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task HoistedOutOfNestedBlocks_IndentedAsTheLoop()
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
    public async Task MethodWritesTypes_InlineBufferWritesItsType()
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
                        MemoryStream port = new MemoryStream();
                        for (int i = 0; i < 3; i++)
                            port.Write([|new byte[2]|], 0, 2);
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
                        MemoryStream port = new MemoryStream();
                        byte[] buffer = new byte[2];

                        for (int i = 0; i < 3; i++)
                            port.Write(buffer, 0, 2);
                        Console.WriteLine(port.Length);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task VarStyleSetToFalse_InlineBufferWritesItsType()
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
                        for (int i = 0; i < 3; i++)
                            port.Write([|new byte[2]|], 0, 2);
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
                        byte[] buffer = new byte[2];

                        for (int i = 0; i < 3; i++)
                            port.Write(buffer, 0, 2);
                        Console.WriteLine(port.Length);
                    }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("csharp_style_var_when_type_is_apparent = false:suggestion") } },
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task SyntaxErrorInTheMethod_NoFix()
    {
        // Code being typed: moving and formatting statements that do not parse is not offered.
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                static class Program
                {
                    static void Pump(Stream port)
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            var frame = [|new byte[4]|];
                            port.Read(frame, 0, frame.Length){|CS1002:|}
                        }
                    }
                }
                """,
            FixedState = { InheritanceMode = Microsoft.CodeAnalysis.Testing.StateInheritanceMode.AutoInheritAll }, // no fix is offered
        }.RunAsync();
    }

    [Fact]
    public async Task TwoSpaceIndentation_HoistedOutOfNestedLoopsKeepsIt()
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
                    for (int i = 0; i < 2; i++)
                    {
                      if (i >= 0)
                      {
                        for (int j = 0; j < 2; j++)
                        {
                          var pad = [|new byte[3]|];
                          pad[0] = (byte)j;
                          port.Write(pad, 0, pad.Length);
                        }
                      }
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
                      if (i >= 0)
                      {
                        for (int j = 0; j < 2; j++)
                        {
                          Array.Clear(pad, 0, pad.Length);
                          pad[0] = (byte)j;
                          port.Write(pad, 0, pad.Length);
                        }
                      }
                    }
                    Console.WriteLine(BitConverter.ToString(port.ToArray()));
                  }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task TwoSpaceIndentationInEditorConfig_HoistedOutOfNestedLoopsKeepsIt()
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
                    for (int i = 0; i < 2; i++)
                    {
                      if (i >= 0)
                      {
                        for (int j = 0; j < 2; j++)
                        {
                          var pad = [|new byte[3]|];
                          pad[0] = (byte)j;
                          port.Write(pad, 0, pad.Length);
                        }
                      }
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
                      if (i >= 0)
                      {
                        for (int j = 0; j < 2; j++)
                        {
                          Array.Clear(pad, 0, pad.Length);
                          pad[0] = (byte)j;
                          port.Write(pad, 0, pad.Length);
                        }
                      }
                    }
                    Console.WriteLine(BitConverter.ToString(port.ToArray()));
                  }
                }
                """,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("indent_size = 2") } },
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }
}
