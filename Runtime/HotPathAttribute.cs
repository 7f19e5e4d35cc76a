using System;

namespace Fragless
{
    /// <summary>
    /// Marks a method that runs on a hot path (a device loop, a per-frame update, a request handler) and must not
    /// allocate in its steady state. Reserved for a hot-path rule still to come: no Fragless analyzer reads it yet, so
    /// today it only documents the method.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class HotPathAttribute : Attribute
    {
    }
}
