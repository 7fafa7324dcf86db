namespace CloudFs.EndToEndTests.Cluster;

/// <summary>Waits until a started role server answers /healthcheck, failing at once (with its log) if it exited.</summary>
public static class ServerHealth
{
    public static async Task WaitAsync(HttpClient http, Uri healthcheck, ServerProcess server, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{what} server exited:\n{server.ReadLog()}");
            }

            try
            {
                using var response = await http.GetAsync(healthcheck);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but too busy to answer within the client's timeout: ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} server not healthy within 60 s:\n{server.ReadLog()}");
            }

            await Task.Delay(200);
        }
    }
}
