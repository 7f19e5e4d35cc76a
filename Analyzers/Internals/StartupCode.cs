using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Which code runs once, at startup, and which runs later (possibly again and again).</summary>
    internal enum StartupKind
    {
        /// <summary>Code that runs after startup: a method, accessor, lambda or local function.</summary>
        Late,

        /// <summary>A static constructor or a static field or property initializer: runs once per type.</summary>
        TypeInitialization,

        /// <summary>An instance constructor or instance field or property initializer: judged where the object is created.</summary>
        Construction,

        /// <summary><c>Main</c>, top-level statements, a configured startup method or one marked <c>[Startup]</c>, outside loops.</summary>
        StartupMethod,
    }

    /// <summary>
    /// Which members are startup code by what they are: initializers, constructors, <c>Main</c>, top-level statements,
    /// configured startup methods and <c>[Startup]</c>. <see cref="ChurnModel"/> builds on it.
    /// </summary>
    internal static class StartupCode
    {
        public static readonly ImmutableArray<string> DefaultStartupMethods =
            ImmutableArray.Create("Main", "Setup", "Initialize", "Init", "Awake", "Start", "OnStart");

        /// <summary>Reads <c>fragless.startup_methods</c>: method names (or <c>Type.Method</c>); malformed entries are dropped, and none left means the default.</summary>
        public static ImmutableArray<string> ReadStartupMethods(AnalyzerOptions options, SyntaxTree tree)
        {
            var list = AnalyzerOptionsReader.GetList(options, tree, OptionKeys.StartupMethods);
            var valid = list.Where(IsValidEntry).ToImmutableArray();
            return valid.IsEmpty ? DefaultStartupMethods : valid;
        }

        /// <summary>A method name, or <c>Type.Method</c>: the entries of <c>fragless.startup_methods</c> and <c>fragless.hot_methods</c>.</summary>
        internal static bool IsValidEntry(string entry)
        {
            var parts = entry.Split('.');
            return parts.Length <= 2 && parts.All(p => SyntaxFacts.IsValidIdentifier(p));
        }

        /// <summary>
        /// How the member containing <paramref name="operation"/> relates to startup, whatever loops or lambdas the
        /// operation is in (<see cref="ChurnModel"/> judges those).
        /// </summary>
        public static StartupKind ClassifyMember(ISymbol containingSymbol, SyntaxNode syntax, ImmutableArray<string> startupMethods)
        {
            switch (containingSymbol)
            {
                case IFieldSymbol field:
                    return field.IsStatic ? StartupKind.TypeInitialization : StartupKind.Construction;
                case IPropertySymbol property:
                    // A property initializer (an accessor's body has the accessor method as its container).
                    return property.IsStatic ? StartupKind.TypeInitialization : StartupKind.Construction;
                case IMethodSymbol method:
                    switch (method.MethodKind)
                    {
                        case MethodKind.StaticConstructor:
                            return StartupKind.TypeInitialization;
                        case MethodKind.Constructor:
                            return StartupKind.Construction;
                    }

                    return IsStartupMethod(method, syntax, startupMethods) ? StartupKind.StartupMethod : StartupKind.Late;
                default:
                    return StartupKind.Late;
            }
        }

        /// <summary><c>Main</c> or top-level statements: whose loops are the program's main loop.</summary>
        public static bool IsEntryPoint(ISymbol member, SyntaxNode syntax)
        {
            return member is IMethodSymbol method && (method.Name == "<Main>$" || method.IsStatic && method.Name == "Main")
                || IsInTopLevelStatements(syntax);
        }

        /// <summary>Inside top-level statements: only a file whose root holds global statements is walked up.</summary>
        private static bool IsInTopLevelStatements(SyntaxNode syntax)
        {
            if (!(syntax.SyntaxTree.GetRoot() is CompilationUnitSyntax unit))
                return false;
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                    return syntax.FirstAncestorOrSelf<GlobalStatementSyntax>() != null;
            }

            return false;
        }

        /// <summary>Whether a list of method names (or <c>Type.Method</c>) names <paramref name="method"/>.</summary>
        internal static bool IsListed(IMethodSymbol method, ImmutableArray<string> entries)
        {
            foreach (var entry in entries)
            {
                var dot = entry.IndexOf('.');
                if (dot < 0 ? entry == method.Name : entry.Substring(dot + 1) == method.Name && entry.Substring(0, dot) == method.ContainingType?.Name)
                    return true;
            }

            return false;
        }

        private static bool IsStartupMethod(IMethodSymbol method, SyntaxNode syntax, ImmutableArray<string> startupMethods)
        {
            if (method.MethodKind != MethodKind.Ordinary)
                return false;

            // Top-level statements (the synthesized entry point) and the entry point itself.
            if (method.Name == "<Main>$" || IsInTopLevelStatements(syntax))
                return true;
            if (method.IsStatic && method.Name == "Main")
                return true;

            if (IsListed(method, startupMethods))
                return true;

            foreach (var attribute in method.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == "Startup" || name == "StartupAttribute")
                    return true;
            }

            return false;
        }
    }
}
