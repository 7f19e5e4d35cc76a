using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// The baseline entry of a diagnostic, worked out from syntax alone (the analyzers and the <c>fragless</c> tool
    /// must agree on it, and neither may need a semantic model for it): the file relative to the baseline's folder,
    /// the containing member as <c>Type.Method(ParameterTypes)</c>, the line's text with whitespace collapsed, and
    /// which of the member's lines with that text it is.
    /// </summary>
    internal static class BaselineKey
    {
        public const string TopLevelMember = "<top-level statements>";

        /// <summary>
        /// The entry for <paramref name="diagnostic"/>, or null when it is not in source. The message (for people reading
        /// the file, not part of the key) only when the entry is to be written.
        /// </summary>
        public static BaselineEntry? For(Diagnostic diagnostic, string baselineDirectory, bool withMessage = false)
        {
            var location = diagnostic.Location;
            var tree = location.SourceTree;
            if (tree == null || !location.IsInSource)
                return null;

            var text = tree.GetText();
            var root = tree.GetRoot();
            var start = Math.Min(location.SourceSpan.Start, Math.Max(0, text.Length - 1));
            var lineNumber = text.Lines.GetLineFromPosition(start).LineNumber;
            var code = Normalize(text.Lines[lineNumber].ToString());

            var member = FindMember(root, start);
            var scope = member?.Span ?? root.FullSpan;
            var firstLine = text.Lines.GetLineFromPosition(Math.Min(scope.Start, text.Length)).LineNumber;
            var occurrence = 0;
            for (var i = firstLine; i < lineNumber; i++)
            {
                if (string.Equals(Normalize(text.Lines[i].ToString()), code, StringComparison.Ordinal))
                    occurrence++;
            }

            return new BaselineEntry(
                RelativePath(tree.FilePath, baselineDirectory),
                diagnostic.Id,
                member == null ? string.Empty : MemberName(member),
                code,
                occurrence,
                withMessage ? diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        /// <summary>Trimmed, each run of whitespace one space.</summary>
        public static string Normalize(string line)
        {
            var builder = new StringBuilder(line.Length);
            var space = false;
            foreach (var c in line.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                    builder.Append(' ');
                space = false;
                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary><paramref name="path"/> relative to <paramref name="directory"/>, with '/' separators.</summary>
        public static string RelativePath(string? path, string? directory)
        {
            var file = (path ?? string.Empty).Replace('\\', '/');
            var folder = (directory ?? string.Empty).Replace('\\', '/').TrimEnd('/');
            if (folder.Length == 0 || file.Length == 0)
                return file;

            var fileParts = file.Split('/');
            var folderParts = folder.Split('/');
            var common = 0;
            while (common < fileParts.Length - 1 && common < folderParts.Length
                && string.Equals(fileParts[common], folderParts[common], StringComparison.OrdinalIgnoreCase))
            {
                common++;
            }

            // Nothing in common (another drive, or a relative path): keep the path as it is.
            if (common == 0)
                return file;

            var builder = new StringBuilder();
            for (var i = common; i < folderParts.Length; i++)
                builder.Append("../");
            builder.Append(string.Join("/", fileParts.Skip(common)));
            return builder.ToString();
        }

        /// <summary>The name an entry gives the member at <paramref name="position"/> (empty outside members), for the tool's report.</summary>
        public static string MemberAt(SyntaxNode root, int position)
        {
            var member = FindMember(root, position);
            return member == null ? string.Empty : MemberName(member);
        }

        private static SyntaxNode? FindMember(SyntaxNode root, int position)
        {
            var token = root.FindToken(position, findInsideTrivia: false);
            SyntaxNode? found = null;
            for (var node = token.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case GlobalStatementSyntax _:
                        return node;
                    case BaseMethodDeclarationSyntax _:
                    case BasePropertyDeclarationSyntax _:
                    case BaseFieldDeclarationSyntax _:
                        // The outermost member: a local function's or lambda's code belongs to the member around it.
                        found = node;
                        break;
                    case BaseTypeDeclarationSyntax _ when found == null:
                    case DelegateDeclarationSyntax _ when found == null:
                        return node;
                }
            }

            return found;
        }

        private static string MemberName(SyntaxNode member)
        {
            if (member is GlobalStatementSyntax)
                return TopLevelMember;

            var builder = new StringBuilder();
            var types = member.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Reverse();
            foreach (var type in types)
            {
                if (builder.Length > 0)
                    builder.Append('.');
                builder.Append(type.Identifier.ValueText);
                if (type is TypeDeclarationSyntax generic && generic.TypeParameterList != null)
                    builder.Append('`').Append(generic.TypeParameterList.Parameters.Count);
            }

            var name = MemberPart(member);
            if (name.Length == 0)
                return builder.ToString();
            return builder.Length == 0 ? name : builder.Append('.').Append(name).ToString();
        }

        private static string MemberPart(SyntaxNode member)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText + (method.TypeParameterList != null ? "`" + method.TypeParameterList.Parameters.Count : string.Empty) + Parameters(method.ParameterList);
                case ConstructorDeclarationSyntax ctor:
                    return (ctor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(ctor.ParameterList);
                case DestructorDeclarationSyntax _:
                    return "Finalize()";
                case OperatorDeclarationSyntax op:
                    return "operator " + op.OperatorToken.ValueText + Parameters(op.ParameterList);
                case ConversionOperatorDeclarationSyntax conversion:
                    return "operator " + conversion.ImplicitOrExplicitKeyword.ValueText + " " + Type(conversion.Type) + Parameters(conversion.ParameterList);
                case IndexerDeclarationSyntax indexer:
                    return "this[" + string.Join(",", indexer.ParameterList.Parameters.Select(p => Type(p.Type))) + "]";
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case EventDeclarationSyntax e:
                    return e.Identifier.ValueText;
                case BaseFieldDeclarationSyntax field:
                    return string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                default:
                    return string.Empty;
            }
        }

        private static string Parameters(ParameterListSyntax? list) =>
            "(" + (list == null ? string.Empty : string.Join(",", list.Parameters.Select(p => Type(p.Type)))) + ")";

        private static string Type(TypeSyntax? type) => type == null ? string.Empty : Normalize(type.ToString()).Replace(" ", string.Empty);
    }
}
