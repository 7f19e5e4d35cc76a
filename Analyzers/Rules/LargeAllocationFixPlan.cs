using System.Collections.Immutable;
using System.Linq;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Decides whether the FRAG003 fix (allocate once in a field) keeps the program's behaviour and hands the
    /// decision to the fixer through <see cref="Diagnostic.Properties"/>. No properties means no fix.
    /// </summary>
    public static class LargeAllocationFixPlan
    {
        /// <summary>"Declaration" (the allocation initialises a local) or "Inline" (it is passed directly as an argument).</summary>
        public const string ShapeKey = "Shape";

        /// <summary>How each run gets a fresh-looking buffer back: one of the <see cref="BufferReset"/> constants.</summary>
        public const string RestoreKey = "Restore";

        /// <summary>"true" for a <c>static readonly</c> field (static member), "false" for a <c>readonly</c> instance field.</summary>
        public const string StaticKey = "Static";

        public const string DeclarationShape = "Declaration";
        public const string InlineShape = "Inline";

        internal static ImmutableDictionary<string, string> Create(BufferAllocation allocation, BufferFlow flow, ISymbol containingSymbol, WellKnownTypes types)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            builder.AddRange(CreateFieldPlan(allocation, flow, containingSymbol));
            AddArenaPlan(builder, allocation, flow, containingSymbol, types);
            return builder.ToImmutable();
        }

        /// <summary>
        /// "Allocate from arena": the buffer comes from an arena and the method body runs in an arena scope, so each
        /// call rewinds. Scopes nest, so recursion and callbacks are fine; async code is left alone, since interleaved
        /// calls sharing an arena would close their scopes out of order.
        /// </summary>
        private static void AddArenaPlan(ImmutableDictionary<string, string>.Builder builder, BufferAllocation allocation, BufferFlow flow, ISymbol containingSymbol, WellKnownTypes types)
        {
            var operation = allocation.Operation;
            if (flow.Escapes || flow.HasUnknownCallee || flow.IsReassigned || flow.IsUsingResource || flow.Local == null)
                return;
            if (operation.GetEnclosingFunction() != null || !(containingSymbol is IMethodSymbol method) || method.IsAsync)
                return;
            if (operation.Syntax.FirstAncestorOrSelf<GlobalStatementSyntax>() != null || !LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local))
                return;

            var body = operation.GetRoot().Syntax switch
            {
                BaseMethodDeclarationSyntax m => m.Body,
                AccessorDeclarationSyntax a => a.Body,
                _ => null,
            };
            if (body == null || operation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() == null)
                return;

            ArenaPlan.TryAdd(builder, allocation, flow.Local, types, body.SpanStart + 1);
        }

        private static ImmutableDictionary<string, string> CreateFieldPlan(BufferAllocation allocation, BufferFlow flow, ISymbol containingSymbol)
        {
            var none = ImmutableDictionary<string, string>.Empty;
            var operation = allocation.Operation;
            if (flow.Escapes || flow.HasUnknownCallee || flow.IsReassigned || flow.IsUsingResource || flow.ObservesCapacity)
                return none;

            // A lambda or local function may run while another run of it holds the buffer.
            if (operation.GetEnclosingFunction() != null || !(containingSymbol is IMethodSymbol method))
                return none;
            if (operation.Syntax.FirstAncestorOrSelf<GlobalStatementSyntax>() != null)
                return none;

            var type = method.ContainingType;
            if (type == null || !IsFixableMethodKind(method.MethodKind))
                return none;
            if (type.TypeKind == TypeKind.Struct ? !method.IsStatic : type.TypeKind != TypeKind.Class)
                return none;

            // A field cannot use the method's type parameters.
            if (UsesMethodTypeParameter(allocation.Type) || flow.Local != null && UsesMethodTypeParameter(flow.Local.Type))
                return none;

            var root = operation.GetRoot();
            if (!CannotRunReentrantly(root, method))
                return none;

            if (!SizeIsKnownAtFieldInitialization(allocation, method))
                return none;

            string shape;
            if (flow.Local != null)
            {
                if (!LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local))
                    return none;
                shape = DeclarationShape;
            }
            else if (operation.WalkUpConversions().Parent is IArgumentOperation)
            {
                shape = InlineShape;
            }
            else
            {
                return none;
            }

            var restore = BufferReset.Choose(allocation, flow);
            if (restore == null)
                return none;

            // The reset goes before the statement that held the inline allocation: an expression body has none.
            if (shape == InlineShape && restore != BufferReset.None && !HasStatementInMember(operation.Syntax))
                return none;

            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            builder[ShapeKey] = shape;
            builder[RestoreKey] = restore;
            builder[StaticKey] = method.IsStatic ? "true" : "false";
            return builder.ToImmutable();
        }

        private static bool IsFixableMethodKind(MethodKind kind)
        {
            switch (kind)
            {
                case MethodKind.Ordinary:
                case MethodKind.PropertyGet:
                case MethodKind.PropertySet:
                case MethodKind.UserDefinedOperator:
                case MethodKind.Conversion:
                case MethodKind.ExplicitInterfaceImplementation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// No second run can start while a run holds the buffer: not async with awaits, not an iterator, not directly
        /// recursive, and no delegate or event invoked (a callback may call back into the method).
        /// </summary>
        private static bool CannotRunReentrantly(IOperation root, IMethodSymbol method)
        {
            if (root.Syntax.DescendantNodesAndSelf().Any(n => n is YieldStatementSyntax))
                return false;

            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAwaitOperation _:
                        return false;
                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
                            return false;
                        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                            return false;
                        break;
                    case IRaiseEventOperation _:
                        return false;
                    case IPropertyReferenceOperation property:
                        if (method.AssociatedSymbol != null && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, method.AssociatedSymbol.OriginalDefinition))
                            return false;
                        break;
                }
            }

            return true;
        }

        /// <summary>
        /// The field initializer must compute the same size the method did: constants, and static readonly fields of the
        /// same type declared (with an initializer) in the same declaration, where the new field goes after them. A
        /// static field cannot rely on a static constructor, which runs after the field initializers.
        /// </summary>
        private static bool SizeIsKnownAtFieldInitialization(BufferAllocation allocation, IMethodSymbol method)
        {
            var typeSyntax = allocation.Operation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (typeSyntax == null)
                return false;
            var hasStaticConstructor = method.ContainingType.StaticConstructors.Any(c => !c.IsImplicitlyDeclared);

            foreach (var operand in allocation.SizeOperands)
            {
                if (!IsFieldInitializerSafe(operand, method, typeSyntax, hasStaticConstructor))
                    return false;
            }

            return true;
        }

        private static bool IsFieldInitializerSafe(IOperation operation, IMethodSymbol method, TypeDeclarationSyntax typeSyntax, bool hasStaticConstructor)
        {
            // A constant is fine unless it names a local constant, which the field initializer cannot see.
            if (operation.ConstantValue.HasValue)
                return !operation.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation || o is IParameterReferenceOperation);

            switch (operation)
            {
                case IFieldReferenceOperation field:
                    var symbol = field.Field;
                    if (symbol.IsConst)
                        return true;
                    if (!symbol.IsStatic || !symbol.IsReadOnly || method.IsStatic && hasStaticConstructor)
                        return false;
                    if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingType.OriginalDefinition, method.ContainingType.OriginalDefinition))
                        return false;
                    return symbol.DeclaringSyntaxReferences.Length == 1
                        && symbol.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator
                        && declarator.Initializer != null
                        && declarator.SyntaxTree == typeSyntax.SyntaxTree
                        && typeSyntax.Span.Contains(declarator.Span);
                case IConversionOperation conversion:
                    return conversion.OperatorMethod == null && IsFieldInitializerSafe(conversion.Operand, method, typeSyntax, hasStaticConstructor);
                case IBinaryOperation binary:
                    return binary.OperatorMethod == null
                        && IsFieldInitializerSafe(binary.LeftOperand, method, typeSyntax, hasStaticConstructor)
                        && IsFieldInitializerSafe(binary.RightOperand, method, typeSyntax, hasStaticConstructor);
                case IUnaryOperation unary:
                    return unary.OperatorMethod == null && IsFieldInitializerSafe(unary.Operand, method, typeSyntax, hasStaticConstructor);
                case IParenthesizedOperation parenthesized:
                    return IsFieldInitializerSafe(parenthesized.Operand, method, typeSyntax, hasStaticConstructor);
                default:
                    return false;
            }
        }

        private static bool UsesMethodTypeParameter(ITypeSymbol type)
        {
            switch (type)
            {
                case ITypeParameterSymbol parameter:
                    return parameter.TypeParameterKind == TypeParameterKind.Method;
                case IArrayTypeSymbol array:
                    return UsesMethodTypeParameter(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return UsesMethodTypeParameter(pointer.PointedAtType);
                case INamedTypeSymbol named:
                    return named.TypeArguments.Any(UsesMethodTypeParameter)
                        || named.ContainingType != null && UsesMethodTypeParameter(named.ContainingType);
                default:
                    return false;
            }
        }

        private static bool HasStatementInMember(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                if (ancestor is StatementSyntax)
                    return true;
                if (ancestor is MemberDeclarationSyntax || ancestor is AccessorDeclarationSyntax)
                    return false;
            }

            return false;
        }
    }
}
