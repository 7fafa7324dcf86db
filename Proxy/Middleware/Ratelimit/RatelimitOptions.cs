namespace CloudFs.Proxy.Middleware.Ratelimit;

/// <summary>
/// The <c>Proxy:Ratelimit</c> section, Swift's ratelimit filter settings: <c>account_ratelimit</c>,
/// <c>container_ratelimit_N</c> / <c>container_listing_ratelimit_N</c> (here the maps
/// <c>ContainerRatelimit</c> / <c>ContainerListingRatelimit</c>, container size → requests per
/// second), <c>max_sleep_time_seconds</c>, <c>log_sleep_time_seconds</c>,
/// <c>rate_buffer_seconds</c>, <c>clock_accuracy</c>, <c>account_whitelist</c> / <c>account_blacklist</c>.
/// </summary>
public sealed class RatelimitOptions
{
    public const string Section = "Proxy:Ratelimit";

    /// <summary>Container PUT/DELETE per second in one account (0: unlimited).</summary>
    public double AccountRatelimit { get; set; }

    public Dictionary<long, double> ContainerRatelimit { get; set; } = [];

    public Dictionary<long, double> ContainerListingRatelimit { get; set; } = [];

    public double MaxSleepTimeSeconds { get; set; } = 60;

    public double LogSleepTimeSeconds { get; set; }

    public int RateBufferSeconds { get; set; } = 5;

    public int ClockAccuracy { get; set; } = 1000;

    /// <summary>Seconds an account's global write rate is trusted without reading the catalog again (0: read every time).</summary>
    public double AccountInfoCacheSeconds { get; set; } = 10;

    /// <summary>Comma-separated accounts never limited.</summary>
    public string AccountWhitelist { get; set; } = "";

    /// <summary>Comma-separated accounts refused with 497.</summary>
    public string AccountBlacklist { get; set; } = "";

    public IReadOnlyList<string> WhitelistNames => Split(AccountWhitelist);

    public IReadOnlyList<string> BlacklistNames => Split(AccountBlacklist);

    private static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
