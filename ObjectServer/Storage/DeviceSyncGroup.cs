using CloudFs.Common.IO;

namespace CloudFs.ObjectServer.Storage;

/// <summary>
/// Group commit for one device: requests that finished writing wait together, and one syncfs(2)
/// of the device's filesystem makes all of them durable. A request that arrives while a sync is
/// running waits for the next one, whose start follows its writes, so no request is answered
/// from a sync that began before it wrote.
/// </summary>
/// <remarks>
/// The directory handle syncfs goes through stays open while any request holds a ticket, from
/// before its first write to its answer: syncfs reports the filesystem's writeback errors that
/// happened since the handle was opened, so an error in any held request's write is never
/// missed. When no request holds one the handle is closed, so an idle device can be unmounted.
/// The sync runs on a thread-pool thread; one per busy device, where per-file fsyncs blocked one
/// per request.
/// </remarks>
public sealed class DeviceSyncGroup(string device, string deviceDirectory, Action<DirectoryHandle>? sync = null)
{
    private readonly Action<DirectoryHandle> _sync = sync ?? (handle => handle.SyncFileSystem());
    private readonly Lock _gate = new();
    private List<TaskCompletionSource> _waiting = [];
    private DirectoryHandle? _handle;
    private int _holders;
    private bool _syncing;
    private long _syncs;

    /// <summary>Syncs run so far; each answered one or more requests.</summary>
    public long Syncs
    {
        get
        {
            lock (_gate)
            {
                return _syncs;
            }
        }
    }

    /// <summary>Whether the directory handle is open: only while a request holds a ticket or a sync runs.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _handle is not null;
            }
        }
    }

    /// <summary>Called before a request writes anything it will wait for.</summary>
    public FlushTicket Enter()
    {
        lock (_gate)
        {
            _handle ??= DirectoryHandle.Open(deviceDirectory);
            _holders++;
        }

        return new FlushTicket(this);
    }

    internal Task RequestAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add(waiter);
            start = !_syncing;
            _syncing = true;
        }

        if (start)
        {
            _ = Task.Run(Drain);
        }

        return waiter.Task;
    }

    internal void Leave()
    {
        lock (_gate)
        {
            _holders--;
            CloseIfIdle();
        }
    }

    private void Drain()
    {
        while (true)
        {
            List<TaskCompletionSource> batch;
            DirectoryHandle handle;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _syncing = false;
                    CloseIfIdle();
                    return;
                }

                batch = _waiting;
                _waiting = [];
                handle = _handle!; // every waiter holds a ticket, so the handle is open
                _syncs++;
            }

            Exception? error = null;
            try
            {
                _sync(handle);
            }
            catch (IOException ex)
            {
                error = ex;
            }

            StorageMeter.Synced(device, batch.Count, error is null);
            foreach (var waiter in batch)
            {
                if (error is null)
                {
                    waiter.SetResult();
                }
                else
                {
                    waiter.SetException(error);
                }
            }
        }
    }

    // Under _gate. A running drain closes the handle itself when it stops.
    private void CloseIfIdle()
    {
        if (_holders == 0 && !_syncing && _handle is not null)
        {
            _handle.Dispose();
            _handle = null;
        }
    }
}
