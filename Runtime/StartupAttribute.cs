using System;

namespace Fragless
{
    /// <summary>
    /// Marks a method or constructor that runs once while the program boots, where allocating the long-lived buffers,
    /// pools and arenas is expected. The Fragless analyzers recognise this attribute by name and allow allocations in it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    public sealed class StartupAttribute : Attribute
    {
    }
}
