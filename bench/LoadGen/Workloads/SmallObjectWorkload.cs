using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>
/// Small objects: PUT <c>count</c> objects, then GET, HEAD and DELETE each of them, every phase
/// at the same concurrency in a fresh container. The PUT phase also measures the server
/// processes' CPU seconds.
/// </summary>
public static class SmallObjectWorkload
{
    public static async Task RunAsync(WorkloadContext context, int size, int concurrency, int count)
    {
        var ct = context.CancellationToken;
        using var client = ClientFactory.Create(concurrency);
        var container = context.Container($"small{concurrency}");
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
            foreach (var op in new[] { "put", "get", "head", "delete" })
            {
                context.Writer.Write(context.Unavailable("small", op, size, concurrency, ex.Message));
            }
            return;
        }

        var body = PatternBuffer.Slice(size);
        static string Name(int i) => $"obj-{i:D7}";
        await SwiftOps.WarmUpAsync(client, session, container, concurrency, ct);

        PhaseOutcome put;
        double cpu;
        await using (var watch = new ResourceWatch(context.Target.Sessions, pollMemory: false))
        {
            put = await ConcurrentRunner.RunAsync(count, concurrency,
                (i, _, token) => SwiftOps.PutAsync(client, session, container, Name(i), new ByteArrayContent(body), token), ct);
            cpu = watch.CpuSeconds();
            context.Writer.Write(context.Line("small", "put", size, concurrency, put) with
            {
                CpuSeconds = watch.HasProcesses ? Math.Round(cpu, 3) : null,
                Processes = watch.HasProcesses ? watch.ProcessCounts() : null,
            });
        }

        var buffers = Enumerable.Range(0, concurrency).Select(_ => new byte[64 * 1024]).ToArray();
        var get = await ConcurrentRunner.RunAsync(count, concurrency,
            (i, w, token) => SwiftOps.GetAsync(client, session, container, Name(i), size, buffers[w], token), ct);
        context.Writer.Write(context.Line("small", "get", size, concurrency, get));

        var head = await ConcurrentRunner.RunAsync(count, concurrency,
            (i, _, token) => SwiftOps.HeadAsync(client, session, container, Name(i), token), ct);
        context.Writer.Write(context.Line("small", "head", size, concurrency, head));

        var delete = await ConcurrentRunner.RunAsync(count, concurrency,
            (i, _, token) => SwiftOps.DeleteAsync(client, session, container, Name(i), token), ct);
        context.Writer.Write(context.Line("small", "delete", size, concurrency, delete));

        await Cleanup.DeleteContainerAsync(client, session, container, ct);
    }
}
