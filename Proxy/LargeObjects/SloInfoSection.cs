using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;
using Microsoft.Extensions.Options;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>The <c>slo</c> section of /info, as Swift's slo filter registers it.</summary>
public sealed class SloInfoSection(IOptions<SloOptions> options) : IInfoSection
{
    public string Name => "slo";

    public JsonNode Build() => new JsonObject
    {
        ["max_manifest_segments"] = options.Value.MaxManifestSegments,
        ["max_manifest_size"] = options.Value.MaxManifestSize,
        ["yield_frequency"] = options.Value.YieldFrequency,
        // Fixed, as in Swift 2.30: every segment but the last holds at least one byte.
        ["min_segment_size"] = 1,
        // Segments are deleted with the manifest in the same request; there is no async mode.
        ["allow_async_delete"] = false,
    };
}
