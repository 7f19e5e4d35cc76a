using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers;
using Fragless.CodeFixes.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.CodeFixes.Rules
{
    /// <summary>
    /// FRAG005 fixes, the same two FRAG003 has: allocate the buffer once in a <c>readonly</c> field and give it back
    /// the state of a new one on each call, or allocate it from an arena in a scope around the method body. The
    /// analyzer decides when each keeps behaviour (not for code that may run re-entrantly or on two threads).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HotPathAllocationFixer))]
    [Shared]
    public sealed class HotPathAllocationFixer : CodeFixProvider
    {
        public const string AllocateOnceInFieldKey = "FRAG005.AllocateOnceInField";
        public const string AllocateFromArenaKey = "FRAG005.AllocateFromArena";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.HotPathAllocation);

        public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Create(GetVariants, ApplyAsync);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (HasVariant(diagnostic, AllocateOnceInFieldKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Allocate once in a field",
                            ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, AllocateOnceInFieldKey, ct),
                            AllocateOnceInFieldKey),
                        diagnostic);
                }

                if (HasVariant(diagnostic, AllocateFromArenaKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Allocate from arena",
                            ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic, AllocateFromArenaKey, ct),
                            AllocateFromArenaKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>The fixes a diagnostic offers, first the one Fix All and <c>dotnet format</c> apply.</summary>
        private static ImmutableArray<string> GetVariants(Diagnostic diagnostic)
        {
            var variants = ImmutableArray.CreateBuilder<string>(2);
            if (HasVariant(diagnostic, AllocateOnceInFieldKey))
                variants.Add(AllocateOnceInFieldKey);
            if (HasVariant(diagnostic, AllocateFromArenaKey))
                variants.Add(AllocateFromArenaKey);
            return variants.ToImmutable();
        }

        private static bool HasVariant(Diagnostic diagnostic, string equivalenceKey) => LargeAllocationFixer.HasVariant(diagnostic, Shared(equivalenceKey));

        private static Task<Document> ApplyAsync(Document document, TextSpan span, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
            => LargeAllocationFixer.ApplyAsync(document, span, diagnostic, Shared(equivalenceKey), cancellationToken);

        /// <summary>The FRAG003 variant that does the same thing.</summary>
        private static string Shared(string equivalenceKey)
        {
            switch (equivalenceKey)
            {
                case AllocateOnceInFieldKey:
                    return LargeAllocationFixer.AllocateOnceInFieldKey;
                case AllocateFromArenaKey:
                    return LargeAllocationFixer.AllocateFromArenaKey;
                default:
                    return string.Empty;
            }
        }
    }
}
