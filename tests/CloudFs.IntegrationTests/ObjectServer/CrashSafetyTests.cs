using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CloudFs.IntegrationTests.ObjectServer;

/// <summary>
/// Kills a real object-server process in the middle of a PUT and checks that, after a restart,
/// the blob is simply absent: no torn .data file, and the tmp/ leftover cleaned up.
/// </summary>
public class CrashSafetyTests
{
    private string _root = "";
    private string _config = "";
    private int _port;
    private Process? _server;
    private readonly StringBuilder _output = new();

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "cloudfs-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "devices", "sda"));
        _port = FreePort();
        _config = Path.Combine(_root, "object-server.json");
        File.WriteAllText(_config, JsonSerializer.Serialize(new
        {
            Server = new { Bind = "127.0.0.1", Port = _port, DataDir = Path.Combine(_root, "data") },
            ObjectServer = new { DevicesRoot = Path.Combine(_root, "devices") },
        }));
    }

    [TearDown]
    public void TearDown()
    {
        StopServer();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(_output.ToString());
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task Put_ServerKilledMidBody_BlobAbsentAfterRestartAndTmpCleaned()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromMinutes(2) };
        var path = ObjectServerHost.BlobPath(ObjectServerHost.NewBlobId());
        var blobs = Path.Combine(_root, "devices", "sda", "blobs");
        var tmp = Path.Combine(_root, "devices", "sda", "tmp");
        await StartServerAsync(client);

        // 64 MiB promised, 4 MiB sent quickly, then a trickle.
        var slowPut = client.PutAsync(path, new GeneratedContent(64L * 1024 * 1024, 4L * 1024 * 1024, TimeSpan.FromMilliseconds(50)));
        await WaitUntilAsync(() => Directory.Exists(tmp) && Directory.GetFiles(tmp).Any(f => new FileInfo(f).Length >= 2 * 1024 * 1024));
        StopServer();
        Assert.CatchAsync<Exception>(async () => await slowPut);

        Assert.That(DataFiles(blobs), Is.Empty, "a torn blob is visible");
        Assert.That(Directory.GetFiles(tmp), Is.Not.Empty, "the interrupted PUT should have left its temp file");

        await StartServerAsync(client);
        using var get = await client.GetAsync(path);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Directory.GetFiles(tmp), Is.Empty, "startup should clean tmp/");

        // The id is not poisoned: a complete PUT afterwards succeeds.
        var content = new GeneratedContent(3L * 1024 * 1024);
        using var put = await client.PutAsync(path, content);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(put.Headers.ETag?.Tag, Is.EqualTo($"\"{content.Md5Hex}\""));
    }

    private static string[] DataFiles(string blobs) =>
        Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories) : [];

    private async Task StartServerAsync(HttpClient client)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        info.ArgumentList.Add(FindServerDll());
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(_config);
        _server = Process.Start(info)!;
        _server.OutputDataReceived += (_, e) => Append(e.Data);
        _server.ErrorDataReceived += (_, e) => Append(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var server = _server;
        await WaitUntilAsync(async () =>
        {
            Assert.That(server.HasExited, Is.False, "object server exited during startup:\n" + _output);
            try
            {
                using var health = await client.GetAsync("/healthcheck");
                return health.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
    }

    private void StopServer()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        _server = null;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string FindServerDll()
    {
        var beside = Path.Combine(TestContext.CurrentContext.TestDirectory, "CloudFs.ObjectServer.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var bin = Path.Combine(dir.FullName, "ObjectServer", "bin");
            if (Directory.Exists(bin) && Directory.GetFiles(bin, "CloudFs.ObjectServer.dll", SearchOption.AllDirectories).FirstOrDefault() is { } dll)
            {
                return dll;
            }
        }

        Assert.Fail("CloudFs.ObjectServer.dll not found; build ObjectServer first.");
        return "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting");
            await Task.Delay(50);
        }
    }
}
