using CloudFs.Common.Results;
using CloudFs.Common.Time;
using CloudFs.ContainerServer.Data;

namespace CloudFs.ContainerServer.Core;

/// <summary>
/// Object versioning's <c>GET container?versions</c>: every current object and every kept
/// version (delete markers included) by name, newest first within a name, each with its
/// version_id and is_latest, as Swift's object_versioning lists them; always JSON. prefix,
/// marker with version_marker, limit, delimiter and reverse as Swift; end_marker is ignored,
/// as Swift does.
/// </summary>
public sealed class VersionListingService(CatalogReads catalog, ScopeRepository scopes, VersionListingRepository versions, TimeProvider time)
{
    private const int PageSize = 1000;

    public async Task<Outcome<(ScopeStatus Status, IReadOnlyList<VersionListingItem> Items)>> ListAsync(
        string account, string container, ListingParameters parameters, string? versionMarker, bool isAdmin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var delimiter = parameters.Delimiter is { Length: > 0 } d ? d : null;
        if (delimiter is not null && delimiter.AsSpan().IndexOfAny("0123456789.\0") >= 0)
        {
            return CloudFsError.BadRequest("invalid delimiter param");
        }

        if (versionMarker is not null && parameters.Marker.Length == 0)
        {
            return CloudFsError.BadRequest("version_marker param requires marker");
        }

        Timestamp? afterVersion = null;
        if (versionMarker is not null && versionMarker != "null")
        {
            if (!Timestamp.TryParse(versionMarker, out var parsed))
            {
                return CloudFsError.BadRequest("invalid version_marker param");
            }

            afterVersion = parsed;
        }

        await using var session = await catalog.BeginAsync(ct);
        var scope = await scopes.FindContainerAsync(session, account, container, ct);
        if (scope?.ContainerId is not { } containerId || (!isAdmin && !(scope.AccountEnabled && scope.ContainerEnabled)))
        {
            return CloudFsError.NotFound();
        }

        var prefix = parameters.Prefix ?? "";
        var reverse = parameters.Reverse;
        var start = FirstPage(prefix, parameters.Marker, afterVersion, reverse);
        var items = new List<VersionListingItem>();
        string? lastName = null;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        while (items.Count < parameters.Limit)
        {
            var page = await versions.PageAsync(session, containerId, start, reverse, isAdmin, now, PageSize, ct);
            VersionPageStart? next = null;
            foreach (var entry in page)
            {
                if (!entry.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // Past the prefix's names (or, reversed, below them before reaching them).
                    if (reverse && Utf8Order.Compare(entry.Name, prefix) > 0)
                    {
                        continue;
                    }

                    return (ScopeStatus.From(container, scope), items);
                }

                var cut = delimiter is null ? -1 : entry.Name.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (cut >= 0)
                {
                    var subdir = entry.Name[..(cut + delimiter!.Length)];
                    items.Add(VersionListingItem.Subdir(subdir));
                    next = reverse ? new VersionPageStart(subdir, false) : new VersionPageStart(Utf8Order.NextAfter(subdir), true);
                    lastName = null;
                    break;
                }

                // The first row of a name is the latest when it is the object itself or a delete marker.
                var first = entry.Name != lastName;
                lastName = entry.Name;
                items.Add(VersionListingItem.Of(entry, first && (entry.IsCurrent || entry.ContentType == VersionListingItem.DeleteMarker)));
                if (items.Count == parameters.Limit)
                {
                    break;
                }
            }

            if (items.Count == parameters.Limit || (next is null && page.Count < PageSize))
            {
                break;
            }

            start = next ?? new VersionPageStart(page[^1].Name, false, page[^1].IsCurrent ? "object" : "version", page[^1].Timestamp);
        }

        return (ScopeStatus.From(container, scope), items);
    }

    private static VersionPageStart FirstPage(string prefix, string marker, Timestamp? afterVersion, bool reverse)
    {
        if (marker.Length > 0 && afterVersion is { } version)
        {
            // Inside the marker's name: its versions older than version_marker.
            return new VersionPageStart(marker, false, "version", version.Units);
        }

        if (reverse)
        {
            var top = prefix.Length > 0 ? Utf8Order.NextAfter(prefix) : null;
            var bound = marker.Length > 0 && (top is null || Utf8Order.Compare(marker, top) < 0) ? marker : top;
            return bound is null ? VersionPageStart.First : new VersionPageStart(bound, false);
        }

        return marker.Length > 0 && Utf8Order.Compare(marker, prefix) >= 0
            ? new VersionPageStart(marker, false)
            : prefix.Length > 0 ? new VersionPageStart(prefix, true) : VersionPageStart.First;
    }
}
