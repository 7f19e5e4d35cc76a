using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Tests.Verifiers;
using Fragless.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// Consistency of the whole catalogue: every analyzer, fixer, rule ID, doc page, release-tracking line,
/// README row and option fit together. These replace banned-API analyzers, which are not available here.
/// </summary>
public class RuleCatalogTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(DiagnosticIds).Assembly;
    private static readonly Assembly FixerAssembly = typeof(BufferAllocationInLoopFixer).Assembly;

    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in GetAnalyzerTypes())
            data.Add(type.FullName!);
        return data;
    }

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in GetDescriptors().Select(d => d.Id).Distinct())
            data.Add(id);
        return data;
    }

    public static TheoryData<string> FixerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in GetFixerTypes())
            data.Add(type.FullName!);
        return data;
    }

    [Fact]
    public void ThereAreRules()
    {
        Assert.NotEmpty(GetAnalyzerTypes());
        Assert.NotEmpty(GetFixerTypes());
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_IsSealedCSharpConcurrentAndSkipsGeneratedCode(string typeName)
    {
        var type = AnalyzerAssembly.GetType(typeName)!;
        Assert.True(type.IsSealed, $"{type.Name} must be sealed");
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);

        var context = new RecordingAnalysisContext();
        ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).Initialize(context);
        Assert.True(context.ConcurrentExecutionEnabled, $"{type.Name} must call EnableConcurrentExecution");
        Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCodeFlags);
    }

    [Theory]
    [MemberData(nameof(FixerTypes))]
    public void Fixer_IsSealedExportedUnderItsOwnNameSharedAndSupportsFixAll(string typeName)
    {
        var type = FixerAssembly.GetType(typeName)!;
        Assert.True(type.IsSealed, $"{type.Name} must be sealed");
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Equal(type.Name, export!.Name);
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());

        var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotNull(fixer.GetFixAllProvider());
        var known = GetDescriptors().Select(d => d.Id).ToHashSet();
        Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, known));
    }

    /// <summary>
    /// IDs set aside for rules another change adds; the only gaps allowed in the sequence. Remove an ID from here in
    /// the change that declares it.
    /// </summary>
    private static readonly string[] ReservedIds = Array.Empty<string>();

    [Fact]
    public void RuleIds_AreUniqueContiguousAndDeclaredInDiagnosticIds()
    {
        var declared = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.All(declared, id => Assert.Matches("^FRAG[0-9]{3}$", id));

        Assert.All(ReservedIds, id => Assert.DoesNotContain(id, declared));
        var numbers = declared.Concat(ReservedIds).Select(id => int.Parse(id.Substring(4))).OrderBy(n => n).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);

        var reported = GetDescriptors().Select(d => d.Id).Distinct().OrderBy(id => id);
        Assert.Equal(declared.OrderBy(id => id), reported);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HelpLinkPointsAtItsDoc(string id)
    {
        foreach (var descriptor in GetDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(RuleDescriptors.DocumentationRoot + id + ".md", descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasADocWithTheStandardSections(string id)
    {
        var path = Path.Combine(TestReferences.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"missing {path}");
        var text = File.ReadAllText(path);
        Assert.StartsWith("# " + id + ":", text);
        foreach (var heading in new[] { "## Cause", "## Why it fragments the heap", "## How to fix violations", "## Options", "## When to suppress warnings" })
            Assert.Contains(heading, text);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasAReleaseTrackingLine(string id)
    {
        var shipped = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "Analyzers", "AnalyzerReleases.Shipped.md"));
        var unshipped = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var descriptor = GetDescriptors().First(d => d.Id == id);
        var line = new Regex("^" + id + @"\s*\|\s*" + descriptor.Category + @"\s*\|\s*" + descriptor.DefaultSeverity + @"\s*\|", RegexOptions.Multiline);
        Assert.True(line.IsMatch(shipped) || line.IsMatch(unshipped), $"no release-tracking line for {id} with its category and severity");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasAReadmeRowLinkingItsDoc(string id)
    {
        var readme = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "README.md"));
        var descriptor = GetDescriptors().First(d => d.Id == id);
        var row = readme.Split('\n').FirstOrDefault(l => l.StartsWith("| " + id + " |", StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Contains(descriptor.Title.ToString(), row);
        Assert.Contains(descriptor.DefaultSeverity.ToString(), row);
        Assert.Contains("docs/rules/" + id + ".md", row);
    }

    [Fact]
    public void EveryOption_IsDocumentedInARuleDocAndTheReadme()
    {
        var keys = typeof(OptionKeys).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(keys);

        var docs = string.Join("\n", Directory.GetFiles(Path.Combine(TestReferences.RepositoryRoot, "docs", "rules"), "*.md").Select(File.ReadAllText));
        var readme = File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, "README.md"));
        Assert.All(keys, key =>
        {
            Assert.StartsWith("fragless.", key);
            Assert.Contains("`" + key + "`", docs);
            Assert.Contains("`" + key + "`", readme);
        });
    }

    private static IEnumerable<Type> GetAnalyzerTypes()
        => AnalyzerAssembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract);

    private static IEnumerable<Type> GetFixerTypes()
        => FixerAssembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract);

    private static IEnumerable<DiagnosticDescriptor> GetDescriptors()
        => GetAnalyzerTypes().SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
}
