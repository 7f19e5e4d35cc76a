using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>
/// References to the Fragless runtime (Fragless.dll) for test code, as a project that references the Fragless
/// package would have them: the net8.0 build for net10 code; the netstandard2.0 build plus System.Memory and its
/// dependencies for netstandard2.0 code.
/// </summary>
public static class RuntimeReferences
{
    public static IEnumerable<MetadataReference> For(ReferenceAssemblies set)
    {
        if (set == ReferenceAssemblies.NetStandard20)
        {
            var paths = new[] { ReferenceAssemblies.GetMetadata("RuntimeNetStandard20Path") }
                .Concat(ReferenceAssemblies.GetMetadata("NetStandardSystemMemoryPaths").Split(';').Select(Path.GetFullPath));
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                    throw new VerifierException("Missing runtime reference for netstandard2.0 tests: " + path);
                yield return MetadataReference.CreateFromFile(path);
            }

            yield break;
        }

        yield return MetadataReference.CreateFromFile(typeof(Fragless.Arena).Assembly.Location);
    }
}
