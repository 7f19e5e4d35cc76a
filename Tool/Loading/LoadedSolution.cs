using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Fragless.Tool.Loading;

/// <summary>The loaded C# projects (one per target framework), and the folder paths are shown relative to.</summary>
internal sealed class LoadedSolution : IDisposable
{
    public LoadedSolution(MSBuildWorkspace workspace, Solution solution, IReadOnlyList<Project> projects, string root)
    {
        Workspace = workspace;
        Solution = solution;
        Projects = projects;
        Root = root;
    }

    public MSBuildWorkspace Workspace { get; }

    public Solution Solution { get; }

    public IReadOnlyList<Project> Projects { get; }

    public string Root { get; }

    public void Dispose() => Workspace.Dispose();
}
