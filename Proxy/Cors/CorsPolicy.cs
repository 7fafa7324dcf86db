using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Cors;

/// <summary>
/// Swift's CORS rules (proxy/controllers/base.py: <c>OPTIONS</c>, <c>cors_validation</c>,
/// <c>is_origin_allowed</c>), free of HTTP types: which origin a container allows, what a
/// preflight answers, which headers an actual answer to a CORS request gets.
/// </summary>
public static class CorsPolicy
{
    /// <summary>The methods Swift's controllers list in <c>Allow</c>, in the order Swift 2.30 printed them.</summary>
    public const string AllowedMethods = "HEAD, OPTIONS, GET, PUT, POST, DELETE";

    // Swift's copy middleware adds COPY to a successful object OPTIONS answer (not to a 401,
    // and a preflight asking for COPY is refused because the proxy itself does not list it).
    private const string ObjectExtra = ", COPY";

    // Swift always exposes the simple response headers and its own etag/timestamp/trans-id.
    private static readonly string[] DefaultExpose =
    [
        "cache-control", "content-language", "content-type", "expires", "last-modified", "pragma",
        "etag", "x-timestamp", "x-trans-id", "x-openstack-request-id",
    ];

    private static readonly HashSet<string> MethodSet = AllowedMethods.Split(", ").ToHashSet(StringComparer.Ordinal);

    public static bool IsOriginAllowed(ContainerCors cors, string origin, CorsOptions options)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(cors.AllowOrigin))
        {
            allowed.UnionWith(cors.AllowOrigin.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        allowed.UnionWith(options.AllowOriginList);
        return allowed.Contains(origin) || allowed.Contains("*");
    }

    /// <summary>
    /// The answer to <c>OPTIONS</c>: without an Origin, or at account level, a plain 200 with
    /// <c>Allow</c>; a preflight from an origin the container (or the proxy config) does not
    /// allow, or asking for a method Swift does not list, is 401.
    /// </summary>
    /// <param name="cors">The container's settings (<see cref="ContainerCors.None"/> when it does not exist); unused at account level.</param>
    public static PreflightAnswer Preflight(ResourceLevel level, ContainerCors cors, string? origin, string? requestMethod,
        string? requestHeaders, CorsOptions options)
    {
        var extra = level == ResourceLevel.Object ? ObjectExtra : "";
        if (string.IsNullOrEmpty(origin) || level == ResourceLevel.Account)
        {
            return new PreflightAnswer(200, [new("Allow", AllowedMethods + extra)], WithContentType: true);
        }

        if (!IsOriginAllowed(cors, origin, options) || requestMethod is null || !MethodSet.Contains(requestMethod))
        {
            return new PreflightAnswer(401, [new("Allow", AllowedMethods)], WithContentType: true);
        }

        var headers = new List<KeyValuePair<string, string>> { new("Allow", AllowedMethods + extra) };
        var vary = new List<string>();
        if (cors.AllowsAnyOrigin)
        {
            headers.Add(new("Access-Control-Allow-Origin", "*"));
        }
        else
        {
            headers.Add(new("Access-Control-Allow-Origin", origin));
            vary.Add("Origin");
        }

        if (cors.MaxAge is not null)
        {
            headers.Add(new("Access-Control-Max-Age", cors.MaxAge));
        }

        headers.Add(new("Access-Control-Allow-Methods", AllowedMethods + extra));
        // Swift allows whatever the browser asks for (the CORS spec leaves that door open).
        var asked = (requestHeaders ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count > 0)
        {
            headers.Add(new("Access-Control-Allow-Headers", string.Join(", ", asked)));
            vary.Add("Access-Control-Request-Headers");
        }

        if (vary.Count > 0)
        {
            headers.Insert(2, new("Vary", string.Join(", ", vary)));
        }

        return new PreflightAnswer(200, headers, WithContentType: false);
    }

    /// <summary>True for the verbs whose answers Swift decorates with CORS headers (container and object level only).</summary>
    public static bool DecoratesActual(ResourceLevel level, string method) =>
        level != ResourceLevel.Account && method is "GET" or "HEAD" or "PUT" or "POST" or "DELETE" or "COPY";

    /// <summary>
    /// The headers an actual answer to a CORS request gets: <c>Access-Control-Expose-Headers</c>
    /// (Swift's defaults, the configured ones, every container/object metadata header in the
    /// answer, the container's own list) and <c>Access-Control-Allow-Origin</c> with a
    /// <c>Vary: Origin</c> unless the container allows <c>*</c>. None in strict mode when the
    /// origin is not allowed. A header the answer already carries is left as it is.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForResponse(ContainerCors cors, string origin, CorsOptions options,
        IReadOnlyCollection<string> responseHeaderNames, string? vary)
    {
        if (options.StrictCorsMode && !IsOriginAllowed(cors, origin, options))
        {
            return [];
        }

        bool Has(string name) => responseHeaderNames.Contains(name, StringComparer.OrdinalIgnoreCase);
        var result = new List<KeyValuePair<string, string>>();
        if (!Has("Access-Control-Expose-Headers"))
        {
            var expose = new List<string>(DefaultExpose);
            expose.AddRange(options.ExposeHeaderList);
            expose.AddRange(responseHeaderNames
                .Where(h => h.StartsWith("X-Container-Meta", StringComparison.OrdinalIgnoreCase) || h.StartsWith("X-Object-Meta", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.ToLowerInvariant()));
            if (!string.IsNullOrEmpty(cors.ExposeHeaders))
            {
                expose.AddRange(cors.ExposeHeaders.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(h => h.ToLowerInvariant()));
            }

            result.Add(new("Access-Control-Expose-Headers", string.Join(", ", expose.Distinct(StringComparer.Ordinal))));
        }

        if (!Has("Access-Control-Allow-Origin"))
        {
            if (cors.AllowsAnyOrigin)
            {
                result.Add(new("Access-Control-Allow-Origin", "*"));
            }
            else
            {
                result.Add(new("Access-Control-Allow-Origin", origin));
                // Swift's listing_formats adds its "Accept" after the proxy's "Origin".
                result.Add(new("Vary", string.IsNullOrEmpty(vary) ? "Origin" : "Origin, " + vary));
            }
        }

        return result;
    }
}
