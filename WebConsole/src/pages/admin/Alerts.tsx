import { useCallback, useEffect, useState } from 'preact/hooks';
import { listAlerts, type Alert } from '../../api/admin';
import { formatDate } from '../../format';
import { FeedbackLines, useFeedback } from './Feedback';
import { ago } from './time';

const REFRESH_MS = 30_000;

/** Fields shown in the alert's heading and host line; any others are listed below them as they come. */
const KNOWN = new Set(['kind', 'name', 'subject', 'message', 'detail', 'host', 'host_id', 'hostname', 'role', 'address', 'port', 'since']);

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function hostOf(alert: Alert): string {
  const host = alert.host;
  if (host && typeof host === 'object') {
    const h = host as Record<string, unknown>;
    return [text(h.role), h.address ? `${text(h.address)}${h.port ? `:${text(h.port)}` : ''}` : text(h.hostname)]
      .filter(Boolean)
      .join(' ');
  }
  const where = alert.address ? `${text(alert.address)}${alert.port ? `:${text(alert.port)}` : ''}` : '';
  return [text(alert.role), where, alert.hostname ? `(${text(alert.hostname)})` : text(host)].filter(Boolean).join(' ');
}

/** "since" may be Unix ms, Unix seconds or a date string. */
function sinceOf(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string' && value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

export function Alerts() {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [loading, setLoading] = useState(true);
  const feedback = useFeedback();
  const { fail, clear } = feedback;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setAlerts(await listAlerts());
      clear();
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, [fail, clear]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const now = Date.now();
  return (
    <section class="admin-section" data-testid="admin-alerts" aria-label="Alerts">
      <FeedbackLines feedback={feedback} />
      <div class="admin-toolbar">
        <span class="muted admin-count" role="status">
          {loading && !alerts ? 'Loading…' : alerts && alerts.length > 0 && `${alerts.length} alerts`}
        </span>
        <button type="button" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </div>
      {alerts && alerts.length === 0 && (
        <p class="admin-card empty" data-testid="admin-no-alerts">
          No alerts
        </p>
      )}
      {alerts && alerts.length > 0 && (
        <ul class="admin-alerts">
          {alerts.map((alert, i) => {
            const title = [text(alert.kind ?? alert.name), text(alert.subject)].filter(Boolean).join(': ') || 'Alert';
            const message = text(alert.message ?? alert.detail);
            const since = sinceOf(alert.since);
            const host = hostOf(alert);
            const others = Object.entries(alert).filter(([k, v]) => !KNOWN.has(k) && v !== null && v !== '');
            return (
              <li key={i} class="admin-card admin-pad admin-alert" data-testid="admin-alert">
                <p class="admin-alert-title">{title}</p>
                {message && <p>{message}</p>}
                <p class="muted">
                  {host && <>On {host}</>}
                  {host && since && ' — '}
                  {since && (
                    <span title={formatDate(since)}>since {ago(since.getTime(), now)}</span>
                  )}
                </p>
                {others.length > 0 && (
                  <dl class="admin-alert-more">
                    {others.map(([k, v]) => (
                      <div key={k}>
                        <dt>{k.replace(/_/g, ' ')}</dt>
                        <dd>{text(v)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
