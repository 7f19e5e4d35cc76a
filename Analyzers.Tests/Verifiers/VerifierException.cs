namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Thrown by the verifier when an analyzer, code fix or behaviour check fails.</summary>
public sealed class VerifierException : Exception
{
    public VerifierException(string message)
        : base(message)
    {
    }

    public VerifierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
