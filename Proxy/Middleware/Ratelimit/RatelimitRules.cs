namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// Which rate keys a request counts against (Swift's <c>get_ratelimitable_key_tuples</c>):
/// container PUT/DELETE against the account rate, object writes against the container's size
/// tier, container listings against the listing tier, and every write against the account's
/// global write rate when its <c>X-Account-Sysmeta-Global-Write-Ratelimit</c> is a number.
/// </summary>
public sealed class RatelimitRules(RatelimitOptions options)
{
    private readonly RateTiers _container = new(options.ContainerRatelimit);
    private readonly RateTiers _listing = new(options.ContainerListingRatelimit);

    public RateTiers ContainerTiers => _container;

    public RateTiers ListingTiers => _listing;

    /// <summary>True when the request's rate depends on its container's object count.</summary>
    public bool NeedsContainerSize(string method, string? container, string? obj) =>
        container is not null && (obj is not null ? IsWrite(method) && _container.Tiers.Count > 0 : method == "GET" && _listing.Tiers.Count > 0);

    public IReadOnlyList<(string Key, double Rate)> Keys(string method, string account, string? container, string? obj, long containerSize, string? globalRatelimit)
    {
        var keys = new List<(string, double)>();
        if (options.AccountRatelimit > 0 && container is not null && obj is null && method is "PUT" or "DELETE")
        {
            keys.Add(($"ratelimit/{account}", options.AccountRatelimit));
        }

        if (container is not null && obj is not null && IsWrite(method) && _container.MaxRate(containerSize) is { } rate)
        {
            keys.Add(($"ratelimit/{account}/{container}", rate));
        }

        if (container is not null && obj is null && method == "GET" && _listing.MaxRate(containerSize) is { } listing)
        {
            keys.Add(($"ratelimit_listing/{account}/{container}", listing));
        }

        if (IsWrite(method) && double.TryParse(globalRatelimit, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var global)
            && global > 0)
        {
            keys.Add(($"ratelimit/global-write/{account}", global));
        }

        return keys;
    }

    /// <summary>Whitelisted accounts skip every limit (config list or sysmeta WHITELIST).</summary>
    public bool IsWhitelisted(string account, string? globalRatelimit) =>
        options.WhitelistNames.Contains(account) || globalRatelimit == "WHITELIST";

    /// <summary>Blacklisted accounts get 497 (config list or sysmeta BLACKLIST); the whitelist wins.</summary>
    public bool IsBlacklisted(string account, string? globalRatelimit) =>
        !IsWhitelisted(account, globalRatelimit) && (options.BlacklistNames.Contains(account) || globalRatelimit == "BLACKLIST");

    private static bool IsWrite(string method) => method is "PUT" or "DELETE" or "POST" or "COPY";
}
