import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { search, type SearchPage, type SearchResult } from '../api/extensions';
import { fetchObject } from '../api/swift';
import { ApiError, SessionExpiredError, messageOf } from '../api/errors';
import { formatBytes, formatDate, lastSegment, parseSwiftDate } from '../format';
import { hashOf } from '../route';
import { saveBlob } from '../saveBlob';
import { ErrorBanner, type Problem } from '../components/ErrorBanner';
import { Pager } from '../components/Pager';

const LIMIT = 100;

interface Criteria {
  name: string;
  container: string;
  minSize: string;
}

interface State {
  criteria: Criteria;
  /** The markers of the pages up to the one shown; the first page's is ''. */
  markers: string[];
}

// Kept for the session, so that coming back from a result's folder shows the same results.
let remembered: State | null = null;

export function forgetSearch(): void {
  remembered = null;
}

function validate(criteria: Criteria): string | null {
  const min = criteria.minSize.trim();
  if (min && !/^\d+$/.test(min)) return 'The smallest size is a whole number of bytes, such as 1000000 for 1 MB';
  if (criteria.container.includes('/')) return 'A container name cannot contain "/"';
  return null;
}

function folderOf(result: SearchResult): string {
  const slash = result.name.lastIndexOf('/');
  return slash < 0 ? '' : result.name.slice(0, slash + 1);
}

export function Search() {
  const [form, setForm] = useState<Criteria>(remembered?.criteria ?? { name: '', container: '', minSize: '' });
  const [state, setState] = useState<State | null>(remembered);
  const [page, setPage] = useState<SearchPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [activity, setActivity] = useState('');
  const seq = useRef(0);

  const report = (error: unknown) => {
    if (error instanceof SessionExpiredError) return;
    setProblem({ message: messageOf(error), reference: error instanceof ApiError ? error.transId : undefined });
  };

  useEffect(() => {
    remembered = state;
    if (!state) return;
    const mine = ++seq.current;
    const { criteria, markers } = state;
    setLoading(true);
    search({
      name: criteria.name.trim(),
      container: criteria.container.trim() || undefined,
      minSize: criteria.minSize.trim() ? Number(criteria.minSize.trim()) : undefined,
      marker: markers[markers.length - 1] || undefined,
      limit: LIMIT,
    })
      .then(
        (next) => {
          if (mine !== seq.current) return;
          setPage(next);
          setProblem(null);
        },
        (error: unknown) => {
          if (mine !== seq.current) return;
          setPage(null);
          report(error);
        },
      )
      .finally(() => mine === seq.current && setLoading(false));
  }, [state]);

  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = validate(form);
    if (invalid) {
      setProblem({ message: invalid });
      return;
    }
    setState({ criteria: { ...form }, markers: [''] });
  };

  const download = async (result: SearchResult) => {
    setActivity(`Downloading ${lastSegment(result.name)}…`);
    try {
      saveBlob(await fetchObject(result.container, result.name), lastSegment(result.name));
    } catch (error) {
      report(error);
    } finally {
      setActivity('');
    }
  };

  const markers = state?.markers ?? [''];
  const results = page?.results ?? [];
  const status = activity || (loading ? 'Searching…' : '');

  return (
    <main class="content">
      <h1 class="page-title">Search</h1>
      {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
      <form class="filters" onSubmit={submit} noValidate role="search" aria-label="Search files">
        <label class="field">
          <span>Name</span>
          <input
            data-testid="search-name"
            value={form.name}
            placeholder="e.g. *.jpg or report"
            autoComplete="off"
            spellcheck={false}
            aria-describedby="search-name-hint"
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <span id="search-name-hint" class="hint">
            “*” and “?” match within the file name; without them, any name containing the text
          </span>
        </label>
        <label class="field">
          <span>Container (optional)</span>
          <input
            data-testid="search-container"
            value={form.container}
            placeholder="All containers"
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setForm({ ...form, container: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>At least (bytes, optional)</span>
          <input
            data-testid="search-min-size"
            value={form.minSize}
            inputMode="numeric"
            placeholder="0"
            autoComplete="off"
            onInput={(e) => setForm({ ...form, minSize: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="primary" data-testid="search-submit">
          Search
        </button>
      </form>
      <p class="status" role="status">
        {status}
      </p>

      {page && results.length > 0 && (
        <div class="panel">
          <table class="listing" data-testid="search-results" aria-busy={loading}>
            <caption class="visually-hidden">Files found</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Container</th>
                <th scope="col">Size</th>
                <th scope="col">Modified</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => {
                const date = parseSwiftDate(result.last_modified);
                return (
                  <tr
                    key={`${result.container}/${result.name}`}
                    data-testid="search-result"
                    data-name={`${result.container}/${result.name}`}
                  >
                    <td class="name-cell">
                      <span class="object-name" title={result.content_type}>
                        {result.name}
                      </span>
                    </td>
                    <td class="size-cell" data-label="Container">
                      {result.container}
                    </td>
                    <td class="size-cell" data-label="Size">
                      {formatBytes(result.bytes)}
                    </td>
                    <td class="date-cell" data-label="Modified">
                      {date ? <time dateTime={date.toISOString()}>{formatDate(date)}</time> : '—'}
                    </td>
                    <td class="actions-cell">
                      <div class="row-actions">
                        <a
                          class="button small"
                          data-testid="search-open"
                          href={hashOf({ container: result.container, prefix: folderOf(result) })}
                          aria-label={`Open the folder of ${result.name} in ${result.container}`}
                        >
                          Open folder
                        </a>
                        <button
                          type="button"
                          class="small"
                          data-testid="search-download"
                          aria-label={`Download ${result.name}`}
                          onClick={() => void download(result)}
                        >
                          Download
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page && results.length === 0 && (
        <p class="empty panel" data-testid="search-empty">
          {markers.length > 1 ? 'Nothing more matches' : 'Nothing matches'}
        </p>
      )}
      {state && (
        <Pager
          page={markers.length}
          hasPrev={markers.length > 1}
          hasNext={!!page?.nextMarker}
          prevTestId="search-prev"
          nextTestId="search-next"
          onPrev={() => setState({ ...state, markers: markers.slice(0, -1) })}
          onNext={() => page?.nextMarker && setState({ ...state, markers: [...markers, page.nextMarker] })}
        />
      )}
    </main>
  );
}
