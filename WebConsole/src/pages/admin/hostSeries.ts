import type { HostStats } from '../../api/admin';
import type { Series } from './LineChart';

export interface ChartSpec {
  key: string;
  title: string;
  series: Series[];
  kind: 'percent' | 'bytes' | 'rate';
  yMax?: number;
}

type Point = [number, number];

function byTime<T extends { ts: number; seq: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.ts - b.ts || a.seq - b.seq);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Per-second rates from running totals, one point per pair of consecutive samples. A pair further
 * apart than gapMs, or where the total went down (the host restarted), gives no point.
 */
export function rates<T extends { ts: number; seq: number }>(rows: T[], value: (row: T) => number | undefined, gapMs: number): Point[] {
  const sorted = byTime(rows);
  const out: Point[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const va = value(a);
    const vb = value(b);
    const dt = b.ts - a.ts;
    if (va === undefined || vb === undefined || dt <= 0 || dt > gapMs || vb < va) continue;
    out.push([b.ts, ((vb - va) * 1000) / dt]);
  }
  return out;
}

function allZero(series: Series[]): boolean {
  return series.every((s) => s.points.every((p) => p[1] === 0));
}

export interface Charts {
  charts: ChartSpec[];
  /** Interfaces left out because nothing went through them in the period. */
  quietInterfaces: string[];
}

export function chartsOf(stats: HostStats, gapMs: number): Charts {
  const charts: ChartSpec[] = [];
  const cpu = byTime(stats.cpu);
  charts.push({
    key: 'cpu',
    title: 'CPU busy (100 % − idle)',
    kind: 'percent',
    yMax: 100,
    series: [
      { label: 'Busy', points: cpu.map((s) => [s.ts, Math.max(0, 100 - s.idle_pct)]) },
      { label: 'Waiting for I/O', points: cpu.map((s) => [s.ts, s.iowait_pct]) },
    ],
  });

  const mem = byTime(stats.mem);
  charts.push({
    key: 'mem',
    title: 'Memory used',
    kind: 'bytes',
    yMax: stats.host.mem_total_bytes || undefined,
    series: [
      { label: 'Host', points: mem.map((s) => [s.ts, s.used_bytes]) },
      { label: 'CloudFs process', points: mem.map((s) => [s.ts, s.process_rss_bytes]) },
    ],
  });

  const quietInterfaces: string[] = [];
  for (const [iface, rows] of groupBy(stats.net, (r) => r.iface)) {
    const series = [
      { label: 'Received', points: rates(rows, (r) => r.rx_bytes, gapMs) },
      { label: 'Sent', points: rates(rows, (r) => r.tx_bytes, gapMs) },
    ];
    if (allZero(series)) {
      quietInterfaces.push(iface);
      continue;
    }
    charts.push({ key: `net-${iface}`, title: `Network ${iface}`, kind: 'rate', series });
  }

  for (const [device, rows] of groupBy(stats.disk, (r) => r.device)) {
    charts.push({
      key: `disk-${device}`,
      title: `Disk ${device} reads and writes`,
      kind: 'rate',
      series: [
        { label: 'Read', points: rates(rows, (r) => r.read_bytes, gapMs) },
        { label: 'Written', points: rates(rows, (r) => r.write_bytes, gapMs) },
      ],
    });
  }

  for (const [device, rows] of groupBy(stats.storage, (r) => r.device)) {
    const sorted = byTime(rows);
    charts.push({
      key: `storage-${device}`,
      title: `Storage ${device}`,
      kind: 'bytes',
      yMax: Math.max(0, ...sorted.map((r) => r.used_bytes + r.free_bytes)) || undefined,
      series: [
        { label: 'Used', points: sorted.map((r) => [r.ts, r.used_bytes]) },
        { label: 'Free', points: sorted.map((r) => [r.ts, r.free_bytes]) },
      ],
    });
  }
  return { charts, quietInterfaces };
}
