using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.AllocatingReadAnalyzer,
    Fragless.CodeFixes.Rules.AllocatingReadFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG002's <c>UdpClient.Receive(ref ep)</c> fix (issue #11): datagrams of several sizes go over loopback to a
/// bounded receive loop, and the program prints them before and after the fix.
/// </summary>
public class AllocatingReadUdpTests
{
    [Fact]
    public async Task Receive_InALoop_ReceivesFromTheSocketIntoOneBuffer()
    {
        // Largest first: the reused buffer then holds old bytes past each shorter datagram, which no use may see.
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.IO;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var log = new MemoryStream();
                        using (var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
                        using (var sender = new UdpClient())
                        {
                            server.Client.ReceiveTimeout = 5000;
                            var port = ((IPEndPoint)server.Client.LocalEndPoint).Port;
                            var sizes = new[] { 1200, 5, 0, 3 };
                            foreach (var size in sizes)
                            {
                                var payload = new byte[size];
                                for (int k = 0; k < size; k++)
                                    payload[k] = (byte)('a' + (k + size) % 26);
                                sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));
                            }

                            var senderPort = ((IPEndPoint)sender.Client.LocalEndPoint).Port;
                            IPEndPoint remote = null;
                            for (int i = 0; i < sizes.Length; i++)
                            {
                                var data = [|server.Receive(ref remote)|];
                                int sum = 0;
                                for (int j = 0; j < data.Length; j++)
                                    sum += data[j];
                                log.Write(data, 0, data.Length);
                                Console.WriteLine(data.Length + " " + sum + " " + remote.Address + " " + (remote.Port == senderPort));
                                Console.WriteLine(Encoding.ASCII.GetString(data));
                            }
                        }

                        Console.WriteLine(log.Length);
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.IO;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;

                static class Program
                {
                    static void Main()
                    {
                        var log = new MemoryStream();
                        using (var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
                        using (var sender = new UdpClient())
                        {
                            server.Client.ReceiveTimeout = 5000;
                            var port = ((IPEndPoint)server.Client.LocalEndPoint).Port;
                            var sizes = new[] { 1200, 5, 0, 3 };
                            foreach (var size in sizes)
                            {
                                var payload = new byte[size];
                                for (int k = 0; k < size; k++)
                                    payload[k] = (byte)('a' + (k + size) % 26);
                                sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));
                            }

                            var senderPort = ((IPEndPoint)sender.Client.LocalEndPoint).Port;
                            IPEndPoint remote = null;
                            var data = new byte[65536];
                            var socket = server.Client;
                            EndPoint anyEndPoint = new IPEndPoint(IPAddress.Any, 0);

                            for (int i = 0; i < sizes.Length; i++)
                            {
                                EndPoint from = anyEndPoint;
                                int dataLength = socket.ReceiveFrom(data, ref from);
                                remote = (IPEndPoint)from;
                                int sum = 0;
                                for (int j = 0; j < dataLength; j++)
                                    sum += data[j];
                                log.Write(data, 0, dataLength);
                                Console.WriteLine(dataLength + " " + sum + " " + remote.Address + " " + (remote.Port == senderPort));
                                Console.WriteLine(Encoding.ASCII.GetString(data, 0, dataLength));
                            }
                        }

                        Console.WriteLine(log.Length);
                    }
                }
                """,
            BehaviorEntryPoint = "Main",
        }.RunAsync();
    }

    [Fact]
    public async Task Receive_CSharp73_NetStandard_FieldEndPointAndGetString()
    {
        await new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;

                public static class Listener
                {
                    private static IPEndPoint last;

                    public static string Run()
                    {
                        var result = new StringBuilder();
                        UdpClient server = new UdpClient(0);
                        UdpClient sender = new UdpClient();
                        try
                        {
                            server.Client.ReceiveTimeout = 5000;
                            int port = ((IPEndPoint)server.Client.LocalEndPoint).Port;
                            byte[][] payloads = { Encoding.UTF8.GetBytes("temperature=21.5"), Encoding.UTF8.GetBytes("ok"), new byte[0] };
                            foreach (byte[] payload in payloads)
                                sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));

                            for (int i = 0; i < 3; i++)
                            {
                                byte[] data = [|server.Receive(ref last)|];
                                result.Append(Encoding.UTF8.GetString(data)).Append('|').Append(data.Length).Append(' ').Append(last.Address).AppendLine();
                            }
                        }
                        finally
                        {
                            sender.Close();
                            server.Close();
                        }

                        return result.ToString();
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Text;

                public static class Listener
                {
                    private static IPEndPoint last;

                    public static string Run()
                    {
                        var result = new StringBuilder();
                        UdpClient server = new UdpClient(0);
                        UdpClient sender = new UdpClient();
                        try
                        {
                            server.Client.ReceiveTimeout = 5000;
                            int port = ((IPEndPoint)server.Client.LocalEndPoint).Port;
                            byte[][] payloads = { Encoding.UTF8.GetBytes("temperature=21.5"), Encoding.UTF8.GetBytes("ok"), new byte[0] };
                            foreach (byte[] payload in payloads)
                                sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));

                            byte[] data = new byte[65536];
                            Socket socket = server.Client;
                            EndPoint anyEndPoint = new IPEndPoint(IPAddress.Any, 0);

                            for (int i = 0; i < 3; i++)
                            {
                                EndPoint from = anyEndPoint;
                                int dataLength = socket.ReceiveFrom(data, ref from);
                                last = (IPEndPoint)from;
                                result.Append(Encoding.UTF8.GetString(data, 0, dataLength)).Append('|').Append(dataLength).Append(' ').Append(last.Address).AppendLine();
                            }
                        }
                        finally
                        {
                            sender.Close();
                            server.Close();
                        }

                        return result.ToString();
                    }
                }
                """,
            LanguageVersion = LanguageVersion.CSharp7_3,
            ReferenceAssemblies = TestReferences.NetStandard20,
            BehaviorEntryPoint = "Listener.Run",
        }.RunAsync();
    }

    private const string Message = "'UdpClient.Receive' allocates a new byte[] on every iteration of the loop in 'M'; receive into a reused buffer with 'Client.ReceiveFrom(byte[], ref EndPoint)' on the client's Socket (no automatic fix: {0})";

    private static Task VerifyNoFixAsync(string body, string reason, string parameters = "", string? editorConfig = null)
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    static List<byte[]> kept = new List<byte[]>();
                    static IPEndPoint[] endPoints = new IPEndPoint[1];

                    static void Handle(UdpClient client) { }

                    static void Whole(byte[] datagram) => Console.WriteLine(datagram.Length);

                    static void M(
                """ + parameters + ")\n    {\n" + body + "\n    }\n}\n",
            FixedState = { InheritanceMode = StateInheritanceMode.AutoInheritAll }, // no fix is offered
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithMessage(string.Format(Message, reason)) },
        };
        if (editorConfig != null)
            test.TestState.AnalyzerConfigFiles.Add(EditorConfigFile.ForCSharp(editorConfig));
        return test.RunAsync();
    }

    [Fact]
    public async Task ClientIsAParameter_NoFix()
    {
        await VerifyNoFixAsync("""
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                        Console.WriteLine({|#0:udp.Receive(ref ep)|}.Length);
            """, "there is no single statement before which to fill the buffer", "UdpClient udp");
        await VerifyNoFixAsync("""
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref ep)|};
                        Console.WriteLine(data.Length);
                    }
            """, "the client is not a local made here with 'new UdpClient(…)', so its address family is not known", "UdpClient udp");
    }

    [Theory]
    [InlineData("new UdpClient(AddressFamily.InterNetworkV6)")]
    [InlineData("new UdpClient(5000, AddressFamily.InterNetworkV6)")]
    [InlineData("new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0))")]
    [InlineData("new UdpClient(localEndPoint)")]
    public async Task ClientMayBeIPv6_NoFix(string creation)
    {
        await VerifyNoFixAsync("""
                    var udp = 
            """ + creation + """
            ;
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref ep)|};
                        Console.WriteLine(data.Length);
                    }
            """, "the client may be IPv6, and its socket would refuse the IPv4 end point the fix starts from", "IPEndPoint localEndPoint");
    }

    [Theory]
    [InlineData("Handle(udp);", "the client is reassigned or passed on, so the socket it uses may change")]
    [InlineData("udp.Client = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);", "the client is given another socket")]
    [InlineData("udp.Close();", "the client is closed before or inside the loop, and the fix reads its socket before the loop")]
    [InlineData("Action close = () => udp.Dispose();", "the client is used in a lambda or local function")]
    public async Task ClientSocketMayChange_NoFix(string statement, string reason)
    {
        await VerifyNoFixAsync("""
                    var udp = new UdpClient(5000);
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref ep)|};
                        Console.WriteLine(data.Length);

            """ + statement + """

                    }
            """, reason);
    }

    [Fact]
    public async Task EndPointIsAnArrayElement_NoFix()
    {
        await VerifyNoFixAsync("""
                    var udp = new UdpClient(5000);
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref endPoints[0])|};
                        Console.WriteLine(data.Length);
                    }
            """, "the end point is not a local, parameter or field, which the fix assigns after the call");
    }

    [Fact]
    public async Task DatagramPassedWholeOrKept_NoFix()
    {
        // A callee that reads the whole array would see the longer reused buffer.
        await VerifyNoFixAsync("""
                    var udp = new UdpClient(5000);
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref ep)|};
                        Whole(data);
                    }
            """, "a use of 'data' sees its length, which a longer reused buffer would change");
        await VerifyNoFixAsync("""
                    var udp = new UdpClient(5000);
                    IPEndPoint ep = null;
                    for (int i = 0; i < 3; i++)
                    {
                        var data = {|#0:udp.Receive(ref ep)|};
                        kept.Add(data);
                    }
            """, "'data' is kept by 'List.Add'", editorConfig: "fragless.report_kept = true");
    }
}
