using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Fragless.Tool.Cli;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Fragless.Tool.Loading;

/// <summary>
/// Finds what a path means (a solution, a project, or a folder holding one of them) and loads its C# projects with
/// MSBuildWorkspace, after a restore. Every failure is a <see cref="ToolException"/>.
/// </summary>
internal sealed class ProjectLoader
{
    private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules" };

    /// <summary>The solution or project files <paramref name="path"/> stands for.</summary>
    public static IReadOnlyList<string> Resolve(string? path)
    {
        var full = Path.GetFullPath(string.IsNullOrEmpty(path) ? Directory.GetCurrentDirectory() : path);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full);
            if (SolutionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) || extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase))
                return new[] { full };
            throw new ToolException("'" + path + "' is not a solution (.sln, .slnx) or a C# project (.csproj)");
        }

        if (!Directory.Exists(full))
            throw new ToolException("'" + path + "' does not exist");

        var solutions = SolutionExtensions.SelectMany(e => Directory.GetFiles(full, "*" + e)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (solutions.Count == 1)
            return solutions;
        if (solutions.Count > 1)
        {
            // A .sln and its .slnx twin are one solution.
            var names = solutions.Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (names.Count == 1)
                return new[] { solutions.First(s => s.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)) };
            throw new ToolException("'" + (path ?? ".") + "' has several solutions (" + string.Join(", ", solutions.Select(Path.GetFileName)) + "); name one");
        }

        var projects = FindProjects(full).ToList();
        if (projects.Count == 0)
            throw new ToolException("'" + (path ?? ".") + "' has no C# projects (.csproj) or solutions");
        return projects;
    }

    private static IEnumerable<string> FindProjects(string folder)
    {
        var here = Directory.GetFiles(folder, "*.csproj").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (here.Count > 0)
        {
            foreach (var project in here)
                yield return project;
            yield break;
        }

        IEnumerable<string> children;
        try
        {
            children = Directory.GetDirectories(folder).OrderBy(f => f, StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var child in children)
        {
            if (SkippedFolders.Contains(Path.GetFileName(child)))
                continue;
            foreach (var project in FindProjects(child))
                yield return project;
        }
    }

    /// <summary>Loads the C# projects of <paramref name="targets"/>, restoring them first unless told not to.</summary>
    public static async Task<LoadedSolution> LoadAsync(IReadOnlyList<string> targets, bool restore, Action<string> progress)
    {
        RegisterMSBuild();
        if (restore)
        {
            foreach (var target in targets)
            {
                progress("restoring " + Path.GetFileName(target));
                await Restore.RunAsync(target);
            }
        }

        return await OpenAsync(targets, progress);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterMSBuild()
    {
        if (MSBuildLocator.IsRegistered)
            return;
        var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault()
            ?? throw new ToolException("no .NET SDK found to load projects with (is 'dotnet' on PATH?)");
        MSBuildLocator.RegisterInstance(instance);
    }

    // Not inlined into LoadAsync: MSBuild types must not be touched before the locator registers them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<LoadedSolution> OpenAsync(IReadOnlyList<string> targets, Action<string> progress)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                failures.Add(e.Diagnostic.Message);
        });

        Solution solution = workspace.CurrentSolution;
        string root;
        if (targets.Count == 1 && !targets[0].EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            progress("loading " + Path.GetFileName(targets[0]));
            solution = await OpenSafelyAsync(targets[0], () => workspace.OpenSolutionAsync(targets[0]));
            root = Path.GetDirectoryName(targets[0])!;
        }
        else
        {
            foreach (var target in targets)
            {
                if (solution.Projects.Any(p => string.Equals(p.FilePath, target, StringComparison.OrdinalIgnoreCase)))
                    continue;
                progress("loading " + Path.GetFileName(target));
                await OpenSafelyAsync(target, () => workspace.OpenProjectAsync(target));
                solution = workspace.CurrentSolution;
            }

            root = targets.Count == 1 ? Path.GetDirectoryName(targets[0])! : CommonFolder(targets);
        }

        // The projects named (or listed by the solution), not the ones they reference from elsewhere.
        var wanted = targets.Count == 1 && !targets[0].EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            ? SolutionProjects.Read(targets[0])
            : new HashSet<string>(targets, StringComparer.OrdinalIgnoreCase);
        var projects = solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp)
            .Where(p => wanted == null || wanted.Count == 0 || (p.FilePath != null && wanted.Contains(p.FilePath)))
            .ToList();
        if (projects.Count == 0)
        {
            var why = failures.FirstOrDefault();
            throw new ToolException(why != null ? "no project loaded: " + why : "no C# projects in " + string.Join(", ", targets.Select(Path.GetFileName)));
        }

        var failed = failures.FirstOrDefault(f => f.Contains("Msbuild failed", StringComparison.OrdinalIgnoreCase) || f.Contains("error", StringComparison.OrdinalIgnoreCase));
        if (failed != null)
            throw new ToolException("a project does not load: " + OneLine(failed));

        return new LoadedSolution(workspace, solution, projects, root);
    }

    private static async Task<T> OpenSafelyAsync<T>(string target, Func<Task<T>> open)
    {
        try
        {
            return await open();
        }
        catch (Exception e) when (e is InvalidOperationException || e is IOException || e is ArgumentException || e is InvalidDataException || e is FormatException)
        {
            throw new ToolException("'" + Path.GetFileName(target) + "' does not load: " + OneLine(e.Message));
        }
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(p => Path.GetDirectoryName(p)!.Split(Path.DirectorySeparatorChar)).ToList();
        var length = folders.Min(f => f.Length);
        var count = 0;
        while (count < length && folders.All(f => string.Equals(f[count], folders[0][count], StringComparison.Ordinal)))
            count++;
        return string.Join(Path.DirectorySeparatorChar, folders[0].Take(count));
    }

    internal static string OneLine(string text) => string.Join(" ", text.Split('\n', '\r').Select(l => l.Trim()).Where(l => l.Length > 0));
}
