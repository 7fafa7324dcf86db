namespace CloudFs.Common.Contracts;

/// <summary>
/// The internal headers one role sends another. Only the proxy sets them; it strips any that
/// a client sends, so a role server may trust what it reads here.
/// </summary>
public static class BackendHeaders
{
    /// <summary>Every internal header starts with this; the proxy removes such headers in both directions.</summary>
    public const string Prefix = "X-Backend-";

    public const string UserId = "X-Backend-User-Id";
    public const string User = "X-Backend-User";
    public const string UserType = "X-Backend-User-Type";

    /// <summary>The account whose X-Account-Access-Control lets the caller manage containers (read-write) or everything (admin) there.</summary>
    public const string AclAccount = "X-Backend-Acl-Account";

    /// <summary>An account's X-Account-Sysmeta-Global-Write-Ratelimit (a rate, WHITELIST or BLACKLIST), shown to the proxy's ratelimit filter only.</summary>
    public const string GlobalWriteRatelimit = "X-Backend-Global-Write-Ratelimit";

    /// <summary>Upload admission: the announced body length (-1 when chunked).</summary>
    public const string ContentLength = "X-Backend-Content-Length";

    /// <summary>Object commit: the stored blob, its MD5 and size, and the admission's reservation.</summary>
    public const string BlobId = "X-Backend-Blob-Id";
    public const string Etag = "X-Backend-Etag";
    public const string Size = "X-Backend-Size";
    public const string Reservation = "X-Backend-Reservation";

    /// <summary>
    /// Object commit: the proxy wrote the body of X-Backend-Blob-Id in this very request, under an id
    /// it has just made, so no row or piece can name that blob yet (not a copy's source blob).
    /// </summary>
    public const string BlobWritten = "X-Backend-Blob-Written";

    /// <summary>
    /// The storage policy a blob request or commit is about (Swift's own header name): which
    /// object ring placed the blob and which of an object server's blob trees holds it. Absent: 0.
    /// </summary>
    public const string StoragePolicyIndex = "X-Backend-Storage-Policy-Index";

    /// <summary>Blob GET: the object's Content-Type, which each part of a multipart/byteranges answer carries.</summary>
    public const string PartContentType = "X-Backend-Part-Content-Type";

    /// <summary>Object commit: the JSON body is a <see cref="CompositeBody"/> (a large object's pieces).</summary>
    public const string Composite = "X-Backend-Composite";

    /// <summary>MOVE and COPY: the encoded destination path.</summary>
    public const string Destination = "X-Backend-Destination";

    /// <summary>DELETE of a directory with everything below it.</summary>
    public const string Recursive = "X-Backend-Recursive";

    /// <summary>
    /// Object commit: system metadata a proxy feature keeps with the object (Swift's X-Object-Sysmeta-*), stored
    /// under the lower-case rest of the name, e.g. <c>X-Backend-Object-Sysmeta-Symlink-Target</c> → <c>symlink-target</c>.
    /// A commit replaces the object's whole set, so a plain overwrite drops them.
    /// </summary>
    public const string ObjectSysmetaPrefix = "X-Backend-Object-Sysmeta-";

    /// <summary>Container HEAD: object versioning was enabled once, so versions (and ?version-id) exist there.</summary>
    public const string Versioned = "X-Backend-Versioned";

    /// <summary>Object DELETE: the version asked for with ?version-id= (object versioning).</summary>
    public const string VersionId = "X-Backend-Version-Id";

    public static bool IsBackend(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
