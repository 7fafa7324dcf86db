import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { listDisabled, setResourceDisabled, type DisabledResource } from '../../api/admin';
import { ApiError } from '../../api/errors';
import { formatDate } from '../../format';
import { FeedbackLines, useFeedback } from './Feedback';

/** "/v1/AUTH_test/photos/private/" or "AUTH_test/photos/private/" → "AUTH_test/photos/private/", or words. */
export function normalisePath(text: string): { path: string } | { problem: string } {
  const path = text.trim().replace(/^\/+/, '').replace(/^v1\//, '');
  if (!path) return { problem: 'Enter the path to disable, like AUTH_test/photos/private/' };
  if (!path.startsWith('AUTH_') || path.length === 5 || path.startsWith('AUTH_/')) {
    return { problem: 'The path starts with the account, like AUTH_test/photos/private/' };
  }
  const segments = path.split('/');
  if (segments.slice(0, -1).some((s) => s === '')) return { problem: 'The path cannot contain an empty name ("//")' };
  if (segments.some((s) => s === '.' || s === '..')) return { problem: 'No part of the path can be "." or ".."' };
  // "AUTH_test/" names the account, "AUTH_test/photos/" the container: only deeper paths are folders.
  const trimmed = segments.length <= 3 && path.endsWith('/') ? path.slice(0, -1) : path;
  return { path: trimmed };
}

function typeOf(path: string): string {
  const segments = path.split('/').filter((s, i, all) => s !== '' || i < all.length - 1);
  if (segments.length === 1) return 'account';
  if (segments.length === 2) return 'container';
  return path.endsWith('/') ? 'directory' : 'object';
}

/** The list API is new: on a cluster without it the page still disables and enables, and lists what it did itself. */
type Listing = { kind: 'server'; rows: DisabledResource[] } | { kind: 'local'; rows: DisabledResource[] };

export function Firewall() {
  const [listing, setListing] = useState<Listing | null>(null);
  const [loading, setLoading] = useState(true);
  const [path, setPath] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState('');
  const feedback = useFeedback();
  const { succeed, fail } = feedback;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setListing({ kind: 'server', rows: await listDisabled() });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setListing((old) => (old?.kind === 'local' ? old : { kind: 'local', rows: [] }));
      } else {
        fail(e);
      }
    } finally {
      setLoading(false);
    }
  }, [fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const remember = (resource: DisabledResource | null, removed: string | null) => {
    setListing((old) => {
      if (old?.kind !== 'local') return old;
      let rows = old.rows.filter((r) => r.path !== removed && r.path !== resource?.path);
      if (resource) rows = [...rows, resource];
      return { kind: 'local', rows };
    });
  };

  const disable = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = normalisePath(path);
    if ('problem' in checked) {
      setInvalid(true);
      fail(new Error(checked.problem));
      return;
    }
    setBusy(checked.path);
    try {
      await setResourceDisabled(checked.path, true);
      succeed(`Disabled ${checked.path}: it now answers "not found" to everyone but admins`);
      setPath('');
      remember(
        {
          account: checked.path.split('/')[0]!,
          path: `/${checked.path}`,
          type: typeOf(checked.path),
          disabled_at: Date.now(),
        },
        null,
      );
      await load();
    } catch (e) {
      fail(e);
    } finally {
      setBusy('');
    }
  };

  const enable = async (resource: DisabledResource) => {
    const target = resource.path.replace(/^\/+/, '');
    setBusy(resource.path);
    try {
      await setResourceDisabled(target, false);
      succeed(`Enabled ${target} again`);
      remember(null, resource.path);
      await load();
    } catch (e) {
      fail(e);
    } finally {
      setBusy('');
    }
  };

  const rows = listing?.rows ?? [];
  return (
    <section class="admin-section" data-testid="admin-firewall" aria-label="Firewall">
      <p class="admin-intro">
        A disabled account, container, folder or file answers 404 (not found) to everyone but cluster admins until
        it is enabled again; nothing is deleted.
      </p>
      <FeedbackLines feedback={feedback} />
      <form class="admin-form" onSubmit={disable} noValidate>
        <div class="admin-form-fields">
          <label class="admin-field admin-grow">
            <span class="label">Path to disable</span>
            <input
              data-testid="admin-fw-path"
              placeholder="AUTH_test/photos/private/"
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              value={path}
              aria-invalid={invalid || undefined}
              aria-describedby="admin-fw-hint"
              onInput={(e) => {
                setPath(e.currentTarget.value);
                setInvalid(false);
              }}
            />
          </label>
          <button type="submit" class="danger" data-testid="admin-fw-disable" disabled={busy !== ''}>
            Disable
          </button>
        </div>
        <p class="hint" id="admin-fw-hint">
          Account, then container, folder and file: AUTH_test, AUTH_test/photos, AUTH_test/photos/private/ (a folder
          ends in “/”), AUTH_test/photos/cat.jpg.
        </p>
      </form>

      <div class="admin-card">
        <h2 class="admin-subtitle admin-pad">Disabled now</h2>
        {listing?.kind === 'local' && (
          <p class="hint admin-pad">
            This cluster cannot list disabled resources yet: below are only the ones disabled from this page since
            it was opened.
          </p>
        )}
        {rows.length > 0 && (
          <table class="admin-table" aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Type</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.path} data-testid="admin-fw-row" data-path={r.path}>
                  <td class="admin-primary admin-wrap" data-label="Path">
                    {r.path}
                  </td>
                  <td data-label="Type">{r.type}</td>
                  <td data-label="Since">{r.disabled_at ? formatDate(new Date(r.disabled_at)) : '—'}</td>
                  <td class="admin-actions">
                    <button
                      type="button"
                      class="small"
                      data-testid="admin-fw-enable"
                      disabled={busy !== ''}
                      aria-label={`Enable ${r.path}`}
                      onClick={() => void enable(r)}
                    >
                      Enable
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rows.length === 0 && <p class="empty">{loading ? 'Loading…' : 'Nothing is disabled'}</p>}
      </div>
    </section>
  );
}
