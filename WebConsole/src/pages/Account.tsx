import { useEffect, useState } from 'preact/hooks';
import { fetchAccountSummary, listAllContainers, type AccountSummary } from '../api/account';
import type { ContainerInfo } from '../api/swift';
import { ApiError, SessionExpiredError, messageOf } from '../api/errors';
import { formatBytes, formatCount } from '../format';
import { ErrorBanner, type Problem } from '../components/ErrorBanner';
import { QuotaMeter, UsageChart } from '../components/UsageChart';

const TOP = 20;

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function percent(used: number, limit: number): string {
  return limit > 0 ? `${Math.round((used / limit) * 100)}%` : '100%';
}

/** "2.1 MB of 10 MB used (21%) · 12 files in 3 containers". */
function summaryText(s: AccountSummary): string {
  const space =
    s.quotaBytes !== null
      ? `${formatBytes(s.bytes)} of ${formatBytes(s.quotaBytes)} used (${percent(s.bytes, s.quotaBytes)})`
      : `${formatBytes(s.bytes)} used`;
  const files =
    s.quotaCount !== null
      ? `${formatCount(s.objects)} of ${plural(s.quotaCount, 'file', 'files')} allowed (${percent(s.objects, s.quotaCount)})`
      : plural(s.objects, 'file', 'files');
  return `${space} · ${files} in ${plural(s.containers, 'container', 'containers')}`;
}

interface Loaded {
  summary: AccountSummary;
  containers: ContainerInfo[];
}

export function Account() {
  const [data, setData] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    Promise.all([fetchAccountSummary(), listAllContainers()])
      .then(
        ([summary, containers]) => live && setData({ summary, containers }),
        (error: unknown) => {
          if (!live || error instanceof SessionExpiredError) return;
          setProblem({ message: messageOf(error), reference: error instanceof ApiError ? error.transId : undefined });
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const top = data ? [...data.containers].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name)).slice(0, TOP) : [];
  const summary = data?.summary;

  return (
    <main class="content">
      <h1 class="page-title">Account</h1>
      {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
      <p class="status" role="status">
        {loading ? 'Loading…' : ''}
      </p>
      {summary && data && (
        <section class="panel account-panel" aria-labelledby="usage-heading">
          <h2 id="usage-heading">Usage</h2>
          <p data-testid="usage-summary">{summaryText(summary)}</p>
          {(summary.quotaBytes !== null || summary.quotaCount !== null) && (
            <div class="quota-meters">
              {summary.quotaBytes !== null && (
                <QuotaMeter
                  title="Storage"
                  used={summary.bytes}
                  limit={summary.quotaBytes}
                  format={formatBytes}
                  testId="quota-meter-bytes"
                />
              )}
              {summary.quotaCount !== null && (
                <QuotaMeter
                  title="Files"
                  used={summary.objects}
                  limit={summary.quotaCount}
                  format={formatCount}
                  testId="quota-meter-count"
                />
              )}
            </div>
          )}
          {top.length > 0 ? (
            <UsageChart containers={top} total={data.containers.length} />
          ) : (
            <p class="muted">There are no containers yet, so there is nothing to chart.</p>
          )}
        </section>
      )}
    </main>
  );
}
