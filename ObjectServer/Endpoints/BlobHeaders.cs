using System.Globalization;
using CloudFs.Common.Http;
using CloudFs.ObjectServer.Storage;
using Microsoft.AspNetCore.Http;

namespace CloudFs.ObjectServer.Endpoints;

/// <summary>The headers every successful blob answer carries.</summary>
public static class BlobHeaders
{
    /// <summary>Body size in bytes, also on PUT answers and 206s (where Content-Length is the part's).</summary>
    public const string BlobSize = "X-Blob-Size";

    public static void Apply(HttpResponse response, BlobInfo info)
    {
        var headers = response.Headers;
        headers.ETag = EtagHeader.Format(info.Md5Hex);
        headers.LastModified = info.Timestamp.ToString("R", CultureInfo.InvariantCulture);
        headers[CloudFsHeaders.Timestamp] = SwiftTimestamp.Format(info.Timestamp);
        headers[BlobSize] = info.Size.ToString(CultureInfo.InvariantCulture);
    }
}
