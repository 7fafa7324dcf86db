using CloudFs.Common.Results;
using CloudFs.Common.Text;

namespace CloudFs.AccountServer.Core;

/// <summary>
/// Swift's <c>validate_sync_to</c> for X-Container-Sync-To on container PUT/POST: empty (or
/// only slashes) clears it; otherwise an http(s) URL with a path, no params, query or fragment,
/// whose host is one of the allowed sync hosts (Swift's <c>allowed_sync_hosts</c>). A
/// <c>//realm/cluster/account/container</c> value names a sync realm, and CloudFs has none.
/// CloudFs stores an accepted value and shows it, but never syncs (docs/extensions.md).
/// </summary>
public static class ContainerSyncTo
{
    /// <summary>Swift's default <c>allowed_sync_hosts</c>.</summary>
    public const string DefaultAllowedHosts = "127.0.0.1";

    /// <summary>The comma-separated host list as Swift's container server reads it.</summary>
    public static IReadOnlyList<string> ParseHosts(string? hosts) =>
        (hosts ?? DefaultAllowedHosts).Split(',').Select(h => h.Trim()).Where(h => h.Length > 0).ToList();

    /// <summary>Null when <paramref name="value"/> may be stored, else Swift's 400.</summary>
    public static CloudFsError? Check(string value, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var trimmed = value.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            var parts = trimmed[2..].Split('/');
            return CloudFsError.BadRequest(parts.Length != 4
                ? $"Invalid X-Container-Sync-To format {PythonRepr.Of(value)}"
                : $"No realm key for {PythonRepr.Of(parts[0])}");
        }

        var url = PythonUrl.Split(trimmed);
        if (url.Scheme is not ("http" or "https"))
        {
            return CloudFsError.BadRequest($"Invalid scheme {PythonRepr.Of(url.Scheme)} in X-Container-Sync-To, must be \"//\", \"http\", or \"https\".");
        }

        if (url.Path.Length == 0)
        {
            return CloudFsError.BadRequest("Path required in X-Container-Sync-To");
        }

        if (url.HasParamsQueryOrFragment)
        {
            return CloudFsError.BadRequest("Params, queries, and fragments not allowed in X-Container-Sync-To");
        }

        return url.Host is { } host && allowedHosts.Contains(host)
            ? null
            : CloudFsError.BadRequest($"Invalid host {(url.Host is null ? "None" : PythonRepr.Of(url.Host))} in X-Container-Sync-To");
    }
}
