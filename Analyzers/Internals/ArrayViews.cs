using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>Spans made over a new array, which fixes keep while the array itself moves (FRAG001 hoists it, FRAG003 makes it a field).</summary>
    internal static class ArrayViews
    {
        /// <summary>
        /// <c>SpanByte s = new byte[4]</c>, <c>Span&lt;byte&gt; s = new byte[4]</c> or <c>new SpanByte(new byte[4])</c>: the
        /// array is only seen through the view made over it.
        /// </summary>
        public static bool IsViewOfNewArray(IOperation operation)
        {
            if (!(operation is IArrayCreationOperation))
                return false;
            var parent = operation.WalkUpConversions().Parent;
            return parent is IConversionOperation conversion && conversion.OperatorMethod != null && conversion.Type != null && CalleeCatalog.IsSpanLike(conversion.Type)
                || parent is IArgumentOperation argument && argument.Parent is IObjectCreationOperation creation && creation.Type != null && CalleeCatalog.IsSpanLike(creation.Type);
        }
    }
}
