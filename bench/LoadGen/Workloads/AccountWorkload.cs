using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>HEAD on an account holding <c>containers</c> containers (made once, untimed apart).</summary>
public static class AccountWorkload
{
    public const string Prefix = "acct-";

    public static async Task PrepareAsync(WorkloadContext context, int containers)
    {
        using var client = ClientFactory.Create(16);
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            context.Writer.Write(context.Unavailable("account-setup", "put-container", 0, 16, ex.Message));
            return;
        }
        var outcome = await ConcurrentRunner.RunAsync(containers, 16,
            (i, _, token) => SwiftOps.PutContainerAsync(client, session, $"{Prefix}{i:D5}", token), context.CancellationToken);
        context.Writer.Write(context.Line("account-setup", "put-container", 0, 16, outcome));
    }

    public static async Task MeasureAsync(WorkloadContext context, int heads)
    {
        using var client = ClientFactory.Create(1);
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            context.Writer.Write(context.Unavailable("account", "head", 0, 1, ex.Message));
            return;
        }
        string? count = null;
        var outcome = await ConcurrentRunner.RunAsync(heads, 1, async (_, _, token) =>
        {
            using var request = session.Request(HttpMethod.Head, session.StorageUrl);
            using var response = await client.SendAsync(request, token);
            if (response.Headers.TryGetValues("X-Account-Container-Count", out var values))
            {
                count = values.FirstOrDefault();
            }
            return response.IsSuccessStatusCode ? OpOutcome.Success() : OpOutcome.Failure($"HEAD account answered {(int)response.StatusCode}");
        }, context.CancellationToken);
        context.Writer.Write(context.Line("account", "head", 0, 1, outcome) with { Note = $"X-Account-Container-Count: {count ?? "missing"}" });
    }
}
