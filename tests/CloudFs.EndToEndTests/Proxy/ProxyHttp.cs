using CloudFs.EndToEndTests.Cluster;

namespace CloudFs.EndToEndTests.Proxy;

/// <summary>Raw HTTP against a cluster's proxy: logins and authenticated requests.</summary>
public static class ProxyHttp
{
    /// <summary>A client that sends and reads header values as UTF-8, as Swift clients do.</summary>
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
        ResponseHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
        AllowAutoRedirect = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<(string Token, string StorageUrl)> LoginAsync(CloudFsCluster cluster, string user, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Url("proxy", "/auth/v1.0"));
        request.Headers.Add("X-Auth-User", user);
        request.Headers.Add("X-Auth-Key", key);
        using var response = await cluster.Http.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"login of {user}");
        return (response.Headers.GetValues("X-Auth-Token").Single(), response.Headers.GetValues("X-Storage-Url").Single());
    }

    public static async Task<HttpResponseMessage> SendAsync(CloudFsCluster cluster, HttpMethod method, string path, string? token,
        HttpContent? content = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, cluster.Url("proxy", path)) { Content = content };
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Every blob file the object servers hold, of every storage policy (blobs/, blobs-N/).</summary>
    public static List<string> BlobFiles(CloudFsCluster cluster) =>
        Directory.EnumerateFiles(cluster.Root, "*.data", SearchOption.AllDirectories)
            .Where(f => f.Contains("/blobs/", StringComparison.Ordinal) || f.Contains("/blobs-", StringComparison.Ordinal)).ToList();
}
