using System.Linq;
using Fragless.Analyzers.Internals;
using Fragless.Analyzers.Rules;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>The FRAG002 catalogue table itself: every row names a real method, and its preferred alternative exists on net10.0.</summary>
public class AllocatingReadCatalogTests
{
    private static WellKnownTypes Types(ReferenceAssemblies references)
        => new(CSharpCompilation.Create("Catalogue", references: TestReferences.Resolve(references)));

    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < AllocatingReadCatalog.Entries.Length; i++)
        {
            if (!AllocatingReadCatalog.Entries[i].IsBySimpleName)
                data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_NamesAMethodThatExistsOnNet10(int row)
    {
        var entry = AllocatingReadCatalog.Entries[row];
        var type = Types(TestReferences.Net10).Get(entry.Type);
        if (entry.Type == "System.IO.Ports.SerialPort")
        {
            Assert.Null(type); // Not part of the shared framework: the row is inactive unless the package is referenced.
            return;
        }

        Assert.NotNull(type);
        Assert.Contains(AllocatingReadSignatures.GetMethods(type!, entry.Method), m => AllocatingReadSignatures.Matches(entry.Shape, m));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_PreferredAlternativeExistsOnNet10(int row)
    {
        var entry = AllocatingReadCatalog.Entries[row];
        var types = Types(TestReferences.Net10);
        var type = types.Get(entry.Type);
        if (type == null)
            return;

        var preferred = entry.Alternatives[0];
        Assert.NotNull(preferred.RequiredMethod);
        var required = preferred.RequiredType == null ? type : types.Get(preferred.RequiredType);
        Assert.NotNull(required);
        Assert.Contains(AllocatingReadSignatures.GetMethods(required!, preferred.RequiredMethod!), m => AllocatingReadSignatures.Matches(preferred.RequiredShape, m));
    }

    [Fact]
    public void DeviceRows_MatchBySimpleNameAndHaveASiblingAlternative()
    {
        var devices = AllocatingReadCatalog.Entries.Where(e => e.IsBySimpleName).ToList();
        Assert.NotEmpty(devices);
        Assert.All(devices, e =>
        {
            Assert.Equal(AllocatingReadCatalog.AnyArrayMethod, e.Method);
            Assert.True(e.Alternatives.Single().IsSibling);
        });
    }
}
