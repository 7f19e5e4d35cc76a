using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Fragless.Analyzers.Rules;
using Fragless.CodeFixes.Rules;
using Fragless.Tool.Cli;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Tool.Analysis;

/// <summary>The analyzers and fixes the tool ships with (the same assemblies as the Fragless.Analyzers package).</summary>
internal sealed class FraglessRules
{
    private FraglessRules()
    {
        Analyzers = Create<DiagnosticAnalyzer>(typeof(BufferAllocationInLoopAnalyzer).Assembly, typeof(DiagnosticAnalyzerAttribute));
        Fixers = Create<CodeFixProvider>(typeof(BufferAllocationInLoopFixer).Assembly, typeof(ExportCodeFixProviderAttribute));
        var descriptors = new Dictionary<string, DiagnosticDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
            descriptors.TryAdd(descriptor.Id, descriptor);
        Descriptors = descriptors;
    }

    public static FraglessRules Instance { get; } = new();

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    /// <summary>Every rule, by ID (case-insensitive).</summary>
    public IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The rule IDs of a <c>--rule</c> list (comma-separated, repeatable), checked; empty means every rule.</summary>
    public IReadOnlySet<string> ParseRules(string? list)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(list))
            return result;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Descriptors.ContainsKey(part))
                throw new ToolException("unknown rule '" + part + "'; the rules are " + string.Join(", ", Descriptors.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            result.Add(part.ToUpperInvariant());
        }

        return result;
    }

    private static ImmutableArray<T> Create<T>(Assembly assembly, Type attribute)
        where T : class =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttributes(attribute, inherit: false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
