using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// Compares two trees node by node and token by token (kinds, token text, missing tokens), ignoring trivia.
/// Unlike <see cref="SyntaxNode.IsEquivalentTo(SyntaxNode, bool)"/> it does not depend on how internal
/// lists are stored, which differs between a parsed tree and an equally valid edited one.
/// </summary>
internal static class SyntaxShape
{
    public static bool AreSame(SyntaxNode expected, SyntaxNode actual)
    {
        var left = expected.DescendantNodesAndTokensAndSelf().ToList();
        var right = actual.DescendantNodesAndTokensAndSelf().ToList();
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (left[i].RawKind != right[i].RawKind || left[i].IsToken != right[i].IsToken)
            {
                return false;
            }

            if (left[i].IsToken)
            {
                var a = left[i].AsToken();
                var b = right[i].AsToken();
                if (a.Text != b.Text || a.IsMissing != b.IsMissing)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
