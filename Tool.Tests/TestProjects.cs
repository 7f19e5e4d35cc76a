using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fragless.Tool.Analysis;
using Fragless.Tool.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Tool.Tests;

/// <summary>In-memory projects (an AdhocWorkspace against the running framework's assemblies), analysed as the tool analyses loaded ones.</summary>
internal static class TestProjects
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "fragless-tool-tests");

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());

    /// <summary>Analyses <paramref name="files"/> (name → source) as one project and builds its report.</summary>
    public static async Task<ChurnReport> ReportAsync(OutputKind kind, params (string Name, string Source)[] files)
    {
        var result = await AnalyzeAsync(kind, files);
        return await ChurnReportBuilder.BuildAsync(new[] { result }, Root, "Sample", CancellationToken.None);
    }

    /// <summary>Analyses <paramref name="files"/> (name → source) as one project, as the tool analyses a loaded one.</summary>
    public static async Task<ProjectAnalysis.Result> AnalyzeAsync(OutputKind kind, params (string Name, string Source)[] files)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Sample",
            "Sample",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: s_references.Value));
        foreach (var (name, source) in files)
        {
            var document = DocumentInfo.Create(
                DocumentId.CreateNewId(project.Id),
                name,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
                filePath: Path.Combine(Root, name));
            project = workspace.AddDocument(document).Project;
        }

        var result = await ProjectAnalysis.RunAsync(project, new HashSet<string>(), CancellationToken.None);
        Assert.Empty(result.AnalyzerFailures);
        return result;
    }

    public static Task<ChurnReport> ReportAsync(string source) => ReportAsync(OutputKind.DynamicallyLinkedLibrary, ("Sample.cs", source));

    public static ReportMethod Method(this ChurnReport report, string name) =>
        report.Methods.SingleOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException("no method '" + name + "' among " + string.Join(", ", report.Methods.Select(m => m.Name)));
}
