import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { hostStats, type Host, type HostStats as Stats } from '../../api/admin';
import { SessionExpiredError, messageOf } from '../../api/errors';
import { formatBytes } from '../../format';
import { LineChart } from './LineChart';
import { chartsOf, type ChartSpec } from './hostSeries';

const RANGES = [
  { value: '15m', label: '15 min', ms: 15 * 60_000 },
  { value: '1h', label: '1 h', ms: 3_600_000 },
  { value: '6h', label: '6 h', ms: 6 * 3_600_000 },
  { value: '24h', label: '24 h', ms: 24 * 3_600_000 },
];

function formatterOf(kind: ChartSpec['kind']): (n: number) => string {
  if (kind === 'percent') return (n) => `${Math.round(n)} %`;
  if (kind === 'rate') return (n) => `${formatBytes(Math.round(n))}/s`;
  return (n) => formatBytes(Math.round(n));
}

interface Props {
  host: Host;
  onClose: () => void;
}

export function HostStats({ host, onClose }: Props) {
  const [range, setRange] = useState('1h');
  const [stats, setStats] = useState<{ data: Stats; since: number; until: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState('');

  const load = useCallback(async () => {
    const ms = RANGES.find((r) => r.value === range)!.ms;
    const until = Date.now();
    const since = until - ms;
    setLoading(true);
    setProblem('');
    try {
      setStats({ data: await hostStats(host, since, until), since, until });
    } catch (e) {
      if (!(e instanceof SessionExpiredError)) setProblem(`Could not load the statistics: ${messageOf(e)}`);
    } finally {
      setLoading(false);
    }
  }, [host.id, range]);

  useEffect(() => {
    void load();
  }, [load]);

  // Samples come every interval_seconds; a longer silence is a gap in the lines.
  const gapMs = Math.max(1, host.interval_seconds || 30) * 2500;
  const charts = useMemo(() => (stats ? chartsOf(stats.data, gapMs) : null), [stats, gapMs]);
  const name = `${host.hostname} — ${host.role} ${host.address}:${host.port}`;

  return (
    <section class="admin-card admin-pad admin-stats" data-testid="admin-host-stats" aria-label={`Statistics of ${name}`}>
      <div class="admin-stats-head">
        <h2 class="admin-subtitle">{name}</h2>
        <label class="admin-field admin-inline">
          <span class="label">Period</span>
          <select data-testid="admin-stats-range" value={range} onChange={(e) => setRange(e.currentTarget.value)}>
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="small" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
        <button type="button" class="small ghost" data-testid="admin-stats-close" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="hint">
        {host.cores ? `${host.cores} cores` : ''}
        {host.model ? `, ${host.model}` : ''}
        {host.mem_total_bytes ? `, ${formatBytes(host.mem_total_bytes)} memory` : ''}
        {host.version ? `, CloudFs ${host.version}` : ''}
        {loading && stats ? ' — updating…' : ''}
      </p>
      {problem && (
        <p class="admin-problem" role="alert">
          {problem}
        </p>
      )}
      {!stats && loading && <p class="muted">Loading…</p>}
      {stats && charts && (
        <>
          <div class="admin-charts">
            {charts.charts.map((c) => (
              <LineChart
                key={c.key}
                title={c.title}
                series={c.series}
                since={stats.since}
                until={stats.until}
                yMax={c.yMax}
                gapMs={gapMs}
                format={formatterOf(c.kind)}
              />
            ))}
          </div>
          {charts.quietInterfaces.length > 0 && (
            <p class="hint">No traffic in this period on: {charts.quietInterfaces.join(', ')}.</p>
          )}
        </>
      )}
    </section>
  );
}
