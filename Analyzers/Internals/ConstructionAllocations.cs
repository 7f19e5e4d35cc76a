using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// The bytes of buffers an object allocates while it is constructed: the constructor that is called, the
    /// constructors it chains to (<c>: this(…)</c>, <c>: base(…)</c>, the implicit base call), and the instance field
    /// and property initializers, following objects created there in turn. Only source-visible types; at most
    /// <see cref="MaxDepth"/> constructors deep; a constructor already being followed counts as nothing.
    /// Allocations that run repeatedly (in a loop) and in lambdas are not counted; allocations of unknown size count
    /// as nothing. Cached per compilation.
    /// </summary>
    internal sealed class ConstructionAllocations
    {
        public const int MaxDepth = 4;

        private readonly Compilation _compilation;
        private readonly WellKnownTypes _types;
        private readonly NameOccurrences _names;
        [ThreadStatic]
        private static HashSet<INamedTypeSymbol>? s_visiting;

        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _mayAllocate = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(IMethodSymbol, int), long> _cache =
            new ConcurrentDictionary<(IMethodSymbol, int), long>();

        public ConstructionAllocations(WellKnownTypes types, NameOccurrences names)
        {
            _types = types;
            _compilation = types.Compilation;
            _names = names;
        }

        /// <summary>The bytes constructing with <paramref name="constructor"/> allocates; 0 when none or unknown.</summary>
        public long Of(IMethodSymbol constructor, int referenceSize, CancellationToken cancellationToken)
        {
            return Of(constructor, referenceSize, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), depth: 0, cancellationToken);
        }

        /// <summary>
        /// False when <see cref="Of(IMethodSymbol, int, CancellationToken)"/> is 0 without summing anything: not a source
        /// constructor, or its type's construction spells no allocation. Cheap, and cached per type.
        /// </summary>
        public bool MayAllocate(IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            var definition = constructor.OriginalDefinition;
            return definition.MethodKind == MethodKind.Constructor && IsInSource(definition.ContainingType)
                && MayAllocateBuffers(definition.ContainingType, cancellationToken);
        }

        private long Of(IMethodSymbol constructor, int referenceSize, HashSet<IMethodSymbol> inProgress, int depth, CancellationToken cancellationToken)
        {
            var definition = constructor.OriginalDefinition;
            if (definition.MethodKind != MethodKind.Constructor || depth > MaxDepth || !IsInSource(definition.ContainingType))
                return 0;
            if (depth == 0 && !MayAllocateBuffers(definition.ContainingType, cancellationToken))
                return 0;

            var key = (definition, referenceSize);
            if (_cache.TryGetValue(key, out var cached))
                return cached;
            if (!inProgress.Add(definition))
                return 0;

            try
            {
                var total = Compute(definition, referenceSize, inProgress, depth, cancellationToken);
                _cache.TryAdd(key, total);
                return total;
            }
            finally
            {
                inProgress.Remove(definition);
            }
        }

        private long Compute(IMethodSymbol constructor, int referenceSize, HashSet<IMethodSymbol> inProgress, int depth, CancellationToken cancellationToken)
        {
            var type = constructor.ContainingType;
            var syntax = constructor.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<ConstructorDeclarationSyntax>()
                .FirstOrDefault();

            long total = 0;
            var chainsToThis = false;
            IMethodSymbol? baseConstructor = null;

            if (syntax != null && !MayAllocate(syntax) && syntax.Initializer == null)
            {
                // Nothing in the body can allocate: only the initializers and the implicit base call remain.
                baseConstructor = ImplicitBaseConstructor(type);
            }
            else if (syntax != null)
            {
                var body = GetOperation(syntax, cancellationToken) as IConstructorBodyOperation;
                if (body == null)
                    return 0;

                var chained = (body.Initializer as IExpressionStatementOperation)?.Operation.WalkDownConversions() as IInvocationOperation
                    ?? body.Initializer?.WalkDownConversions() as IInvocationOperation;
                if (chained != null)
                {
                    chainsToThis = SymbolEqualityComparer.Default.Equals(chained.TargetMethod.ContainingType.OriginalDefinition, type.OriginalDefinition);
                    if (chainsToThis)
                        total = Add(total, Of(chained.TargetMethod, referenceSize, inProgress, depth + 1, cancellationToken));
                    else
                        baseConstructor = chained.TargetMethod;
                    total = Add(total, SumAllocations(chained.Arguments.Select(a => (IOperation)a), referenceSize, inProgress, depth, cancellationToken));
                }
                else if (syntax.Initializer == null)
                {
                    baseConstructor = ImplicitBaseConstructor(type);
                }

                if (body.BlockBody != null)
                    total = Add(total, SumAllocations(new IOperation[] { body.BlockBody }, referenceSize, inProgress, depth, cancellationToken));
                if (body.ExpressionBody != null)
                    total = Add(total, SumAllocations(new IOperation[] { body.ExpressionBody }, referenceSize, inProgress, depth, cancellationToken));
            }
            else
            {
                // The implicit parameterless constructor (or a record's primary constructor): initializers, then the base.
                baseConstructor = ImplicitBaseConstructor(type);
            }

            if (!chainsToThis)
                total = Add(total, FieldInitializers(type, referenceSize, inProgress, depth, cancellationToken));
            if (baseConstructor != null)
                total = Add(total, Of(baseConstructor, referenceSize, inProgress, depth + 1, cancellationToken));
            return total;
        }

        private long FieldInitializers(INamedTypeSymbol type, int referenceSize, HashSet<IMethodSymbol> inProgress, int depth, CancellationToken cancellationToken)
        {
            long total = 0;
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || !(member is IFieldSymbol || member is IPropertySymbol) || member.IsImplicitlyDeclared)
                    continue;

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    EqualsValueClauseSyntax? initializer;
                    switch (reference.GetSyntax(cancellationToken))
                    {
                        case VariableDeclaratorSyntax declarator:
                            initializer = declarator.Initializer;
                            break;
                        case PropertyDeclarationSyntax property:
                            initializer = property.Initializer;
                            break;
                        default:
                            initializer = null;
                            break;
                    }

                    if (initializer == null || !MayAllocate(initializer))
                        continue;
                    var operation = GetOperation(initializer, cancellationToken);
                    if (operation != null)
                        total = Add(total, SumAllocations(new[] { operation }, referenceSize, inProgress, depth, cancellationToken));
                }
            }

            return total;
        }

        private long SumAllocations(IEnumerable<IOperation> roots, int referenceSize, HashSet<IMethodSymbol> inProgress, int depth, CancellationToken cancellationToken)
        {
            long total = 0;
            foreach (var root in roots)
            {
                foreach (var operation in DescendantsOutsideFunctions(root))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (operation.IsImplicit
                        || !(operation is IArrayCreationOperation || operation is IObjectCreationOperation || operation.Kind == BufferAllocation.CollectionExpressionKind)
                        || LoopAnalysis.RunsRepeatedly(operation, out _))
                    {
                        continue;
                    }

                    var allocation = BufferAllocation.TryCreate(operation, _types, ImmutableArray<INamedTypeSymbol>.Empty);
                    if (allocation != null)
                    {
                        total = Add(total, AllocationSize.Of(allocation, referenceSize) ?? 0);
                    }
                    else if (operation is IObjectCreationOperation creation && creation.Constructor != null)
                    {
                        total = Add(total, Of(creation.Constructor, referenceSize, inProgress, depth + 1, cancellationToken));
                    }
                }
            }

            return total;
        }

        private static IEnumerable<IOperation> DescendantsOutsideFunctions(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                yield return current;
                foreach (var child in current.Children)
                {
                    if (child != null && !child.IsFunctionBoundary())
                        stack.Push(child);
                }
            }
        }

        /// <summary>
        /// Before binding a type's constructors: do its constructors and initializers (or a base type's) spell an array, a
        /// collection expression, a sized collection or an object of a type that may allocate? Most types do not.
        /// </summary>
        private bool MayAllocateBuffers(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (_mayAllocate.TryGetValue(type, out var known))
                return known;

            // A cycle (A makes a B, which makes an A) adds nothing. The types being looked at are this thread's own: the
            // shared table holds only finished answers, so another rule's thread never reads a half-made one.
            var visiting = s_visiting ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (!visiting.Add(type))
                return false;

            try
            {
                var result = ComputeMayAllocateBuffers(type, cancellationToken);
                _mayAllocate.TryAdd(type, result);
                return result;
            }
            finally
            {
                visiting.Remove(type);
            }
        }

        private bool ComputeMayAllocateBuffers(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            for (var current = type; current != null && IsInSource(current); current = current.BaseType)
            {
                // A base type's construction runs too. Its answer (its own bases' included) is read once for every type
                // that derives from it, unless it is being looked at already on this thread (a cycle), whose syntax is read here.
                if (!ReferenceEquals(current, type) && !s_visiting!.Contains(current))
                    return MayAllocateBuffers(current, cancellationToken);

                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (!(reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration))
                        continue;
                    foreach (var part in ConstructionSyntax(declaration))
                    {
                        if (SpellsAllocationIn(part, cancellationToken))
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The parts of a type declaration that run while an object is made, the only ones <see cref="Compute"/> reads:
        /// its instance constructors and its instance field and property initializers (not its methods).
        /// </summary>
        private static IEnumerable<SyntaxNode> ConstructionSyntax(TypeDeclarationSyntax declaration)
        {
            foreach (var member in declaration.Members)
            {
                if (member.Modifiers.Any(SyntaxKind.StaticKeyword))
                    continue;
                switch (member)
                {
                    case ConstructorDeclarationSyntax constructor:
                        yield return constructor;
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer != null)
                                yield return variable.Initializer;
                        }

                        break;
                    case PropertyDeclarationSyntax property when property.Initializer != null:
                        yield return property.Initializer;
                        break;
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="part"/> (outside its attributes) holds an expression <see cref="SpellsAllocation"/>
        /// accepts, in document order. Each of them starts with <c>new</c>, <c>stackalloc</c> or <c>[</c>, which a
        /// search of the file's characters finds faster than a walk of every node; only the tokens found there are read.
        /// </summary>
        private bool SpellsAllocationIn(SyntaxNode part, CancellationToken cancellationToken)
        {
            var text = _names.TextOf(part.SyntaxTree, cancellationToken);
            var root = part.SyntaxTree.GetRoot(cancellationToken);
            var span = part.Span;
            var nextNew = NameOccurrences.IndexOfWord(text, "new", span.Start, span.End);
            var nextStackalloc = NameOccurrences.IndexOfWord(text, "stackalloc", span.Start, span.End);
            var nextBracket = NextChar(text, '[', span.Start, span.End);
            while (true)
            {
                var at = Earliest(nextNew, nextStackalloc, nextBracket);
                if (at < 0)
                    return false;
                if (at == nextNew)
                    nextNew = NameOccurrences.IndexOfWord(text, "new", at + 1, span.End);
                else if (at == nextStackalloc)
                    nextStackalloc = NameOccurrences.IndexOfWord(text, "stackalloc", at + 1, span.End);
                else
                    nextBracket = NextChar(text, '[', at + 1, span.End);

                var token = root.FindToken(at);
                if (token.SpanStart != at || token.Parent == null
                    || !(token.IsKind(SyntaxKind.NewKeyword) || token.IsKind(SyntaxKind.StackAllocKeyword) || token.IsKind(SyntaxKind.OpenBracketToken)))
                {
                    continue; // in a comment, a string or a longer token
                }

                var node = token.Parent;
                if (node.FirstAncestorOrSelf<AttributeListSyntax>() == null && SpellsAllocation(node, cancellationToken))
                    return true;
            }
        }

        /// <summary>The smallest of three places that are not -1, or -1.</summary>
        private static int Earliest(int a, int b, int c)
        {
            var earliest = a;
            if (b >= 0 && (earliest < 0 || b < earliest))
                earliest = b;
            if (c >= 0 && (earliest < 0 || c < earliest))
                earliest = c;
            return earliest;
        }

        private static int NextChar(string text, char c, int start, int end) => start >= end ? -1 : text.IndexOf(c, start, end - start);

        private bool SpellsAllocation(SyntaxNode node, CancellationToken cancellationToken)
        {
            return node is ArrayCreationExpressionSyntax || node is ImplicitArrayCreationExpressionSyntax || node is StackAllocArrayCreationExpressionSyntax
                || node is ObjectCreationExpressionSyntax creation && (LooksLikeABuffer(creation.Type) || CreatesSourceTypeThatMayAllocate(creation.Type, cancellationToken))
                || node.RawKind == CollectionExpressionRawKind
                || node.RawKind == ImplicitObjectCreationRawKind;
        }

        /// <summary>An object of a source type (found by name in the declarations, without binding) that may allocate.</summary>
        private bool CreatesSourceTypeThatMayAllocate(TypeSyntax type, CancellationToken cancellationToken)
        {
            var name = (type as SimpleNameSyntax)?.Identifier.ValueText ?? ((type as QualifiedNameSyntax)?.Right)?.Identifier.ValueText;
            if (name == null)
                return false;

            // The compilation's own types of that name (most objects made are the framework's, and none is).
            foreach (var named in _names.SourceTypesNamed(name, cancellationToken))
            {
                if (MayAllocateBuffers(named, cancellationToken))
                    return true;
            }

            return false;
        }

        // Syntax kinds newer than the Roslyn the analyzers compile against.
        private const int ImplicitObjectCreationRawKind = 8659;
        private const int CollectionExpressionRawKind = 9076;

        private static bool LooksLikeABuffer(TypeSyntax type)
        {
            var name = type is GenericNameSyntax generic ? generic.Identifier.ValueText
                : type is QualifiedNameSyntax qualified ? (qualified.Right as SimpleNameSyntax)?.Identifier.ValueText
                : (type as IdentifierNameSyntax)?.Identifier.ValueText;
            return name == null || name.EndsWith("Builder", StringComparison.Ordinal) || name.EndsWith("Stream", StringComparison.Ordinal)
                || name.EndsWith("List", StringComparison.Ordinal) || name.EndsWith("Queue", StringComparison.Ordinal) || name.EndsWith("Stack", StringComparison.Ordinal)
                || name.EndsWith("Set", StringComparison.Ordinal) || name.EndsWith("Dictionary", StringComparison.Ordinal) || name.EndsWith("Buffer", StringComparison.Ordinal);
        }

        /// <summary>A cheap syntactic filter before any binding: no <c>new</c> and no collection expression, no allocation.</summary>
        private static bool MayAllocate(SyntaxNode node)
        {
            // Every allocation spells `new` or `[` (stackalloc and collection expressions included).
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.NewKeyword) || token.IsKind(SyntaxKind.OpenBracketToken))
                    return true;
            }

            return false;
        }

        private static IMethodSymbol? ImplicitBaseConstructor(INamedTypeSymbol type)
        {
            var baseType = type.BaseType;
            if (baseType == null || type.TypeKind != TypeKind.Class)
                return null;
            return baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.All(p => p.IsOptional || p.IsParams));
        }

        private static bool IsInSource(INamedTypeSymbol? type) => type != null && type.Locations.Any(l => l.IsInSource);

        private IOperation? GetOperation(SyntaxNode node, CancellationToken cancellationToken)
        {
            return SemanticModels.For(_compilation).Get(node.SyntaxTree)?.GetOperation(node, cancellationToken);
        }

        private static long Add(long a, long b)
        {
            var sum = a + b;
            return sum < a ? long.MaxValue : sum;
        }
    }
}
