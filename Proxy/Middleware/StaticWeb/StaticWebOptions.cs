namespace CloudFs.Proxy.Middleware.StaticWeb;

/// <summary><c>Proxy:Middleware:StaticWeb</c>: Swift's staticweb filter settings.</summary>
public sealed class StaticWebOptions
{
    public const string Section = "Proxy:Middleware:StaticWeb";

    public bool Enabled { get; set; } = true;

    /// <summary>Scheme and host for redirects (Swift's url_base, e.g. <c>https://www.example.com</c>); unset: the request's.</summary>
    public string? UrlBase { get; set; }
}
