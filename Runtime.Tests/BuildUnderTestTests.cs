using System.Reflection;
using System.Runtime.Versioning;

namespace Fragless.Runtime.Tests;

/// <summary>These tests run twice: against the net8.0 build and against the netstandard2.0 build.</summary>
public class BuildUnderTestTests
{
    [Fact]
    public void TheExpectedBuildOfTheRuntimeIsUnderTest()
    {
        var framework = typeof(Arena).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
#if FRAGLESS_NETSTANDARD
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
#endif
    }
}
