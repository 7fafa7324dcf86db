namespace CloudFs.Proxy.Objects;

/// <summary>What the conditional request headers make of a GET or HEAD.</summary>
public enum ConditionalResult
{
    Proceed,
    NotModified,
    /// <summary>If-Match did not match, or If-Unmodified-Since failed.</summary>
    PreconditionFailed,
}
