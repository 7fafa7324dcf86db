using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary>Swift registers <c>staticweb</c> in /info with no settings: an empty object.</summary>
public sealed class StaticWebInfoSection : IInfoSection
{
    public string Name => "staticweb";

    public JsonNode Build() => new JsonObject();
}
