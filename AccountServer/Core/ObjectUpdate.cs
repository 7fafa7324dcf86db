namespace CloudFs.AccountServer.Core;

/// <summary>
/// An object POST, with Swift's semantics: the user metadata is replaced whole; content
/// type, system values and X-Delete-At change only when sent (DeleteAt: null keeps it,
/// 0 removes it).
/// </summary>
public sealed record ObjectUpdate(
    IReadOnlyDictionary<string, string> Metadata,
    string? ContentType,
    IReadOnlyDictionary<string, string> System,
    long? DeleteAt);
