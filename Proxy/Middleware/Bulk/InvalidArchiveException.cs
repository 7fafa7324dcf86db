namespace CloudFs.Proxy.Middleware.Bulk;

/// <summary>An archive that cannot be read; its message is the reason Swift gives after "Invalid Tar File: ".</summary>
public sealed class InvalidArchiveException(string reason) : Exception(reason);
