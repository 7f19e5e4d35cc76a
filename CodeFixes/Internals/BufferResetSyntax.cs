using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>Builds the statement for a <see cref="BufferReset"/> kind.</summary>
    internal static class BufferResetSyntax
    {
        /// <summary>
        /// The statement that gives the reused buffer <paramref name="name"/> back the state of a new one, or null
        /// when none is needed. <c>System.Array</c> is annotated so the caller's simplifier and import adder
        /// turn it into <c>Array</c> with a <c>using System;</c>.
        /// </summary>
        public static StatementSyntax? Create(string name, string reset, SyntaxNode context)
        {
            string? text;
            switch (reset)
            {
                case BufferReset.ArrayClear:
                    text = "global::System.Array.Clear(" + name + ", 0, " + name + ".Length);";
                    break;
                case BufferReset.SetLength:
                    text = name + ".SetLength(0);";
                    break;
                case BufferReset.Clear:
                    text = name + ".Clear();";
                    break;
                default:
                    text = null;
                    break;
            }

            if (text == null)
                return null;

            var statement = SyntaxFactory.ParseStatement(text);
            var qualified = statement.DescendantNodes().OfType<AliasQualifiedNameSyntax>().FirstOrDefault();
            if (qualified != null)
            {
                var outer = (ExpressionSyntax)qualified.Parent!.Parent!;
                statement = statement.ReplaceNode(outer, outer.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            }

            return statement.WithTrailingTrivia(StatementPlacement.GetEndOfLine(context));
        }
    }
}
