using CloudFs.AccountServer.Data;

namespace CloudFs.AccountServer.Core.Hosts;

/// <summary>A host as <c>GET /hosts</c> shows it: its row, its latest CPU and memory sample, its alert count, whether it is silent.</summary>
public sealed record HostView(HostRow Host, bool Silent, CpuStatRow? Cpu, MemStatRow? Mem, int Alerts);

/// <summary>A host's series between two times, as <c>GET /hosts/{host}/stats</c> returns them.</summary>
public sealed record HostStats(
    HostRow Host,
    IReadOnlyList<HostNetRow> Interfaces,
    IReadOnlyList<HostDiskRow> Disks,
    IReadOnlyList<CpuStatRow> Cpu,
    IReadOnlyList<MemStatRow> Mem,
    IReadOnlyList<NetStatRow> Net,
    IReadOnlyList<DiskStatRow> Disk,
    IReadOnlyList<StorageStatRow> Storage);

/// <summary>An alert and the host it concerns, as <c>GET /hosts/alerts</c> lists them.</summary>
public sealed record ClusterAlert(long HostId, string Hostname, string Role, string Address, int Port, string Kind, string Subject, string Detail, long Since);
