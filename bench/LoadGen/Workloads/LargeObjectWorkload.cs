using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>
/// Large objects: PUT <c>count</c> objects streamed from a generated body, then GET them back
/// (drained, length checked). Peak RSS of the server processes is polled during each phase.
/// </summary>
public static class LargeObjectWorkload
{
    public static async Task RunAsync(WorkloadContext context, long size, int concurrency, int count)
    {
        var ct = context.CancellationToken;
        using var client = ClientFactory.Create(concurrency);
        var container = context.Container("large");
        SwiftSession session;
        try
        {
            session = await context.LoginAsync(client);
            var created = await SwiftOps.PutContainerAsync(client, session, container, ct);
            if (!created.Ok)
            {
                throw new InvalidOperationException(created.Error);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            context.Writer.Write(context.Unavailable("large", "put", size, concurrency, ex.Message));
            context.Writer.Write(context.Unavailable("large", "get", size, concurrency, ex.Message));
            return;
        }
        static string Name(int i) => $"large-{i:D4}";
        await SwiftOps.WarmUpAsync(client, session, container, concurrency, ct);

        await using (var watch = new ResourceWatch(context.Target.Sessions, pollMemory: true))
        {
            var put = await ConcurrentRunner.RunAsync(count, concurrency,
                (i, _, token) => SwiftOps.PutAsync(client, session, container, Name(i), new GeneratedContent(size), token), ct);
            context.Writer.Write(context.Line("large", "put", size, concurrency, put) with
            {
                CpuSeconds = watch.HasProcesses ? Math.Round(watch.CpuSeconds(), 3) : null,
                PeakRssMb = watch.HasProcesses ? await watch.PeakRssAsync() : null,
            });
        }

        var buffers = Enumerable.Range(0, concurrency).Select(_ => new byte[1 << 20]).ToArray();
        await using (var watch = new ResourceWatch(context.Target.Sessions, pollMemory: true))
        {
            var get = await ConcurrentRunner.RunAsync(count, concurrency,
                (i, w, token) => SwiftOps.GetAsync(client, session, container, Name(i), size, buffers[w], token), ct);
            context.Writer.Write(context.Line("large", "get", size, concurrency, get) with
            {
                CpuSeconds = watch.HasProcesses ? Math.Round(watch.CpuSeconds(), 3) : null,
                PeakRssMb = watch.HasProcesses ? await watch.PeakRssAsync() : null,
            });
        }

        for (var i = 0; i < count; i++)
        {
            try
            {
                await SwiftOps.DeleteAsync(client, session, container, Name(i), ct);
            }
            catch (HttpRequestException)
            {
            }
        }
        await Cleanup.DeleteContainerAsync(client, session, container, ct);
    }
}
