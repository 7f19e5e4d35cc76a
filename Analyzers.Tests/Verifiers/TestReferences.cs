using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference sets test code compiles against, as Microsoft.CodeAnalysis.Testing <see cref="ReferenceAssemblies"/>.
/// Every package they name is restored by Analyzers.Tests.csproj (PackageDownload), so the library finds it in the
/// global packages folder and downloads nothing at test time.
/// </summary>
public static class TestReferences
{
    /// <summary>net10.0: the SDK's own Microsoft.NETCore.App.Ref.</summary>
    public static ReferenceAssemblies Net10 { get; } = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", GetMetadata("NetCoreAppRefVersion")),
        Path.Combine("ref", "net10.0"));

    /// <summary>netstandard2.0: NETStandard.Library 2.0.3 (no <c>Span&lt;T&gt;</c>).</summary>
    public static ReferenceAssemblies NetStandard20 { get; } = ReferenceAssemblies.NetStandard.NetStandard20;

    /// <summary>What a netstandard2.0 project that references the Fragless package compiles against: netstandard2.0
    /// plus System.Memory (the runtime's dependency there). Add <see cref="Runtime"/> for Fragless.dll itself.</summary>
    public static ReferenceAssemblies NetStandard20WithSystemMemory { get; } = NetStandard20.AddPackages(
        ImmutableArray.Create(new PackageIdentity("System.Memory", "4.5.5")));

    /// <summary>
    /// .NET nanoFramework: nanoFramework.CoreLibrary 1.17.11's lib/mscorlib.dll alone, nanoFramework's real base
    /// class library (SpanByte, no Span&lt;T&gt;, no System.Text, no generic collections). Add
    /// <see cref="NanoFrameworkDevices"/> for the device libraries the package source does not serve.
    /// </summary>
    public static ReferenceAssemblies NanoFramework { get; } = new(
        "netnano1.0",
        new PackageIdentity("nanoFramework.CoreLibrary", "1.17.11"),
        "lib");

    private static readonly Lazy<MetadataReference> NanoFrameworkDevicesOnNano = new(() => CompileDevices(NanoFramework, "NanoFramework.DeviceLibraries.cs"));
    private static readonly Lazy<MetadataReference> NanoFrameworkDevicesOnNet = new(() => CompileDevices(Net10, "NanoFramework.DeviceLibraries.cs", "NanoFramework.TestSpanByte.cs"));

    /// <summary>
    /// Stubs of System.Device.I2c, System.Device.Spi, System.IO.Ports, System.Device.Gpio and
    /// nanoFramework.Runtime.Native (Analyzers.Tests/NanoFramework/DeviceLibraries.cs), compiled once for
    /// <paramref name="set"/>: against nanoFramework's mscorlib, or against net10.0 with a test-only System.SpanByte
    /// (NanoFramework/TestSpanByte.cs) so the same program runs on .NET for the behaviour check.
    /// </summary>
    public static MetadataReference NanoFrameworkDevices(ReferenceAssemblies set)
        => set == NanoFramework ? NanoFrameworkDevicesOnNano.Value : NanoFrameworkDevicesOnNet.Value;

    /// <summary>The Fragless runtime (Fragless.dll) as a project targeting <paramref name="set"/> gets it from the
    /// package: the net8.0 build for net10.0, the netstandard2.0 build for netstandard2.0.</summary>
    public static MetadataReference Runtime(ReferenceAssemblies set)
        => set.TargetFramework.StartsWith("netstandard", StringComparison.Ordinal)
            ? MetadataReference.CreateFromFile(ExistingFile(GetMetadata("RuntimeNetStandard20Path")))
            : MetadataReference.CreateFromFile(typeof(Fragless.Arena).Assembly.Location);

    /// <summary>The reference set a project targeting <paramref name="set"/> has once it references the Fragless
    /// package (System.Memory comes with it on netstandard2.0).</summary>
    public static ReferenceAssemblies WithRuntimeDependencies(ReferenceAssemblies set)
        => set == NetStandard20 ? NetStandard20WithSystemMemory : set;

    /// <summary>The repository root, as embedded at build time.</summary>
    public static string RepositoryRoot => GetMetadata("RepositoryRoot");

    /// <summary>Metadata references of a set, for tests that build a compilation themselves.</summary>
    public static ImmutableArray<MetadataReference> Resolve(ReferenceAssemblies set)
        => set.ResolveAsync(LanguageNames.CSharp, default).GetAwaiter().GetResult();

    /// <summary>
    /// An assembly named <paramref name="name"/>, compiled in memory from <paramref name="source"/> against net10.0: a
    /// stand-in for a package a project references (UnityEngine, xunit.core, Microsoft.CodeAnalysis), for code that
    /// looks at what a compilation references.
    /// </summary>
    public static MetadataReference NamedAssembly(string name, string source = "")
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
            Resolve(Net10),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The stand-in for {name} does not compile:\n"
                + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(output.ToArray());
    }

    private static MetadataReference CompileDevices(ReferenceAssemblies set, params string[] resources)
    {
        var trees = resources.Select(name =>
        {
            using var stream = typeof(TestReferences).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("Missing embedded resource: " + name);
            using var reader = new StreamReader(stream);
            return Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(reader.ReadToEnd(), path: name);
        });
        var name = "nanoFramework.DeviceStubs";
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            trees,
            Resolve(set),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var directory = Path.Combine(AppContext.BaseDirectory, "nanoFramework-stubs", set.TargetFramework);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name + ".dll");
        using (var output = new MemoryStream())
        {
            var result = compilation.Emit(output);
            if (!result.Success)
            {
                throw new InvalidOperationException($"The nanoFramework device stubs do not compile for {set.TargetFramework}:\n"
                    + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            File.WriteAllBytes(file, output.ToArray());
        }

        // A file reference, so the behaviour check can load it when the program runs on .NET.
        return MetadataReference.CreateFromFile(file);
    }

    private static string ExistingFile(string path)
        => File.Exists(path) ? path : throw new InvalidOperationException("Missing test reference: " + path);

    private static string GetMetadata(string key)
    {
        var value = typeof(TestReferences).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}'.");
        }

        return key.EndsWith("Version", StringComparison.Ordinal) ? value : Path.GetFullPath(value);
    }
}
