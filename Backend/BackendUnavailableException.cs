namespace CloudFs.Backend;

/// <summary>No role server could be reached for a call the request cannot do without (answered 503).</summary>
public sealed class BackendUnavailableException(string message) : Exception(message);
