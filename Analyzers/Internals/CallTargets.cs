using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Which method a call names, where the declarations tell it without binding the body the call is in: a call
    /// spelled <c>M(…)</c> in the method's own type, or <c>x.M(…)</c> with <c>x</c> a parameter of the member or a
    /// field, property or event of its type. Binding the name would bind the whole caller (and run its nullable analysis);
    /// these answers need only the member's declared symbol and the types' members.
    /// </summary>
    internal sealed class CallTargets
    {
        private readonly NameOccurrences _names;

        public CallTargets(NameOccurrences names)
        {
            _names = names;
        }

        /// <summary>
        /// Whether <paramref name="call"/>, spelled <c>M(…)</c> in <paramref name="member"/> (a method, accessor,
        /// operator or constructor declaration whose symbol is <paramref name="caller"/>) of the method's own type, can
        /// only call <paramref name="method"/>: that type and its base types have no other member of the name, and
        /// nothing in the member declares the name (a local, a parameter, a local function) and hides it. (A simple
        /// name is looked up in the type first, and never reaches an extension method; <c>this.M(…)</c> may, when
        /// <c>M</c> does not take its arguments, and is bound.)
        /// </summary>
        public bool CertainlyCalls(InvocationExpressionSyntax call, SimpleNameSyntax name, IMethodSymbol method, SyntaxNode member, IMethodSymbol caller, CancellationToken cancellationToken)
        {
            var type = method.ContainingType;
            if (call.Expression != name || type == null || type.TypeKind == TypeKind.Interface
                || name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count != method.Arity
                || !SymbolEqualityComparer.Default.Equals(caller.ContainingType?.OriginalDefinition, type) || !HasOnlyMember(method))
            {
                return false;
            }

            var ownName = member is MethodDeclarationSyntax declaration ? declaration.Identifier : default;
            return !_names.DeclaresIn(Scope(member), method.Name, ownName, cancellationToken);
        }

        /// <summary>
        /// Whether <paramref name="name"/>, called as <c>x.M(…)</c>, certainly calls some other method than
        /// <paramref name="method"/> (not an extension method): <c>x</c> is a parameter, field or property whose type
        /// is neither the method's type nor one that derives from it, so its members cannot include the method.
        /// </summary>
        public bool CertainlyCallsAnother(SimpleNameSyntax name, IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (method.IsExtensionMethod || method.ContainingType == null || model == null
                || !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Parent is InvocationExpressionSyntax call && call.Expression == access))
            {
                return false;
            }

            var member = EnclosingMember(name);
            if (member == null || !(model.GetDeclaredSymbol(member, cancellationToken) is IMethodSymbol caller))
                return false;
            var receiver = ReceiverType(access.Expression, member, caller, cancellationToken);
            return receiver != null && !MayBe(receiver, method.ContainingType);
        }

        /// <summary>The method, accessor, operator or constructor declaration a node is in; null in a field or property initializer or top-level code.</summary>
        public static SyntaxNode? EnclosingMember(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is BaseMethodDeclarationSyntax || current is AccessorDeclarationSyntax)
                    return current;
                if (current is MemberDeclarationSyntax)
                    return null;
            }

            return null;
        }

        /// <summary>Where a member's own declarations are: an accessor's property or indexer (whose parameters it shares), or the member.</summary>
        private static SyntaxNode Scope(SyntaxNode member) => member is AccessorDeclarationSyntax && member.Parent?.Parent is BasePropertyDeclarationSyntax property ? property : member;

        /// <summary>
        /// The declared type of the receiver <c>x</c> of <c>x.M(…)</c> when declarations alone tell it: a parameter of
        /// the member (and nothing else in the member is called <c>x</c>), or, when the member declares nothing of
        /// that name, the one field, property or event of that name the caller's type, its base types or its
        /// containing types declare first. Null otherwise (a local, a lambda's parameter, a type's name, a call).
        /// </summary>
        private ITypeSymbol? ReceiverType(ExpressionSyntax expression, SyntaxNode member, IMethodSymbol caller, CancellationToken cancellationToken)
        {
            if (!(expression is IdentifierNameSyntax identifier))
                return null;
            var name = identifier.Identifier.ValueText;
            if (name == "value" && member is AccessorDeclarationSyntax)
                return null;

            IParameterSymbol? parameter = null;
            foreach (var token in _names.IdentifiersIn(Scope(member), name, cancellationToken))
            {
                if (token.Parent is SimpleNameSyntax)
                    continue;
                if (!(token.Parent is ParameterSyntax declared) || declared.Parent?.Parent != Scope(member) || parameter != null)
                    return null; // a local, a lambda's parameter, a label: what it holds needs binding
                parameter = caller.Parameters.FirstOrDefault(p => p.Name == name);
                if (parameter == null)
                    return null;
            }

            if (parameter != null)
                return Declared(parameter.Type);

            for (var scope = caller.ContainingType; scope != null; scope = scope.ContainingType)
            {
                // A class's or struct's primary constructor parameters are in scope in its members.
                if (scope.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == name) && c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax)))
                    return null;
                for (var type = scope; type != null; type = type.BaseType)
                {
                    var members = type.GetMembers(name);
                    if (members.IsEmpty)
                        continue;
                    if (members.Length != 1)
                        return null;
                    switch (members[0])
                    {
                        case IFieldSymbol field:
                            return Declared(field.Type);
                        case IPropertySymbol property:
                            return Declared(property.Type);
                        case IEventSymbol @event:
                            return Declared(@event.Type);
                        default:
                            return null;
                    }
                }
            }

            return null;
        }

        /// <summary>A type whose members are known: not a type parameter, dynamic, or a type that did not bind.</summary>
        private static ITypeSymbol? Declared(ITypeSymbol type)
        {
            return type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Dynamic || type.TypeKind == TypeKind.Error ? null : type;
        }

        /// <summary>Whether a value of <paramref name="type"/> may be a <paramref name="target"/> and have its methods: the same type, one derived from it, or one that implements it.</summary>
        private static bool MayBe(ITypeSymbol type, INamedTypeSymbol target)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                    return true;
            }

            return target.TypeKind == TypeKind.Interface && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target));
        }

        /// <summary>The method is the only member of its name in its type and the type's base types.</summary>
        private static bool HasOnlyMember(IMethodSymbol method)
        {
            if (method.ContainingType.GetMembers(method.Name).Length != 1)
                return false;
            for (var type = method.ContainingType.BaseType; type != null; type = type.BaseType)
            {
                if (!type.GetMembers(method.Name).IsEmpty)
                    return false;
            }

            return true;
        }
    }
}
