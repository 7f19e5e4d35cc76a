using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Which method a call names, where the declarations tell it without binding the body the call is in: a call
    /// spelled <c>M(…)</c> in the method's own type, or a name <c>x.M</c> whose receiver's declared type (a parameter,
    /// a local with its type spelled, a field, property or event, an array element, a chain of them, another type's
    /// name) cannot have the method. Binding the name would bind the whole caller (and run its nullable analysis);
    /// these answers need only the member's declared symbol and the types' members.
    /// </summary>
    internal sealed class CallTargets
    {
        private readonly Compilation _compilation;
        private readonly NameOccurrences _names;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _imports = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>> _primaryParameters = new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<string>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, IMethodSymbol?> _declaredMethods = new ConcurrentDictionary<SyntaxNode, IMethodSymbol?>();
        private bool? _globalImports;

        public CallTargets(Compilation compilation, NameOccurrences names)
        {
            _compilation = compilation;
            _names = names;
        }

        /// <summary>
        /// Whether <paramref name="call"/>, spelled <c>M(…)</c> in <paramref name="member"/> (a method, accessor,
        /// operator or constructor declaration whose symbol is <paramref name="caller"/>) of the method's own type, can
        /// only call <paramref name="method"/>: that type and its base types have no other member of the name that
        /// takes as many arguments, and nothing in the member declares the name (a local, a parameter, a local function) and hides it. (A simple
        /// name is looked up in the type first, and never reaches an extension method; <c>this.M(…)</c> may, when
        /// <c>M</c> does not take its arguments, and is bound.)
        /// </summary>
        public bool CertainlyCalls(InvocationExpressionSyntax call, SimpleNameSyntax name, IMethodSymbol method, SyntaxNode member, IMethodSymbol caller, CancellationToken cancellationToken)
        {
            var type = method.ContainingType;
            if (call.Expression != name || type == null || type.TypeKind == TypeKind.Interface
                || name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count != method.Arity
                || !SymbolEqualityComparer.Default.Equals(caller.ContainingType?.OriginalDefinition, type) || !IsOnlyCandidate(method, call.ArgumentList.Arguments.Count))
            {
                return false;
            }

            var ownName = member is MethodDeclarationSyntax declaration ? declaration.Identifier : default;
            return !_names.DeclaresIn(Scope(member), method.Name, ownName, cancellationToken);
        }

        /// <summary>
        /// Whether <paramref name="name"/>, spelled <c>x.M</c> or <c>x?.M</c> (a call or not), certainly names something
        /// other than <paramref name="method"/> (not an extension method): <c>x</c> is a parameter, field, property,
        /// array element or chain of them whose declared type is neither the method's type nor one that derives from
        /// it, or the name of another type, so its members cannot include the method.
        /// </summary>
        public bool CertainlyCallsAnother(SimpleNameSyntax name, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsExtensionMethod || method.ContainingType == null)
                return false;
            var receiverSyntax = ReceiverOf(name, out var conditional);
            var member = receiverSyntax == null ? null : EnclosingMember(name);
            if (member == null || !(DeclaredMethod(member, cancellationToken) is IMethodSymbol caller))
                return false;

            var receiver = Resolve(receiverSyntax!, member, caller, method.ContainingType, cancellationToken);
            if (receiver.IsAnotherType)
                return true;
            var type = receiver.Type;
            if (conditional && type is INamedTypeSymbol { OriginalDefinition: { SpecialType: SpecialType.System_Nullable_T } } nullable)
                type = nullable.TypeArguments[0];
            return type != null && !MayBe(type, method.ContainingType);
        }

        /// <summary>The <c>x</c> of <c>x.M</c>, or of <c>x?.M</c> when the conditional access starts there; null for a simple name.</summary>
        private static ExpressionSyntax? ReceiverOf(SimpleNameSyntax name, out bool conditional)
        {
            conditional = false;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                return access.Expression;
            if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
            {
                SyntaxNode top = binding.Parent is InvocationExpressionSyntax call && call.Expression == binding ? call : binding;
                if (top.Parent is ConditionalAccessExpressionSyntax access2 && access2.WhenNotNull == top)
                {
                    conditional = true;
                    return access2.Expression;
                }
            }

            return null;
        }

        /// <summary>
        /// The method a method, accessor, operator or constructor declaration declares, or null; remembered per
        /// declaration, since the first look at uses and the call-site judgements ask it of the same callers again and
        /// again.
        /// </summary>
        public IMethodSymbol? DeclaredMethod(SyntaxNode member, CancellationToken cancellationToken)
        {
            if (_declaredMethods.TryGetValue(member, out var known))
                return known;
            var declared = SemanticModels.For(_compilation).Get(member.SyntaxTree)?.GetDeclaredSymbol(member, cancellationToken) as IMethodSymbol;
            return _declaredMethods.GetOrAdd(member, declared);
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

        /// <summary>What a receiver is, as far as declarations tell: a value or type of a known type, another type's name, or unknown.</summary>
        private readonly struct Receiver
        {
            private Receiver(ITypeSymbol? type, bool isAnotherType)
            {
                Type = type;
                IsAnotherType = isAnotherType;
            }

            public ITypeSymbol? Type { get; }

            /// <summary>The name of a type (or namespace) that is not the method's type and does not derive from it.</summary>
            public bool IsAnotherType { get; }

            public static Receiver Unknown => default;

            public static Receiver AnotherType => new Receiver(null, isAnotherType: true);

            public static Receiver Of(ITypeSymbol? type) => new Receiver(Declared(type), isAnotherType: false);
        }

        /// <summary>
        /// The declared type of a receiver when declarations alone tell it: <c>this</c>; a parameter of the member (and
        /// nothing else in the member is called so); when the member declares nothing of the name, the one field,
        /// property or event of that name the caller's type, its base types or its containing types declare first, or
        /// else another type's name; a field or property of a known type (<c>a.b</c>); an element of an array
        /// (<c>a[i]</c>). Unknown otherwise (a local, a lambda's parameter, a call).
        /// </summary>
        private Receiver Resolve(ExpressionSyntax expression, SyntaxNode member, IMethodSymbol caller, INamedTypeSymbol target, CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Resolve(parenthesized.Expression, member, caller, target, cancellationToken);
                case ThisExpressionSyntax _:
                    return Receiver.Of(caller.ContainingType);
                case IdentifierNameSyntax identifier:
                    return ResolveName(identifier, member, caller, target, cancellationToken);
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax:
                    return Resolve(access.Expression, member, caller, target, cancellationToken).Type is INamedTypeSymbol left
                        ? Receiver.Of(MemberType(left, access.Name.Identifier.ValueText))
                        : Receiver.Unknown;
                case ElementAccessExpressionSyntax element:
                    switch (Resolve(element.Expression, member, caller, target, cancellationToken).Type)
                    {
                        case IArrayTypeSymbol array:
                            return Receiver.Of(array.ElementType);
                        case INamedTypeSymbol collection:
                            return Receiver.Of(IndexerType(collection, element.ArgumentList.Arguments.Count));
                        default:
                            return Receiver.Unknown;
                    }
                default:
                    return Receiver.Unknown;
            }
        }

        private Receiver ResolveName(IdentifierNameSyntax identifier, SyntaxNode member, IMethodSymbol caller, INamedTypeSymbol target, CancellationToken cancellationToken)
        {
            var name = identifier.Identifier.ValueText;
            if ((name == "value" || name == "field") && member is AccessorDeclarationSyntax)
                return Receiver.Unknown;

            // The one declaration of the name in the member, if any: a parameter of the member, or a local declared
            // with its type spelled (or made by `new T(…)`). Any other (a lambda's parameter, a pattern, a second one)
            // needs binding.
            SyntaxToken? declaration = null;
            foreach (var token in _names.IdentifiersIn(Scope(member), name, cancellationToken))
            {
                if (token.Parent is SimpleNameSyntax)
                    continue;
                if (declaration != null)
                    return Receiver.Unknown;
                declaration = token;
            }

            if (declaration is SyntaxToken declared)
            {
                switch (declared.Parent)
                {
                    case ParameterSyntax parameter when parameter.Parent?.Parent == Scope(member):
                        return Receiver.Of(caller.Parameters.FirstOrDefault(p => p.Name == name)?.Type);
                    case VariableDeclaratorSyntax declarator when declarator.Parent is VariableDeclarationSyntax local && IsInScope(declarator, local, identifier):
                        var type = local.Type.IsVar && declarator.Initializer?.Value is ObjectCreationExpressionSyntax creation ? creation.Type : local.Type;
                        return type.IsVar ? Receiver.Unknown : OfTypeSyntax(type, caller, target, cancellationToken);
                    case ForEachStatementSyntax forEach when !forEach.Type.IsVar && forEach.Statement.Span.Contains(identifier.Span):
                        return OfTypeSyntax(forEach.Type, caller, target, cancellationToken);
                    case ForEachStatementSyntax forEach when forEach.Statement.Span.Contains(identifier.Span) && forEach.AwaitKeyword.IsKind(SyntaxKind.None)
                        && !_compilation.Assembly.TypeNames.Contains("var"):
                        // foreach (var pin in _pins): the element type of a collection whose type the declarations tell.
                        return Receiver.Of(ElementType(Resolve(forEach.Expression, member, caller, target, cancellationToken).Type));
                    default:
                        return Receiver.Unknown;
                }
            }

            for (var scope = caller.ContainingType; scope != null; scope = scope.ContainingType)
            {
                // A class's or struct's primary constructor parameters, and type parameters, are in scope in its members.
                if (scope.TypeParameters.Any(p => p.Name == name) || PrimaryConstructorParameters(scope, cancellationToken).Contains(name))
                    return Receiver.Unknown;

                for (var type = scope; type != null; type = type.BaseType)
                {
                    if (!type.GetMembers(name).IsEmpty)
                        return Receiver.Of(MemberType(type, name));
                }
            }

            return IsAnotherTypesName(identifier, name, caller, target, cancellationToken) ? Receiver.AnotherType : Receiver.Unknown;
        }

        /// <summary>
        /// Whether <paramref name="use"/> is where the local <paramref name="declarator"/> declares is in scope: after it in
        /// the block (or switch section) of its declaration, or inside the <c>for</c>, <c>using</c> or <c>fixed</c> that
        /// declares it. Elsewhere the same name may be a field's.
        /// </summary>
        private static bool IsInScope(VariableDeclaratorSyntax declarator, VariableDeclarationSyntax declaration, SyntaxNode use)
        {
            var holder = declaration.Parent is LocalDeclarationStatementSyntax statement ? statement.Parent : declaration.Parent;
            return holder != null && holder.Span.Contains(use.Span) && use.SpanStart > declarator.Span.End;
        }

        /// <summary>
        /// What a local's spelled type says: a predefined type, an array, a tuple or a pointer is never the method's
        /// type; a named type is another type when its name is (<see cref="IsAnotherTypesName"/>); anything else is
        /// unknown. Nothing is bound.
        /// </summary>
        private Receiver OfTypeSyntax(TypeSyntax type, IMethodSymbol caller, INamedTypeSymbol target, CancellationToken cancellationToken)
        {
            switch (type)
            {
                case PredefinedTypeSyntax _:
                case ArrayTypeSyntax _:
                case PointerTypeSyntax _:
                case TupleTypeSyntax _:
                    return Receiver.AnotherType;
                case NullableTypeSyntax nullable:
                    return OfTypeSyntax(nullable.ElementType, caller, target, cancellationToken);
                case QualifiedNameSyntax qualified:
                    return OfTypeSyntax(qualified.Right, caller, target, cancellationToken);
                case AliasQualifiedNameSyntax aliased:
                    return OfTypeSyntax(aliased.Name, caller, target, cancellationToken);
                case SimpleNameSyntax simple:
                    var name = simple.Identifier.ValueText;
                    for (var scope = caller.ContainingType; scope != null; scope = scope.ContainingType)
                    {
                        if (scope.TypeParameters.Any(p => p.Name == name))
                            return Receiver.Unknown;
                    }

                    return IsAnotherTypesName(simple, name, caller, target, cancellationToken) ? Receiver.AnotherType : Receiver.Unknown;
                default:
                    return Receiver.Unknown;
            }
        }

        /// <summary>
        /// The type of the one field, property or event called <paramref name="name"/> that <paramref name="type"/> or
        /// its base types declare first; null when it is something else (a method, a nested type) or there are several.
        /// </summary>
        private static ITypeSymbol? MemberType(INamedTypeSymbol type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                var members = current.GetMembers(name);
                if (members.IsEmpty)
                    continue;
                if (members.Length != 1)
                    return null;
                switch (members[0])
                {
                    case IFieldSymbol field:
                        return field.Type;
                    case IPropertySymbol property when !property.IsIndexer:
                        return property.Type;
                    case IEventSymbol @event:
                        return @event.Type;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The type of <c>x[…]</c> with <paramref name="arguments"/> arguments on a <paramref name="type"/>: the indexers
        /// of that many parameters that the type or its nearest base type declaring any has (an interface's own, or
        /// else those of the interfaces it extends), when they all have one type; null otherwise.
        /// </summary>
        private static ITypeSymbol? IndexerType(INamedTypeSymbol type, int arguments)
        {
            if (type.TypeKind == TypeKind.Interface)
                return OneIndexerType(new[] { type }, arguments) ?? OneIndexerType(type.AllInterfaces, arguments);
            for (var current = type; current != null; current = current.BaseType)
            {
                if (OneIndexerType(new[] { current }, arguments) is ITypeSymbol found)
                    return found;
            }

            return null;
        }

        private static ITypeSymbol? OneIndexerType(IEnumerable<INamedTypeSymbol> types, int arguments)
        {
            ITypeSymbol? found = null;
            foreach (var type in types)
            {
                foreach (var candidate in type.GetMembers(WellKnownMemberNames.Indexer))
                {
                    if (!(candidate is IPropertySymbol indexer) || indexer.Parameters.Length != arguments)
                        continue;
                    if (found != null && !SymbolEqualityComparer.Default.Equals(found, indexer.Type))
                        return null; // indexers of different types: which one is called needs binding
                    found = indexer.Type;
                }
            }

            return found;
        }

        /// <summary>
        /// The type of a <c>foreach</c> variable over a <paramref name="collection"/>: an array's element type; else the
        /// <c>Current</c> of the public instance <c>GetEnumerator()</c> the type or its nearest base type declaring one
        /// has, as the compiler picks it; else the one <c>IEnumerable&lt;T&gt;</c> it implements. Null otherwise.
        /// </summary>
        private static ITypeSymbol? ElementType(ITypeSymbol? collection)
        {
            switch (collection)
            {
                case IArrayTypeSymbol array:
                    return array.ElementType;
                case INamedTypeSymbol named when named.SpecialType != SpecialType.System_String:
                    for (var current = named; current != null; current = current.BaseType)
                    {
                        foreach (var candidate in current.GetMembers("GetEnumerator"))
                        {
                            if (candidate is IMethodSymbol method && !method.IsStatic && method.Parameters.IsEmpty && method.TypeParameters.IsEmpty
                                && method.DeclaredAccessibility == Accessibility.Public)
                            {
                                return method.ReturnType is INamedTypeSymbol enumerator ? CurrentType(enumerator) : null;
                            }
                        }
                    }

                    ITypeSymbol? element = null;
                    foreach (var implemented in named.TypeKind == TypeKind.Interface ? named.AllInterfaces.Add(named) : named.AllInterfaces)
                    {
                        if (implemented.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T)
                            continue;
                        if (element != null)
                            return null; // two element types: the compiler refuses the foreach
                        element = implemented.TypeArguments[0];
                    }

                    return element;
                default:
                    return null;
            }
        }

        /// <summary>The type of an enumerator's <c>Current</c>, declared by it or its base types.</summary>
        private static ITypeSymbol? CurrentType(INamedTypeSymbol enumerator)
        {
            for (var current = enumerator; current != null; current = current.BaseType)
            {
                if (MemberType(current, "Current") is ITypeSymbol type)
                    return type;
            }

            return null; // an interface declares its own Current (IEnumerator<T>'s hides IEnumerator's), or binding says which
        }

        /// <summary>
        /// A name no local, parameter or member in scope answers to names a type or namespace. It is another type's
        /// when it is not the method's type's name, no type parameter of the caller has it, no alias or <c>using
        /// static</c> could stand behind it, and no type of that name in source derives from the method's type (a
        /// static method may be called through a derived type).
        /// </summary>
        private bool IsAnotherTypesName(SimpleNameSyntax identifier, string name, IMethodSymbol caller, INamedTypeSymbol target, CancellationToken cancellationToken)
        {
            if (name == target.Name || caller.TypeParameters.Any(p => p.Name == name) || MayImportNames(identifier.SyntaxTree, cancellationToken))
                return false;
            foreach (var type in _names.SourceTypesNamed(name, cancellationToken))
            {
                if (MayBe(type, target))
                    return false;
            }

            return true;
        }

        /// <summary>The tree (or any tree, by a global using) has an alias or a <c>using static</c>, which may give a name another meaning.</summary>
        private bool MayImportNames(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_globalImports == null)
                _globalImports = _compilation.SyntaxTrees.Any(t => t.GetRoot(cancellationToken) is CompilationUnitSyntax unit
                    && unit.Usings.Any(u => u.GetFirstToken().IsKind(SyntaxKind.GlobalKeyword) && IsImport(u))); // a global using is at a file's top
            return _globalImports.Value || _imports.GetOrAdd(tree, t => Usings(t, cancellationToken).Any(IsImport));
        }

        /// <summary>The names of a type's primary constructor parameters (a class, struct or record declared with a parameter list), read once per type.</summary>
        private ImmutableArray<string> PrimaryConstructorParameters(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            return _primaryParameters.GetOrAdd(type, t => t.InstanceConstructors
                .Where(c => !c.Parameters.IsEmpty && c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax))
                .SelectMany(c => c.Parameters.Select(p => p.Name))
                .ToImmutableArray());
        }

        private static bool IsImport(UsingDirectiveSyntax directive) => directive.Alias != null || !directive.StaticKeyword.IsKind(SyntaxKind.None);

        /// <summary>The using directives of a file, at its top and in its namespaces (file-scoped ones included).</summary>
        private static IEnumerable<UsingDirectiveSyntax> Usings(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!(tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit))
                yield break;
            foreach (var directive in unit.Usings)
                yield return directive;

            // Only namespaces are entered: a file's types and their members hold no using directive.
            var namespaces = new Stack<SyntaxList<MemberDeclarationSyntax>>();
            namespaces.Push(unit.Members);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop())
                {
                    switch (member)
                    {
                        case NamespaceDeclarationSyntax block:
                            foreach (var directive in block.Usings)
                                yield return directive;
                            namespaces.Push(block.Members);
                            break;
                        case BaseTypeDeclarationSyntax _:
                        case DelegateDeclarationSyntax _:
                        case GlobalStatementSyntax _:
                            break;
                        default:
                            // A file-scoped namespace (a syntax newer than the Roslyn this is compiled against).
                            if (member.GetType().Name == "FileScopedNamespaceDeclarationSyntax")
                            {
                                foreach (var child in member.ChildNodes())
                                {
                                    if (child is UsingDirectiveSyntax directive)
                                        yield return directive;
                                }
                            }

                            break;
                    }
                }
            }
        }

        /// <summary>A type whose members are known: not a type parameter, dynamic, or a type that did not bind.</summary>
        private static ITypeSymbol? Declared(ITypeSymbol? type)
        {
            return type == null ? null : type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Dynamic || type.TypeKind == TypeKind.Error ? null : type;
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

        /// <summary>
        /// The method is the only member of its name in its type and the type's base types that a call with
        /// <paramref name="arguments"/> arguments can reach: every other one is a method that cannot take that many.
        /// </summary>
        private static bool IsOnlyCandidate(IMethodSymbol method, int arguments)
        {
            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member, method))
                        continue;
                    if (!(member is IMethodSymbol other) || ArgumentCounts.Of(other).Accepts(arguments))
                        return false;
                }
            }

            return true;
        }
    }
}
