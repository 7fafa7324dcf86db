using System.Net;
using System.Net.Http.Headers;

namespace CloudFs.Cli.Client;

/// <summary>
/// A logged-in session with a cluster's proxy: tempauth login once, then requests carry the
/// token. Paths are relative to the proxy's root (the storage URL's scheme and host).
/// </summary>
public sealed class CloudFsClient : IDisposable
{
    private readonly HttpClient _http;

    private CloudFsClient(HttpClient http, Uri root, Uri storageUrl, string token)
    {
        _http = http;
        Root = root;
        StorageUrl = storageUrl;
        Token = token;
    }

    public Uri Root { get; }

    /// <summary>The logged-in user's own account URL (…/v1/AUTH_x).</summary>
    public Uri StorageUrl { get; }

    public string Token { get; }

    public static async Task<CloudFsClient> LoginAsync(ClusterCredentials credentials, CancellationToken ct)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, credentials.AuthUrl);
        request.Headers.Add("X-Auth-User", credentials.User);
        request.Headers.Add("X-Auth-Key", credentials.Key);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            http.Dispose();
            throw new CliException($"login as {credentials.User} at {credentials.AuthUrl} failed: {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var storage = new Uri(response.Headers.GetValues("X-Storage-Url").First());
        var token = response.Headers.GetValues("X-Auth-Token").First();
        return new CloudFsClient(http, new Uri(storage.GetLeftPart(UriPartial.Authority)), storage, token);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(Root, pathAndQuery)) { Content = content };
        request.Headers.Add("X-Auth-Token", Token);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>Sends and fails with the server's status and message unless it answered 2xx.</summary>
    public async Task<string> SendOkAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken ct = default)
    {
        using var response = await SendAsync(method, pathAndQuery, content, headers, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"{method} {pathAndQuery}: {(int)response.StatusCode} {response.ReasonPhrase}{(body.Length > 0 && !body.StartsWith('<') ? ": " + body.Trim() : "")}");
        }

        return body;
    }

    public static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    /// <summary>Percent-encodes each segment of a path, keeping its slashes.</summary>
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public void Dispose() => _http.Dispose();
}
