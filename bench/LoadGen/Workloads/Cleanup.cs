using System.Text.Json;
using CloudFs.Bench.LoadGen.Http;

namespace CloudFs.Bench.LoadGen.Workloads;

/// <summary>Untimed tidying between runs: empties and deletes a container, best effort.</summary>
public static class Cleanup
{
    public static async Task DeleteContainerAsync(HttpClient client, SwiftSession session, string container, CancellationToken cancellationToken)
    {
        try
        {
            for (var round = 0; round < 20; round++)
            {
                var names = await ListAsync(client, session, container, cancellationToken);
                if (names.Count == 0)
                {
                    break;
                }
                await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                    async (name, token) => await SwiftOps.DeleteAsync(client, session, container, name, token));
            }
            await SwiftOps.DeleteAsync(client, session, container, null, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            Console.Error.WriteLine($"cleanup of {container} failed: {ex.Message}");
        }
    }

    private static async Task<List<string>> ListAsync(HttpClient client, SwiftSession session, string container, CancellationToken cancellationToken)
    {
        using var request = session.Request(HttpMethod.Get, new Uri(session.Url(container) + "?format=json"));
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(json.Length == 0 ? "[]" : json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString() ?? "")];
    }
}
