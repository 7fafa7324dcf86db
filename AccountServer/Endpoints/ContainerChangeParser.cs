using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Core.Versioning;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Container PUT/POST headers: X-Container-Meta-*, ACLs, and the quota meta keys Swift's container_quotas reads.</summary>
public static class ContainerChangeParser
{
    public const string QuotaBytesHeader = "X-Container-Meta-Quota-Bytes";
    public const string QuotaCountHeader = "X-Container-Meta-Quota-Count";

    public static Outcome<ContainerChange> Parse(HttpRequest request, IReadOnlyCollection<string> allowedSyncHosts)
    {
        // Swift's container server checks the sync target before anything else it does.
        var syncTo = Optional(request, "X-Container-Sync-To");
        if (syncTo is not null && ContainerSyncTo.Check(syncTo, allowedSyncHosts) is { } badSyncTo)
        {
            return badSyncTo;
        }

        var quota = QuotaHeaders.Parse(BackendRequest.Optional(request, QuotaBytesHeader) ?? RemovedAs(request, "Quota-Bytes"),
            BackendRequest.Optional(request, QuotaCountHeader) ?? RemovedAs(request, "Quota-Count"));
        if (!quota.IsSuccess)
        {
            return quota.Error;
        }

        var read = Optional(request, "X-Container-Read");
        var write = Optional(request, "X-Container-Write");
        var versions = VersionsLocationChange.Parse(name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null);
        if (!versions.IsSuccess)
        {
            return versions.Error;
        }

        return new ContainerChange(MetadataRules.Parse(BackendRequest.Headers(request), MetadataScope.Container), read, write, quota.Value)
        {
            Versions = versions.Value,
            VersionsEnabled = VersionsEnabledChange.Parse(request.Headers.TryGetValue(VersionsEnabledChange.Header, out var enabled) ? enabled.ToString() : null),
            SyncTo = syncTo,
            SyncKey = Optional(request, "X-Container-Sync-Key"),
        };
    }

    // A header's value, "" when only its X-Remove-Container-* form was sent (removal), else null.
    private static string? Optional(HttpRequest request, string name) =>
        BackendRequest.Optional(request, name)
        ?? (request.Headers.ContainsKey("X-Remove-" + name["X-".Length..]) ? "" : null);

    // X-Remove-Container-Meta-Quota-Bytes clears the quota like an empty value does.
    private static string? RemovedAs(HttpRequest request, string name) =>
        request.Headers.ContainsKey("X-Remove-Container-Meta-" + name) ? "" : null;
}
