using System;
using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>How the code around a fix writes what the fix adds: <c>var</c> or the type, and empty arrays.</summary>
    internal static class DeclarationStyle
    {
        /// <summary>
        /// Whether a new local whose type the initializer spells (<c>new byte[4]</c>) is declared with <c>var</c>:
        /// <c>csharp_style_var_when_type_is_apparent</c> where the configuration sets it, else what most local
        /// declarations of the member already use, else the style of <paramref name="replaced"/> (the declaration the
        /// fix takes apart), else <c>var</c>.
        /// </summary>
        public static bool PrefersVar(Document document, SyntaxNode context, LocalDeclarationStatementSyntax? replaced = null)
        {
            var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(context.SyntaxTree);
            if (options.TryGetValue("csharp_style_var_when_type_is_apparent", out var value))
            {
                var setting = value.Split(':')[0].Trim();
                if (string.Equals(setting, "true", StringComparison.OrdinalIgnoreCase))
                    return true;
                if (string.Equals(setting, "false", StringComparison.OrdinalIgnoreCase))
                    return false;
            }

            var member = (SyntaxNode?)context.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => !(m is GlobalStatementSyntax)) ?? context.SyntaxTree.GetRoot();
            var declarations = member.DescendantNodes()
                .OfType<LocalDeclarationStatementSyntax>()
                .Where(d => !d.IsConst && d.Declaration.Variables.Count == 1 && d.Declaration.Variables[0].Initializer != null)
                .ToList();
            var usingVar = declarations.Count(d => d.Declaration.Type.IsVar);
            var explicitType = declarations.Count - usingVar;
            if (usingVar != explicitType)
                return usingVar > explicitType;
            return replaced?.Declaration.Type.IsVar ?? true;
        }

        /// <summary>
        /// <c>Array.Empty&lt;T&gt;()</c> where the target has it (simplified and imported like hand-written code), else
        /// <c>new T[0]</c>.
        /// </summary>
        public static ExpressionSyntax EmptyArray(SemanticModel model, string elementType)
        {
            var array = WellKnownTypes.For(model.Compilation).Get(WellKnownTypes.Names.Array);
            if (array == null || !array.GetMembers("Empty").OfType<IMethodSymbol>().Any(m => m.IsGenericMethod && m.Parameters.Length == 0))
                return SyntaxFactory.ParseExpression("new " + elementType + "[0]");

            var empty = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression("global::System.Array.Empty<" + elementType + ">()");
            var access = (MemberAccessExpressionSyntax)empty.Expression;
            return empty.WithExpression(access.WithExpression(access.Expression.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)));
        }

        /// <summary><c>var name = value;</c> or <c>type name = value;</c>, as <see cref="PrefersVar"/> says.</summary>
        public static LocalDeclarationStatementSyntax Declare(bool useVar, string type, string name, ExpressionSyntax value)
        {
            return SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    useVar ? SyntaxFactory.IdentifierName("var") : SyntaxFactory.ParseTypeName(type),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(value)))))
                .NormalizeWhitespace();
        }
    }
}
