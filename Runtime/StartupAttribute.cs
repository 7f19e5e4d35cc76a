using System;

namespace Fragless
{
    /// <summary>
    /// Marks a method or constructor that runs once while the program boots, where allocating the long-lived buffers,
    /// pools and arenas is expected. FRAG003 (large allocation after startup) recognises this attribute by name and treats
    /// the method as startup code: large allocations made in it outside loops are not reported.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    public sealed class StartupAttribute : Attribute
    {
    }
}
