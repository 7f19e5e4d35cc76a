using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Corpus
{
    /// <summary>One group of .cs files compiled together.</summary>
    internal sealed class CorpusProject
    {
        public CorpusProject(string name, string directory, string? projectFile, bool isUnity)
        {
            Name = name;
            Directory = directory;
            ProjectFile = projectFile;
            IsUnity = isUnity;
        }

        public string Name { get; }
        public string Directory { get; }
        public string? ProjectFile { get; }
        public bool IsUnity { get; }
        public bool IsNanoFramework => ProjectFile != null && ProjectFile.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase);
        public List<string> Files { get; } = new List<string>();
        public Dictionary<string, string> Properties { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public List<string> ProjectReferences { get; } = new List<string>();
        /// <summary>The <c>PackageReference</c> IDs of the project file and what it imports.</summary>
        public List<string> PackageReferences { get; } = new List<string>();
        public List<string> UnresolvedReferences { get; } = new List<string>();
        public ProjectId? Id { get; set; }
        public int Lines { get; set; }
        public int NonBlankLines { get; set; }
    }

    /// <summary>Settings shared by every command that builds compilations.</summary>
    internal sealed class LoadSettings
    {
        public List<string> ExtraDefines { get; } = new List<string>();

        /// <summary>Folders of another repository's source (e.g. the contracts a corpus codes against), each compiled
        /// as one project that every corpus project references; never analysed, in the order given.</summary>
        public List<string> ReferenceSources { get; } = new List<string>();
    }

    /// <summary>Finds the projects of a corpus folder and puts them into a workspace.</summary>
    internal static class CorpusLoader
    {
        private static readonly HashSet<string> SkippedDirectories = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "obj", "bin", ".git", ".vs", "node_modules" };

        public static readonly string[] UnityDefines =
        {
            "UNITY_5_3_OR_NEWER", "UNITY_5_4_OR_NEWER", "UNITY_5_5_OR_NEWER", "UNITY_5_6_OR_NEWER",
            "UNITY_2017_1_OR_NEWER", "UNITY_2017_2_OR_NEWER", "UNITY_2017_3_OR_NEWER", "UNITY_2017_4_OR_NEWER",
            "UNITY_2018_1_OR_NEWER", "UNITY_2018_2_OR_NEWER", "UNITY_2018_3_OR_NEWER", "UNITY_2018_4_OR_NEWER",
            "UNITY_2019_1_OR_NEWER", "UNITY_2019_2_OR_NEWER", "UNITY_2019_3_OR_NEWER", "UNITY_2019_4_OR_NEWER",
            "UNITY_2020_1_OR_NEWER", "UNITY_2020_2_OR_NEWER", "UNITY_2020_3_OR_NEWER",
            "UNITY_2021_1_OR_NEWER", "UNITY_2021_2_OR_NEWER", "UNITY_2021_3_OR_NEWER", "UNITY_2021_3",
            "UNITY_STANDALONE", "UNITY_STANDALONE_WIN", "ENABLE_MONO", "ENABLE_LEGACY_INPUT_MANAGER",
            "NET_STANDARD_2_0", "NET_STANDARD", "NETSTANDARD", "NETSTANDARD2_0", "CSHARP_7_3_OR_NEWER", "TRACE",
            // Deliberately absent: UNITY_EDITOR, DEVELOPMENT_BUILD, DEBUG (a release player build).
        };

        public static readonly string[] NetDefines =
        {
            "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
            "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        };

        public static readonly string[] NanoFrameworkDefines = { "TRACE", "NANOFRAMEWORK_1_0" };

        public static bool IsUnityFolder(string root) => System.IO.Directory.Exists(Path.Combine(root, "Assets"));

        public static List<CorpusProject> Discover(string root)
        {
            root = Path.GetFullPath(root);
            var projects = new List<CorpusProject>();
            if (IsUnityFolder(root))
            {
                var game = new CorpusProject("Assets", Path.Combine(root, "Assets"), null, isUnity: true);
                game.Files.AddRange(System.IO.Directory.EnumerateFiles(game.Directory, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
                projects.Add(game);
            }
            else
            {
                var loose = new CorpusProject("(loose)", root, null, isUnity: false);
                Walk(root, root, null, projects, loose);
                if (loose.Files.Count > 0)
                    projects.Add(loose);
                foreach (var project in projects)
                    ReadProjectFile(project, root);
                var byFile = projects.Where(p => p.ProjectFile != null).ToDictionary(p => Normalize(p.ProjectFile!), StringComparer.Ordinal);
                foreach (var project in projects)
                {
                    var resolved = project.ProjectReferences.Where(r => byFile.ContainsKey(Normalize(r))).Select(Normalize).Distinct().ToList();
                    project.UnresolvedReferences.AddRange(project.ProjectReferences.Where(r => !byFile.ContainsKey(Normalize(r))));
                    project.ProjectReferences.Clear();
                    project.ProjectReferences.AddRange(resolved.Where(r => r != Normalize(project.ProjectFile ?? "")));
                }
            }

            foreach (var project in projects)
            {
                foreach (var file in project.Files)
                {
                    foreach (var line in File.ReadLines(file))
                    {
                        project.Lines++;
                        if (!string.IsNullOrWhiteSpace(line))
                            project.NonBlankLines++;
                    }
                }
            }

            return projects;
        }

        private static string Normalize(string path) => Path.GetFullPath(path.Replace('\\', '/'));

        private static void Walk(string root, string directory, CorpusProject? current, List<CorpusProject> projects, CorpusProject loose)
        {
            var projectFiles = System.IO.Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal)
                .ToList();
            if (projectFiles.Count > 0)
            {
                var name = Path.GetRelativePath(root, directory);
                current = new CorpusProject(name == "." ? Path.GetFileName(root) : name, directory, projectFiles[0], isUnity: false);
                projects.Add(current);
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
                (current ?? loose).Files.Add(file);

            foreach (var sub in System.IO.Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (SkippedDirectories.Contains(Path.GetFileName(sub)))
                    continue;
                if ((File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0)
                    continue;
                Walk(root, sub, current, projects, loose);
            }
        }

        // ---- A small, forgiving MSBuild reader: properties and ProjectReference items, from the nearest
        // Directory.Build.props (and what it imports) and the project file. Conditions are ignored except that a
        // conditional property never overwrites one already set.

        private static void ReadProjectFile(CorpusProject project, string root)
        {
            if (project.ProjectFile == null)
                return;
            var props = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["MSBuildProjectDirectory"] = project.Directory,
                ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(project.ProjectFile),
                ["MSBuildProjectFile"] = Path.GetFileName(project.ProjectFile),
                ["Configuration"] = "Release",
            };
            var refs = new List<string>();
            var packages = new List<string>();
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var buildProps = FindAbove(project.Directory, root, "Directory.Build.props");
            if (buildProps != null)
                ReadMsBuildFile(buildProps, project.Directory, root, props, refs, packages, visited);
            ReadMsBuildFile(project.ProjectFile, project.Directory, root, props, refs, packages, visited);
            project.Properties = props;
            project.ProjectReferences.AddRange(refs);
            project.PackageReferences.AddRange(packages.Distinct(StringComparer.OrdinalIgnoreCase));
        }

        private static string? FindAbove(string directory, string root, string fileName)
        {
            for (var dir = directory; dir != null && dir.StartsWith(root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, fileName);
                if (File.Exists(candidate))
                    return candidate;
            }

            return null;
        }

        private static void ReadMsBuildFile(string file, string projectDir, string root, Dictionary<string, string> props, List<string> refs, List<string> packages, HashSet<string> visited)
        {
            if (!visited.Add(file))
                return;
            XDocument doc;
            try
            {
                doc = XDocument.Load(file);
            }
            catch (Exception)
            {
                return;
            }

            var thisDir = Path.GetDirectoryName(file)! + "/";
            foreach (var element in doc.Root?.Elements() ?? Enumerable.Empty<XElement>())
            {
                var kind = element.Name.LocalName;
                if (kind == "PropertyGroup")
                {
                    foreach (var prop in element.Elements())
                    {
                        var name = prop.Name.LocalName;
                        var conditional = prop.Attribute("Condition") != null || element.Attribute("Condition") != null;
                        if (conditional && props.ContainsKey(name))
                            continue;
                        props[name] = Expand(prop.Value.Trim(), props, thisDir);
                    }
                }
                else if (kind == "Import")
                {
                    var raw = element.Attribute("Project")?.Value ?? string.Empty;
                    if (raw.Contains("GetPathOfFileAbove", StringComparison.OrdinalIgnoreCase))
                    {
                        var parent = Path.GetDirectoryName(Path.GetDirectoryName(file)!);
                        var above = parent == null ? null : FindAbove(parent, root, "Directory.Build.props");
                        if (above != null)
                            ReadMsBuildFile(above, projectDir, root, props, refs, packages, visited);
                        continue;
                    }

                    var path = Expand(raw, props, thisDir);
                    if (path.Length == 0 || path.Contains('*'))
                        continue;
                    var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path.Replace('\\', '/')));
                    if (File.Exists(full) && full.StartsWith(root, StringComparison.Ordinal))
                        ReadMsBuildFile(full, projectDir, root, props, refs, packages, visited);
                }
                else if (kind == "ItemGroup")
                {
                    foreach (var item in element.Elements().Where(e => e.Name.LocalName == "ProjectReference"))
                    {
                        var include = Expand(item.Attribute("Include")?.Value ?? string.Empty, props, thisDir);
                        foreach (var part in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                            refs.Add(Path.GetFullPath(Path.Combine(projectDir, part.Replace('\\', '/'))));
                    }

                    foreach (var item in element.Elements().Where(e => e.Name.LocalName == "PackageReference"))
                    {
                        var include = Expand(item.Attribute("Include")?.Value ?? string.Empty, props, thisDir).Trim();
                        if (include.Length > 0)
                            packages.Add(include);
                    }
                }
            }
        }

        private static readonly Regex PropertyPattern = new Regex(@"\$\(([A-Za-z_][A-Za-z0-9_.\-]*)\)", RegexOptions.Compiled);

        private static string Expand(string value, Dictionary<string, string> props, string thisDir)
        {
            for (var i = 0; i < 8 && value.Contains("$(", StringComparison.Ordinal); i++)
            {
                value = PropertyPattern.Replace(value, m =>
                {
                    var name = m.Groups[1].Value;
                    if (name.Equals("MSBuildThisFileDirectory", StringComparison.OrdinalIgnoreCase))
                        return thisDir;
                    return props.TryGetValue(name, out var v) ? v : string.Empty;
                });
            }

            return value;
        }

        // ---- References

        public static IReadOnlyList<MetadataReference> NetReferences()
        {
            var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
            var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            var version = System.IO.Directory.EnumerateDirectories(packs)
                .Select(Path.GetFileName)
                .Where(v => v != null && v.StartsWith("10.", StringComparison.Ordinal))
                .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
                .FirstOrDefault()
                ?? throw new InvalidOperationException("No Microsoft.NETCore.App.Ref 10.x pack under " + packs);
            var refDir = Path.Combine(packs, version, "ref", "net10.0");
            return System.IO.Directory.EnumerateFiles(refDir, "*.dll").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
        }

        public static MetadataReference UnityStubReference(IReadOnlyList<MetadataReference> netReferences)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UnityStubs.cs")
                ?? throw new InvalidOperationException("UnityStubs.cs is not embedded");
            var text = SourceText.From(stream);
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "UnityStubs.cs");
            var compilation = CSharpCompilation.Create("UnityEngine", new[] { tree }, netReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
                throw new InvalidOperationException("The Unity stubs do not compile:" + Environment.NewLine + errors);
            }

            return MetadataReference.CreateFromImage(image.ToArray(), filePath: "UnityEngine.dll");
        }

        /// <summary>
        /// The assembly a package brings that decides what the analyzers take the project to be (a test assembly,
        /// build-time code), or null. No package is restored; an empty assembly of that name stands in for it.
        /// </summary>
        public static string? StandInAssembly(string package)
        {
            if (package.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase))
                return package.EndsWith("Analyzers", StringComparison.OrdinalIgnoreCase) ? null : "Microsoft.CodeAnalysis"; // analyzer packages add no reference
            if (package.Equals("Microsoft.Build", StringComparison.OrdinalIgnoreCase) || package.Equals("Microsoft.Build.Framework", StringComparison.OrdinalIgnoreCase)
                || package.Equals("Microsoft.Build.Utilities.Core", StringComparison.OrdinalIgnoreCase))
                return package;
            if (package.Equals("xunit", StringComparison.OrdinalIgnoreCase) || package.Equals("xunit.v3", StringComparison.OrdinalIgnoreCase) || package.Equals("xunit.core", StringComparison.OrdinalIgnoreCase))
                return "xunit.core";
            if (package.Equals("NUnit", StringComparison.OrdinalIgnoreCase))
                return "nunit.framework";
            if (package.Equals("MSTest", StringComparison.OrdinalIgnoreCase) || package.Equals("MSTest.TestFramework", StringComparison.OrdinalIgnoreCase))
                return "Microsoft.VisualStudio.TestPlatform.TestFramework";
            if (package.Equals("BenchmarkDotNet", StringComparison.OrdinalIgnoreCase))
                return "BenchmarkDotNet";
            return null;
        }

        private static MetadataReference StandInReference(string assemblyName, IReadOnlyList<MetadataReference> netReferences)
        {
            var compilation = CSharpCompilation.Create(assemblyName, Array.Empty<SyntaxTree>(), netReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            if (!compilation.Emit(image).Success)
                throw new InvalidOperationException("The stand-in for " + assemblyName + " does not compile");
            return MetadataReference.CreateFromImage(image.ToArray(), filePath: assemblyName + ".dll");
        }

        // ---- Workspace

        public static AdhocWorkspace BuildWorkspace(List<CorpusProject> projects, LoadSettings settings, out Dictionary<ProjectId, CorpusProject> byId)
        {
            var netRefs = NetReferences();
            MetadataReference? unity = projects.Any(p => p.IsUnity) ? UnityStubReference(netRefs) : null;
            var standIns = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
            var workspace = new AdhocWorkspace();
            byId = new Dictionary<ProjectId, CorpusProject>();
            var byFile = projects.Where(p => p.ProjectFile != null).ToDictionary(p => Path.GetFullPath(p.ProjectFile!), StringComparer.Ordinal);
            var usedAssemblyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var project in projects)
                project.Id = ProjectId.CreateNewId(project.Name);

            // Add in dependency order; a reference that would close a cycle is dropped.
            var state = new Dictionary<CorpusProject, int>();
            var ordered = new List<CorpusProject>();
            var acyclicRefs = new Dictionary<CorpusProject, List<CorpusProject>>();
            void Visit(CorpusProject p)
            {
                if (state.TryGetValue(p, out var s) && s != 0)
                    return;
                state[p] = 1;
                var kept = new List<CorpusProject>();
                foreach (var r in p.ProjectReferences)
                {
                    if (!byFile.TryGetValue(r, out var target))
                        continue;
                    if (state.TryGetValue(target, out var ts) && ts == 1)
                        continue;
                    Visit(target);
                    kept.Add(target);
                }

                // MSBuild project references are transitive; so are these.
                acyclicRefs[p] = kept.Concat(kept.SelectMany(k => acyclicRefs.TryGetValue(k, out var transitive) ? transitive : new List<CorpusProject>()))
                    .Distinct().ToList();
                state[p] = 2;
                ordered.Add(p);
            }

            foreach (var project in projects)
                Visit(project);

            var solution = workspace.CurrentSolution;
            var referenceProjects = new List<ProjectId>();
            foreach (var source in settings.ReferenceSources)
            {
                var dir = Path.GetFullPath(source);
                var files = System.IO.Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Split('/').Any(part => SkippedDirectories.Contains(part)))
                    .OrderBy(f => f, StringComparer.Ordinal).ToList();
                var id = ProjectId.CreateNewId("ref:" + dir);
                var documents = files.Select(f => DocumentInfo.Create(DocumentId.CreateNewId(id, f), Path.GetFileName(f),
                    loader: TextLoader.From(TextAndVersion.Create(ReadText(f), VersionStamp.Create(), f)), filePath: f)).ToList();
                var name = Path.GetFileName(dir.TrimEnd('/'));
                usedAssemblyNames.Add(name);
                solution = solution.AddProject(ProjectInfo.Create(id, VersionStamp.Create(), "ref:" + name, name, LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, NetDefines),
                    documents: documents,
                    projectReferences: referenceProjects.Select(r => new ProjectReference(r)).ToList(),
                    metadataReferences: netRefs));
                referenceProjects.Add(id);
            }

            foreach (var project in ordered)
            {
                var defines = new List<string>(project.IsUnity ? UnityDefines : project.IsNanoFramework ? NanoFrameworkDefines : NetDefines);
                if (project.Properties.TryGetValue("DefineConstants", out var extra))
                    defines.AddRange(extra.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => !d.Contains('$')));
                defines.AddRange(settings.ExtraDefines);
                var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, defines.Distinct());
                var nullable = project.Properties.TryGetValue("Nullable", out var n) && n.Equals("enable", StringComparison.OrdinalIgnoreCase)
                    ? NullableContextOptions.Enable
                    : NullableContextOptions.Disable;
                var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: nullable, concurrentBuild: false);

                var assemblyName = project.Properties.TryGetValue("AssemblyName", out var an) && an.Length > 0 && !an.Contains('$')
                    ? an
                    : project.ProjectFile != null ? Path.GetFileNameWithoutExtension(project.ProjectFile) : project.IsUnity ? "Assembly-CSharp" : "Loose";
                var unique = assemblyName;
                for (var i = 2; !usedAssemblyNames.Add(unique); i++)
                    unique = assemblyName + "_" + i;

                var documents = new List<DocumentInfo>();
                foreach (var file in project.Files)
                {
                    var text = ReadText(file);
                    documents.Add(DocumentInfo.Create(
                        DocumentId.CreateNewId(project.Id!, file),
                        Path.GetFileName(file),
                        loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Create(), file)),
                        filePath: file));
                }

                if (project.Properties.TryGetValue("ImplicitUsings", out var iu) && (iu.Equals("enable", StringComparison.OrdinalIgnoreCase) || iu.Equals("true", StringComparison.OrdinalIgnoreCase)))
                {
                    var usings = SourceText.From("global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\nglobal using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n");
                    var path = Path.Combine(project.Directory, "obj", "ImplicitUsings.g.cs");
                    documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(project.Id!, path), "ImplicitUsings.g.cs",
                        loader: TextLoader.From(TextAndVersion.Create(usings, VersionStamp.Create(), path)), filePath: path, isGenerated: true));
                }

                var metadata = new List<MetadataReference>(netRefs);
                foreach (var standIn in project.PackageReferences.Select(StandInAssembly).Where(a => a != null).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!standIns.TryGetValue(standIn!, out var reference))
                        standIns[standIn!] = reference = StandInReference(standIn!, netRefs);
                    metadata.Add(reference);
                }
                if (project.IsUnity && unity != null)
                    metadata.Add(unity);

                var info = ProjectInfo.Create(
                    project.Id!, VersionStamp.Create(), project.Name, unique, LanguageNames.CSharp,
                    filePath: project.ProjectFile,
                    compilationOptions: compilationOptions,
                    parseOptions: parseOptions,
                    documents: documents,
                    projectReferences: acyclicRefs[project].Select(r => new ProjectReference(r.Id!)).Concat(referenceProjects.Select(r => new ProjectReference(r))),
                    metadataReferences: metadata);
                solution = solution.AddProject(info);
                byId[project.Id!] = project;
            }

            if (!workspace.TryApplyChanges(solution))
                throw new InvalidOperationException("Could not build the workspace");
            return workspace;
        }

        private static SourceText ReadText(string file)
        {
            using var stream = File.OpenRead(file);
            return SourceText.From(stream);
        }

        /// <summary>Documents that belong to the corpus (not the generated implicit-usings file).</summary>
        public static bool IsCorpusDocument(Document document) => document.FilePath != null && !document.FilePath.EndsWith("ImplicitUsings.g.cs", StringComparison.Ordinal);
    }
}
