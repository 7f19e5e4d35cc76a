using Fragless.Analyzers.Tests.Verifiers;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002's <c>Encoding.GetBytes</c> fix where the bytes go to the project's own <c>Write(byte[], int, int)</c>
/// (issue #11): a source method that only reads <c>buffer[offset .. offset + count)</c>, itself or by handing the
/// range on, is treated like <c>Stream.Write</c>; one that may see more of the buffer, keeps it or can be replaced
/// is not.
/// </summary>
public class AllocatingReadRangeReaderTests
{
    [Fact]
    public async Task OwnWriteThatReadsOnlyTheRange_GetsTheFix()
    {
        // Longest line first: the reused buffer then holds old bytes past each shorter line.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                sealed class Frame
                {
                    private readonly MemoryStream _port = new MemoryStream();
                    private int _checksum;
                    private int _parity;

                    public void Write(byte[] buffer, int offset, int count)
                    {
                        for (int i = offset; i < offset + count; i++)
                            _checksum = _checksum * 31 + buffer[i];
                        _port.Write(buffer, offset, count);
                    }

                    public void Forward(byte[] data, int start, int length) => Write(data, start, length);

                    public void Parity(byte[] bytes, int offset, int count)
                    {
                        for (int i = 0; i < count; i++)
                            _parity ^= bytes[offset + i];
                    }

                    public override string ToString() => _checksum + " " + _parity + " " + Convert.ToHexString(_port.ToArray());
                }

                static class Program
                {
                    static void Main()
                    {
                        var frame = new Frame();
                        var lines = new[] { "temperature=21.5C", "ok", "", "h\u00e9llo \u20ac" };
                        foreach (var line in lines)
                        {
                            var bytes = [|Encoding.UTF8.GetBytes(line)|];
                            frame.Write(bytes, 0, bytes.Length);
                            frame.Forward(bytes, 0, bytes.Length);
                            int n = bytes.Length;
                            frame.Parity(bytes, 0, n);
                            Console.WriteLine(frame);
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Text;

                sealed class Frame
                {
                    private readonly MemoryStream _port = new MemoryStream();
                    private int _checksum;
                    private int _parity;

                    public void Write(byte[] buffer, int offset, int count)
                    {
                        for (int i = offset; i < offset + count; i++)
                            _checksum = _checksum * 31 + buffer[i];
                        _port.Write(buffer, offset, count);
                    }

                    public void Forward(byte[] data, int start, int length) => Write(data, start, length);

                    public void Parity(byte[] bytes, int offset, int count)
                    {
                        for (int i = 0; i < count; i++)
                            _parity ^= bytes[offset + i];
                    }

                    public override string ToString() => _checksum + " " + _parity + " " + Convert.ToHexString(_port.ToArray());
                }

                static class Program
                {
                    static void Main()
                    {
                        var frame = new Frame();
                        var lines = new[] { "temperature=21.5C", "ok", "", "h\u00e9llo \u20ac" };
                        var bytes = Array.Empty<byte>();

                        foreach (var line in lines)
                        {
                            int bytesLength = Encoding.UTF8.GetByteCount(line);
                            if (bytes.Length < bytesLength) bytes = new byte[bytesLength];
                            Encoding.UTF8.GetBytes(line, 0, line.Length, bytes, 0);
                            frame.Write(bytes, 0, bytesLength);
                            frame.Forward(bytes, 0, bytesLength);
                            int n = bytesLength;
                            frame.Parity(bytes, 0, n);
                            Console.WriteLine(frame);
                        }
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    private const string Message = "'Encoding.GetBytes' allocates a new byte[] on every iteration of the loop in 'M'; encode into a reused buffer with 'GetBytes(ReadOnlySpan<char>, Span<byte>)' (no automatic fix: {0})";

    private static Task VerifyNoFixAsync(string sink, string reason, string receiver = "Sink", string? editorConfig = null)
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Text;

                """ + sink + """


                static class C
                {
                    static void M(
                """ + receiver + """
                 sink, string[] lines)
                    {
                        foreach (var line in lines)
                        {
                            var bytes = {|#0:Encoding.UTF8.GetBytes(line)|};
                            sink.Write(bytes, 0, bytes.Length);
                        }
                    }
                }
                """,
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage(string.Format(Message, reason)) },
        };
        if (editorConfig != null)
            test.TestState.AnalyzerConfigFiles.Add(EditorConfigFile.ForCSharp(editorConfig));
        return test.RunAsync();
    }

    private const string OutsideTheRange = "'Sink.Write' may read 'bytes' outside the range it is given, which a longer reused buffer would change";

    [Theory]
    [InlineData("for (int i = offset; i < buffer.Length; i++) Sum += buffer[i];")] // the length
    [InlineData("for (int i = offset; i <= offset + count; i++) Sum += buffer[i];")] // one past the count
    [InlineData("for (int i = 0; i < offset + count; i++) Sum += buffer[i];")] // from 0, not the offset
    [InlineData("count++; for (int i = offset; i < offset + count; i++) Sum += buffer[i];")] // the count written
    [InlineData("for (int i = offset; i < offset + count; i++) { Sum += buffer[i]; i--; i += 2; }")] // the index written in the body
    [InlineData("foreach (var b in buffer) Sum += b;")] // every element
    [InlineData("Sum += buffer[offset + count];")] // a constant index past the range
    [InlineData("Stream.Null.Write(buffer, 0, buffer.Length);")] // handed on whole
    [InlineData("Stream.Null.Write(buffer, offset, count + 1);")] // handed on with another count
    [InlineData("Stream.Null.Read(buffer, offset, count);")] // handed on to an API that writes it
    [InlineData("for (int i = offset; i < offset + count; i++) buffer[i] = 0;")] // written
    public async Task OwnWriteThatMaySeeMoreThanTheRange_NoFix(string body)
    {
        await VerifyNoFixAsync("""
            sealed class Sink
            {
                public int Sum;

                public void Write(byte[] buffer, int offset, int count)
                {
            """ + body + """

                }
            }
            """, OutsideTheRange);
    }

    [Fact]
    public async Task OwnWriteThatKeepsTheBuffer_NotReportedOrNoFix()
    {
        const string sink = """
            sealed class Sink
            {
                private byte[] _last;

                public void Write(byte[] buffer, int offset, int count)
                {
                    _last = buffer;
                }
            }
            """;
        await VerifyNoFixAsync(sink, "'bytes' is kept by 'Sink.Write'", editorConfig: "fragless.report_kept = true");
    }

    [Theory]
    [InlineData("class Sink { public virtual void Write(byte[] buffer, int offset, int count) { for (int i = offset; i < offset + count; i++) System.Console.Write(buffer[i]); } }", "Sink", "'Sink.Write' may keep 'bytes'")]
    [InlineData("interface ISink { void Write(byte[] buffer, int offset, int count); }", "ISink", "'ISink.Write' may keep 'bytes'")]
    [InlineData("abstract class Sink { public abstract void Write(byte[] buffer, int offset, int count); }", "Sink", "'Sink.Write' may keep 'bytes'")]
    public async Task OwnWriteThatCanBeReplaced_NoFix(string sink, string receiver, string reason)
    {
        await VerifyNoFixAsync(sink, reason, receiver);
    }
}
