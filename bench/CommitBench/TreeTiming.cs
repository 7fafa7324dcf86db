using System.Diagnostics;

namespace CloudFs.Bench.Commit;

/// <summary>Times a catalog MOVE and COPY of one directory holding <c>files</c> objects in 100 subdirectories.</summary>
public sealed class TreeTiming(HttpClient client, CommitDriver driver)
{
    public async Task RunAsync(int files, int runs)
    {
        Console.WriteLine($"loading {files} objects into tree{0}/ ...");
        await driver.RunAsync("tree0", files, 32);
        var moves = new List<double>();
        var copies = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await SendAsync("/move", $"tree{run}/", $"/bench/tree{run + 1}");
            moves.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await SendAsync("/copy", $"tree{run + 1}/", $"/bench/copy{run}");
            copies.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {run + 1}: move {moves[^1]:0} ms, copy {copies[^1]:0} ms ({files} objects)");
        }

        moves.Sort();
        copies.Sort();
        Console.WriteLine($"move of a {files}-object directory: median {moves[runs / 2]:0} ms (min {moves[0]:0}, max {moves[^1]:0})");
        Console.WriteLine($"copy of a {files}-object directory: median {copies[runs / 2]:0} ms (min {copies[0]:0}, max {copies[^1]:0})");
    }

    private async Task SendAsync(string verb, string source, string destination)
    {
        using var request = driver.Request(HttpMethod.Post, $"{verb}/d1/0/AUTH_bench/bench/{source}");
        request.Headers.Add("X-Backend-Destination", destination);
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{verb} {source}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
