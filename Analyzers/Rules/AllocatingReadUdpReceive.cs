using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// When FRAG002's <c>UdpClient.Receive(ref ep)</c> fix keeps behaviour. <c>Receive</c> reads into the client's own
    /// 65536-byte buffer with <c>Client.ReceiveFrom(buffer, 65536, SocketFlags.None, ref any)</c>, where <c>any</c> is
    /// 0.0.0.0:0 for an IPv4 client (the value passed in <c>ep</c> is never read), assigns <c>ep</c> the sender, and
    /// copies the datagram out. The fix makes the same call on the same socket into one 65536-byte buffer of its own:
    /// <code>
    /// var data = new byte[65536];
    /// var socket = udp.Client;
    /// EndPoint anyEndPoint = new IPEndPoint(IPAddress.Any, 0);
    /// for (…)
    /// {
    ///     EndPoint from = anyEndPoint;
    ///     int dataLength = socket.ReceiveFrom(data, ref from);
    ///     ep = (IPEndPoint)from;
    /// </code>
    /// That is the same only where the client is provably IPv4 (an IPv6 socket refuses an IPv4 end point) and its
    /// socket is the one read before the loop: a local made by an IPv4 <c>new UdpClient(…)</c>, never reassigned,
    /// passed on, captured or given another <c>Client</c>, and closed only after the loop.
    /// </summary>
    internal static class AllocatingReadUdpReceive
    {
        /// <summary>The size of UdpClient's own receive buffer: no datagram that Receive accepts is cut short.</summary>
        public const int MaxDatagram = 0x10000;

        private const string UdpClientType = "System.Net.Sockets.UdpClient";

        /// <summary>Why the fix would not keep behaviour; null when it would. <paramref name="outermostLoop"/> is the loop the buffer goes before.</summary>
        public static string? WhyNot(IInvocationOperation receive, ILoopOperation outermostLoop)
        {
            if (receive.Arguments.Length != 1 || !IsAssignable(receive.Arguments[0].Value))
                return "the end point is not a local, parameter or field, which the fix assigns after the call";

            if (!(receive.Instance?.WalkDownConversions() is ILocalReferenceOperation client))
                return "the client is not a local made here with 'new UdpClient(…)', so its address family is not known";

            var root = receive.GetRoot();
            var function = receive.GetEnclosingFunction();
            IObjectCreationOperation? creation = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, client.Local):
                        if (declarator.Syntax.SyntaxTree != outermostLoop.Syntax.SyntaxTree
                            || declarator.Syntax.SpanStart >= outermostLoop.Syntax.SpanStart)
                        {
                            return "the client is made inside the loop";
                        }

                        creation = declarator.Initializer?.Value.WalkDownConversions() as IObjectCreationOperation;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, client.Local):
                        var blocker = WhyNotKept(reference, function, outermostLoop);
                        if (blocker != null)
                            return blocker;
                        break;
                }
            }

            if (creation == null || creation.Constructor == null || creation.Initializer != null
                || creation.Constructor.ContainingType.ToDisplayString() != UdpClientType)
            {
                return "the client is not a local made here with 'new UdpClient(…)', so its address family is not known";
            }

            return IsIPv4(creation) ? null : "the client may be IPv6, and its socket would refuse the IPv4 end point the fix starts from";
        }

        /// <summary>
        /// Null when this use of the client leaves it holding the same socket for the whole loop: a call or property
        /// read on it (not <c>Client = …</c>), or a <c>using</c>; Dispose and Close only after the loop.
        /// </summary>
        private static string? WhyNotKept(ILocalReferenceOperation reference, IOperation? function, ILoopOperation outermostLoop)
        {
            if (reference.GetEnclosingFunction() != function)
                return "the client is used in a lambda or local function";

            switch (reference.Parent)
            {
                case IInvocationOperation call when call.Instance == reference:
                    var name = call.TargetMethod.Name;
                    if ((name == "Dispose" || name == "Close") && !IsAfterAndNotRepeated(call, outermostLoop))
                        return "the client is closed before or inside the loop, and the fix reads its socket before the loop";
                    return null;
                case IPropertyReferenceOperation property when property.Instance == reference:
                    if (property.Property.Name == "Client" && property.Parent is IAssignmentOperation assignment && assignment.Target == property)
                        return "the client is given another socket";
                    return null;
                case IUsingOperation _:
                    return null;
                default:
                    return "the client is reassigned or passed on, so the socket it uses may change";
            }
        }

        /// <summary>After the loop, and the loop is not itself repeated (the fix reads the socket just before it).</summary>
        private static bool IsAfterAndNotRepeated(IOperation call, ILoopOperation loop)
        {
            if (call.Syntax.SpanStart < loop.Syntax.Span.End)
                return false;
            for (var current = loop.Parent; current != null && !current.IsFunctionBoundary(); current = current.Parent)
            {
                if (current is ILoopOperation)
                    return false;
            }

            return true;
        }

        /// <summary>The constructors that make an IPv4 socket: none, a port, <c>AddressFamily.InterNetwork</c>, or an IPv4 local end point.</summary>
        private static bool IsIPv4(IObjectCreationOperation creation)
        {
            var parameters = creation.Constructor!.Parameters;
            if (parameters.Length == 0)
                return true;
            if (parameters.Length != creation.Arguments.Length)
                return false;

            foreach (var argument in creation.Arguments)
            {
                var type = argument.Parameter?.Type;
                if (type == null)
                    return false;
                switch (type.Name)
                {
                    case "Int32":
                        continue;
                    case "AddressFamily":
                        // AddressFamily.InterNetwork is 2.
                        if (!(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is int family && family == 2))
                            return false;
                        continue;
                    case "IPEndPoint":
                        if (!IsIPv4EndPoint(argument.Value))
                            return false;
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary><c>new IPEndPoint(IPAddress.Any | Loopback | Broadcast | None, port)</c> or <c>new IPEndPoint(long, port)</c>.</summary>
        private static bool IsIPv4EndPoint(IOperation value)
        {
            if (!(value.WalkDownConversions() is IObjectCreationOperation endPoint) || endPoint.Constructor == null
                || endPoint.Constructor.ContainingType.Name != "IPEndPoint" || endPoint.Arguments.Length != 2 || endPoint.Initializer != null)
            {
                return false;
            }

            var address = endPoint.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            if (address == null)
                return false;
            if (address.Type?.SpecialType == SpecialType.System_Int64)
                return true;
            return address.WalkDownConversions() is IFieldReferenceOperation field
                && field.Instance == null
                && field.Field.ContainingType?.ToDisplayString() == "System.Net.IPAddress"
                && (field.Field.Name == "Any" || field.Field.Name == "Loopback" || field.Field.Name == "Broadcast" || field.Field.Name == "None");
        }

        /// <summary>The ref argument the fix assigns after the call: a local, a parameter, or a field of this or a type.</summary>
        private static bool IsAssignable(IOperation value)
        {
            switch (value)
            {
                case ILocalReferenceOperation _:
                case IParameterReferenceOperation _:
                    return true;
                case IFieldReferenceOperation field:
                    return field.Instance == null || field.Instance is IInstanceReferenceOperation;
                default:
                    return false;
            }
        }
    }
}
