using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Rules
{
    /// <summary>
    /// Decides whether a FRAG002 fix keeps the program's behaviour, and hands the decision to the fixer through
    /// <see cref="Diagnostic.Properties"/> and the reason, when there is none, to the message. No properties means no fix.
    /// </summary>
    public static class AllocatingReadFixPlan
    {
        /// <summary>One of <see cref="AllocatingReadFixKinds"/>.</summary>
        public const string FixKey = "Fix";

        /// <summary><see cref="DeclarationShape"/> or <see cref="InlineShape"/>.</summary>
        public const string ShapeKey = "Shape";

        /// <summary>How many enclosing loops, innermost first, the reused buffer is declared outside of.</summary>
        public const string HoistLoopsKey = "HoistLoops";

        /// <summary>"true" when the fix may write through <c>Span&lt;byte&gt;</c> APIs (TryWriteBytes).</summary>
        public const string SpanKey = "Span";

        /// <summary>Size in bytes of a fixed-size result (BitConverter, Guid), or the constant count of ReadBytes.</summary>
        public const string SizeKey = "Size";

        /// <summary>BitConverter without TryWriteBytes: how the value becomes bits (<see cref="BitsSigned"/> …).</summary>
        public const string BitsKey = "Bits";

        public const string DeclarationShape = "Declaration";
        public const string InlineShape = "Inline";

        public const string BitsSigned = "Signed";
        public const string BitsUnsigned = "Unsigned";
        public const string BitsBoolean = "Boolean";
        public const string BitsDouble = "Double";
        public const string BitsSingle = "Single";

        /// <summary>
        /// The one place that decides whether a FRAG002 diagnostic has a fix: the fixer reads its properties, the
        /// message its reason. <paramref name="fixKind"/> is the catalogue's (null: no rewrite is known for the API).
        /// </summary>
        internal static FixDecision Decide(
            IInvocationOperation invocation,
            string? fixKind,
            bool inLoop,
            ImmutableArray<ILoopOperation> loops,
            WellKnownTypes types,
            CalleeSummaries summaries,
            CancellationToken cancellationToken)
        {
            if (!WellFormedCode.Contains(invocation.Syntax.SyntaxTree.GetRoot(cancellationToken), invocation.Syntax.Span))
                return FixDecision.None("the code around it has syntax errors");
            if (fixKind == null)
                return FixDecision.None("Fragless knows no rewrite for this call");
            if (!inLoop || loops.IsEmpty)
                return FixDecision.None("only calls in loops are rewritten");

            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            var reason = fixKind == AllocatingReadFixKinds.SerialPortReadByte
                ? PlanReadByte(builder, invocation, loops)
                : Plan(builder, invocation, fixKind, loops, types, summaries, cancellationToken);
            if (reason != null)
                builder.Clear();
            return FixDecision.From(builder.ToImmutable(), reason ?? string.Empty);
        }

        /// <summary>Fills <paramref name="builder"/> for a fix of <paramref name="fixKind"/>; returns why not when there is none.</summary>
        private static string? Plan(
            ImmutableDictionary<string, string>.Builder builder,
            IInvocationOperation invocation,
            string fixKind,
            ImmutableArray<ILoopOperation> loops,
            WellKnownTypes types,
            CalleeSummaries summaries,
            CancellationToken cancellationToken)
        {
            if (!(invocation.Type is IArrayTypeSymbol))
                return "the result is not an array";

            var flow = BufferFlowAnalysis.AnalyzeAllocation(invocation, loops[0], summaries, cancellationToken);
            var blocker = flow.WhyNotReusable(flow.Local != null ? "'" + flow.Local.Name + "'" : "the result");
            if (blocker != null)
                return blocker;
            if (flow.LocalCount > 1)
                return "the result is held by more than one variable";

            string? shape = null;
            if (flow.Local != null)
            {
                if (flow.Local.Type is IArrayTypeSymbol && LocalDeclarations.IsSingleLocalDeclaration(invocation, flow.Local))
                    shape = DeclarationShape;
            }
            else if (IsInlineArgumentOfStatementCall(invocation, loops[0]))
            {
                shape = InlineShape;
            }

            if (shape == null)
                return "there is no single statement before which to fill the buffer";

            builder[FixKey] = fixKind;
            builder[ShapeKey] = shape;
            builder[HoistLoopsKey] = loops.Length.ToString(CultureInfo.InvariantCulture);

            var hasSpan = types.Get(WellKnownTypes.Names.Span) != null;
            var method = invocation.TargetMethod;
            switch (fixKind)
            {
                case AllocatingReadFixKinds.BitConverterGetBytes:
                    return PlanBitConverter(method, hasSpan, builder);
                case AllocatingReadFixKinds.GuidToByteArray:
                    builder[SizeKey] = "16";
                    if (invocation.Instance == null)
                        return "the Guid is not a receiver";
                    return hasSpan && HasMethod(method.ContainingType, "TryWriteBytes", "Span<byte>") ? null : "'Guid.TryWriteBytes' is missing on this target";
                case AllocatingReadFixKinds.EncodingGetBytes:
                    if (shape != DeclarationShape)
                        return "the bytes are not held in a variable, so their count cannot go on with them";
                    if (!IsSimple(invocation.Instance) || invocation.Arguments.Length != 1 || !IsSimple(invocation.Arguments[0].Value))
                        return "the encoding or the text is not a variable, field or constant, and the fix reads them more than once";
                    return WhyUsesAreNotCountable(invocation, flow.Local!, summaries, cancellationToken);
                case AllocatingReadFixKinds.ReadBytes:
                    if (shape != DeclarationShape)
                        return "the bytes are not held in a variable, so their count cannot go on with them";
                    if (!IsSimple(invocation.Instance))
                        return "the reader is not a variable or field, and the fix reads it more than once";
                    if (invocation.Arguments.Length != 1 || !invocation.Arguments[0].Value.ConstantValue.HasValue
                        || !(invocation.Arguments[0].Value.ConstantValue.Value is int count) || count <= 0)
                    {
                        return "the count is not a positive constant";
                    }

                    if (!HasMethod(method.ContainingType, "Read", "byte[],int,int"))
                        return "'" + method.ContainingType.Name + "' has no Read(byte[], int, int)";
                    var uncountable = WhyUsesAreNotCountable(invocation, flow.Local!, summaries, cancellationToken);
                    if (uncountable != null)
                        return uncountable;
                    builder[SizeKey] = count.ToString(CultureInfo.InvariantCulture);
                    return null;
                case AllocatingReadFixKinds.StringToCharArray:
                    if (shape != DeclarationShape)
                        return "the characters are not held in a variable, so their count cannot go on with them";
                    if (!IsSimple(invocation.Instance))
                        return "the string is not a variable, field or constant, and the fix reads it more than once";
                    return WhyUsesAreNotCountable(invocation, flow.Local!, summaries, cancellationToken);
                case AllocatingReadFixKinds.UdpReceive:
                    if (shape != DeclarationShape)
                        return "the datagram is not held in a variable, so its count cannot go on with it";
                    var udpBlocker = AllocatingReadUdpReceive.WhyNot(invocation, loops[loops.Length - 1]);
                    if (udpBlocker != null)
                        return udpBlocker;
                    var datagramUses = WhyUsesAreNotCountable(invocation, flow.Local!, summaries, cancellationToken);
                    if (datagramUses != null)
                        return datagramUses;
                    builder[SizeKey] = AllocatingReadUdpReceive.MaxDatagram.ToString(CultureInfo.InvariantCulture);
                    return null;
                case AllocatingReadFixKinds.MemoryStreamBuffer:
                    return PlanMemoryStream(invocation, flow, shape)
                        ? null
                        : "the stream is not a local 'new MemoryStream()' left open, or its bytes are not written whole in the next statement";
                default:
                    return "no rewrite of this call is known";
            }
        }

        /// <summary>
        /// <c>port.ReadByte()</c> (nanoFramework: a new byte[1] per call) becomes
        /// <c>(port.Read(oneByte, 0, 1) == 1 ? oneByte[0] : 0)</c> in place, over a byte[1] made before the loops: the
        /// same value, the same read, at the same point of evaluation.
        /// </summary>
        private static string? PlanReadByte(ImmutableDictionary<string, string>.Builder builder, IInvocationOperation invocation, ImmutableArray<ILoopOperation> loops)
        {
            if (invocation.Instance == null || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax })
                return "the port is not named in the call";
            if (!HasMethod(invocation.TargetMethod.ContainingType, "Read", "byte[],int,int", mustBeInstance: true))
                return "'" + invocation.TargetMethod.ContainingType.Name + "' has no Read(byte[], int, int)";

            builder[FixKey] = AllocatingReadFixKinds.SerialPortReadByte;
            builder[ShapeKey] = InlineShape;
            builder[HoistLoopsKey] = loops.Length.ToString(CultureInfo.InvariantCulture);
            builder[SizeKey] = "1";
            return null;
        }

        private static string? PlanBitConverter(IMethodSymbol method, bool hasSpan, ImmutableDictionary<string, string>.Builder builder)
        {
            if (method.Parameters.Length != 1)
                return "this overload has no fixed size";

            var type = method.Parameters[0].Type;
            string bits;
            int size;
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                    bits = BitsBoolean;
                    size = 1;
                    break;
                case SpecialType.System_Char:
                    bits = BitsUnsigned;
                    size = 2;
                    break;
                case SpecialType.System_Int16:
                    bits = BitsSigned;
                    size = 2;
                    break;
                case SpecialType.System_UInt16:
                    bits = BitsUnsigned;
                    size = 2;
                    break;
                case SpecialType.System_Int32:
                    bits = BitsSigned;
                    size = 4;
                    break;
                case SpecialType.System_UInt32:
                    bits = BitsUnsigned;
                    size = 4;
                    break;
                case SpecialType.System_Int64:
                    bits = BitsSigned;
                    size = 8;
                    break;
                case SpecialType.System_UInt64:
                    bits = BitsUnsigned;
                    size = 8;
                    break;
                case SpecialType.System_Single:
                    bits = BitsSingle;
                    size = 4;
                    break;
                case SpecialType.System_Double:
                    bits = BitsDouble;
                    size = 8;
                    break;
                default:
                    return "its value's type has no fixed size";
            }

            builder[SizeKey] = size.ToString(CultureInfo.InvariantCulture);
            var typeName = type.ToDisplayString(AllocatingReadSignatures.TypeFormat);
            if (hasSpan && HasMethod(method.ContainingType, "TryWriteBytes", "Span<byte>," + typeName))
            {
                builder[SpanKey] = "true";
                return null;
            }

            // Array code: the value's bits shifted out byte by byte (little-endian, reversed on big-endian machines).
            if (bits == BitsDouble && !HasMethod(method.ContainingType, "DoubleToInt64Bits", "double"))
                return "'BitConverter.DoubleToInt64Bits' is missing on this target";
            if (bits == BitsSingle && !HasMethod(method.ContainingType, "SingleToInt32Bits", "float"))
                return "'BitConverter.SingleToInt32Bits' is missing on this target";
            builder[BitsKey] = bits;
            return null;
        }

        /// <summary>
        /// <c>var data = ms.ToArray(); dest.Write(data, 0, data.Length);</c> or <c>dest.Write(ms.ToArray())</c> becomes
        /// <c>dest.Write(ms.GetBuffer(), 0, (int)ms.Length)</c>: only where <c>ms</c> is a local made by
        /// <c>new MemoryStream()</c> or <c>new MemoryStream(capacity)</c> (so GetBuffer is allowed), never reassigned,
        /// closed or disposed in the member, and the bytes go straight to a <c>(byte[], int, int)</c> method.
        /// </summary>
        private static bool PlanMemoryStream(IInvocationOperation invocation, BufferFlow flow, string shape)
        {
            if (!(invocation.Instance?.WalkDownConversions() is ILocalReferenceOperation stream) || !IsExposableStream(stream.Local, invocation))
                return false;

            var root = invocation.GetRoot();
            if (shape == InlineShape)
            {
                var argument = (IArgumentOperation)WalkUpAllConversions(invocation).Parent!;
                return argument.Parent is IInvocationOperation call && call.Arguments.Length == 1 && IsWriteWithCountOverload(call, argument)
                    && !IsLocal(call.Instance, stream.Local);
            }

            var local = flow.Local!;
            var references = root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)).ToList();
            if (references.Count == 0)
                return false;

            var declaration = invocation.Syntax.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            if (declaration?.Parent is not BlockSyntax block)
                return false;
            var index = block.Statements.IndexOf(declaration);
            if (index < 0 || index + 1 >= block.Statements.Count)
                return false;
            var next = block.Statements[index + 1];
            if (!(next is ExpressionStatementSyntax))
                return false;

            IInvocationOperation? write = null;
            foreach (var reference in references)
            {
                if (!next.Span.Contains(reference.Syntax.Span))
                    return false;

                var up = WalkUpAllConversions(reference);
                if (up.Parent is IArgumentOperation argument && argument.Parent is IInvocationOperation call)
                {
                    if (write != null && write != call)
                        return false;
                    write = call;
                    if (call.Arguments.Length == 1)
                    {
                        if (!IsWriteWithCountOverload(call, argument))
                            return false;
                    }
                    else if (!IsArrayOffsetCount(call, argument, local, rangeOnly: null))
                    {
                        return false;
                    }
                }
                else if (!IsLengthOf(reference))
                {
                    return false;
                }
            }

            return write != null && write.Parent is IExpressionStatementOperation && write.Syntax.Parent == next
                && (write.Instance == null || IsSimple(write.Instance) && !IsLocal(write.Instance, stream.Local));
        }

        /// <summary>The stream writing its own buffer into itself is left alone.</summary>
        private static bool IsLocal(IOperation? operation, ILocalSymbol local)
        {
            return operation?.WalkDownConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }

        private static bool IsExposableStream(ILocalSymbol local, IOperation anywhere)
        {
            var root = anywhere.GetRoot();
            IObjectCreationOperation? creation = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        creation = declarator.Initializer?.Value.WalkDownConversions() as IObjectCreationOperation;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        var parent = reference.Parent;
                        if (parent is IAssignmentOperation assignment && assignment.Target == reference
                            || parent is IArgumentOperation argument && argument.Parameter != null && argument.Parameter.RefKind != RefKind.None
                            || parent is IInvocationOperation call && (call.TargetMethod.Name == "Dispose" || call.TargetMethod.Name == "Close" || call.TargetMethod.Name == "DisposeAsync"))
                        {
                            return false;
                        }

                        if (!(parent is IInvocationOperation || parent is IPropertyReferenceOperation || parent is IArgumentOperation || parent is IUsingOperation))
                            return false;
                        break;
                }
            }

            return creation != null
                && creation.Constructor != null
                && creation.Constructor.ContainingType.ToDisplayString() == WellKnownTypes.Names.MemoryStream
                && (creation.Arguments.Length == 0 || creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32)
                && creation.Initializer == null;
        }

        /// <summary><c>dest.Write(bytes)</c> where dest's type also has <c>Write(byte[], int, int)</c> and dest is simple.</summary>
        private static bool IsWriteWithCountOverload(IInvocationOperation call, IArgumentOperation argument)
        {
            var method = call.TargetMethod;
            return call.Instance != null
                && IsSimple(call.Instance)
                && call.Arguments.Length == 1
                && argument.Parameter != null
                && argument.Parameter.RefKind == RefKind.None
                && IsCatalogued(method, argument.Parameter)
                && method.ContainingType != null
                && HasMethod(method.ContainingType, method.Name, "byte[],int,int", mustBeInstance: !method.IsStatic);
        }

        /// <summary>
        /// Every use of the result is its <c>Length</c>, or passes it with offset 0 and a count no more than
        /// <c>Length</c> (<see cref="IsCountBelowLength"/>) to a catalogued API or one of the project's own methods that
        /// only reads that range (<see cref="RangeOnly"/>), or is
        /// an element read below <c>Length</c>, or is a one-argument call to a catalogued API with a
        /// <c>(T[], int, int)</c> overload. The fix can then hand over a larger reused buffer with the true count.
        /// Returns why not, in words for the message; null when every use is countable.
        /// </summary>
        private static string? WhyUsesAreNotCountable(IInvocationOperation invocation, ILocalSymbol local, CalleeSummaries summaries, CancellationToken cancellationToken)
        {
            var longer = string.Format(CultureInfo.InvariantCulture, "a use of '{0}' sees its length, which a longer reused buffer would change", local.Name);
            var root = invocation.GetRoot();
            var elementType = ((IArrayTypeSymbol)invocation.Type!).ElementType.ToDisplayString(AllocatingReadSignatures.TypeFormat);
            foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    continue;
                if (IsLengthOf(reference) || IsIndexBelowLength(reference, local))
                    continue;

                var up = WalkUpAllConversions(reference);
                if (!(up.Parent is IArgumentOperation argument) || argument.Parameter == null)
                    return longer;

                if (argument.Parent is IInvocationOperation call && call.Arguments.Length == 1)
                {
                    var method = call.TargetMethod;
                    if (call.Instance == null || !IsSimple(call.Instance) || !IsCatalogued(method, argument.Parameter)
                        || !HasMethod(method.ContainingType, method.Name, elementType + "[],int,int", mustBeInstance: true))
                    {
                        return longer;
                    }

                    continue;
                }

                if (!IsArrayOffsetCount(argument.Parent, argument, local, RangeOnly(summaries, cancellationToken), countBelowLength: true))
                {
                    // The count is kept, but the callee, one of the project's own, may read outside it.
                    return argument.Parent is IInvocationOperation own && own.TargetMethod.DeclaringSyntaxReferences.Length > 0
                        && IsArrayOffsetCount(own, argument, local, rangeOnly: null, countBelowLength: true)
                        ? "'" + own.TargetMethod.ContainingType?.Name + "." + own.TargetMethod.Name + "' may read '" + local.Name + "' outside the range it is given, which a longer reused buffer would change"
                        : longer;
                }
            }

            return null;
        }

        /// <summary>
        /// The argument is followed by int offset 0 and int count <c>local.Length</c>; with <paramref name="countBelowLength"/>,
        /// a count that is no more than the length and reads it only directly (see <see cref="IsCountBelowLength"/>).
        /// </summary>
        private static bool IsArrayOffsetCount(IOperation? call, IArgumentOperation argument, ILocalSymbol local, System.Func<IMethodSymbol, IParameterSymbol, bool>? rangeOnly, bool countBelowLength = false)
        {
            ImmutableArray<IArgumentOperation> arguments;
            IMethodSymbol? method;
            switch (call)
            {
                case IInvocationOperation invocation:
                    arguments = invocation.Arguments;
                    method = invocation.TargetMethod;
                    break;
                case IObjectCreationOperation creation:
                    arguments = creation.Arguments;
                    method = creation.Constructor;
                    break;
                default:
                    return false;
            }

            var parameter = argument.Parameter!;
            if (method == null || !(parameter.Type is IArrayTypeSymbol || parameter.Type.SpecialType == SpecialType.System_Array) || parameter.RefKind != RefKind.None)
                return false;
            if (rangeOnly != null && !rangeOnly(method, parameter))
                return false;

            var ordinal = parameter.Ordinal;
            if (ordinal + 2 >= method.Parameters.Length)
                return false;
            if (method.Parameters[ordinal + 1].Type.SpecialType != SpecialType.System_Int32 || method.Parameters[ordinal + 2].Type.SpecialType != SpecialType.System_Int32)
                return false;

            var offset = arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal + 1)?.Value;
            var count = arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal + 2)?.Value;
            if (offset == null || count == null || !(offset.ConstantValue.HasValue && offset.ConstantValue.Value is int zero && zero == 0))
                return false;
            return countBelowLength ? IsCountBelowLength(count, local) : IsLengthRead(count, local);
        }

        /// <summary><c>local.Length</c>, read directly.</summary>
        private static bool IsLengthRead(IOperation operation, ILocalSymbol local)
        {
            return operation.WalkDownConversions() is IPropertyReferenceOperation length
                && length.Property.Name == "Length"
                && length.Instance is ILocalReferenceOperation lengthOf
                && SymbolEqualityComparer.Default.Equals(lengthOf.Local, local);
        }

        /// <summary>
        /// A count, after offset 0, that is never more than <c>local.Length</c> and is computed from <c>local.Length</c>
        /// read directly, so that the fix's replacement of each such read by the count produced gives it the same value:
        /// <c>local.Length</c>, <c>local.Length - k</c> for a constant k at or above 0 (a negative count throws as
        /// before), or a local <c>n</c> declared as one of those and never written again. The API, catalogued as
        /// touching only the range it is given (or a source method proven to read only it), then sees the same range of a buffer that is at least as long, and
        /// nothing observes the buffer's own length.
        /// </summary>
        private static bool IsCountBelowLength(IOperation count, ILocalSymbol local)
        {
            var value = count.WalkDownConversions();
            if (value is ILocalReferenceOperation copy && !SymbolEqualityComparer.Default.Equals(copy.Local, local))
            {
                if (copy.Local.IsRef || copy.Local.Type.SpecialType != SpecialType.System_Int32)
                    return false;

                IOperation? initializer = null;
                foreach (var reference in count.GetRoot().Descendants())
                {
                    switch (reference)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, copy.Local):
                            initializer = declarator.Initializer?.Value;
                            break;
                        case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, copy.Local):
                            if (IsCountWrite(use))
                                return false;
                            break;
                    }
                }

                return initializer != null && IsLengthOrLess(initializer, local);
            }

            return IsLengthOrLess(value, local);
        }

        /// <summary><c>local.Length</c> or <c>local.Length - k</c> for a constant k at or above 0 (no checked overflow: k is small and Length is not negative).</summary>
        private static bool IsLengthOrLess(IOperation operation, ILocalSymbol local)
        {
            var value = operation.WalkDownConversions();
            if (IsLengthRead(value, local))
                return true;
            return value is IBinaryOperation subtraction
                && subtraction.OperatorKind == BinaryOperatorKind.Subtract
                && subtraction.OperatorMethod == null
                && subtraction.Type?.SpecialType == SpecialType.System_Int32
                && IsLengthRead(subtraction.LeftOperand, local)
                && subtraction.RightOperand.ConstantValue.HasValue
                && subtraction.RightOperand.ConstantValue.Value is int amount
                && amount >= 0;
        }

        /// <summary>
        /// The reference may write the local: assigned, incremented, passed by ref or out, aliased by a ref local, or in
        /// a tuple (which may be a deconstruction's target).
        /// </summary>
        private static bool IsCountWrite(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            return parent is IAssignmentOperation assignment && assignment.Target == reference
                || parent is IIncrementOrDecrementOperation
                || parent is IArgumentOperation argument && argument.Parameter != null && argument.Parameter.RefKind != RefKind.None
                || parent is IVariableInitializerOperation && parent.Parent is IVariableDeclaratorOperation declarator && declarator.Symbol.IsRef
                || parent is ITupleOperation;
        }

        /// <summary>
        /// <c>chars[i]</c> inside <c>for (int i = 0; i &lt; chars.Length; i++)</c>, where <c>i</c> starts at a constant
        /// at or above 0, only goes up by constants in the increment and is not written in the body: the index stays
        /// below the count, which replaces <c>Length</c> in the condition.
        /// </summary>
        private static bool IsIndexBelowLength(ILocalReferenceOperation reference, ILocalSymbol array)
        {
            if (!(reference.Parent is IArrayElementReferenceOperation element)
                || element.ArrayReference != reference
                || element.Indices.Length != 1
                || !(element.Indices[0].WalkDownConversions() is ILocalReferenceOperation index))
            {
                return false;
            }

            for (var current = element.Parent; current != null && !current.IsFunctionBoundary(); current = current.Parent)
            {
                if (!(current is IForLoopOperation loop) || !loop.Locals.Contains(index.Local, SymbolEqualityComparer.Default))
                    continue;

                if (!(loop.Condition is IBinaryOperation condition)
                    || condition.OperatorKind != BinaryOperatorKind.LessThan
                    || !(condition.LeftOperand.WalkDownConversions() is ILocalReferenceOperation left)
                    || !SymbolEqualityComparer.Default.Equals(left.Local, index.Local)
                    || !(condition.RightOperand.WalkDownConversions() is IPropertyReferenceOperation length)
                    || !(length.Instance is ILocalReferenceOperation lengthOf)
                    || !SymbolEqualityComparer.Default.Equals(lengthOf.Local, array)
                    || !IsLengthOf(lengthOf))
                {
                    return false;
                }

                if (!StartsAtOrAboveZero(loop, index.Local))
                    return false;

                foreach (var write in loop.Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(write.Local, index.Local) || write.Parent is IVariableDeclaratorOperation)
                        continue;
                    var parent = write.Parent;
                    var isWrite = parent is IAssignmentOperation assignment && assignment.Target == write
                        || parent is IIncrementOrDecrementOperation
                        || parent is IArgumentOperation argument && argument.Parameter != null && argument.Parameter.RefKind != RefKind.None;
                    if (!isWrite)
                        continue;

                    var inIncrement = loop.AtLoopBottom.Any(bottom => write.IsDescendantOf(bottom));
                    var goesUp = parent is IIncrementOrDecrementOperation step && step.Kind == OperationKind.Increment
                        || parent is ICompoundAssignmentOperation compound && compound.OperatorKind == BinaryOperatorKind.Add
                            && compound.Value.ConstantValue.HasValue && compound.Value.ConstantValue.Value is int amount && amount > 0;
                    if (!inIncrement || !goesUp)
                        return false;
                }

                return true;
            }

            return false;
        }

        private static bool StartsAtOrAboveZero(IForLoopOperation loop, ILocalSymbol index)
        {
            foreach (var declarator in loop.Before.SelectMany(b => b.DescendantsAndSelf()).OfType<IVariableDeclaratorOperation>())
            {
                if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, index))
                {
                    var value = declarator.Initializer?.Value;
                    return value != null && value.ConstantValue.HasValue && value.ConstantValue.Value is int start && start >= 0;
                }
            }

            return false;
        }

        private static bool IsLengthOf(ILocalReferenceOperation reference)
        {
            return reference.Parent is IPropertyReferenceOperation property
                && property.Instance == reference
                && property.Property.Name == "Length"
                && !(property.Parent is IAssignmentOperation assignment && assignment.Target == property);
        }

        /// <summary>
        /// The callees that touch only the range of an <c>(array, offset, count)</c> they are given: catalogued APIs,
        /// and the project's own methods whose bodies only read that range (<see cref="CalleeSummaries.ReadsOnlyRange"/>).
        /// </summary>
        private static System.Func<IMethodSymbol, IParameterSymbol, bool> RangeOnly(CalleeSummaries summaries, CancellationToken cancellationToken)
            => (method, parameter) => IsCatalogued(method, parameter) || summaries.ReadsOnlyRange(method, parameter, cancellationToken);

        private static bool IsCatalogued(IMethodSymbol method, IParameterSymbol parameter)
        {
            var effect = CalleeCatalog.Classify(method, parameter);
            return effect == CalleeEffect.BorrowRead || effect == CalleeEffect.BorrowWrite;
        }

        /// <summary>A call used as an argument of a call that is a whole statement in the loop's body, whose receiver and earlier arguments are simple.</summary>
        private static bool IsInlineArgumentOfStatementCall(IInvocationOperation invocation, ILoopOperation loop)
        {
            if (!(WalkUpAllConversions(invocation).Parent is IArgumentOperation argument)
                || !(argument.Parent is IInvocationOperation call)
                || !(call.Parent is IExpressionStatementOperation statement))
            {
                return false;
            }

            var body = loop.Body?.Syntax;
            if (body == null || !body.Span.Contains(statement.Syntax.Span))
                return false;

            if (call.Instance != null && !IsSimple(call.Instance))
                return false;
            foreach (var other in call.Arguments)
            {
                if (other == argument)
                    break;
                if (!IsSimple(other.Value))
                    return false;
            }

            // Arguments are evaluated in source order; named arguments out of order make that harder to keep.
            return call.Arguments.Select(a => a.Syntax.SpanStart).SequenceEqual(call.Arguments.Select(a => a.Syntax.SpanStart).OrderBy(s => s));
        }

        /// <summary>Climbs through every conversion, including array to span.</summary>
        internal static IOperation WalkUpAllConversions(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation conversion)
                current = conversion;
            return current;
        }

        /// <summary>Reading it twice, or earlier, gives the same value and has no effect: locals, parameters, fields, constants, static Encoding properties.</summary>
        internal static bool IsSimple(IOperation? operation)
        {
            switch (operation?.WalkDownConversions())
            {
                case null:
                    return false;
                case ILocalReferenceOperation _:
                case IParameterReferenceOperation _:
                case IInstanceReferenceOperation _:
                    return true;
                case ILiteralOperation _:
                    return true;
                case IFieldReferenceOperation field:
                    return field.Instance == null || IsSimple(field.Instance);
                case IPropertyReferenceOperation property:
                    return property.Instance == null
                        && property.Arguments.IsEmpty
                        && property.Property.ContainingType?.ToDisplayString() == "System.Text.Encoding";
                case var other:
                    return other.ConstantValue.HasValue;
            }
        }

        private static bool HasMethod(INamedTypeSymbol type, string name, string shape, bool mustBeInstance = false)
        {
            return AllocatingReadSignatures.GetMethods(type, name).Any(m => (!mustBeInstance || !m.IsStatic) && m.DeclaredAccessibility == Accessibility.Public && AllocatingReadSignatures.Matches(shape, m));
        }
    }
}
