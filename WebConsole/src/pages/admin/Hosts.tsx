import { useCallback, useEffect, useState } from 'preact/hooks';
import { listHosts, type Host } from '../../api/admin';
import { formatBytes, formatCount } from '../../format';
import { FeedbackLines, useFeedback } from './Feedback';
import { HostStats } from './HostStats';
import { ago } from './time';

/** Hosts report every 30 s by default: refreshing faster shows nothing new. */
const REFRESH_MS = 30_000;

function addressOf(host: Host): string {
  return `${host.address}:${host.port}`;
}

function cpuText(host: Host): string {
  return host.cpu ? `${Math.round(Math.max(0, 100 - host.cpu.idle_pct))} %` : '—';
}

function memoryText(host: Host): string {
  if (!host.mem) return '—';
  const used = formatBytes(host.mem.used_bytes);
  return host.mem_total_bytes ? `${used} of ${formatBytes(host.mem_total_bytes)}` : used;
}

export function Hosts() {
  const [hosts, setHosts] = useState<Host[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(Date.now());
  const [openId, setOpenId] = useState<number | null>(null);
  const feedback = useFeedback();
  const { fail, clear } = feedback;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const list = await listHosts();
      setHosts([...list].sort((a, b) => a.role.localeCompare(b.role) || addressOf(a).localeCompare(addressOf(b))));
      setNow(Date.now());
      clear();
    } catch (e) {
      fail(e);
    } finally {
      setLoading(false);
    }
  }, [fail, clear]);

  useEffect(() => {
    void load();
    const refresh = window.setInterval(() => void load(), REFRESH_MS);
    const tick = window.setInterval(() => setNow(Date.now()), 5000);
    return () => {
      window.clearInterval(refresh);
      window.clearInterval(tick);
    };
  }, [load]);

  const open = hosts?.find((h) => h.id === openId) ?? null;
  return (
    <section class="admin-section" data-testid="admin-hosts" aria-label="Hosts">
      <FeedbackLines feedback={feedback} />
      <div class="admin-toolbar">
        <span class="muted admin-count" role="status">
          {loading && !hosts ? 'Loading…' : hosts && `${formatCount(hosts.length)} hosts`}
        </span>
        <button type="button" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </div>
      {hosts && (
        <div class="admin-card">
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Address</th>
                <th scope="col">Version</th>
                <th scope="col">Last seen</th>
                <th scope="col">CPU</th>
                <th scope="col">Memory</th>
                <th scope="col">Alerts</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hosts.map((h) => (
                <tr
                  key={h.id}
                  data-testid="admin-host"
                  data-host={addressOf(h)}
                  data-silent={h.silent ? 'true' : undefined}
                  class={h.silent ? 'admin-silent' : undefined}
                >
                  <td class="admin-primary" data-label="Role">
                    {h.role}
                  </td>
                  <td data-label="Address" class="admin-nowrap" title={h.hostname ? `Host name ${h.hostname}` : undefined}>
                    {addressOf(h)}
                  </td>
                  <td data-label="Version">{h.version || '—'}</td>
                  <td data-label="Last seen" class="admin-nowrap" title={new Date(h.last_seen).toLocaleString()}>
                    {ago(h.last_seen, now)}
                    {h.silent && (
                      <>
                        {' '}
                        <span class="admin-badge off" title="The host has stopped reporting">
                          Silent
                        </span>
                      </>
                    )}
                  </td>
                  <td data-label="CPU" class="admin-nowrap">{cpuText(h)}</td>
                  <td data-label="Memory" class="admin-nowrap">{memoryText(h)}</td>
                  <td data-label="Alerts">
                    {h.alerts ? <span class="admin-badge off">{h.alerts}</span> : (h.alerts ?? 0)}
                  </td>
                  <td class="admin-actions">
                    <button
                      type="button"
                      class="small"
                      data-testid="admin-host-open"
                      aria-expanded={openId === h.id}
                      aria-label={`Statistics of ${h.role} ${addressOf(h)}`}
                      onClick={() => setOpenId(openId === h.id ? null : h.id)}
                    >
                      {openId === h.id ? 'Hide statistics' : 'Statistics'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hosts.length === 0 && <p class="empty">No host has reported yet</p>}
        </div>
      )}
      {open && <HostStats key={open.id} host={open} onClose={() => setOpenId(null)} />}
    </section>
  );
}
