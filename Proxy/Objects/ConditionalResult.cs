namespace CloudFs.Proxy.Objects;

/// <summary>What the conditional request headers make of a GET or HEAD.</summary>
public enum ConditionalResult
{
    Proceed,
    NotModified,
    PreconditionFailed,
}
