namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// One request's place in its device's group commit (<see cref="DeviceSyncGroup"/>): taken before
/// the request writes, flushed once its files are renamed into place, disposed after the answer.
/// Without group commit (<see cref="FsyncMode.Always"/> syncs each file itself, <see cref="FsyncMode.Never"/>
/// not at all) it is <see cref="None"/>, which does nothing.
/// </summary>
public sealed class FlushTicket(DeviceSyncGroup? group) : IDisposable
{
    private bool _disposed;

    public static FlushTicket None { get; } = new(null);

    /// <summary>Completes when everything written on the device before the call is on stable storage.</summary>
    public Task FlushAsync(CancellationToken ct) =>
        group is null ? Task.CompletedTask : group.RequestAsync().WaitAsync(ct);

    public void Dispose()
    {
        if (group is not null && !_disposed)
        {
            _disposed = true;
            group.Leave();
        }
    }
}
