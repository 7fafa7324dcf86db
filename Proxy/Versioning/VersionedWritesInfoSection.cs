using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Versioning;

/// <summary>The <c>versioned_writes</c> section of /info: the two legacy container headers, as Swift lists them.</summary>
public sealed class VersionedWritesInfoSection : IInfoSection
{
    public string Name => "versioned_writes";

    public JsonNode Build() => new JsonObject { ["allowed_flags"] = new JsonArray("x-versions-location", "x-history-location") };
}
