using CloudFs.Backend;
using CloudFs.Common.Results;

namespace CloudFs.Proxy.Backend;

/// <summary>A role server's error answer read back as the error it stands for (through the one status table).</summary>
public static class StatusKinds
{
    /// <summary>The role server's answer as an error, keeping its text/plain message.</summary>
    public static CloudFsError ToError(BackendResponse response)
    {
        // A message is passed on; a stock HTML page is made again here for the proxy's own status.
        var message = response.Body.Length > 0 && !response.Body.StartsWith("<html>", StringComparison.OrdinalIgnoreCase)
            && !response.Body.StartsWith('{') ? response.Body : null;
        return new CloudFsError(ErrorStatus.ToKind(response.Status), message);
    }
}
