namespace CloudFs.Ring;

/// <summary>
/// Serves the current <see cref="HashRing"/> of one role and reloads it when {ringDir}/{role}.ring
/// changes. A reader of <see cref="Current"/> at most every <c>checkInterval</c> (by the injected
/// clock) stats the file; when its mtime or size differ, the file is loaded on the thread pool
/// and the new immutable ring is swapped in, so lookups never wait for a load. A file that
/// fails to load is logged in <see cref="LastError"/> and the previous ring stays in service.
/// </summary>
public sealed class RingProvider : IRingProvider
{
    private readonly HashPathOptions _hashPath;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private volatile HashRing _current;
    private FileStamp _loadedStamp;
    private long _nextCheckTicks;
    private int _busy;

    /// <summary>Loads the ring now; throws when it is missing or invalid, as a server cannot start without it.</summary>
    public RingProvider(string ringDirectory, string role, HashPathOptions hashPath, TimeProvider? timeProvider = null, TimeSpan? checkInterval = null)
    {
        ArgumentNullException.ThrowIfNull(ringDirectory);
        Role = RingRoles.CheckRole(role);
        _hashPath = hashPath ?? throw new ArgumentNullException(nameof(hashPath));
        _time = timeProvider ?? TimeProvider.System;
        _interval = checkInterval ?? TimeSpan.FromSeconds(15);
        RingPath = RingRoles.RingPath(ringDirectory, role);
        _loadedStamp = FileStamp.Of(RingPath);
        _current = new HashRing(RingFile.Load(RingPath), _hashPath);
        _nextCheckTicks = _time.GetUtcNow().UtcTicks + _interval.Ticks;
    }

    /// <summary>Creates a provider from the hash path prefix and suffix strings.</summary>
    public RingProvider(string ringDirectory, string role, string hashPathPrefix, string hashPathSuffix, TimeProvider? timeProvider = null, TimeSpan? checkInterval = null)
        : this(ringDirectory, role, new HashPathOptions(hashPathPrefix, hashPathSuffix), timeProvider, checkInterval)
    {
    }

    /// <inheritdoc/>
    public string Role { get; }

    /// <summary>The file this provider watches.</summary>
    public string RingPath { get; }

    /// <summary>The last reload failure, or null after a successful load.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Raised (on a pool thread) after a new ring was swapped in.</summary>
    public event Action<HashRing>? Reloaded;

    /// <inheritdoc/>
    public HashRing Current
    {
        get
        {
            var now = _time.GetUtcNow().UtcTicks;
            if (now >= Volatile.Read(ref _nextCheckTicks) && Interlocked.CompareExchange(ref _busy, 1, 0) == 0)
            {
                Volatile.Write(ref _nextCheckTicks, now + _interval.Ticks);
                if (FileStamp.Of(RingPath) != _loadedStamp)
                {
                    _ = Task.Run(() => ReloadAndRelease());
                }
                else
                {
                    Volatile.Write(ref _busy, 0);
                }
            }

            return _current;
        }
    }

    /// <summary>Checks the file now and loads it synchronously if it changed; true when a new ring was swapped in.</summary>
    public bool Refresh()
    {
        SpinWait spin = default;
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            spin.SpinOnce();
        }

        return FileStamp.Of(RingPath) != _loadedStamp ? ReloadAndRelease() : Release(false);
    }

    private bool ReloadAndRelease()
    {
        var swapped = false;
        try
        {
            var stamp = FileStamp.Of(RingPath);
            var ring = new HashRing(RingFile.Load(RingPath), _hashPath);
            _loadedStamp = stamp;
            _current = ring;
            LastError = null;
            swapped = true;
        }
        catch (Exception e)
        {
            // Keep serving the old ring; remember the stamp so a broken file is not retried in a loop.
            _loadedStamp = FileStamp.Of(RingPath);
            LastError = e;
        }
        finally
        {
            Release(swapped);
        }

        return swapped;
    }

    private bool Release(bool swapped)
    {
        Volatile.Write(ref _busy, 0);
        if (swapped)
        {
            Reloaded?.Invoke(_current);
        }

        return swapped;
    }
}
