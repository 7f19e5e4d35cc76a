using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    internal static class LocalDeclarations
    {
        /// <summary>
        /// The operation initialises <paramref name="local"/>, the only variable of a plain local declaration
        /// statement (not const, not using) in a block or switch section: the shape fixes can move or rewrite.
        /// </summary>
        public static bool IsSingleLocalDeclaration(IOperation operation, ILocalSymbol local)
        {
            if (!(operation.WalkUpConversions().Parent is IVariableInitializerOperation initializer)
                || !(initializer.Parent is IVariableDeclaratorOperation declarator)
                || !SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return false;
            }

            return declarator.Syntax.Parent is VariableDeclarationSyntax declaration
                && declaration.Variables.Count == 1
                && declaration.Parent is LocalDeclarationStatementSyntax statement
                && !statement.IsConst
                && statement.UsingKeyword.Span.Length == 0
                && (statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax);
        }
    }
}
