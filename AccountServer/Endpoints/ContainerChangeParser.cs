using CloudFs.AccountServer.Core;
using CloudFs.AccountServer.Core.Versioning;
using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Container PUT/POST headers: X-Container-Meta-*, ACLs, and the quota meta keys Swift's container_quotas reads.</summary>
public static class ContainerChangeParser
{
    public const string QuotaBytesHeader = "X-Container-Meta-Quota-Bytes";
    public const string QuotaCountHeader = "X-Container-Meta-Quota-Count";

    public static Outcome<ContainerChange> Parse(HttpRequest request)
    {
        var quota = QuotaHeaders.Parse(BackendRequest.Optional(request, QuotaBytesHeader) ?? RemovedAs(request, "Quota-Bytes"),
            BackendRequest.Optional(request, QuotaCountHeader) ?? RemovedAs(request, "Quota-Count"));
        if (!quota.IsSuccess)
        {
            return quota.Error;
        }

        var read = BackendRequest.Optional(request, "X-Container-Read") ?? (request.Headers.ContainsKey("X-Remove-Container-Read") ? "" : null);
        var write = BackendRequest.Optional(request, "X-Container-Write") ?? (request.Headers.ContainsKey("X-Remove-Container-Write") ? "" : null);
        var versions = VersionsLocationChange.Parse(name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null);
        if (!versions.IsSuccess)
        {
            return versions.Error;
        }

        return new ContainerChange(MetadataRules.Parse(BackendRequest.Headers(request), MetadataScope.Container), read, write, quota.Value)
        {
            Versions = versions.Value,
            VersionsEnabled = VersionsEnabledChange.Parse(request.Headers.TryGetValue(VersionsEnabledChange.Header, out var enabled) ? enabled.ToString() : null),
        };
    }

    // X-Remove-Container-Meta-Quota-Bytes clears the quota like an empty value does.
    private static string? RemovedAs(HttpRequest request, string name) =>
        request.Headers.ContainsKey("X-Remove-Container-Meta-" + name) ? "" : null;
}
