namespace CloudFs.IntegrationTests.AccountServer;

/// <summary>Builds internal requests the way the proxy sends them.</summary>
public static class Backend
{
    public static readonly Identity Owner = new(2, "test:tester", "owner");
    public static readonly Identity Member = new(3, "test:member", "member");
    public static readonly Identity OtherOwner = new(4, "other:owner", "owner");
    public static readonly Identity Admin = new(1, "admin:admin", "admin");

    public static HttpRequestMessage Request(HttpMethod method, string path, Identity who, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Backend-User-Id", who.Id.ToString());
        request.Headers.Add("X-Backend-User", who.User);
        request.Headers.Add("X-Backend-User-Type", who.Type);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public static (string, string)[] Commit(string blobId, long size, params (string, string)[] more) =>
        [("X-Backend-Blob-Id", blobId), ("X-Backend-Etag", "d41d8cd98f00b204e9800998ecf8427e"), ("X-Backend-Size", size.ToString()), .. more];

    public static string NewBlobId() => Guid.CreateVersion7().ToString("N");

    public sealed record Identity(long Id, string User, string Type);
}
