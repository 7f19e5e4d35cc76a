using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.LargeAllocationAnalyzer,
    Fragless.CodeFixes.Rules.LargeAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>FRAG003 on C# 7.3 against netstandard2.0: the field and the reset the fix writes must compile there, and behave the same.</summary>
public class LargeAllocationCSharp73Tests
{
    /// <summary>The buffer now belongs to each Modem, so creating one in late code is reported at the creation site.</summary>
    [Fact]
    public async Task InstanceMethod_FieldAndArrayClear_AddsUsingSystem()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.IO;

                namespace Firmware
                {
                    public class Modem
                    {
                        private readonly Stream m_port;

                        public Modem(Stream port) { m_port = port; }

                        public string Poll()
                        {
                            byte[] rx = [|new byte[1024]|];
                            int n = m_port.Read(rx, 0, 3);
                            return n + ":" + rx[0] + "," + rx[1] + "," + rx[2];
                        }
                    }

                    public static class Device
                    {
                        public static string Run()
                        {
                            var modem = new Modem(new MemoryStream(new byte[] { 1, 2, 3, 4 }));
                            return modem.Poll() + "|" + modem.Poll() + "|" + modem.Poll();
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;

                namespace Firmware
                {
                    public class Modem
                    {
                        private readonly Stream m_port;
                        private readonly byte[] m_rx = new byte[1024];

                        public Modem(Stream port) { m_port = port; }

                        public string Poll()
                        {
                            Array.Clear(m_rx, 0, m_rx.Length);
                            int n = m_port.Read(m_rx, 0, 3);
                            return n + ":" + m_rx[0] + "," + m_rx[1] + "," + m_rx[2];
                        }
                    }

                    public static class Device
                    {
                        public static string Run()
                        {
                            var modem = [|new Modem(new MemoryStream(new byte[] { 1, 2, 3, 4 }))|];
                            return modem.Poll() + "|" + modem.Poll() + "|" + modem.Poll();
                        }
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            BehaviorEntryPoint = "Firmware.Device.Run",
        }.RunAsync();
    }

    [Fact]
    public async Task StaticStringBuilder_Cleared()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System.Text;

                public static class Log
                {
                    public static string Format(string tag, int value)
                    {
                        StringBuilder line = [|new StringBuilder(512)|];
                        line.Append('[').Append(tag).Append("] ").Append(value);
                        return line.ToString();
                    }

                    public static string Run()
                    {
                        return Format("a", 1) + ";" + Format("bb", 22) + ";" + Format("", 3);
                    }
                }
                """,
            FixedCode = """
                using System.Text;

                public static class Log
                {
                    private static readonly StringBuilder s_line = new StringBuilder(512);

                    public static string Format(string tag, int value)
                    {
                        s_line.Clear();
                        s_line.Append('[').Append(tag).Append("] ").Append(value);
                        return s_line.ToString();
                    }

                    public static string Run()
                    {
                        return Format("a", 1) + ";" + Format("bb", 22) + ";" + Format("", 3);
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            BehaviorEntryPoint = "Log.Run",
        }.RunAsync();
    }
}
