using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Versioning;

/// <summary>The <c>object_versioning</c> section of /info: empty, as Swift registers it.</summary>
public sealed class ObjectVersioningInfoSection : IInfoSection
{
    public string Name => "object_versioning";

    public JsonNode Build() => new JsonObject();
}
