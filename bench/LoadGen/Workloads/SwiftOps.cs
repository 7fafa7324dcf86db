using System.Net;
using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>The plain Swift requests every workload is made of; a non-2xx answer is a failure.</summary>
public static class SwiftOps
{
    public static async Task<OpOutcome> PutContainerAsync(HttpClient client, SwiftSession session, string container, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Put, session.Url(container));
        request.Content = new ByteArrayContent([]);
        using var response = await client.SendAsync(request, cancellationToken);
        return Check(response, "PUT container");
    }

    public static async Task<OpOutcome> PutAsync(HttpClient client, SwiftSession session, string container, string name, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Put, session.Url(container, name));
        request.Content = content;
        var length = content.Headers.ContentLength ?? 0;
        using var response = await client.SendAsync(request, cancellationToken);
        var outcome = Check(response, "PUT", HttpStatusCode.Created);
        return outcome.Ok ? OpOutcome.Success(length) : outcome;
    }

    /// <summary>GETs and drains the body into <paramref name="buffer"/>; a short body is a failure.</summary>
    public static async Task<OpOutcome> GetAsync(HttpClient client, SwiftSession session, string container, string name, long expected, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Get, session.Url(container, name));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var outcome = Check(response, "GET");
        if (!outcome.Ok)
        {
            return outcome;
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }
        return total == expected ? OpOutcome.Success(total) : OpOutcome.Failure($"GET body {total} bytes, expected {expected}");
    }

    public static async Task<OpOutcome> HeadAsync(HttpClient client, SwiftSession session, string container, string? name, CancellationToken cancellationToken)
    {
        var url = container.Length == 0 ? session.StorageUrl : session.Url(container, name);
        using var request = session.Request(HttpMethod.Head, url);
        using var response = await client.SendAsync(request, cancellationToken);
        return Check(response, "HEAD");
    }

    public static async Task<OpOutcome> DeleteAsync(HttpClient client, SwiftSession session, string container, string? name, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Delete, session.Url(container, name));
        using var response = await client.SendAsync(request, cancellationToken);
        return Check(response, "DELETE");
    }

    /// <summary>
    /// Before a timed phase: opens <paramref name="concurrency"/> connections and runs each kind of
    /// request once per connection (a 1 KiB object PUT, GET and DELETE), so neither the client's
    /// JIT nor connection set-up lands in the figures. Untimed; failures here are ignored.
    /// </summary>
    public static async Task WarmUpAsync(HttpClient client, SwiftSession session, string container, int concurrency, CancellationToken cancellationToken)
    {
        var body = PatternBuffer.Slice(1024);
        var rounds = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var name = $"warm-up-{i}";
            try
            {
                await HeadAsync(client, session, container, null, cancellationToken);
                await PutAsync(client, session, container, name, new ByteArrayContent(body), cancellationToken);
                await GetAsync(client, session, container, name, body.Length, new byte[4096], cancellationToken);
                await DeleteAsync(client, session, container, name, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
            }
        });
        await Task.WhenAll(rounds);
    }

    private static OpOutcome Check(HttpResponseMessage response, string what, HttpStatusCode? exact = null)
    {
        var ok = exact is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
        return ok ? OpOutcome.Success() : OpOutcome.Failure($"{what} answered {(int)response.StatusCode}");
    }
}
