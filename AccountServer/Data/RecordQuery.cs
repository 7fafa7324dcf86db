namespace CloudFs.AccountServer.Data;

/// <summary>Filters for the operation history; keyset paging by descending id (newest first).</summary>
public sealed record RecordQuery(
    string Account,
    long? UserId = null,
    string? PathPrefix = null,
    string? Action = null,
    long? Since = null,
    long? Until = null,
    long? BeforeId = null,
    int Limit = 1000);
