using CloudFs.AccountServer.Core.Versioning;

namespace CloudFs.AccountServer.Endpoints;

/// <summary>Object versioning's answer headers, which the proxy passes on to the client as Swift sends them.</summary>
public static class VersionHeaders
{
    public const string VersionId = "X-Object-Version-Id";
    public const string CurrentVersionId = "X-Object-Current-Version-Id";

    public static void Apply(HttpResponse response, VersionDeletion deletion)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(deletion);
        if (deletion.VersionId is { } version)
        {
            response.Headers[VersionId] = version;
        }

        if (deletion.CurrentVersionId is { } current)
        {
            response.Headers[CurrentVersionId] = current;
        }
    }
}
