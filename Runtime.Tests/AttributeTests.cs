using System.Reflection;

namespace Fragless.Runtime.Tests;

public class AttributeTests
{
    [Fact]
    public void Startup_TargetsMethodsAndConstructors()
    {
        AttributeUsageAttribute usage = typeof(StartupAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal(AttributeTargets.Method | AttributeTargets.Constructor, usage.ValidOn);
        Assert.False(usage.AllowMultiple);
        Assert.False(usage.Inherited);
        Assert.Equal("StartupAttribute", typeof(StartupAttribute).Name);
        Assert.Equal("Fragless", typeof(StartupAttribute).Namespace);
    }

    [Fact]
    public void HotPath_TargetsMethods()
    {
        AttributeUsageAttribute usage = typeof(HotPathAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.True(usage.ValidOn.HasFlag(AttributeTargets.Method));
        Assert.False(usage.AllowMultiple);
        Assert.Equal("HotPathAttribute", typeof(HotPathAttribute).Name);
        Assert.Equal("Fragless", typeof(HotPathAttribute).Namespace);
    }

    [Fact]
    public void Attributes_CanBeApplied()
    {
        Assert.NotNull(typeof(Annotated).GetConstructor(Type.EmptyTypes)!.GetCustomAttribute<StartupAttribute>());
        Assert.NotNull(typeof(Annotated).GetMethod(nameof(Annotated.Tick))!.GetCustomAttribute<HotPathAttribute>());
        Assert.NotNull(typeof(Arena).GetConstructor(new[] { typeof(int) })!.GetCustomAttribute<StartupAttribute>());
    }

    private sealed class Annotated
    {
        [Startup]
        public Annotated()
        {
        }

        [HotPath]
        public void Tick()
        {
        }
    }
}
