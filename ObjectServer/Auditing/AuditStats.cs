using System.Collections.Concurrent;

namespace CloudFs.ObjectServer.Auditing;

/// <summary>
/// The auditor's counters, updated by the pass and read by /recon/auditor from request threads:
/// the last completed pass, the one running, and totals since start. One lock keeps a snapshot
/// consistent (a blob is never counted in the pass but not yet in the totals).
/// </summary>
public sealed class AuditStats(TimeProvider time)
{
    private readonly Lock _lock = new();
    private AuditPassFigures? _last;
    private AuditPassFigures? _current;
    private long _passes;
    private long _blobs;
    private long _bytes;
    private long _quarantined;
    private long _errors;

    // Blobs found on each device by the last pass that walked it whole: counting is the walk's by-product.
    private readonly ConcurrentDictionary<string, long> _deviceBlobs = new(StringComparer.Ordinal);

    public void DeviceWalked(string device, long blobs) => _deviceBlobs[device] = blobs;

    /// <summary>Blobs on the device as of the last pass that walked it whole; 0 before any did.</summary>
    public long BlobsOn(string device) => _deviceBlobs.GetValueOrDefault(device);

    /// <summary>Starts counting a new pass; a pass that was never finished is dropped.</summary>
    public void PassStarted()
    {
        lock (_lock)
        {
            _current = new AuditPassFigures(time.GetUtcNow(), null, 0, 0, 0, 0);
        }
    }

    /// <summary>One blob was read to the end: verified, or found bad and quarantined.</summary>
    public void BlobChecked(long bytesRead, bool quarantined)
    {
        lock (_lock)
        {
            var q = quarantined ? 1 : 0;
            _blobs++;
            _bytes += bytesRead;
            _quarantined += q;
            if (_current is { } c)
            {
                _current = c with { BlobsChecked = c.BlobsChecked + 1, BytesRead = c.BytesRead + bytesRead, Quarantined = c.Quarantined + q };
            }
        }
    }

    /// <summary>Something could not be checked (an I/O error, a device that went away mid-pass).</summary>
    public void Error()
    {
        lock (_lock)
        {
            _errors++;
            if (_current is { } c)
            {
                _current = c with { Errors = c.Errors + 1 };
            }
        }
    }

    /// <summary>The running pass reached the end of every device; it becomes the last pass.</summary>
    public AuditPassFigures? PassCompleted()
    {
        lock (_lock)
        {
            if (_current is not { } c)
            {
                return null;
            }

            _last = c with { End = time.GetUtcNow() };
            _current = null;
            _passes++;
            return _last;
        }
    }

    /// <summary>The running pass stopped early (shutdown, failure); its counts stay in the totals only.</summary>
    public void PassAbandoned()
    {
        lock (_lock)
        {
            _current = null;
        }
    }

    public AuditStatsSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new AuditStatsSnapshot(_last, _current, new AuditTotals(_passes, _blobs, _bytes, _quarantined, _errors));
        }
    }
}
