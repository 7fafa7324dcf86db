namespace CloudFs.Proxy.Cors;

/// <summary>
/// The <c>Proxy:Cors</c> section: Swift's proxy-server settings <c>cors_allow_origin</c>,
/// <c>cors_expose_headers</c> (both comma-separated, as Swift writes them) and
/// <c>strict_cors_mode</c>.
/// </summary>
public sealed class CorsOptions
{
    public const string Section = "Proxy:Cors";

    /// <summary>Origins allowed on every container, beside the container's own list.</summary>
    public string AllowOrigin { get; set; } = "";

    /// <summary>Headers exposed on every CORS answer, beside Swift's defaults.</summary>
    public string ExposeHeaders { get; set; } = "";

    /// <summary>When true (Swift's default), an origin nobody allowed gets no CORS headers on an actual request.</summary>
    public bool StrictCorsMode { get; set; } = true;

    public IReadOnlyList<string> AllowOriginList => Split(AllowOrigin);

    public IReadOnlyList<string> ExposeHeaderList => Split(ExposeHeaders);

    private static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
