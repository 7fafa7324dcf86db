namespace CloudFs.Bench.Commit;

/// <summary>Sends admission + commit pairs to an account server the way the proxy does.</summary>
public sealed class CommitDriver(HttpClient client, string account = "bench")
{
    public async Task CreateContainerAsync()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Put, $"/d1/0/AUTH_{account}/bench"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs <paramref name="count"/> pairs with <paramref name="concurrency"/> in flight; returns the failures.</summary>
    public async Task<int> RunAsync(string prefix, int count, int concurrency)
    {
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var name = $"{prefix}/d{i % 100}/o{i}";
                using var admit = Request(HttpMethod.Post, $"/admit/d1/0/AUTH_{account}/bench/{name}");
                admit.Headers.Add("X-Backend-Content-Length", "4096");
                using var admitted = await client.SendAsync(admit);
                var body = await admitted.Content.ReadAsStringAsync();
                var reservation = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("reservation").GetString()!;
                using var commit = Request(HttpMethod.Put, $"/d1/0/AUTH_{account}/bench/{name}");
                commit.Headers.Add("X-Backend-Blob-Id", Guid.CreateVersion7().ToString("N"));
                commit.Headers.Add("X-Backend-Etag", "d41d8cd98f00b204e9800998ecf8427e");
                commit.Headers.Add("X-Backend-Size", "4096");
                commit.Headers.Add("X-Backend-Reservation", reservation);
                using var committed = await client.SendAsync(commit);
                if (!committed.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return failures;
    }

    public HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Backend-User-Id", "2");
        request.Headers.Add("X-Backend-User", $"{account}:owner");
        request.Headers.Add("X-Backend-User-Type", "owner");
        return request;
    }
}
