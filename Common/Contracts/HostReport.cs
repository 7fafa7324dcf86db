using System.Text.Json.Serialization;

namespace CloudFs.Common.Contracts;

/// <summary>
/// What a role server tells the account server about itself every report interval
/// (<c>POST /hosts/report</c>): who it is, one sample of its host's CPU, memory, network,
/// disks and storage, and the alerts it raises right now. Counters (bytes, operations) are
/// the kernel's running totals; readers take differences between samples.
/// </summary>
public sealed record HostReport(
    [property: JsonPropertyName("node_id")] Guid NodeId,
    [property: JsonPropertyName("hostname")] string Hostname,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("started_at")] long StartedAt,
    [property: JsonPropertyName("interval_seconds")] int IntervalSeconds,
    [property: JsonPropertyName("seq")] int Seq,
    [property: JsonPropertyName("ts")] long Ts,
    [property: JsonPropertyName("sample")] HostSample Sample,
    [property: JsonPropertyName("storage")] IReadOnlyList<StorageSample> Storage,
    [property: JsonPropertyName("alerts")] IReadOnlyList<HostAlert> Alerts);

/// <summary>One reading of a host's CPU, memory, network interfaces and block devices.</summary>
public sealed record HostSample(
    [property: JsonPropertyName("cpu")] CpuSample Cpu,
    [property: JsonPropertyName("mem")] MemSample Mem,
    [property: JsonPropertyName("net")] IReadOnlyList<NetSample> Net,
    [property: JsonPropertyName("disks")] IReadOnlyList<DiskSample> Disks);

/// <summary>CPU time shares since the previous sample (percent, 0-100) and the 1-minute load average.</summary>
public sealed record CpuSample(
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("user_pct")] double UserPct,
    [property: JsonPropertyName("system_pct")] double SystemPct,
    [property: JsonPropertyName("iowait_pct")] double IowaitPct,
    [property: JsonPropertyName("idle_pct")] double IdlePct,
    [property: JsonPropertyName("load1")] double Load1);

public sealed record MemSample(
    [property: JsonPropertyName("total_bytes")] long TotalBytes,
    [property: JsonPropertyName("used_bytes")] long UsedBytes,
    [property: JsonPropertyName("free_bytes")] long FreeBytes,
    [property: JsonPropertyName("cached_bytes")] long CachedBytes,
    [property: JsonPropertyName("process_rss_bytes")] long ProcessRssBytes);

/// <summary>A network interface and its running byte totals.</summary>
public sealed record NetSample(
    [property: JsonPropertyName("iface")] string Iface,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("speed_mbps")] int? SpeedMbps,
    [property: JsonPropertyName("rx_bytes")] long RxBytes,
    [property: JsonPropertyName("tx_bytes")] long TxBytes);

/// <summary>A whole block device, its size and its running I/O totals.</summary>
public sealed record DiskSample(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("total_bytes")] long TotalBytes,
    [property: JsonPropertyName("read_bytes")] long ReadBytes,
    [property: JsonPropertyName("write_bytes")] long WriteBytes,
    [property: JsonPropertyName("read_ops")] long ReadOps,
    [property: JsonPropertyName("write_ops")] long WriteOps);

/// <summary>A storage device an object server keeps blobs on (d1, d2...), as its filesystem reports it.</summary>
public sealed record StorageSample(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("mounted")] bool Mounted,
    [property: JsonPropertyName("total_bytes")] long TotalBytes,
    [property: JsonPropertyName("used_bytes")] long UsedBytes,
    [property: JsonPropertyName("free_bytes")] long FreeBytes,
    [property: JsonPropertyName("blob_count")] long BlobCount);
