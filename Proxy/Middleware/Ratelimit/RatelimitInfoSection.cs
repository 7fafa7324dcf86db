using System.Text.Json.Nodes;
using CloudFs.Proxy.Endpoints;

namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>The <c>ratelimit</c> section of /info, in Swift's shape.</summary>
public sealed class RatelimitInfoSection(RatelimitRules rules, RatelimitOptions options) : IInfoSection
{
    public string Name => "ratelimit";

    public JsonNode Build() => new JsonObject
    {
        ["account_ratelimit"] = options.AccountRatelimit,
        ["max_sleep_time_seconds"] = options.MaxSleepTimeSeconds,
        ["container_ratelimits"] = Tiers(rules.ContainerTiers),
        ["container_listing_ratelimits"] = Tiers(rules.ListingTiers),
    };

    private static JsonArray Tiers(RateTiers tiers) =>
        new(tiers.Tiers.Select(t => (JsonNode)new JsonArray(t.Size, t.Rate)).ToArray());
}
