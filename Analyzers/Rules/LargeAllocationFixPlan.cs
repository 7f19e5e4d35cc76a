using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Decides whether the FRAG003 and FRAG005 fixes (allocate once in a field, allocate from arena) keep the program's
    /// behaviour and hand the decision to the fixer through <see cref="Diagnostic.Properties"/>, and the reason, when
    /// there is none, to the message. No properties means no fix.
    /// </summary>
    public static class LargeAllocationFixPlan
    {
        /// <summary>"Declaration" (the allocation initialises a local) or "Inline" (it is passed directly as an argument).</summary>
        public const string ShapeKey = "Shape";

        /// <summary>How each run gets a fresh-looking buffer back: one of the <see cref="BufferReset"/> constants.</summary>
        public const string RestoreKey = "Restore";

        /// <summary>"true" for a <c>static readonly</c> field (static member), "false" for a <c>readonly</c> instance field.</summary>
        public const string StaticKey = "Static";

        /// <summary>
        /// "true" for an array literal whose elements are not constants (<c>new byte[] { (byte)register, value }</c>): the
        /// field is made at the literal's length, and each run writes every element, in order, where the literal was.
        /// </summary>
        public const string FillKey = "Fill";

        public const string DeclarationShape = "Declaration";
        public const string InlineShape = "Inline";

        /// <summary>
        /// The one place that decides whether a FRAG003 or FRAG005 diagnostic has a fix, and which: the fixers read its
        /// properties, the message its reason. <paramref name="allocation"/> is null for an object whose constructor
        /// allocates (the creation-site case).
        /// </summary>
        internal static FixDecision Decide(
            IOperation operation,
            BufferAllocation? allocation,
            BufferFlow flow,
            ISymbol containingSymbol,
            Execution execution,
            ChurnModel model,
            WellKnownTypes types,
            AnalyzerOptions options,
            CancellationToken cancellationToken)
        {
            var tree = operation.Syntax.SyntaxTree;
            if (!WellFormedCode.Contains(tree.GetRoot(cancellationToken), operation.Syntax.Span))
                return FixDecision.None("the code around it has syntax errors");
            if (allocation == null)
                return FixDecision.None("the buffers are allocated by the constructor of '" + operation.Type?.Name + "'");
            if (allocation.Kind == BufferKind.Custom)
                return FixDecision.None("Fragless does not know how to reset a " + allocation.Display);
            if (HotPathAllocationAnalyzer.MayRunConcurrently(execution, options, tree))
                return FixDecision.None("a callback may run on two threads at once; set fragless.callbacks_single_threaded = true if yours do not");

            // A method that runs once per object would keep, in a field or an arena, memory it needed once per object.
            if (execution.Kind == RunKind.PerCall && containingSymbol is IMethodSymbol method
                && model.WhyItRunsOncePerObject(method, options, cancellationToken) is string once)
            {
                return FixDecision.None("'" + method.Name + "' " + once + ", so a field or an arena would keep memory each object needs once");
            }

            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            var noField = AddFieldPlan(builder, allocation, flow, containingSymbol, execution.Kind == RunKind.PerIteration ? "iterations" : "calls");
            AddArenaPlan(builder, allocation, flow, containingSymbol, types);
            return FixDecision.From(builder.ToImmutable(), noField ?? string.Empty);
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

        /// <summary>"Allocate once in a field": adds its properties, or returns why it would not keep behaviour (or would cost memory for nothing).</summary>
        private static string? AddFieldPlan(
            ImmutableDictionary<string, string>.Builder builder,
            BufferAllocation allocation,
            BufferFlow flow,
            ISymbol containingSymbol,
            string runs)
        {
            var operation = allocation.Operation;
            var blocker = flow.WhyNotReusable(flow.Local != null ? "'" + flow.Local.Name + "'" : "the buffer");
            if (blocker != null)
                return blocker;
            if (flow.ObservesCapacity)
                return BufferReset.WhyNone(allocation, flow);

            // A lambda or local function may run while another run of it holds the buffer.
            if (operation.GetEnclosingFunction() != null)
                return "it is in a lambda or local function, which may run again while a run still holds the buffer";
            if (operation.Syntax.FirstAncestorOrSelf<GlobalStatementSyntax>() != null)
                return "top-level statements have no type to hold a field";
            if (!(containingSymbol is IMethodSymbol method))
                return "it is not in a method";

            var type = method.ContainingType;
            if (type == null || !IsFixableMethodKind(method.MethodKind))
                return "a field is only made for methods, accessors and operators";
            if (type.TypeKind == TypeKind.Struct ? !method.IsStatic : type.TypeKind != TypeKind.Class)
                return type.TypeKind == TypeKind.Struct ? "a readonly field of a struct is copied with the struct" : "an interface cannot hold the field";

            // A field cannot use the method's type parameters.
            if (UsesMethodTypeParameter(allocation.Type) || flow.Local != null && UsesMethodTypeParameter(flow.Local.Type))
                return "its type uses the method's type parameters, which a field cannot";

            var root = operation.GetRoot();
            var reentrancy = s_reentrancy.GetValue(root, r => new Reentrancy(WhyItMayRunReentrantly(r, method))).Why;
            if (reentrancy != null)
                return "'" + method.Name + "' " + reentrancy + ", so a second run could start while the first still uses the buffer";

            // An array literal of constant length whose elements are not constants: the field is made at that length,
            // and each run writes every element where the literal was, so no reset is needed.
            var fill = false;
            if (!SizeIsKnownAtFieldInitialization(allocation, method))
            {
                if (!(operation is IArrayCreationOperation literal) || literal.Initializer == null || literal.DimensionSizes.Length != 1
                    || !literal.DimensionSizes[0].ConstantValue.HasValue || literal.Initializer.ElementValues.Any(e => e is IArrayInitializerOperation))
                {
                    return WhyNotKnownAtFieldInitialization(allocation);
                }

                var inline = !IsWholeInitializerOfALocal(operation);
                if (inline && !HasStatementInMember(operation.Syntax))
                    return "it is written in an expression body, where there is no statement before it to fill it in";

                // A view or second local of the buffer dies with the call (the flow found none kept), as it does for
                // the buffers this fix clears.
                var whyNotFill = BufferAllocationInLoopFill.WhyNot(operation, flow, inline, runs, aliasesDieWithTheRun: true);
                if (whyNotFill != null)
                    return whyNotFill;
                fill = true;
            }

            string shape;
            if (flow.Local != null && !ArrayViews.IsViewOfNewArray(operation))
            {
                if (!LocalDeclarations.IsSingleLocalDeclaration(operation, flow.Local))
                    return "'" + flow.Local.Name + "' is not declared alone in a plain declaration";
                shape = DeclarationShape;
            }
            else if (operation.WalkUpConversions().Parent is IArgumentOperation || ArrayViews.IsViewOfNewArray(operation))
            {
                // A span over the new array (`Span<byte> frame = new byte[2048];`, nanoFramework's `SpanByte`): the
                // field holds the array, and the span is made over it on each run.
                shape = InlineShape;
            }
            else
            {
                return "it is neither a local's whole initializer nor an argument";
            }

            var restore = fill ? BufferReset.None : BufferReset.Choose(allocation, flow);
            if (restore == null)
                return BufferReset.WhyNone(allocation, flow);

            // The reset (or the writes of the elements) goes before the statement that held the inline allocation: an
            // expression body has none.
            if (shape == InlineShape && (restore != BufferReset.None || fill) && !HasStatementInMember(operation.Syntax))
                return "it is written in an expression body, where there is no statement before it to " + (fill ? "fill it in" : "reset it in");

            builder[ShapeKey] = shape;
            builder[RestoreKey] = restore;
            builder[StaticKey] = method.IsStatic ? "true" : "false";
            if (fill)
                builder[FillKey] = "true";
            return null;
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

        /// <summary>Each body's answer, read once: it walks the whole body, and a method may allocate several buffers.</summary>
        private static readonly ConditionalWeakTable<IOperation, Reentrancy> s_reentrancy = new ConditionalWeakTable<IOperation, Reentrancy>();

        private sealed class Reentrancy
        {
            public Reentrancy(string? why) => Why = why;

            public string? Why { get; }
        }

        /// <summary>
        /// Why a second run could start while a run holds the buffer (async with awaits, an iterator, directly
        /// recursive, a delegate or event invoked: a callback may call back into the method); null when none can.
        /// </summary>
        private static string? WhyItMayRunReentrantly(IOperation root, IMethodSymbol method)
        {
            if (root.Syntax.DescendantNodesAndSelf().Any(n => n is YieldStatementSyntax))
                return "is an iterator";

            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAwaitOperation _:
                        return "awaits";
                    case IInvocationOperation invocation:
                        if (invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
                            return "invokes a delegate";
                        if (SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                            return "calls itself";
                        break;
                    case IRaiseEventOperation _:
                        return "raises an event";
                    case IPropertyReferenceOperation property:
                        if (method.AssociatedSymbol != null && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, method.AssociatedSymbol.OriginalDefinition))
                            return "uses its own property";
                        break;
                }
            }

            return null;
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

        /// <summary>
        /// <c>SpanByte command = new byte[] { … };</c>: the literal, through conversions, is the whole initializer of the
        /// only local its statement declares, so the statement evaluates nothing before it, and its elements can be
        /// written just before the statement in the same order.
        /// </summary>
        private static bool IsWholeInitializerOfALocal(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation)
                current = current.Parent;
            return current.Parent is IVariableInitializerOperation
                && operation.Syntax.Parent is EqualsValueClauseSyntax equals
                && equals.Parent is VariableDeclaratorSyntax declarator
                && declarator.Parent is VariableDeclarationSyntax declaration
                && declaration.Variables.Count == 1
                && declaration.Parent is LocalDeclarationStatementSyntax statement
                && !statement.UsingKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.UsingKeyword);
        }

        /// <summary>
        /// Names what a field initializer cannot compute (a parameter, a local, an instance member) and where it is: in
        /// the size, the initial values, or the arguments the buffer is made from. For the message.
        /// </summary>
        private static string WhyNotKnownAtFieldInitialization(BufferAllocation allocation)
        {
            // OperationKind.Spread (C# 12), which Microsoft.CodeAnalysis 3.6 does not name: `[1, .. tail]` is as long as tail.
            const int SpreadKind = 0x80;
            var sizes = allocation.Operation is IArrayCreationOperation array ? array.DimensionSizes : ImmutableArray<IOperation>.Empty;
            foreach (var operand in allocation.SizeOperands)
            {
                string where;
                if (sizes.Contains(operand) || (int)operand.Kind == SpreadKind)
                    where = "its size uses ";
                else if (allocation.Kind == BufferKind.Array)
                    where = "its initial values use ";
                else if (operand.Parent is IArgumentOperation argument && argument.Parameter?.Type.SpecialType == SpecialType.System_Int32)
                    where = "its capacity uses ";
                else
                    where = "its initial contents use ";

                foreach (var operation in operand.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IParameterReferenceOperation parameter:
                            return where + "the parameter '" + parameter.Parameter.Name + "', which a field initializer cannot see";
                        case ILocalReferenceOperation local:
                            return where + "the local '" + local.Local.Name + "', which a field initializer cannot see";
                        case IMemberReferenceOperation member when !(member is IFieldReferenceOperation field && field.Field.IsConst):
                            return where + "'" + member.Member.Name + "', which a field initializer may not compute the same way";
                    }
                }
            }

            return "Fragless cannot tell that a field initializer would compute the same size and contents";
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
