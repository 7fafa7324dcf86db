using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Middleware.CrossDomain;

/// <summary>Swift registers <c>crossdomain</c> in /info with no settings: an empty object.</summary>
public sealed class CrossDomainInfoSection : IInfoSection
{
    public string Name => "crossdomain";

    public JsonNode Build() => new JsonObject();
}
