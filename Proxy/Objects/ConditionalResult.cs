namespace CloudFs.Proxy.Objects;

/// <summary>What the conditional request headers make of a GET or HEAD.</summary>
public enum ConditionalResult
{
    Proceed,
    NotModified,
    /// <summary>If-Match did not match.</summary>
    PreconditionFailed,

    /// <summary>If-Unmodified-Since failed (Swift's 412 then carries no ETag or Last-Modified).</summary>
    ModifiedSince,
}
