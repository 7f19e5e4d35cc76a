using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG002's <c>UdpClient.Receive(ref ep)</c> fix: the datagram is received into the reused buffer with the call
    /// Receive makes itself, on the client's socket read once before the loop, from the same IPv4 "any" end point:
    /// <code>
    /// var socket = udp.Client;
    /// EndPoint anyEndPoint = new IPEndPoint(IPAddress.Any, 0);
    /// …
    ///     EndPoint from = anyEndPoint;
    ///     int dataLength = socket.ReceiveFrom(data, ref from);
    ///     ep = (IPEndPoint)from;
    /// </code>
    /// <see cref="Analyzers.Rules.AllocatingReadUdpReceive"/> proves where that keeps behaviour.
    /// </summary>
    internal static class AllocatingReadUdpFix
    {
        private const string Net = "global::System.Net.";
        private const string Sockets = "global::System.Net.Sockets.";

        public sealed class Statements
        {
            public Statements(List<StatementSyntax> hoisted, List<StatementSyntax> fill)
            {
                Hoisted = hoisted;
                Fill = fill;
            }

            /// <summary>Before the loop, after the buffer.</summary>
            public List<StatementSyntax> Hoisted { get; }

            /// <summary>Where the call was.</summary>
            public List<StatementSyntax> Fill { get; }
        }

        public static Statements? Create(Document document, SemanticModel model, InvocationExpressionSyntax invocation, StatementSyntax loop, string name, string countName, SyntaxNode scope, CancellationToken cancellationToken)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access) || invocation.ArgumentList.Arguments.Count != 1)
                return null;
            var argument = invocation.ArgumentList.Arguments[0];
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword))
                return null;

            var client = access.Expression.WithoutTrivia().ToString();
            var endPoint = argument.Expression.WithoutTrivia().ToString();
            var socket = LocalNames.GetUnique("socket", scope, model, null, cancellationToken);
            var any = LocalNames.GetUnique("anyEndPoint", scope, model, null, cancellationToken);
            var from = LocalNames.GetUnique("from", scope, model, null, cancellationToken);

            var useVar = DeclarationStyle.PrefersVar(document, loop);
            var hoisted = new List<StatementSyntax>
            {
                Annotate(DeclarationStyle.Declare(useVar, Sockets + "Socket", socket, SyntaxFactory.ParseExpression(client + ".Client"))),
                Annotate(DeclarationStyle.Declare(false, Net + "EndPoint", any, SyntaxFactory.ParseExpression("new " + Net + "IPEndPoint(" + Net + "IPAddress.Any, 0)"))),
            };
            var fill = new List<StatementSyntax>
            {
                Annotate(SyntaxFactory.ParseStatement(Net + "EndPoint " + from + " = " + any + ";")),
                Annotate(SyntaxFactory.ParseStatement("int " + countName + " = " + socket + ".ReceiveFrom(" + name + ", ref " + from + ");")),
                Annotate(SyntaxFactory.ParseStatement(endPoint + " = (" + Net + "IPEndPoint)" + from + ";")),
            };
            return new Statements(hoisted, fill);
        }

        /// <summary>The <c>global::System.Net…</c> type names are left for the simplifier and import adder to shorten.</summary>
        private static T Annotate<T>(T statement)
            where T : StatementSyntax
        {
            var names = statement.DescendantNodes()
                .Where(n => (n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax) && n.ToString().StartsWith(Net, System.StringComparison.Ordinal) && IsTypeName(n.ToString()))
                .ToList();
            return statement.ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        }

        private static bool IsTypeName(string text)
        {
            return text == Net + "EndPoint" || text == Net + "IPEndPoint" || text == Net + "IPAddress" || text == Sockets + "Socket";
        }
    }
}
