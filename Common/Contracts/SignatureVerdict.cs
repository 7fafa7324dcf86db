namespace CloudFs.Common.Contracts;

/// <summary>What <see cref="BackendSignature.Check"/> found.</summary>
public enum SignatureVerdict
{
    Valid,
    Missing,
    Malformed,
    Forged,
    Stale,
}
