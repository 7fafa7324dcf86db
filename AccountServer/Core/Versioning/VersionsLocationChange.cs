using CloudFs.Common.Results;

namespace CloudFs.AccountServer.Core.Versioning;

/// <summary>
/// A container PUT/POST's legacy versioning headers (Swift's versioned_writes):
/// <c>X-Versions-Location</c> (stack mode) or <c>X-History-Location</c> (history mode), and their
/// removal. <see cref="Location"/> empty means "versioning removed".
/// </summary>
public sealed record VersionsLocationChange(string Location, LegacyVersionsMode Mode)
{
    public const string VersionsHeader = "X-Versions-Location";
    public const string HistoryHeader = "X-History-Location";
    public const string RemoveVersionsHeader = "X-Remove-Versions-Location";
    public const string RemoveHistoryHeader = "X-Remove-History-Location";

    public static readonly VersionsLocationChange Removed = new("", LegacyVersionsMode.Stack);

    public bool IsRemoval => Location.Length == 0;

    /// <summary>
    /// Swift's <c>container_request</c>: both names with values is 400; an empty value removes, as
    /// X-Remove-* (any non-empty value) does; a value with '/' is 412; setting wins over removing.
    /// Null when the request says nothing about versioning.
    /// </summary>
    public static Outcome<VersionsLocationChange?> Parse(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var versions = header(VersionsHeader);
        var history = header(HistoryHeader);
        if (versions is not null && history is not null)
        {
            if (history.Length == 0)
            {
                history = null;
            }
            else if (versions.Length > 0)
            {
                return CloudFsError.Plain(CloudFsErrorKind.BadRequest, "Only one of x-versions-location or x-history-location may be specified");
            }
            else
            {
                versions = null;
            }
        }

        if ((versions ?? history) is { Length: > 0 } location)
        {
            return location.Contains('/', StringComparison.Ordinal)
                ? new CloudFsError(CloudFsErrorKind.PreconditionFailed, "Container name cannot contain slashes")
                : new VersionsLocationChange(location, versions is not null ? LegacyVersionsMode.Stack : LegacyVersionsMode.History);
        }

        var removed = versions is not null || history is not null
            || header(RemoveVersionsHeader) is { Length: > 0 } || header(RemoveHistoryHeader) is { Length: > 0 };
        return removed ? Removed : (VersionsLocationChange?)null;
    }
}
