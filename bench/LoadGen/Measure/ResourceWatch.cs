namespace CloudFs.Bench.LoadGen.Measure;

/// <summary>
/// CPU seconds and peak resident memory of a system's server processes over one phase:
/// utime+stime summed before and after, VmRSS polled every 20 ms while it runs.
/// </summary>
public sealed class ResourceWatch : IAsyncDisposable
{
    private readonly IReadOnlyList<ProcessSample> _processes;
    private readonly Dictionary<int, double> _cpuBefore = [];
    private readonly Dictionary<int, long> _peakRss = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poller;
    private long _peakTotal;

    public ResourceWatch(IReadOnlyCollection<int> sessions, bool pollMemory)
    {
        _processes = ProcFs.ServersInSessions(sessions);
        foreach (var process in _processes)
        {
            _cpuBefore[process.Pid] = ProcFs.CpuSeconds(process.Pid) ?? 0;
        }
        _poller = pollMemory && _processes.Count > 0 ? PollAsync(_stop.Token) : Task.CompletedTask;
    }

    public bool HasProcesses => _processes.Count > 0;

    /// <summary>How many processes of each role are watched.</summary>
    public Dictionary<string, int> ProcessCounts() =>
        _processes.GroupBy(p => p.Role).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>CPU seconds used by all watched processes since the watch began.</summary>
    public double CpuSeconds() =>
        _processes.Sum(p => Math.Max(0, (ProcFs.CpuSeconds(p.Pid) ?? _cpuBefore[p.Pid]) - _cpuBefore[p.Pid]));

    /// <summary>Peak RSS in MB (10^6) per role (the largest process of that role) and "total" (peak of the sum).</summary>
    public async Task<Dictionary<string, double>> PeakRssAsync()
    {
        await _stop.CancelAsync();
        await _poller;
        Sample();
        var peaks = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var process in _processes)
        {
            var mb = _peakRss.GetValueOrDefault(process.Pid) / 1e6;
            peaks[process.Role] = Math.Max(peaks.GetValueOrDefault(process.Role), mb);
        }
        var result = new Dictionary<string, double>(peaks, StringComparer.Ordinal)
        {
            ["total"] = _peakTotal / 1e6,
        };
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _poller;
        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        long total = 0;
        foreach (var process in _processes)
        {
            var rss = ProcFs.Memory(process.Pid) ?? 0;
            total += rss;
            if (rss > _peakRss.GetValueOrDefault(process.Pid))
            {
                _peakRss[process.Pid] = rss;
            }
        }
        _peakTotal = Math.Max(_peakTotal, total);
    }
}
