namespace CloudFs.Proxy.Middleware;

/// <summary>The <c>Proxy:Middleware</c> section: what the Swift middlewares share.</summary>
public sealed class MiddlewareOptions
{
    public const string Section = "Proxy:Middleware";

    /// <summary>Seconds account and container metadata is kept (Swift's recheck_account_existence).</summary>
    public double InfoCacheSeconds { get; set; } = 60;
}
