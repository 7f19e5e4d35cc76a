using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fragless.Analyzers.Tests.Verifiers.Tests;

// Small code fixes that exist only to exercise the verifier. Each rewrites the flagged `new byte[n]`.

/// <summary>Base: offers one action per (title, key, replacement) for TEST001.</summary>
public abstract class ByteArrayFixBase : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ByteArrayAnalyzer.Id);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>(title, equivalence key, replacement text given the size text).</summary>
    protected abstract (string Title, string Key, Func<string, string> Replacement)[] Actions { get; }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var creation = root!.FindNode(context.Span, getInnermostNodeForTie: true)
            .AncestorsAndSelf().OfType<ArrayCreationExpressionSyntax>().FirstOrDefault();
        if (creation is null || !ByteArrayAnalyzer.IsByteArrayWithSize(creation, out var size))
        {
            return;
        }

        foreach (var (title, key, replacement) in Actions)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, creation, replacement(size.ToString()), ct), key),
                context.Diagnostics);
        }
    }

    protected static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var expression = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(node);
        return document.WithSyntaxRoot(root!.ReplaceNode(node, expression));
    }
}

/// <summary>Correct fix: <c>System.GC.AllocateArray&lt;byte&gt;(n)</c>; second action <c>((byte[])System.Array.CreateInstance(typeof(byte), n))</c>.</summary>
public sealed class AllocateArrayFix : ByteArrayFixBase
{
    public const string AllocateArrayKey = "AllocateArray";
    public const string CreateInstanceKey = "CreateInstance";

    protected override (string, string, Func<string, string>)[] Actions => new (string, string, Func<string, string>)[]
    {
        ("Use GC.AllocateArray", AllocateArrayKey, size => $"System.GC.AllocateArray<byte>({size})"),
        ("Use Array.CreateInstance", CreateInstanceKey, size => $"((byte[])System.Array.CreateInstance(typeof(byte), {size}))"),
    };
}

/// <summary>Compiles but allocates one byte more, so the program prints something else.</summary>
public sealed class OutputChangingFix : ByteArrayFixBase
{
    protected override (string, string, Func<string, string>)[] Actions => new (string, string, Func<string, string>)[]
    {
        ("Allocate one more", "OneMore", size => $"System.GC.AllocateArray<byte>({size} + 1)"),
    };
}
