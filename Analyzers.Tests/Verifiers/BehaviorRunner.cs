using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>What running a program observably did.</summary>
/// <param name="Output">Everything written to <see cref="Console.Out"/>.</param>
/// <param name="ErrorOutput">Everything written to <see cref="Console.Error"/>.</param>
/// <param name="ReturnValue">The return value's <c>ToString()</c>, "null", or "void".</param>
/// <param name="ExceptionType">Full name of the exception type the entry point threw, or null.</param>
public sealed record ExecutionResult(string Output, string ErrorOutput, string ReturnValue, string? ExceptionType)
{
    /// <summary>True when the run printed nothing, returned void and threw nothing.</summary>
    public bool ObservedNothing => Output.Length == 0 && ErrorOutput.Length == 0 && ReturnValue == "void" && ExceptionType is null;

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.AppendLine($"  return value: {ReturnValue}");
        builder.AppendLine($"  exception:    {ExceptionType ?? "(none)"}");
        builder.AppendLine("  stdout:");
        builder.AppendLine(Indent(Output));
        builder.AppendLine("  stderr:");
        builder.Append(Indent(ErrorOutput));
        return builder.ToString();
    }

    private static string Indent(string text)
        => text.Length == 0 ? "    (empty)" : string.Join("\n", text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select(l => "    | " + l));
}

/// <summary>
/// Compiles code to a real assembly, loads it into its own collectible <see cref="AssemblyLoadContext"/> and runs
/// an entry point with the console redirected. Runs are serialised because the console is process-wide.
/// </summary>
public static class BehaviorRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Runs <paramref name="entryPoint"/> of the code before and after a fix and fails unless both print the same,
    /// return the same and throw the same exception type, or when neither observes anything.
    /// </summary>
    /// <param name="loadableReferences">Files of references the program loads at run time (e.g. Fragless.dll); the
    /// framework itself comes from the test process.</param>
    public static async Task VerifySameBehaviorAsync(
        Compilation before,
        Compilation after,
        string entryPoint,
        IReadOnlyCollection<string> loadableReferences,
        CancellationToken cancellationToken = default)
    {
        var original = await RunAsync(before, entryPoint, loadableReferences, "original code", cancellationToken).ConfigureAwait(false);
        var fixedRun = await RunAsync(after, entryPoint, loadableReferences, "fixed code", cancellationToken).ConfigureAwait(false);
        if (original != fixedRun)
        {
            throw new BehaviorCheckException($"Behaviour check: the fix changed what the program does ({entryPoint}).\nBefore the fix:\n{original}\nAfter the fix:\n{fixedRun}");
        }

        if (original.ObservedNothing)
        {
            throw new BehaviorCheckException($"Behaviour check: {entryPoint} printed nothing, returned void and threw nothing before and after the fix, so the check observes nothing. Print or return something.");
        }
    }

    private static async Task<ExecutionResult> RunAsync(Compilation compilation, string entryPoint, IReadOnlyCollection<string> loadableReferences, string stage, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(compilation, entryPoint, loadableReferences, timeout: null, cancellationToken).ConfigureAwait(false);
        }
        catch (BehaviorCheckException exception)
        {
            throw new BehaviorCheckException($"Behaviour check ({stage}): " + exception.Message);
        }
    }

    /// <summary>Compiles <paramref name="source"/> (no markup) against <paramref name="references"/> and runs
    /// <paramref name="entryPoint"/>.</summary>
    public static Task<ExecutionResult> RunAsync(
        string source,
        string entryPoint,
        IEnumerable<MetadataReference> references,
        IReadOnlyCollection<string>? loadableReferences = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "/0/Test0.cs", cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("BehaviorTest", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return RunAsync(compilation, entryPoint, loadableReferences ?? Array.Empty<string>(), timeout, cancellationToken);
    }

    /// <summary>Emits <paramref name="compilation"/> (output kind adjusted to the entry point) and runs it.</summary>
    public static async Task<ExecutionResult> RunAsync(
        Compilation compilation,
        string entryPoint,
        IReadOnlyCollection<string> loadableReferences,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var isMain = entryPoint == "Main";
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(
            isMain ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));

        using var peStream = new MemoryStream();
        var emit = compilation.Emit(peStream, cancellationToken: cancellationToken);
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => "  " + d);
            throw new BehaviorCheckException("the code does not compile:\n" + string.Join("\n", errors));
        }

        peStream.Position = 0;

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var context = new AssemblyLoadContext("Behavior-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            context.Resolving += (ctx, name) =>
            {
                // Framework assemblies come from the default context; only the test's own references are loaded here.
                var match = loadableReferences.FirstOrDefault(path =>
                    string.Equals(Path.GetFileNameWithoutExtension(path), name.Name, StringComparison.OrdinalIgnoreCase));
                return match is null ? null : ctx.LoadFromAssemblyPath(match);
            };

            var assembly = context.LoadFromStream(peStream);
            var method = FindEntryPoint(assembly, entryPoint);
            return Run(method, timeout ?? DefaultTimeout);
        }
        finally
        {
            context.Unload();
            Gate.Release();
        }
    }

    private static MethodInfo FindEntryPoint(Assembly assembly, string entryPoint)
    {
        if (entryPoint == "Main")
        {
            return assembly.EntryPoint ?? throw new BehaviorCheckException("the assembly has no entry point.");
        }

        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0 || dot == entryPoint.Length - 1)
        {
            throw new BehaviorCheckException($"entry point '{entryPoint}' must be \"Main\" or \"Type.Method\".");
        }

        var typeName = entryPoint.Substring(0, dot);
        var methodName = entryPoint.Substring(dot + 1);
        var types = assembly.GetTypes();
        var type = assembly.GetType(typeName)
            ?? types.FirstOrDefault(t => t.FullName == typeName)
            ?? types.SingleOrDefault(t => t.Name == typeName)
            ?? throw new BehaviorCheckException($"type '{typeName}' not found.");
        return type.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, binder: null, Type.EmptyTypes, modifiers: null)
            ?? throw new BehaviorCheckException($"static method '{methodName}()' without parameters not found on '{type.FullName}'.");
    }

    private static ExecutionResult Run(MethodInfo method, TimeSpan timeout)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string returnValue = "void";
        string? exceptionType = null;

        var thread = new Thread(() =>
        {
            try
            {
                var arguments = method.GetParameters().Length == 1 ? new object?[] { Array.Empty<string>() } : null;
                var value = method.Invoke(null, arguments);
                returnValue = FormatReturnValue(method.ReturnType, value);
            }
            catch (Exception exception)
            {
                exceptionType = Unwrap(exception).GetType().FullName;
            }
        })
        {
            IsBackground = true,
            Name = "BehaviorRunner",
        };

        var originalOut = Console.Out;
        var originalError = Console.Error;
        bool finished;
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            thread.Start();
            finished = thread.Join(timeout);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        if (!finished)
        {
            throw new BehaviorCheckException($"{method.DeclaringType?.FullName}.{method.Name} did not finish within {timeout.TotalSeconds:0.#} s.\nOutput so far:\n{stdout}");
        }

        return new ExecutionResult(stdout.ToString(), stderr.ToString(), returnValue, exceptionType);
    }

    private static string FormatReturnValue(Type returnType, object? value)
    {
        if (returnType == typeof(void))
        {
            return "void";
        }

        if (value is Task task)
        {
            task.GetAwaiter().GetResult();
            if (!returnType.IsGenericType)
            {
                return "void";
            }

            value = returnType.GetProperty("Result")!.GetValue(task);
        }
        else if (returnType == typeof(ValueTask))
        {
            ((ValueTask)value!).GetAwaiter().GetResult();
            return "void";
        }

        return value?.ToString() ?? "null";
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            if (exception is TargetInvocationException { InnerException: not null } invocation)
            {
                exception = invocation.InnerException!;
            }
            else if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                exception = aggregate.InnerExceptions[0];
            }
            else
            {
                return exception;
            }
        }
    }
}
