namespace CloudFs.Bench.LoadGen.Http;

/// <summary>What a tempauth login yields: the account's storage URL and a token.</summary>
public sealed record SwiftSession(Uri StorageUrl, string Token)
{
    public Uri Url(string container, string? name = null) =>
        new(StorageUrl.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(container)
            + (name is null ? "" : "/" + Uri.EscapeDataString(name)));

    public HttpRequestMessage Request(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Token);
        return request;
    }
}
