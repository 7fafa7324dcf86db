using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudFs.Catalog;

namespace CloudFs.IntegrationTests.ContainerServer;

/// <summary>
/// The built container server as a child process on 127.0.0.1 and a free port, reading the
/// given catalog. (This test project does not reference ContainerServer, so it runs the
/// dll the way the end-to-end tests do; build ContainerServer first.)
/// </summary>
internal sealed class ContainerServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDir;

    private ContainerServerProcess(Process process, string dataDir, Uri baseAddress)
    {
        _process = process;
        _dataDir = dataDir;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ContainerServerProcess> StartAsync(CatalogOptions catalog, params string[] extra)
    {
        var dll = RepoRoot.ContainerServerDll;
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is not built: run `dotnet build ContainerServer/ContainerServer.csproj` first.");
        }

        var port = FreePort();
        var dataDir = Directory.CreateTempSubdirectory("cloudfs-cs-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("CLOUDFS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var argument in (string[])
                 [
                     dll, "--Server:Bind=127.0.0.1", $"--Server:Port={port}", $"--Server:DataDir={dataDir}",
                     $"--Catalog:Provider={catalog.Provider}", $"--Catalog:ConnectionString={catalog.ConnectionString}",
                     "--Logging:LogLevel:Default=Warning",
                     .. extra,
                 ])
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var server = new ContainerServerProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail("The container server exited: " + server.Output);
            }

            try
            {
                using var response = await server.Client.GetAsync("/healthcheck");
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        Assert.Fail("The container server did not answer /healthcheck within 60 s: " + server.Output);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
