import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { fetchObjectDetails, saveObjectDetails, type ObjectDetails } from '../api/objectMeta';
import { SessionExpiredError, messageOf } from '../api/errors';
import { formatBytes, formatDate, lastSegment, utf8Length } from '../format';
import { trapTab, useModal } from './modal';

interface Props {
  container: string;
  name: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}

interface Row {
  id: number;
  key: string;
  value: string;
}

const KEY = /^[A-Za-z0-9_-]+$/;
// Swift's default limits for one metadata item.
const MAX_KEY_BYTES = 128;
const MAX_VALUE_BYTES = 256;
const CONTENT_TYPE = /^[^\s/;]+\/[^\s;]+(\s*;.*)?$/;

/** Says in words what is wrong with the form, or returns null. */
function validate(contentType: string, rows: Row[]): string | null {
  if (!contentType.trim()) return 'Enter a content type, for example “text/plain” or “application/octet-stream”';
  if (!CONTENT_TYPE.test(contentType.trim())) {
    return `“${contentType.trim()}” is not a content type; it looks like “type/subtype”, for example “image/jpeg”`;
  }
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const key = row.key.trim();
    const where = `Row ${i + 1}`;
    if (!key) return `${where}: enter a name for the metadata, or remove the row`;
    if (!KEY.test(key)) return `${where}: “${key}” can only use letters, digits, “-” and “_”`;
    if (utf8Length(key) > MAX_KEY_BYTES) return `${where}: the name is longer than ${MAX_KEY_BYTES} characters`;
    // Swift treats names case-insensitively and "_" like "-".
    const norm = key.toLowerCase().replace(/_/g, '-');
    if (seen.has(norm)) return `${where}: “${key}” appears twice; each name can be used once`;
    seen.add(norm);
    if (!row.value) return `${where}: enter a value for “${key}”, or remove the row`;
    if (/[^\u0020-\u007e\u00a0-\u00ff]/.test(row.value)) {
      return `${where}: the value of “${key}” can only use Latin characters, on one line`;
    }
    if (utf8Length(row.value) > MAX_VALUE_BYTES) {
      return `${where}: the value of “${key}” is longer than ${MAX_VALUE_BYTES} characters`;
    }
  }
  return null;
}

/** Shows an object's details and lets its content type and user metadata be edited. */
export function MetadataDialog({ container, name, onClose, onSaved }: Props) {
  const [details, setDetails] = useState<ObjectDetails | null>(null);
  const [contentType, setContentType] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState('');
  const [loadFailed, setLoadFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const nextId = useRef(1);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const typeRef = useRef<HTMLInputElement>(null);
  const focusLastKey = useRef(false);
  useModal(dialogRef, cancelRef);

  useEffect(() => {
    let live = true;
    fetchObjectDetails(container, name).then(
      (next) => {
        if (!live) return;
        setDetails(next);
        setContentType(next.contentType);
        setRows(next.meta.map(([key, value]) => ({ id: nextId.current++, key, value })));
      },
      (error: unknown) => {
        if (!live || error instanceof SessionExpiredError) return;
        setLoadFailed(true);
        setProblem(messageOf(error));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (details) typeRef.current?.focus();
  }, [details]);

  useEffect(() => {
    if (!focusLastKey.current) return;
    focusLastKey.current = false;
    const keys = dialogRef.current?.querySelectorAll<HTMLInputElement>('[data-testid=meta-key]');
    keys?.[keys.length - 1]?.focus();
  }, [rows]);

  const edit = (id: number, change: Partial<Row>) => {
    setRows((list) => list.map((row) => (row.id === id ? { ...row, ...change } : row)));
    setProblem('');
  };

  const add = () => {
    focusLastKey.current = true;
    setRows((list) => [...list, { id: nextId.current++, key: '', value: '' }]);
  };

  const remove = (index: number, id: number) => {
    setRows((list) => list.filter((row) => row.id !== id));
    setProblem('');
    // The removed row's button held focus; hand it to a neighbour rather than losing it to the page.
    const removes = dialogRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid=meta-remove]');
    const neighbour = removes?.[index + 1] ?? removes?.[index - 1];
    (neighbour ?? dialogRef.current?.querySelector<HTMLButtonElement>('[data-testid=meta-add]'))?.focus();
  };

  const save = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !details) return;
    const invalid = validate(contentType, rows);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      await saveObjectDetails(
        container,
        name,
        contentType.trim(),
        rows.map((row) => [row.key.trim(), row.value]),
      );
      onClose();
      onSaved(`Saved the details of “${lastSegment(name)}”`);
    } catch (error) {
      setBusy(false);
      if (error instanceof SessionExpiredError) return;
      setProblem(messageOf(error));
    }
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDialogElement>) => {
    trapTab(event, event.currentTarget);
  };

  return (
    <dialog
      ref={dialogRef}
      class="dialog wide-dialog"
      data-testid="meta-dialog"
      aria-labelledby="meta-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <form class="dialog-form" onSubmit={save} noValidate>
        <h2 id="meta-title">Details of “{lastSegment(name)}”</h2>
        <p class="muted path-line">
          {container}/{name}
        </p>
        {!details && !loadFailed && <p role="status">Loading…</p>}
        {details && (
          <>
            <dl class="facts">
              <div>
                <dt>Size</dt>
                <dd data-testid="meta-size">
                  {details.bytes === null ? '—' : `${formatBytes(details.bytes)} (${details.bytes.toLocaleString()} bytes)`}
                </dd>
              </div>
              <div>
                <dt>ETag</dt>
                <dd data-testid="meta-etag" class="mono">
                  {details.etag || '—'}
                </dd>
              </div>
              <div>
                <dt>Last modified</dt>
                <dd data-testid="meta-modified">
                  {details.lastModified ? (
                    <time dateTime={details.lastModified.toISOString()}>{formatDate(details.lastModified)}</time>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
            </dl>
            <label class="field">
              <span>Content type</span>
              <input
                ref={typeRef}
                data-testid="meta-content-type"
                value={contentType}
                autoComplete="off"
                spellcheck={false}
                onInput={(e) => {
                  setContentType(e.currentTarget.value);
                  setProblem('');
                }}
              />
            </label>
            <fieldset class="meta-rows">
              <legend>Metadata</legend>
              {rows.length === 0 && <p class="muted">No metadata yet.</p>}
              {rows.map((row, i) => (
                <div class="meta-row" data-testid="meta-row" key={row.id}>
                  <input
                    data-testid="meta-key"
                    aria-label={`Name ${i + 1}`}
                    placeholder="Name"
                    value={row.key}
                    autoComplete="off"
                    spellcheck={false}
                    onInput={(e) => edit(row.id, { key: e.currentTarget.value })}
                  />
                  <input
                    data-testid="meta-value"
                    aria-label={`Value ${i + 1}`}
                    placeholder="Value"
                    value={row.value}
                    autoComplete="off"
                    onInput={(e) => edit(row.id, { value: e.currentTarget.value })}
                  />
                  <button
                    type="button"
                    class="small danger-outline"
                    data-testid="meta-remove"
                    aria-label={`Remove ${row.key || `row ${i + 1}`}`}
                    onClick={() => remove(i, row.id)}
                  >
                    Remove
                  </button>
                </div>
              ))}
              <div>
                <button type="button" class="small" data-testid="meta-add" onClick={add}>
                  Add metadata
                </button>
              </div>
            </fieldset>
          </>
        )}
        {problem && (
          <p class="dialog-error" role="alert" data-testid="meta-error">
            {problem}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" ref={cancelRef} data-testid="meta-cancel" disabled={busy} onClick={onClose}>
            {details ? 'Cancel' : 'Close'}
          </button>
          {details && (
            <button type="submit" class="primary" data-testid="meta-save" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
