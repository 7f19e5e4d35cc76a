using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Internals.Baseline;
using Fragless.Analyzers.Rules;
using Fragless.Tool.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Tool.Reports;

/// <summary>
/// Builds the <see cref="ChurnReport"/> from analysed projects. Every answer comes from the analyzers' own model: how
/// often a site runs (<see cref="ChurnModel.Classify"/>), whether its buffer is kept (<see cref="ChurnModel.Lifetime"/>),
/// what it allocates (<see cref="BufferAllocation"/>, <see cref="AllocationSize.OfCreation"/>); nothing is worked out
/// twice here. The sites are the array, buffer and collection creations the model recognises, objects whose
/// construction allocates, and the calls a Fragless rule reports (allocating reads).
/// </summary>
internal static class ChurnReportBuilder
{
    public const int MaxCompileErrorsShown = 5;

    public static async Task<ChurnReport> BuildAsync(IEnumerable<ProjectAnalysis.Result> results, string root, string title, CancellationToken cancellationToken)
    {
        var all = results.ToList();
        var sites = new List<(string Member, ReportSite Site, int MemberLine)>();
        // A file that several target frameworks (or projects) compile is reported once, from the first.
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in all)
        {
            var done = new List<string>();
            foreach (var tree in result.Compilation.SyntaxTrees)
            {
                var path = tree.FilePath ?? string.Empty;
                if (seenFiles.Contains(path) || IsGenerated(tree, cancellationToken))
                    continue;
                done.Add(path);
                sites.AddRange(await SitesOfTreeAsync(result, tree, root, cancellationToken));
            }

            seenFiles.UnionWith(done);
        }

        var methods = sites
            .GroupBy(s => (s.Site.Path, s.Member))
            .Select(g => new ReportMethod(
                g.Key.Member,
                g.Key.Path,
                g.Min(s => s.MemberLine),
                g.Select(s => s.Site).OrderBy(s => s.Line).ThenBy(s => s.Column).ToImmutableArray()))
            .OrderByDescending(m => m.ChurnBytes)
            .ThenByDescending(m => m.UnknownSizeSiteCount)
            .ThenByDescending(m => m.ChurningSiteCount)
            .ThenBy(m => m.Path, StringComparer.Ordinal)
            .ThenBy(m => m.Line)
            .ToImmutableArray();

        var files = methods
            .GroupBy(m => m.Path)
            .Select(g => new ReportFile(g.Key, g.Sum(m => m.ChurnBytes), g.Sum(m => m.Sites.Length), g.Sum(m => m.ChurningSiteCount), g.Sum(m => m.UnknownSizeSiteCount), g.Count()))
            .OrderByDescending(f => f.ChurnBytes)
            .ThenByDescending(f => f.UnknownSizeSiteCount)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToImmutableArray();

        var errors = all.SelectMany(r => r.CompileErrors).ToList();
        return new ChurnReport(
            title,
            methods,
            files,
            Commands.Session.DescribeCompileErrors(errors, root, MaxCompileErrorsShown).ToImmutableArray(),
            Commands.Session.DistinctErrors(errors).Count());
    }

    private static async Task<List<(string Member, ReportSite Site, int MemberLine)>> SitesOfTreeAsync(ProjectAnalysis.Result result, SyntaxTree tree, string root, CancellationToken cancellationToken)
    {
        var compilation = result.Compilation;
        var options = ProjectAnalysis.OptionsFor(result.Project);
        var model = ChurnModel.For(compilation);
        var types = WellKnownTypes.For(compilation);
        var construction = model.Construction;
        var customTypeCache = new BufferTypeOption.Cache();
        var semantic = compilation.GetSemanticModel(tree);
        var syntaxRoot = await tree.GetRootAsync(cancellationToken);
        var document = result.Project.GetDocument(tree);
        var path = Path.GetRelativePath(root, tree.FilePath ?? string.Empty).Replace('\\', '/');
        var diagnostics = result.Diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
        var handled = new HashSet<Diagnostic>();
        var sites = new List<(string, ReportSite, int)>();

        var customTypes = BufferTypeOption.Resolve(options, tree, types, customTypeCache);
        var referenceSize = LargeAllocationAnalyzer.ReadReferenceSize(options, tree);
        foreach (var node in syntaxRoot.DescendantNodes())
        {
            if (!(node is ArrayCreationExpressionSyntax || node is ImplicitArrayCreationExpressionSyntax
                || node is BaseObjectCreationExpressionSyntax || node is CollectionExpressionSyntax))
            {
                continue;
            }

            var operation = semantic.GetOperation(node, cancellationToken);
            if (operation == null || operation.Type == null || operation.Type.TypeKind == TypeKind.Error || HasErrors(operation))
                continue;
            var member = ContainingMember(semantic, node, cancellationToken);
            if (member == null)
                continue;

            var allocation = BufferAllocation.TryCreate(operation, types, customTypes);
            var bytes = AllocationSize.OfCreation(allocation, operation, construction, referenceSize, cancellationToken);
            if (allocation == null && bytes == 0)
                continue; // an object that is no buffer and allocates none

            var kind = allocation?.Kind switch
            {
                BufferKind.Array => operation is IArrayCreationOperation ? "array" : "array (collection expression)",
                BufferKind.MemoryStream => "MemoryStream",
                BufferKind.StringBuilder => "StringBuilder",
                BufferKind.List => "List",
                BufferKind.Custom => "buffer type",
                _ => "object (allocates when constructed)",
            };
            var what = allocation?.Display ?? operation.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var own = diagnostics.Where(d => d.Location.SourceSpan == node.Span).ToList();
            handled.UnionWith(own);
            sites.Add(await SiteAsync(operation, operation, member, kind, what, bytes, own, path, syntaxRoot, model, options, document, cancellationToken));
        }

        // The calls the rules report (FRAG002's allocating reads): the size is known where the rule knows it (a fixed-size
        // result such as BitConverter's, or a constant ReadBytes count), else unknown.
        foreach (var group in diagnostics.Where(d => !handled.Contains(d)).GroupBy(d => d.Location.SourceSpan))
        {
            var node = syntaxRoot.FindNode(group.Key, getInnermostNodeForTie: true);
            if (!(semantic.GetOperation(node, cancellationToken) is IInvocationOperation invocation))
                continue;
            var member = ContainingMember(semantic, node, cancellationToken);
            if (member == null)
                continue;
            var flowOf = invocation.Parent is IAwaitOperation awaited ? awaited : (IOperation)invocation;
            var kind = group.Any(d => d.Id == Fragless.Analyzers.DiagnosticIds.AllocatingRead) ? "allocating call" : "call";
            var what = invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            var size = group
                .Select(d => d.Properties.TryGetValue(Fragless.Analyzers.Rules.AllocatingReadFixPlan.SizeKey, out var text) && long.TryParse(text, out var n) ? n : (long?)null)
                .FirstOrDefault(n => n != null);
            sites.Add(await SiteAsync(invocation, flowOf, member, kind, what, size, group.ToList(), path, syntaxRoot, model, options, document, cancellationToken));
        }

        return sites;
    }

    private static async Task<(string, ReportSite, int)> SiteAsync(
        IOperation operation,
        IOperation flowOf,
        ISymbol member,
        string kind,
        string what,
        long? bytes,
        List<Diagnostic> diagnostics,
        string path,
        SyntaxNode syntaxRoot,
        ChurnModel model,
        AnalyzerOptions options,
        Document? document,
        CancellationToken cancellationToken)
    {
        var execution = model.Classify(operation, member, options, cancellationToken);
        var flow = model.Lifetime(flowOf, execution, cancellationToken);
        // A field of the method's own type given a new buffer on each run drops the previous one: FRAG003's view.
        var kept = flow.Escapes && !LargeAllocationAnalyzer.ReplacesOwnField(operation, member);

        var rules = new List<SiteRule>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            FraglessRules.Instance.Descriptors.TryGetValue(diagnostic.Id, out var descriptor);
            var fix = document == null ? null : await FirstFixAsync(document, diagnostic, cancellationToken);
            rules.Add(new SiteRule(
                diagnostic.Id,
                descriptor?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? diagnostic.Id,
                string.IsNullOrEmpty(descriptor?.HelpLinkUri) ? null : descriptor!.HelpLinkUri,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                fix));
        }

        var span = operation.Syntax.GetLocation().GetLineSpan();
        var name = BaselineKey.MemberAt(syntaxRoot, operation.Syntax.SpanStart);
        if (name.Length == 0)
            name = member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var memberLine = member.Locations.FirstOrDefault(l => l.SourceTree == operation.Syntax.SyntaxTree) is { } location && name != BaselineKey.TopLevelMember
            ? location.GetLineSpan().StartLinePosition.Line + 1
            : span.StartLinePosition.Line + 1;
        var site = new ReportSite(
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            kind,
            what,
            FrequencyOf(execution.Kind),
            execution.Reason,
            kept,
            kept ? flow.EscapeReason : null,
            bytes,
            rules.ToImmutableArray())
        {
            HotWhy = execution.Kind == RunKind.HotCall ? HotWhy(execution.Hot) : null,
        };
        return (name, site, memberLine);
    }

    /// <summary>What makes the root of a hot path hot: its callers' callers are followed to it.</summary>
    private static string? HotWhy(HotMethod? hot)
    {
        if (hot == null)
            return null;
        while (hot.Via != null)
            hot = hot.Via;
        return hot.Source switch
        {
            HotSource.UnityMessage => "every frame",
            HotSource.Callback => "every event",
            HotSource.CalledInLoop => "every pass of a loop",
            _ => "every call (marked hot)",
        };
    }

    private static SiteFrequency FrequencyOf(RunKind kind) => kind switch
    {
        RunKind.Excluded => SiteFrequency.Excluded,
        RunKind.Once => SiteFrequency.Once,
        RunKind.Construction => SiteFrequency.OncePerObject,
        RunKind.PerIteration => SiteFrequency.PerIteration,
        RunKind.PerCall => SiteFrequency.PerCall,
        _ => SiteFrequency.Hot,
    };

    /// <summary>The title of the first (safest) fix a Fragless fixer registers for <paramref name="diagnostic"/>, or null.</summary>
    private static async Task<string?> FirstFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        foreach (var fixer in FraglessRules.Instance.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            string? title = null;
            var context = new CodeFixContext(document, diagnostic, (action, _) => title ??= action.Title, cancellationToken);
            await fixer.RegisterCodeFixesAsync(context);
            if (title != null)
                return title;
        }

        return null;
    }

    /// <summary>The member the code belongs to, as the analyzers see it: a lambda's or local function's code is its member's.</summary>
    private static ISymbol? ContainingMember(SemanticModel semantic, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = semantic.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            symbol = symbol.ContainingSymbol;
        return symbol is IMethodSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol ? symbol : null;
    }

    /// <summary>Half-typed code (an unknown name in the size) is left out, as the rules leave it.</summary>
    private static bool HasErrors(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type?.TypeKind == TypeKind.Error);

    /// <summary>Generated code, which the analyzers skip too: generated file names, or an &lt;auto-generated&gt; header.</summary>
    private static bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(tree.FilePath ?? string.Empty);
        if (name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var first = tree.GetRoot(cancellationToken).GetLeadingTrivia().ToFullString();
        return first.Contains("<auto-generated", StringComparison.OrdinalIgnoreCase);
    }
}
