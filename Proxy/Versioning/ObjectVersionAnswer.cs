using CloudFs.Common.Contracts;
using CloudFs.Proxy.Objects;
using CloudFs.Proxy.Paths;

namespace CloudFs.Proxy.Versioning;

/// <summary>
/// The headers object versioning adds to object answers, as Swift's object_versioning does:
/// X-Object-Version-Id on GET/HEAD in a versioned container ("null" for an object written while
/// versioning was off), Content-Location naming the current version, and the version ids the
/// account server reports for PUT and DELETE. Set when the answer starts, so error pages keep them.
/// </summary>
public static class ObjectVersionAnswer
{
    public const string VersionIdHeader = "X-Object-Version-Id";
    public const string CurrentVersionIdHeader = "X-Object-Current-Version-Id";

    /// <summary>The object's system value holding its version id (set by the account server).</summary>
    public const string VersionIdName = "version-id";

    /// <summary>A GET or HEAD that found <paramref name="record"/>; <paramref name="asked"/> is the ?version-id= given, if any.</summary>
    public static void Found(HttpContext context, ResourcePath path, ObjectRecord record, string? asked)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(record);
        if (asked is not null)
        {
            Set(context, [new(VersionIdHeader, asked)]);
            return;
        }

        if (!record.Versioned)
        {
            return;
        }

        if (record.Sys.GetValueOrDefault(VersionIdName) is not { } version)
        {
            Set(context, [new(VersionIdHeader, VersionQuery.NullVersion)]);
            return;
        }

        var location = "/v1/" + Uri.EscapeDataString(path.Account) + "/" + Uri.EscapeDataString(path.Container!) + "/"
            + string.Join('/', path.Object!.Split('/').Select(Uri.EscapeDataString)) + "?version-id=" + version;
        Set(context, [new(VersionIdHeader, version), new("Content-Location", location)]);
    }

    /// <summary>A GET or HEAD of a name that does not exist in a versioned container: Swift still says "null".</summary>
    public static void Missing(HttpContext context) => Set(context, [new(VersionIdHeader, VersionQuery.NullVersion)]);

    /// <summary>Passes on the version ids an account server answered a commit or DELETE with.</summary>
    public static void FromCatalog(HttpContext context, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var found = new List<KeyValuePair<string, string>>();
        foreach (var name in (string[])[VersionIdHeader, CurrentVersionIdHeader])
        {
            if (header(name) is { Length: > 0 } value)
            {
                found.Add(new(name, value));
            }
        }

        if (found.Count > 0)
        {
            Set(context, found);
        }
    }

    /// <summary>A DELETE's ?version-id=, as the header the account server reads.</summary>
    public static IEnumerable<KeyValuePair<string, string>> DeleteHeaders(ResourcePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (VersionQuery.Of(path.Query) is { } version)
        {
            yield return new(BackendHeaders.VersionId, version);
        }
    }

    private static void Set(HttpContext context, List<KeyValuePair<string, string>> headers) =>
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            return Task.CompletedTask;
        });
}
