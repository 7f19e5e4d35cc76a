using System;

namespace Fragless
{
    /// <summary>
    /// Marks a method that runs on a hot path (a device loop, a per-frame update, a request handler) and must not
    /// allocate in its steady state. FRAG005 reports the buffers such a method (or a property's accessors), and the
    /// methods it calls, allocate and drop on every call; FRAG002 its allocating calls. Matched by name, so an attribute
    /// of your own called <c>HotPath</c> works too.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class HotPathAttribute : Attribute
    {
    }
}
