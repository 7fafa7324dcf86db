using System.Globalization;
using CloudFs.Bench.LoadGen.Http;
using CloudFs.Bench.LoadGen.Measure;
using CloudFs.Bench.LoadGen.Workloads;

namespace CloudFs.Bench.LoadGen.Probe;

/// <summary>
/// <c>loadgen get|head|delete|overwrite AUTH_URL CONTAINER OBJECTS COUNT CONCURRENCY [SIZE]</c>: one
/// phase of GETs, HEADs, DELETEs or PUTs over the objects a <c>loadgen put</c> phase stored
/// (obj-0000000 up to OBJECTS, in turn), for profiling them the way <see cref="PutProbe"/> profiles
/// new objects. Prints the same one line. A delete phase removes each object once, so its COUNT is
/// at most OBJECTS; an overwrite replaces each object's body with one of SIZE bytes, and its old
/// blob goes to the garbage queue.
/// </summary>
public static class StoredObjectProbe
{
    public static async Task<int> RunAsync(string op, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count < 5)
        {
            throw new ArgumentException($"{op} needs AUTH_URL CONTAINER OBJECTS COUNT CONCURRENCY [SIZE]");
        }

        var auth = new Uri(args[0]);
        var container = args[1];
        var objects = int.Parse(args[2], CultureInfo.InvariantCulture);
        var count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        var size = args.Count > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 4096;
        if (op == "delete" && count > objects)
        {
            throw new ArgumentException($"a delete phase removes each object once: COUNT {count} is more than OBJECTS {objects}");
        }

        using var client = ClientFactory.Create(concurrency);
        var session = await TempAuth.LoginAsync(client, auth, "test:tester", "testing", ct);
        var buffers = Enumerable.Range(0, concurrency).Select(_ => new byte[64 * 1024]).ToArray();
        var body = PatternBuffer.Slice(size);
        var phase = await ConcurrentRunner.RunAsync(count, concurrency, (i, worker, token) =>
        {
            var name = $"obj-{i % objects:D7}";
            return op switch
            {
                "head" => SwiftOps.HeadAsync(client, session, container, name, token),
                "delete" => SwiftOps.DeleteAsync(client, session, container, name, token),
                "overwrite" => SwiftOps.PutAsync(client, session, container, name, new ByteArrayContent(body), token),
                _ => SwiftOps.GetAsync(client, session, container, name, size, buffers[worker], token),
            };
        }, ct);
        Console.WriteLine(ProbeLine.Format(op, size, concurrency, phase));
        return phase.Failures == 0 ? 0 : 1;
    }
}
