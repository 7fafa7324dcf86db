using System.Text.Json;
using CloudFs.Backend;
using CloudFs.Common.Contracts;
using CloudFs.Common.Results;
using CloudFs.Proxy.Backend;
using CloudFs.Proxy.Routing;
using CloudFs.Ring;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// Lists a DLO's segments on a container server: every object of the manifest's container whose
/// name starts with its prefix, page after page. CloudFs listings are exact (a segment is listed
/// as soon as its PUT answered), so a DLO read right after its last segment's upload is whole.
/// </summary>
public sealed class DloListing(RoleClient client, RingSet rings, NodeSelector selector, IOptions<DloOptions> options)
{
    private const int PageSize = SwiftLimits.ListingLimit;

    public async Task<Outcome<DloSegmentList>> ListAsync(string account, DloManifest manifest, CallContext call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var segments = new List<DloSegment>();
        var marker = "";
        while (true)
        {
            var page = await PageAsync(account, manifest, marker, call, ct);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            segments.AddRange(page.Value);
            if (segments.Count > options.Value.MaxSegments)
            {
                return CloudFsError.Conflict($"This large object has more than {options.Value.MaxSegments} segments.");
            }

            if (page.Value.Count < PageSize)
            {
                return new DloSegmentList(segments);
            }

            marker = page.Value[^1].Name;
        }
    }

    private async Task<Outcome<List<DloSegment>>> PageAsync(string account, DloManifest manifest, string marker, CallContext call, CancellationToken ct)
    {
        var ring = rings.Container;
        var part = ring.GetPartition(account, manifest.Container);
        var query = $"?format=json&limit={PageSize}&prefix={Uri.EscapeDataString(manifest.Prefix)}"
            + (marker.Length > 0 ? "&marker=" + Uri.EscapeDataString(marker) : "");
        var response = await client.SendAsync(selector.ForRead(ring, part), node =>
            RoleClient.Request(HttpMethod.Get, node, BackendUris.Catalog(node, part, account, manifest.Container) + query, call),
            idempotent: true, ct);
        if (response is null || response.Status >= 500)
        {
            return new CloudFsError(CloudFsErrorKind.ServiceUnavailable);
        }

        if (!response.IsSuccess)
        {
            return StatusKinds.ToError(response);
        }

        // An empty container may answer 204 with no body.
        using var document = JsonDocument.Parse(response.Body.Length > 0 ? response.Body : "[]");
        return document.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("name", out _))
            .Select(e => new DloSegment(e.GetProperty("name").GetString() ?? "", e.GetProperty("bytes").GetInt64(),
                e.TryGetProperty("hash", out var hash) ? hash.GetString() ?? "" : ""))
            .ToList();
    }
}
