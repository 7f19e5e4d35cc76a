namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Thrown when the behaviour check fails: the code does not compile or run, or the fix changed what it does.</summary>
public sealed class BehaviorCheckException : Exception
{
    public BehaviorCheckException(string message)
        : base(message)
    {
    }
}
