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

/// <summary>Leaves code that does not compile (CS0103).</summary>
public sealed class CompileErrorFix : ByteArrayFixBase
{
    protected override (string, string, Func<string, string>)[] Actions => new (string, string, Func<string, string>)[]
    {
        ("Call an undefined method", "Undefined", size => $"UndefinedAllocate({size})"),
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

/// <summary>Wraps the size in parentheses: the diagnostic never goes away.</summary>
public sealed class LoopingFix : ByteArrayFixBase
{
    protected override (string, string, Func<string, string>)[] Actions => new (string, string, Func<string, string>)[]
    {
        ("Parenthesize", "Parenthesize", size => $"new byte[({size})]"),
    };
}

/// <summary>Offers nothing.</summary>
public sealed class NoActionFix : ByteArrayFixBase
{
    protected override (string, string, Func<string, string>)[] Actions => Array.Empty<(string, string, Func<string, string>)>();
}

/// <summary>One-by-one it behaves like <see cref="AllocateArrayFix"/>; its FixAll produces different code.</summary>
public sealed class InconsistentFixAllFix : ByteArrayFixBase
{
    protected override (string, string, Func<string, string>)[] Actions => new (string, string, Func<string, string>)[]
    {
        ("Use GC.AllocateArray", "AllocateArray", size => $"System.GC.AllocateArray<byte>({size})"),
    };

    public override FixAllProvider? GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var nodes = diagnostics.Select(d => root!.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true))
            .OfType<ArrayCreationExpressionSyntax>()
            .ToList();
        var newRoot = root!.ReplaceNodes(nodes, (original, _) =>
        {
            ByteArrayAnalyzer.IsByteArrayWithSize(original, out var size);
            return SyntaxFactory.ParseExpression($"System.GC.AllocateUninitializedArray<byte>({size})").WithTriviaFrom(original);
        });
        return document.WithSyntaxRoot(newRoot);
    });
}

/// <summary>Produces a tree that prints as <c>n * 2 + 1</c> but is really <c>n * (2 + 1)</c>: it does not round-trip.</summary>
public sealed class NonRoundTrippingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ByteArrayAnalyzer.Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var creation = root!.FindNode(context.Span, getInnermostNodeForTie: true) as ArrayCreationExpressionSyntax;
        if (creation is null || !ByteArrayAnalyzer.IsByteArrayWithSize(creation, out var size))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Bad tree",
                _ =>
                {
                    // Binary expression built without parentheses around the inner sum.
                    var sum = SyntaxFactory.BinaryExpression(
                        SyntaxKind.AddExpression,
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(2)),
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
                    var product = SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, size.WithoutTrivia(), sum);
                    var call = SyntaxFactory.ParseExpression("System.GC.AllocateArray<byte>(0)") as InvocationExpressionSyntax;
                    var replaced = call!.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(product))))
                        .WithTriviaFrom(creation);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, replaced)));
                },
                "BadTree"),
            context.Diagnostics);
    }
}
