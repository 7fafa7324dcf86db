namespace CloudFs.Proxy.Auth;

/// <summary>
/// <c>Proxy:LoginRateLimit</c>: token buckets for tempauth logins, one per user name and one per
/// client address; a login needs a token from both. A burst of logins is served, a sustained
/// guessing run is slowed to the refill rate. 0 in a PerMinute turns that bucket off.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Proxy:LoginRateLimit";

    public int PerUserBurst { get; set; } = 20;

    public int PerUserPerMinute { get; set; } = 120;

    public int PerClientBurst { get; set; } = 60;

    public int PerClientPerMinute { get; set; } = 600;
}
