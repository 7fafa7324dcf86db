namespace CloudFs.Proxy.LargeObjects;

/// <summary>
/// One entry of a manifest as Swift stores it (and <c>?multipart-manifest=get</c> returns it):
/// an object-backed segment as it was when the manifest was written, or inline
/// <see cref="Data"/> (base64). <see cref="Range"/> is normalised to "first-last".
/// </summary>
public sealed record StoredSegment(string? Name, long Bytes, string? Hash, string? ContentType, string? LastModified, string? Range, bool SubSlo,
    string? Data = null)
{
    public static StoredSegment Inline(byte[] data) => new(null, 0, null, null, null, null, false, Convert.ToBase64String(data));
}
