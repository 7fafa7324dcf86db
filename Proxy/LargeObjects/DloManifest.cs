using CloudFs.Common.Results;
using CloudFs.Proxy.Objects;

namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// A dynamic large object's manifest: the <c>X-Object-Manifest: container/prefix</c> value an
/// object carries. Its body is every object of <see cref="Container"/> (same account) whose name
/// starts with <see cref="Prefix"/>, in listing order.
/// </summary>
public sealed record DloManifest(string Container, string Prefix)
{
    public const string Header = "X-Object-Manifest";

    /// <summary>Swift's 400 text (sent as text/html) for a value that is not container/prefix.</summary>
    public const string BadValueMessage = "X-Object-Manifest must be in the format container/prefix";

    /// <summary>
    /// Swift's check of the header as sent (before any percent-decoding): a container, a slash and
    /// a prefix, neither empty, the prefix not starting with '/', and no '?' or '&amp;' anywhere.
    /// </summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < value.Length - 1 && value[slash + 1] != '/'
            && !value.Contains('?', StringComparison.Ordinal) && !value.Contains('&', StringComparison.Ordinal);
    }

    /// <summary>The 400 a PUT, POST or COPY carrying a bad X-Object-Manifest gets; null when it has none or a good one.</summary>
    public static CloudFsError? Check(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValue(Header, out var value) && !IsValid(value.ToString())
            ? CloudFsError.BadRequest(BadValueMessage)
            : null;
    }

    /// <summary>The manifest an object record carries; null for a plain object.</summary>
    public static DloManifest? Of(ObjectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Sys.TryGetValue(Header, out var value) ? Parse(value) : null;
    }

    /// <summary>
    /// The stored value read as Swift reads it: percent-decoded, then split at the first slash.
    /// Null for a value that does not name a container (stored before the check existed).
    /// </summary>
    public static DloManifest? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decoded = Uri.UnescapeDataString(value);
        var slash = decoded.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? new DloManifest(decoded[..slash], decoded[(slash + 1)..]) : null;
    }

    /// <summary>
    /// True when the client asks for the manifest object itself (<c>?multipart-manifest=get</c>),
    /// not the body it stands for.
    /// </summary>
    public static bool WantsManifest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query["multipart-manifest"] is { Count: > 0 } values && values[^1] == "get";
    }
}
