namespace CloudFs.Bench.LoadGen.Http;

/// <summary>Swift's v1 auth: GET the auth URL with X-Auth-User / X-Auth-Key.</summary>
public static class TempAuth
{
    public static async Task<SwiftSession> LoginAsync(HttpClient client, Uri authUrl, string user, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, authUrl);
        request.Headers.TryAddWithoutValidation("X-Auth-User", user);
        request.Headers.TryAddWithoutValidation("X-Auth-Key", key);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"auth {authUrl} answered {(int)response.StatusCode}");
        }
        var url = Header(response, "X-Storage-Url") ?? throw new InvalidOperationException("auth gave no X-Storage-Url");
        var token = Header(response, "X-Auth-Token") ?? Header(response, "X-Storage-Token")
            ?? throw new InvalidOperationException("auth gave no X-Auth-Token");
        return new SwiftSession(new Uri(url), token);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
