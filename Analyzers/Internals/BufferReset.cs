namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// How a reused buffer gets back the state a new one starts in. Rules that move an allocation out of
    /// a repeated path (FRAG001, FRAG003) choose one here and pass it to their fixer as a diagnostic property.
    /// </summary>
    public static class BufferReset
    {
        /// <summary>Nothing to do: nothing writes into the buffer.</summary>
        public const string None = "None";

        /// <summary><c>Array.Clear(buffer, 0, buffer.Length)</c>.</summary>
        public const string ArrayClear = "ArrayClear";

        /// <summary><c>stream.SetLength(0)</c>, which also puts Position back to 0.</summary>
        public const string SetLength = "SetLength";

        /// <summary><c>builder.Clear()</c> / <c>list.Clear()</c>.</summary>
        public const string Clear = "Clear";

        /// <summary>The reset that makes a reused buffer look new, or null when none can.</summary>
        internal static string? Choose(BufferAllocation allocation, BufferFlow flow)
        {
            if (flow.ObservesCapacity)
                return null;

            switch (allocation.Kind)
            {
                case BufferKind.Array:
                    if (!flow.IsWritten)
                        return None;
                    return allocation.HasInitialValues ? null : ArrayClear;
                case BufferKind.MemoryStream:
                    return allocation.CanRestoreFreshState && HasMethod(allocation.Type, "SetLength", 1) ? SetLength : null;
                case BufferKind.StringBuilder:
                case BufferKind.List:
                    // A framework without it (a trimmed or device base library) gets no fix rather than one that does not compile.
                    return allocation.CanRestoreFreshState && HasMethod(allocation.Type, "Clear", 0) ? Clear : null;
                default:
                    return null;
            }
        }

        /// <summary>Why <see cref="Choose"/> finds no reset, in words for a message.</summary>
        internal static string WhyNone(BufferAllocation allocation, BufferFlow flow)
        {
            if (flow.ObservesCapacity)
                return "the code reads its capacity or internal buffer, which differ between a reused buffer and a new one";

            switch (allocation.Kind)
            {
                case BufferKind.Array:
                    return "it is written, and its initial values would have to be restored each time";
                case BufferKind.MemoryStream:
                    return allocation.CanRestoreFreshState ? "'MemoryStream.SetLength' is missing on this target" : "its initial contents would have to be restored each time";
                case BufferKind.StringBuilder:
                case BufferKind.List:
                    return allocation.CanRestoreFreshState ? "'" + allocation.Type.Name + ".Clear' is missing on this target" : "its initial contents would have to be restored each time";
                default:
                    return "Fragless does not know how to reset a " + allocation.Display;
            }
        }

        private static bool HasMethod(Microsoft.CodeAnalysis.ITypeSymbol type, string name, int parameters)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is Microsoft.CodeAnalysis.IMethodSymbol method && !method.IsStatic && method.Parameters.Length == parameters
                        && method.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
