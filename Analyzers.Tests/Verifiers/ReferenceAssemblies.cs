using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// A set of reference assemblies that test code is compiled against. The folders come from
/// <see cref="AssemblyMetadataAttribute"/>s embedded by Analyzers.Tests.csproj.
/// </summary>
public sealed class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> Cache = new();

    private ReferenceAssemblies(string name, string metadataKey)
    {
        Name = name;
        MetadataKey = metadataKey;
    }

    /// <summary>net10.0 reference assemblies (every *.dll of the targeting pack's ref folder).</summary>
    public static ReferenceAssemblies Net10 { get; } = new("net10.0", "NetCoreRefPath");

    /// <summary>netstandard2.0 reference assemblies (netstandard.dll and facades; no Span&lt;T&gt;).</summary>
    public static ReferenceAssemblies NetStandard20 { get; } = new("netstandard2.0", "NetStandardRefPath");

    /// <summary>The repository root, as embedded at build time.</summary>
    public static string RepositoryRoot => GetMetadata("RepositoryRoot");

    public string Name { get; }

    private string MetadataKey { get; }

    /// <summary>Folder holding the reference assemblies.</summary>
    public string Directory => GetMetadata(MetadataKey);

    public ImmutableArray<MetadataReference> GetMetadataReferences()
        => Cache.GetOrAdd(Name, _ =>
        {
            var directory = Directory;
            if (!System.IO.Directory.Exists(directory))
            {
                throw new VerifierException($"Reference assembly folder for {Name} does not exist: {directory}");
            }

            var files = System.IO.Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new VerifierException($"No reference assemblies found for {Name} in {directory}");
            }

            return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        });

    public override string ToString() => Name;

    internal static string GetMetadata(string key)
    {
        var value = typeof(ReferenceAssemblies).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new VerifierException($"The test assembly has no AssemblyMetadata '{key}'.");
        }

        return Path.GetFullPath(value);
    }
}
