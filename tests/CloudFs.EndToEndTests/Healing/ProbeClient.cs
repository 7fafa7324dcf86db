using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace CloudFs.EndToEndTests.Healing;

/// <summary>
/// A Swift client for probes, through the proxy with one user's token: uploads a corpus
/// concurrently (retrying 503s, the one answer a client is expected to retry), reads it back
/// and counts byte-identical objects, lists and HEADs the container, and reads in a loop while
/// something else happens to the cluster.
/// </summary>
public sealed class ProbeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _token;

    private ProbeClient(HttpClient http, string token, string storagePath)
    {
        _http = http;
        _token = token;
        StoragePath = storagePath;
    }

    /// <summary>/v1/AUTH_{account}.</summary>
    public string StoragePath { get; }

    /// <summary>How long one upload keeps retrying 503s before it counts as failed.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(120);

    public static async Task<ProbeClient> LoginAsync(Uri proxy, string user = "test:tester", string key = "testing")
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AllowAutoRedirect = false })
        {
            BaseAddress = proxy,
            Timeout = TimeSpan.FromSeconds(90),
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/v1.0");
        request.Headers.Add("X-Auth-User", user);
        request.Headers.Add("X-Auth-Key", key);
        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"login of {user}");
        var storageUrl = new Uri(response.Headers.GetValues("X-Storage-Url").Single());
        return new ProbeClient(http, response.Headers.GetValues("X-Auth-Token").Single(), storageUrl.AbsolutePath);
    }

    public async Task CreateContainerAsync(string container, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Put, container, null, ct);
        Assert.That((int)response.StatusCode, Is.EqualTo(201).Or.EqualTo(202), $"PUT container {container}");
    }

    /// <summary>Uploads every object, <paramref name="concurrency"/> at a time; answers go to <paramref name="tally"/>.</summary>
    public Task UploadAllAsync(IEnumerable<ProbeObject> objects, string container, UploadTally tally, int concurrency = 12, CancellationToken ct = default) =>
        Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (o, token) => await UploadAsync(o, container, tally, null, token));

    /// <summary>
    /// One upload: 201 is recorded as acknowledged, a 503 is retried (with a short backoff, up to
    /// <see cref="RetryFor"/>), anything else is recorded as failed. <paramref name="firstBody"/>
    /// replaces the body of the first attempt (e.g. a <see cref="GatedContent"/>).
    /// </summary>
    public async Task UploadAsync(ProbeObject o, string container, UploadTally tally, HttpContent? firstBody = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        var content = o.Content();
        for (var attempt = 0; ; attempt++)
        {
            var body = attempt == 0 && firstBody is not null ? firstBody : new ByteArrayContent(content);
            HttpStatusCode status;
            try
            {
                using var response = await SendAsync(HttpMethod.Put, $"{container}/{o.EscapedName}", body, ct);
                status = response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                tally.Failed[o.Name] = $"attempt {attempt + 1}: {e.GetType().Name}: {e.Message}";
                return;
            }

            if (status == HttpStatusCode.Created)
            {
                tally.Created(o.Name, retried: attempt > 0);
                return;
            }

            if (status != HttpStatusCode.ServiceUnavailable)
            {
                tally.Failed[o.Name] = $"attempt {attempt + 1}: {(int)status} {status}";
                return;
            }

            tally.Retry();
            if (DateTime.UtcNow > deadline)
            {
                tally.Failed[o.Name] = $"still 503 after {attempt + 1} attempts";
                return;
            }

            // A client's backoff, not a test's wait for a condition: 0.1 s doubling to 2 s.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(attempt, 5))), ct);
        }
    }

    /// <summary>GETs every object once and counts those whose bytes are the corpus's; the rest are described in <c>Problems</c>.</summary>
    public async Task<(int Identical, IReadOnlyList<string> Problems)> ReadBackAsync(IEnumerable<ProbeObject> objects, string container,
        int concurrency = 12, CancellationToken ct = default)
    {
        var identical = 0;
        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(objects, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (o, token) =>
        {
            if (await ReadOneAsync(o, container, token) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                Interlocked.Increment(ref identical);
            }
        });
        return (identical, [.. problems]);
    }

    /// <summary>
    /// Reads the objects over and over, <paramref name="concurrency"/> readers at a time, until
    /// <paramref name="stop"/> is cancelled; every read must be a 200 with the corpus's bytes.
    /// </summary>
    public async Task<ReadLoopResult> ReadLoopAsync(IReadOnlyList<ProbeObject> objects, string container, CancellationToken stop, int concurrency = 4)
    {
        long reads = 0;
        long failures = 0;
        var samples = new ConcurrentQueue<string>();
        var next = -1;
        var readers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var o = objects[(int)((uint)Interlocked.Increment(ref next) % (uint)objects.Count)];
                string? problem;
                try
                {
                    problem = await ReadOneAsync(o, container, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref reads);
                if (problem is not null)
                {
                    Interlocked.Increment(ref failures);
                    if (samples.Count < 10)
                    {
                        samples.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {problem}");
                    }
                }
            }
        }));
        await Task.WhenAll(readers);
        return new ReadLoopResult(reads, failures, [.. samples]);
    }

    /// <summary>Every object name in the container listing, in order, duplicates kept (paged through with markers).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string container, CancellationToken ct = default)
    {
        var names = new List<string>();
        var marker = "";
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, $"{container}?format=json&limit=1000&marker={Uri.EscapeDataString(marker)}", null, ct);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"listing of {container}");
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsArray().Select(e => (string)e!["name"]!).ToList();
            if (page.Count == 0)
            {
                return names;
            }

            names.AddRange(page);
            marker = page[^1];
        }
    }

    /// <summary>The container's X-Container-Object-Count and X-Container-Bytes-Used.</summary>
    public async Task<(long Objects, long Bytes)> HeadContainerAsync(string container, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Head, container, null, ct);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent).Or.EqualTo(HttpStatusCode.OK), $"HEAD {container}");
        return (Header(response, "X-Container-Object-Count"), Header(response, "X-Container-Bytes-Used"));
    }

    public void Dispose() => _http.Dispose();

    private static long Header(HttpResponseMessage response, string name) =>
        long.Parse(response.Headers.GetValues(name).Single(), CultureInfo.InvariantCulture);

    // Null when the object read back whole and byte-identical, else what was wrong.
    private async Task<string?> ReadOneAsync(ProbeObject o, string container, CancellationToken ct)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, $"{container}/{o.EscapedName}", null, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"{o.Name}: {(int)response.StatusCode}";
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return bytes.AsSpan().SequenceEqual(o.Content()) ? null : $"{o.Name}: {bytes.Length} bytes differ from the {o.Size} written";
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return $"{o.Name}: {e.GetType().Name}: {e.Message}";
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, $"{StoragePath}/{path}") { Content = content };
        request.Headers.Add("X-Auth-Token", _token);
        return await _http.SendAsync(request, ct);
    }
}
