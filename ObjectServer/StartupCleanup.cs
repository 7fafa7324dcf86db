using CloudFs.ObjectServer.Storage;
using Microsoft.Extensions.Hosting;

namespace CloudFs.ObjectServer;

/// <summary>Clears every device's tmp/ before Kestrel starts taking PUTs (leftovers of a crash).</summary>
internal sealed class StartupCleanup(TempCleaner cleaner, ObjectServerOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.CleanTempOnStartup)
        {
            cleaner.CleanAll();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
