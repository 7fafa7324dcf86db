import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { fetchRecords, type RecordEntry } from '../api/extensions';
import { ApiError, SessionExpiredError, messageOf } from '../api/errors';
import { formatBytes } from '../format';
import { ErrorBanner, type Problem } from '../components/ErrorBanner';
import { Pager } from '../components/Pager';

const LIMIT = 50;
const OTHER = '__other__';
const ACTIONS = [
  'object.put',
  'object.delete',
  'object.copy',
  'object.move',
  'directory.copy',
  'directory.move',
  'container.put',
  'container.delete',
];

const STATUS_WORDS: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  408: 'Timed out',
  409: 'Conflict',
  411: 'Size missing',
  412: 'Condition not met',
  413: 'Over quota',
  416: 'Range not available',
  422: 'Damaged upload',
  429: 'Too many requests',
  499: 'Cancelled by the client',
  500: 'Server error',
  502: 'Cluster unreachable',
  503: 'Cluster busy',
  504: 'Cluster timed out',
  507: 'Out of space',
};

function resultWords(status: number): string {
  if (status >= 200 && status < 300) return 'OK';
  const words = STATUS_WORDS[status] ?? (status >= 500 ? 'Server error' : 'Refused');
  return `${words} (${status})`;
}

interface Filters {
  path: string;
  action: string;
  other: string;
}

function pathFilter(path: string): string {
  const trimmed = path.trim();
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function Records() {
  const [form, setForm] = useState<Filters>({ path: '', action: '', other: '' });
  const [applied, setApplied] = useState<{ filters: Filters; markers: number[] }>({ filters: form, markers: [] });
  const [records, setRecords] = useState<RecordEntry[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const { filters, markers } = applied;
    setLoading(true);
    fetchRecords({
      path: pathFilter(filters.path) || undefined,
      action: (filters.action === OTHER ? filters.other.trim() : filters.action) || undefined,
      marker: markers[markers.length - 1],
      limit: LIMIT,
    })
      .then(
        (next) => {
          if (mine !== seq.current) return;
          setRecords(next);
          setProblem(null);
        },
        (error: unknown) => {
          if (mine !== seq.current) return;
          setRecords(null);
          if (error instanceof SessionExpiredError) return;
          setProblem({ message: messageOf(error), reference: error instanceof ApiError ? error.transId : undefined });
        },
      )
      .finally(() => mine === seq.current && setLoading(false));
  }, [applied]);

  const apply = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.action === OTHER && !/^[a-z_]+\.[a-z_]+$/i.test(form.other.trim())) {
      setProblem({ message: 'Enter an action such as “object.put”: a kind, a dot and what was done' });
      return;
    }
    setApplied({ filters: { ...form }, markers: [] });
  };

  const markers = applied.markers;
  const list = records ?? [];
  const last = list[list.length - 1];

  return (
    <main class="content">
      <h1 class="page-title">Records</h1>
      <p class="muted">What was done in this account, newest first.</p>
      {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
      <form class="filters" onSubmit={apply} noValidate aria-label="Filter records">
        <label class="field">
          <span>Path starts with</span>
          <input
            data-testid="records-path"
            value={form.path}
            placeholder="e.g. /photos/"
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setForm({ ...form, path: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>Action</span>
          <select
            data-testid="records-action"
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}
          >
            <option value="">Any action</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
            <option value={OTHER}>Other…</option>
          </select>
        </label>
        {form.action === OTHER && (
          <label class="field">
            <span>Other action</span>
            <input
              data-testid="records-action-other"
              value={form.other}
              placeholder="e.g. object.post"
              autoComplete="off"
              spellcheck={false}
              onInput={(e) => setForm({ ...form, other: e.currentTarget.value })}
            />
          </label>
        )}
        <button type="submit" class="primary" data-testid="records-apply">
          Apply
        </button>
      </form>
      <p class="status" role="status">
        {loading ? 'Loading…' : ''}
      </p>

      {records && list.length > 0 && (
        <div class="panel">
          <table class="listing records" data-testid="records" aria-busy={loading}>
            <caption class="visually-hidden">Records, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Path</th>
                <th scope="col">Size</th>
                <th scope="col">Result</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {list.map((record) => {
                const date = new Date(record.time);
                const ok = record.result >= 200 && record.result < 300;
                return (
                  <tr key={record.id} data-testid="record" data-action={record.action} data-id={record.id}>
                    <td class="date-cell" data-label="Time">
                      <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>
                    </td>
                    <td data-label="Action">{record.action}</td>
                    <td class="name-cell" data-label="Path">
                      <span class="object-name">{record.path}</span>
                    </td>
                    <td class="size-cell" data-label="Size">
                      {record.size === null || record.size === undefined ? '—' : formatBytes(record.size)}
                    </td>
                    <td data-label="Result" class={ok ? 'result ok' : 'result failed'} title={`HTTP status ${record.result}`}>
                      {resultWords(record.result)}
                    </td>
                    <td class="mono trans-cell" data-label="Transaction">
                      {record.trans_id || '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {records && list.length === 0 && (
        <p class="empty panel" data-testid="records-empty">
          {markers.length > 0 ? 'No older records' : 'No records match'}
        </p>
      )}
      <Pager
        page={markers.length + 1}
        hasPrev={markers.length > 0}
        hasNext={list.length >= LIMIT && last !== undefined}
        prevTestId="records-prev"
        nextTestId="records-next"
        onPrev={() => setApplied({ ...applied, markers: markers.slice(0, -1) })}
        onNext={() => last && setApplied({ ...applied, markers: [...markers, last.id] })}
      />
    </main>
  );
}
