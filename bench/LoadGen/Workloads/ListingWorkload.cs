using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>
/// Container listing: a container is filled once with <c>objects</c> empty objects, then each run
/// times one page of 10,000 names (format=json) from the start and one from a deep marker
/// (the last 10,000 names).
/// </summary>
public static class ListingWorkload
{
    public const string Container = "bench-listing";
    public const int PageSize = 10_000;

    private static string Name(int i) => $"obj-{i:D7}";

    public static async Task PrepareAsync(WorkloadContext context, int objects, int concurrency)
    {
        using var client = ClientFactory.Create(concurrency);
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
            var created = await SwiftOps.PutContainerAsync(client, session, Container, context.CancellationToken);
            if (!created.Ok)
            {
                throw new InvalidOperationException(created.Error);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            context.Writer.Write(context.Unavailable("fill", "put", 0, concurrency, ex.Message));
            return;
        }
        await SwiftOps.WarmUpAsync(client, session, Container, concurrency, context.CancellationToken);
        var outcome = await ConcurrentRunner.RunAsync(objects, concurrency,
            (i, _, token) => SwiftOps.PutAsync(client, session, Container, Name(i), new ByteArrayContent([]), token),
            context.CancellationToken);
        var count = await ObjectCountAsync(client, session, context.CancellationToken);
        context.Writer.Write(context.Line("fill", "put", 0, concurrency, outcome) with { Note = $"X-Container-Object-Count after fill: {count}" });
    }

    public static async Task MeasureAsync(WorkloadContext context, int objects)
    {
        using var client = ClientFactory.Create(1);
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            context.Writer.Write(context.Unavailable("listing", "first", objects, 1, ex.Message));
            context.Writer.Write(context.Unavailable("listing", "deep", objects, 1, ex.Message));
            return;
        }
        var deepMarker = Name(objects - PageSize - 1);
        foreach (var (op, marker) in new[] { ("first", (string?)null), ("deep", deepMarker) })
        {
            var outcome = await ConcurrentRunner.RunAsync(1, 1,
                (_, _, token) => PageAsync(client, session, marker, token), context.CancellationToken);
            context.Writer.Write(context.Line("listing", op, objects, 1, outcome) with { Note = marker is null ? null : $"marker={marker}" });
        }
    }

    private static async Task<OpOutcome> PageAsync(HttpClient client, SwiftSession session, string? marker, CancellationToken cancellationToken)
    {
        var query = $"?format=json&limit={PageSize}" + (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker));
        using var request = session.Request(HttpMethod.Get, new Uri(session.Url(Container) + query));
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return OpOutcome.Failure($"listing answered {(int)response.StatusCode}");
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var entries = CountEntries(body);
        return entries == PageSize ? OpOutcome.Success(body.Length) : OpOutcome.Failure($"page had {entries} entries, expected {PageSize}");
    }

    /// <summary>Counts "name" keys with a vectorised search: checks the page without parsing it inside the timing.</summary>
    private static int CountEntries(ReadOnlySpan<byte> json)
    {
        var key = "\"name\""u8;
        int count = 0, at;
        while ((at = json.IndexOf(key)) >= 0)
        {
            count++;
            json = json[(at + key.Length)..];
        }
        return count;
    }

    private static async Task<string> ObjectCountAsync(HttpClient client, SwiftSession session, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Head, session.Url(Container));
        using var response = await client.SendAsync(request, cancellationToken);
        return response.Headers.TryGetValues("X-Container-Object-Count", out var values) ? values.FirstOrDefault() ?? "?" : $"missing ({(int)response.StatusCode})";
    }
}
