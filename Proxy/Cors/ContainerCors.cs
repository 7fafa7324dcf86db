namespace CloudFs.Proxy.Cors;

/// <summary>
/// A container's CORS settings, from its <c>X-Container-Meta-Access-Control-Allow-Origin</c>
/// (space-separated origins or <c>*</c>), <c>-Expose-Headers</c> (space-separated) and
/// <c>-Max-Age</c> metadata; all null when the container does not exist.
/// </summary>
public sealed record ContainerCors(string? AllowOrigin, string? ExposeHeaders, string? MaxAge)
{
    public static readonly ContainerCors None = new(null, null, null);

    public const string AllowOriginHeader = "X-Container-Meta-Access-Control-Allow-Origin";
    public const string ExposeHeadersHeader = "X-Container-Meta-Access-Control-Expose-Headers";
    public const string MaxAgeHeader = "X-Container-Meta-Access-Control-Max-Age";

    /// <summary>True when the container allows any origin (only the whole value <c>*</c> counts, as in Swift).</summary>
    public bool AllowsAnyOrigin => AllowOrigin is { } value && value.Trim() == "*";
}
