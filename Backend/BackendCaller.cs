namespace CloudFs.Backend;

/// <summary>
/// Who an internal request acts for, as sent in the X-Backend-User-* headers. The proxy's
/// validated <c>Identity</c> is one; a role acting for itself sends none.
/// </summary>
public record BackendCaller(long UserId, string User, string Type);
