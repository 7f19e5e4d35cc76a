using System;
using Microsoft.CodeAnalysis;

namespace Fragless.Analyzers.Internals
{
    /// <summary>What a callee does with a buffer passed to one of its parameters.</summary>
    internal enum CalleeEffect
    {
        /// <summary>Nothing is known: the callee is neither in the catalogue nor visible in source.</summary>
        Unknown,

        /// <summary>Uses the buffer during the call and only reads it.</summary>
        BorrowRead,

        /// <summary>Uses the buffer during the call and may write into it.</summary>
        BorrowWrite,

        /// <summary>Returns an object that still refers to the buffer (a view, a wrapper, a lazy sequence).</summary>
        Alias,

        /// <summary>Keeps the buffer beyond the call (a collection, a field).</summary>
        Keep,
    }

    /// <summary>
    /// Well-known APIs that take a buffer: I/O and copy APIs borrow it for the duration of the call;
    /// collection adders keep it. Device APIs are matched by type name in any namespace, since every
    /// small-device runtime ships its own.
    /// </summary>
    internal static class CalleeCatalog
    {
        private static readonly string[] BorrowingTypes =
        {
            "System.Array",
            "System.Buffer",
            "System.BitConverter",
            "System.Convert",
            "System.String",
            "System.Console",
            "System.Math",
            "System.MemoryExtensions",
            "System.Text.Encoding",
            "System.Text.Decoder",
            "System.Text.Encoder",
            "System.Text.StringBuilder",
            "System.IO.Stream",
            "System.IO.BinaryReader",
            "System.IO.BinaryWriter",
            "System.IO.TextReader",
            "System.IO.TextWriter",
            "System.IO.File",
            "System.Net.Sockets.Socket",
            "System.Net.Sockets.UdpClient",
            "System.IO.Ports.SerialPort",
            "System.Security.Cryptography.HashAlgorithm",
            "System.Security.Cryptography.RandomNumberGenerator",
            "System.Buffers.Binary.BinaryPrimitives",
            "System.Runtime.InteropServices.Marshal",
            "System.Random",
            "System.Diagnostics.Debug",
            "System.Diagnostics.Trace",
            "System.SpanByte", // nanoFramework's Span<byte>: its constructors make a view of the array.
        };

        /// <summary>Device bus types of small-device runtimes (nanoFramework, Meadow, TinyCLR, System.Device.*).</summary>
        private static readonly string[] DeviceTypeNames =
        {
            "I2cDevice", "SpiDevice", "SerialDevice", "UartDevice", "II2cBus", "ISpiBus", "II2cPeripheral", "ISpiPeripheral", "ISerialPort", "I2cBus", "SpiBus",
        };

        private static readonly string[] DeviceMethodPrefixes =
        {
            "Read", "Write", "WriteRead", "TransferFullDuplex", "Exchange", "Transfer",
        };

        private static readonly string[] KeepingMethodNames =
        {
            "Add", "Insert", "Enqueue", "Push", "TryAdd", "AddFirst", "AddLast", "Post", "SendAsync", "TryWrite", "Set", "SetValue",
        };

        public static CalleeEffect Classify(IMethodSymbol method, IParameterSymbol parameter)
        {
            var type = method.ContainingType;
            if (type == null)
                return CalleeEffect.Unknown;

            if (type.SpecialType == SpecialType.System_String && method.MethodKind == MethodKind.Constructor)
                return CalleeEffect.BorrowRead;

            // new ArraySegment<byte>(array), new Memory<byte>(array, 0, n): the view refers to the array, so the
            // array lives as long as the view, wherever the view goes.
            if (method.MethodKind == MethodKind.Constructor && IsArrayView(type) && parameter.Type is IArrayTypeSymbol)
                return CalleeEffect.Alias;

            // StringBuilder copies what it is given and returns itself, not the argument.
            if (type.Name == "StringBuilder" && type.ContainingNamespace?.ToDisplayString() == "System.Text")
                return CalleeEffect.BorrowRead;

            if (IsListOfT(type) && (method.Name == "AddRange" || method.Name == "InsertRange" || method.Name == "Contains" || method.Name == "IndexOf"))
                return CalleeEffect.BorrowRead;

            if (method.ContainingNamespace?.ToDisplayString() == "System.Linq" && type.Name == "Enumerable")
                return ReturnsReferenceThatMayHoldIt(method) ? CalleeEffect.Alias : CalleeEffect.BorrowRead;

            if (IsCatalogued(type) || IsDeviceCall(type, method))
            {
                if (method.MethodKind == MethodKind.Constructor || ReturnsReferenceThatMayHoldIt(method))
                    return CalleeEffect.Alias;
                return WritesInto(method, parameter) ? CalleeEffect.BorrowWrite : CalleeEffect.BorrowRead;
            }

            if (Array.IndexOf(KeepingMethodNames, method.Name) >= 0 && method.MethodKind == MethodKind.Ordinary && !method.IsStatic)
                return CalleeEffect.Keep;

            return CalleeEffect.Unknown;
        }

        /// <summary>Whether a catalogued callee may write into the buffer; anything unclear counts as a write.</summary>
        public static bool WritesInto(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (parameter.RefKind == RefKind.In || IsReadOnlyView(parameter.Type))
                return false;

            var parameterName = parameter.Name.ToLowerInvariant();
            if (parameterName.Contains("dest") || parameterName.Contains("dst") || parameterName.Contains("output") || parameterName.Contains("read"))
                return true;
            if (parameterName.Contains("source") || parameterName.Contains("src") || parameterName.Contains("input") || parameterName.Contains("write"))
                return false;

            var name = method.Name;
            if (name.StartsWith("WriteRead", StringComparison.Ordinal))
                return true;

            string[] readingPrefixes =
            {
                "Write", "Send", "Append", "Compute", "Hash", "To", "GetString", "GetCharCount", "GetByteCount", "IndexOf", "LastIndexOf",
                "Contains", "Join", "Concat", "Equals", "SequenceEqual", "StartsWith", "EndsWith", "Print", "Assert", "Max", "Min", "Sum",
                "Average", "Count", "First", "Last", "Any", "All", "Single", "BinarySearch", "Exists", "Find", "TrueForAll",
                "Split", "Trim", "Format", // string.Split(char[]), Trim/TrimStart/TrimEnd(char[]), string.Format(params object[])
            };
            foreach (var prefix in readingPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                    return false;
            }

            return true;
        }

        public static bool IsReadOnlyView(ITypeSymbol type)
        {
            return type is INamedTypeSymbol named
                && named.ContainingNamespace?.ToDisplayString() == "System"
                && (named.Name == "ReadOnlySpan" || named.Name == "ReadOnlyMemory")
                && named.Arity == 1;
        }

        /// <summary><c>ArraySegment&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c> or <c>ReadOnlyMemory&lt;T&gt;</c>: a struct that refers to an array.</summary>
        private static bool IsArrayView(INamedTypeSymbol type)
        {
            return type.Arity == 1 && (type.Name == "ArraySegment" || type.Name == "Memory" || type.Name == "ReadOnlyMemory")
                && type.ContainingNamespace?.ToDisplayString() == "System";
        }

        public static bool IsSpanLike(ITypeSymbol type)
        {
            return type is INamedTypeSymbol named
                && named.ContainingNamespace?.ToDisplayString() == "System"
                && ((named.Name == "Span" || named.Name == "ReadOnlySpan") && named.Arity == 1 || IsSpanByte(named));
        }

        /// <summary>nanoFramework's <c>System.SpanByte</c>, its mscorlib's only span (a struct over a byte[] slice).</summary>
        public static bool IsSpanByte(ITypeSymbol type)
        {
            return type.Name == "SpanByte" && type is INamedTypeSymbol named && named.Arity == 0
                && named.ContainingNamespace?.ToDisplayString() == "System";
        }

        private static bool IsListOfT(INamedTypeSymbol type)
        {
            return type.Name == "List" && type.Arity == 1 && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";
        }

        private static bool IsCatalogued(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                var name = current.ContainingNamespace == null || current.ContainingNamespace.IsGlobalNamespace
                    ? current.MetadataName
                    : current.ContainingNamespace.ToDisplayString() + "." + current.MetadataName;
                if (Array.IndexOf(BorrowingTypes, name) >= 0)
                    return true;
            }

            return false;
        }

        private static bool IsDeviceCall(INamedTypeSymbol type, IMethodSymbol method)
        {
            if (!IsDeviceType(type))
            {
                var isDevice = false;
                foreach (var implemented in type.AllInterfaces)
                {
                    if (IsDeviceType(implemented))
                    {
                        isDevice = true;
                        break;
                    }
                }

                if (!isDevice)
                    return false;
            }

            foreach (var prefix in DeviceMethodPrefixes)
            {
                if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
                    return true;
            }

            return false;
        }

        private static bool IsDeviceType(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (Array.IndexOf(DeviceTypeNames, current.Name) >= 0)
                    return true;
            }

            return false;
        }

        /// <summary>A return value that could refer to the argument: anything but void, primitives, strings and tasks.</summary>
        private static bool ReturnsReferenceThatMayHoldIt(IMethodSymbol method)
        {
            var returnType = method.ReturnType;
            if (method.ReturnsVoid || returnType.SpecialType != SpecialType.None)
                return false;
            if (returnType.TypeKind == TypeKind.Enum)
                return false;
            if (returnType is IArrayTypeSymbol)
                return method.ContainingType.Name == "Array" && method.Name == "AsReadOnly";
            if (returnType.Name == "Task" || returnType.Name == "ValueTask")
                return false;
            if (returnType.IsValueType && !IsSpanLike(returnType) && returnType.Name != "Memory" && returnType.Name != "ReadOnlyMemory" && returnType.Name != "ArraySegment")
                return false;
            return true;
        }
    }
}
