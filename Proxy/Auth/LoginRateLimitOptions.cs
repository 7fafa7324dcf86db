namespace CloudFs.Proxy.Auth;

/// <summary>
/// <c>Proxy:LoginRateLimit</c>: token buckets for failed tempauth logins, one per user name and
/// one per client address (<see cref="LoginThrottle"/>). A burst of failures is allowed, then
/// guessing is held to the refill rate. 0 in a PerMinute turns that bucket off.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Proxy:LoginRateLimit";

    public int PerUserBurst { get; set; } = 10;

    public int PerUserPerMinute { get; set; } = 30;

    public int PerClientBurst { get; set; } = 50;

    public int PerClientPerMinute { get; set; } = 120;
}
