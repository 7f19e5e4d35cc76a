using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// Follows a buffer from where it is made through the variables that hold it and the calls it is
    /// passed to, and tells whether it can outlive a loop iteration (or, for a callee, the call), and
    /// whether it is written.
    /// </summary>
    internal sealed class BufferFlowAnalysis
    {
        private readonly BufferFlow _flow = new BufferFlow();
        private readonly CalleeSummaries _summaries;
        private readonly IOperation _root;
        private readonly IOperation? _function;
        private readonly ILoopOperation? _loop;
        private readonly Scope _scope;
        private readonly int _depth;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ILocalSymbol> _trackedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        /// <summary>True while an object an unknown constructor was given the buffer is followed (see <see cref="AnalyzeArgument"/>).</summary>
        private bool _inHolder;

        /// <summary>What the buffer must not outlive.</summary>
        private enum Scope
        {
            /// <summary>One iteration of a loop: variables declared outside the loop outlive it.</summary>
            Iteration,

            /// <summary>One run of the member (or lambda, local function) that allocates it.</summary>
            Member,

            /// <summary>A callee's call: returning the parameter hands it back to the caller.</summary>
            Call,
        }

        private BufferFlowAnalysis(IOperation anchor, Scope scope, ILoopOperation? loop, CalleeSummaries summaries, int depth, CancellationToken cancellationToken)
        {
            _root = anchor.GetRoot();
            _function = anchor.GetEnclosingFunction();
            _scope = scope;
            _loop = loop;
            _summaries = summaries;
            _depth = depth;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Analyses a buffer allocated inside <paramref name="innermostLoop"/>: does it outlive the iteration?</summary>
        public static BufferFlow AnalyzeAllocation(IOperation allocation, ILoopOperation innermostLoop, CalleeSummaries summaries, CancellationToken cancellationToken)
        {
            var analysis = new BufferFlowAnalysis(allocation, Scope.Iteration, innermostLoop, summaries, depth: 0, cancellationToken);
            analysis.AnalyzeValue(allocation);
            return analysis._flow;
        }

        /// <summary>Analyses a buffer allocated anywhere in a member: does it outlive the member's run (or the lambda's)?</summary>
        public static BufferFlow AnalyzeAllocationInMember(IOperation allocation, CalleeSummaries summaries, CancellationToken cancellationToken)
        {
            var analysis = new BufferFlowAnalysis(allocation, Scope.Member, loop: null, summaries, depth: 0, cancellationToken);
            analysis.AnalyzeValue(allocation);
            return analysis._flow;
        }

        /// <summary>Analyses a callee's parameter: does the callee keep, return or write the buffer it is given?</summary>
        public static BufferFlow AnalyzeParameter(IOperation body, IReadOnlyList<IParameterReferenceOperation> references, CalleeSummaries summaries, int depth, CancellationToken cancellationToken)
        {
            var analysis = new BufferFlowAnalysis(body, Scope.Call, loop: null, summaries, depth, cancellationToken);
            foreach (var reference in references)
            {
                if (analysis._flow.Escapes)
                    break;
                if (reference.GetEnclosingFunction() != analysis._function && reference.GetEnclosingFunction() != body)
                {
                    analysis._flow.MarkEscape("captured by a lambda or local function");
                    break;
                }

                if (IsWriteTarget(reference))
                    continue;
                analysis.AnalyzeValue(reference);
            }

            return analysis._flow;
        }


        private void AnalyzeValue(IOperation value)
        {
            if (_flow.Escapes)
                return;
            _cancellationToken.ThrowIfCancellationRequested();

            var current = value.WalkUpConversions();
            var parent = current.Parent;
            switch (parent)
            {
                case null:
                    _flow.MarkEscape("used where Fragless cannot follow it");
                    return;

                case IExpressionStatementOperation _:
                case IIsTypeOperation _:
                case IInterpolationOperation _:
                case ISwitchOperation _:
                    return;

                case IBinaryOperation _:
                    // Comparisons (buffer == null) read the reference only.
                    return;

                case IIsPatternOperation pattern:
                    if (pattern.Pattern.Descendants().Any(d => d is IDeclarationPatternOperation) || pattern.Pattern is IDeclarationPatternOperation)
                        _flow.MarkEscape("matched into another variable");
                    return;

                case IConversionOperation conversion:
                    // A user-defined conversion: array to Span<T>, ReadOnlySpan<T>, Memory<T> or ArraySegment<T> makes a view.
                    AnalyzeView(conversion);
                    return;

                case IVariableInitializerOperation initializer:
                    if (initializer.Parent is IVariableDeclaratorOperation declarator)
                        TrackLocal(declarator.Symbol, initializer);
                    else
                        _flow.MarkEscape("stored in a field or property");
                    return;

                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    AnalyzeAssignment(assignment);
                    return;

                case IArgumentOperation argument:
                    AnalyzeArgument(argument);
                    return;

                case IReturnOperation ret:
                    if (ret.Kind == OperationKind.YieldReturn)
                        _flow.MarkEscape("yielded");
                    else if (_scope != Scope.Call || current.GetEnclosingFunction() != _function)
                        _flow.MarkEscape("returned");
                    else
                        _flow.ReturnsIt = true;
                    return;

                case IInvocationOperation invocation when invocation.Instance == current:
                    AnalyzeInstanceCall(invocation);
                    return;

                case IPropertyReferenceOperation property when property.Instance == current:
                    if (property.Property.Name == "Capacity")
                        _flow.ObservesCapacity = true;
                    if (IsWriteTarget(property))
                        _flow.IsWritten = true;
                    return;

                case IFieldReferenceOperation field when field.Instance == current:
                    return;

                case IArrayElementReferenceOperation element when element.ArrayReference == current:
                    if (IsElementWrite(element))
                        _flow.IsWritten = true;
                    return;

                case IForEachLoopOperation forEach when forEach.Collection == current:
                    return;

                case IConditionalOperation conditional when conditional.WhenTrue == current || conditional.WhenFalse == current:
                    _flow.HasAlias = true;
                    AnalyzeValue(conditional);
                    return;

                case ICoalesceOperation coalesce:
                    _flow.HasAlias = true;
                    AnalyzeValue(coalesce);
                    return;

                case IUsingOperation _:
                    _flow.IsUsingResource = true;
                    return;

                case IAwaitOperation _:
                    return;

                default:
                    _flow.MarkEscape(Describe(parent));
                    return;
            }
        }

        private static string Describe(IOperation parent)
        {
            switch (parent)
            {
                case IArrayInitializerOperation _:
                    return "stored in a collection";
                case IMemberInitializerOperation _:
                case IPropertyInitializerOperation _:
                case IFieldInitializerOperation _:
                    return "stored in a field or property";
                case IThrowOperation _:
                    return "thrown";
                case ITupleOperation _:
                    return "stored in a tuple";
                default:
                    return (int)parent.Kind == 0x7F ? "stored in a collection" : "used where Fragless cannot follow it";
            }
        }

        private void AnalyzeAssignment(ISimpleAssignmentOperation assignment)
        {
            switch (assignment.Target)
            {
                case ILocalReferenceOperation local:
                    TrackLocal(local.Local, assignment);
                    break;
                case IDiscardOperation _:
                    break;
                case IParameterReferenceOperation _:
                    if (_scope != Scope.Call)
                        _flow.MarkEscape("assigned to a parameter");
                    break;
                case IArrayElementReferenceOperation _:
                    _flow.MarkEscape("stored in an array element");
                    return;
                default:
                    _flow.MarkEscape("stored in a field or property");
                    return;
            }

            // x = y = buffer: the assignment's own value flows on.
            if (!(assignment.Parent is IExpressionStatementOperation))
                AnalyzeValue(assignment);
        }

        private void TrackLocal(ILocalSymbol local, IOperation origin)
        {
            if (!_trackedLocals.Add(local))
                return;

            if (local.IsRef)
            {
                _flow.MarkEscape("held by a ref local");
                return;
            }

            if (_scope != Scope.Call)
            {
                if (_scope == Scope.Iteration && !IsDeclaredInsideLoop(local))
                {
                    _flow.MarkEscape("assigned to '" + local.Name + "', declared outside the loop");
                    return;
                }

                if (_flow.Local == null && !_inHolder)
                    _flow.Local = local;
            }

            if (!_inHolder)
            {
                _flow.LocalCount++;
                if (_flow.LocalCount > 1)
                    _flow.HasAlias = true;
            }

            if (IsUsingDeclared(local))
                _flow.IsUsingResource = true;

            foreach (var reference in LocalReferences.Of(_root, local))
            {
                if (_flow.Escapes)
                    return;

                if (IsWriteTarget(reference))
                {
                    if (!(reference.Parent == origin || reference.Parent is IVariableDeclaratorOperation))
                    {
                        if (!_flow.IsReassigned && reference.Parent is IArgumentOperation byRef && byRef.Parent is IInvocationOperation call)
                            _flow.PassedByRefTo = call.TargetMethod.ContainingType?.Name + "." + call.TargetMethod.Name;
                        _flow.IsReassigned = true;
                    }

                    continue;
                }

                if (!CheckCapture(reference))
                    return;

                AnalyzeValue(reference);
            }
        }

        /// <summary>
        /// A reference inside a lambda means the buffer can outlive the iteration. A local function is
        /// accepted when it is only ever called directly from the same function as the allocation.
        /// </summary>
        private bool CheckCapture(IOperation reference)
        {
            var function = reference.GetEnclosingFunction();
            if (function == _function)
                return true;

            for (var current = function; current != null && current != _function; current = current.GetEnclosingFunction())
            {
                if (!(current is ILocalFunctionOperation localFunction))
                {
                    _flow.MarkEscape("captured by a lambda");
                    return false;
                }

                foreach (var use in _root.Descendants())
                {
                    if (use is IMethodReferenceOperation methodReference
                        && SymbolEqualityComparer.Default.Equals(methodReference.Method, localFunction.Symbol))
                    {
                        _flow.MarkEscape("captured by a local function that is used as a delegate");
                        return false;
                    }

                    if (use is IInvocationOperation call
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod, localFunction.Symbol)
                        && call.GetEnclosingFunction() != current.GetEnclosingFunction()
                        && !call.IsDescendantOf(current))
                    {
                        _flow.MarkEscape("captured by a local function called from elsewhere");
                        return false;
                    }
                }
            }

            return true;
        }

        private void AnalyzeArgument(IArgumentOperation argument)
        {
            var parameter = argument.Parameter;
            IMethodSymbol? method;
            switch (argument.Parent)
            {
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    break;
                case IObjectCreationOperation creation:
                    method = creation.Constructor;
                    break;
                default:
                    method = null;
                    break;
            }

            if (parameter == null || method == null)
            {
                _flow.MarkEscape("passed where Fragless cannot follow it");
                return;
            }

            if (parameter.RefKind == RefKind.Ref || parameter.RefKind == RefKind.Out)
            {
                if (!_flow.IsReassigned)
                    _flow.PassedByRefTo = method.ContainingType?.Name + "." + method.Name;
                _flow.IsReassigned = true;
                _flow.IsWritten = true;
            }

            var call = argument.Parent!;
            // Raising an event or calling a callback hands the buffer to whoever subscribed: it is their data now
            // (handlers queue it, store it, pass it on), not a scratch buffer of this code.
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                _flow.MarkEscape("handed to the handlers of a '" + method.ContainingType?.Name + "' delegate");
                return;
            }

            if (IsAwaitable(method.ReturnType) && !IsAwaitedDirectly(call))
            {
                _flow.MarkEscape("passed to an asynchronous call that is not awaited");
                return;
            }

            var effect = CalleeCatalog.Classify(method, parameter);
            if (effect == CalleeEffect.Unknown && CalleeCatalog.IsSpanLike(parameter.Type))
            {
                effect = CalleeCatalog.IsSpanLike(method.ReturnType)
                    ? CalleeEffect.Alias
                    : CalleeCatalog.IsReadOnlyView(parameter.Type) ? CalleeEffect.BorrowRead : CalleeEffect.BorrowWrite;
            }

            if (effect == CalleeEffect.Unknown)
                effect = _summaries.GetEffect(method, parameter, _depth, _cancellationToken);

            switch (effect)
            {
                case CalleeEffect.BorrowRead:
                    return;
                case CalleeEffect.BorrowWrite:
                    _flow.IsWritten = true;
                    return;
                case CalleeEffect.Alias:
                    _flow.HasAlias = true;
                    _flow.IsWritten = true;
                    AnalyzeValue(call);
                    return;
                case CalleeEffect.Keep:
                    _flow.MarkEscape("kept by '" + method.ContainingType?.Name + "." + method.Name + "'");
                    return;
                default:
                    // Policy for callees Fragless cannot see: they are assumed to use the buffer only during
                    // the call (most buffer-taking APIs do), which keeps the diagnostic, but no fix is offered.
                    if (!_flow.HasUnknownCallee)
                        _flow.UnknownCallee = method.ContainingType?.Name + "." + method.Name;
                    _flow.HasUnknownCallee = true;
                    _flow.IsWritten = true;

                    // A constructor most often stores what it is given (new MqttUserProperty("My", bytes)): where the
                    // new object is kept, so is the buffer. Where it is dropped, the buffer still counts as dropped,
                    // with no fix (the constructor may also keep it elsewhere).
                    // (A struct's constructor copies as often: new Guid(bytes).)
                    if (method.MethodKind == MethodKind.Constructor && call is IObjectCreationOperation && call.Type?.IsReferenceType == true && !_inHolder)
                    {
                        // The object is followed for where it goes, not as the buffer: its locals are not the buffer's.
                        _inHolder = true;
                        try
                        {
                            AnalyzeValue(call);
                        }
                        finally
                        {
                            _inHolder = false;
                        }
                    }
                    return;
            }
        }

        private void AnalyzeInstanceCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "GetBuffer":
                case "TryGetBuffer":
                case "EnsureCapacity":
                case "TrimExcess":
                    _flow.ObservesCapacity = true;
                    break;
                case "SetValue":
                case "Initialize":
                    _flow.IsWritten = true;
                    break;
            }

            if (IsAwaitable(method.ReturnType) && !IsAwaitedDirectly(invocation))
            {
                _flow.MarkEscape("used by an asynchronous call that is not awaited");
                return;
            }

            // Fluent calls (StringBuilder.Append) return the buffer itself; enumerators and views refer to it.
            var returnType = method.ReturnType;
            if (method.ReturnsVoid || returnType.SpecialType != SpecialType.None || returnType.TypeKind == TypeKind.Enum)
                return;
            if (returnType is IArrayTypeSymbol && method.Name != "GetBuffer")
                return;
            if (returnType.IsValueType && !CalleeCatalog.IsSpanLike(returnType) && returnType.Name != "Enumerator" && returnType.Name != "ArraySegment" && returnType.Name != "Memory" && returnType.Name != "ReadOnlyMemory")
                return;
            if (IsAwaitable(returnType))
                return;

            _flow.HasAlias = true;
            AnalyzeValue(invocation);
        }

        private void AnalyzeView(IConversionOperation conversion)
        {
            var type = conversion.Type;
            if (type == null)
            {
                _flow.MarkEscape("converted where Fragless cannot follow it");
                return;
            }

            if (!CalleeCatalog.IsReadOnlyView(type))
                _flow.IsWritten = true;
            _flow.HasAlias = true;
            AnalyzeValue(conversion);
        }

        private bool IsDeclaredInsideLoop(ILocalSymbol local)
        {
            var body = _loop?.Body?.Syntax;
            if (body == null)
                return false;

            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (!body.Span.Contains(reference.Span) || reference.SyntaxTree != body.SyntaxTree)
                    return false;
            }

            return local.DeclaringSyntaxReferences.Length > 0;
        }

        private static bool IsUsingDeclared(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                for (var node = reference.GetSyntax().Parent; node != null; node = node.Parent)
                {
                    if (node is LocalDeclarationStatementSyntax statement)
                        return statement.UsingKeyword.Span.Length > 0;
                    if (node is UsingStatementSyntax)
                        return true;
                    if (node is StatementSyntax)
                        break;
                }
            }

            return false;
        }

        /// <summary>True when the reference is the target of an assignment, increment, deconstruction or by-ref argument.</summary>
        private static bool IsWriteTarget(IOperation reference)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case IAssignmentOperation assignment:
                    return assignment.Target == reference;
                case IIncrementOrDecrementOperation _:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter != null && (argument.Parameter.RefKind == RefKind.Ref || argument.Parameter.RefKind == RefKind.Out);
                case ITupleOperation tuple:
                    return tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple;
                default:
                    return false;
            }
        }

        private static bool IsElementWrite(IArrayElementReferenceOperation element)
        {
            if (IsWriteTarget(element))
                return true;

            switch (element.Parent)
            {
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                case IInvocationOperation _:
                    // A member of a struct element may be mutated in place.
                    return element.Type != null && element.Type.IsValueType;
                case IAddressOfOperation _:
                    return true;
                case IVariableInitializerOperation initializer:
                    return initializer.Parent is IVariableDeclaratorOperation declarator && declarator.Symbol.IsRef;
                default:
                    return false;
            }
        }

        private static bool IsAwaitable(ITypeSymbol? type)
        {
            if (type == null)
                return false;
            var name = type.Name;
            return name == "Task" || name == "ValueTask" || name == "IAsyncResult";
        }

        private static bool IsAwaitedDirectly(IOperation call)
        {
            var current = call.WalkUpConversions();
            if (current.Parent is IAwaitOperation)
                return true;

            // await call.ConfigureAwait(false)
            return current.Parent is IInvocationOperation configureAwait
                && configureAwait.Instance == current
                && configureAwait.TargetMethod.Name == "ConfigureAwait"
                && configureAwait.WalkUpConversions().Parent is IAwaitOperation;
        }
    }
}
