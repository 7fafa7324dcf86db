import { formatBytes, formatCount, formatDate, parseSwiftDate } from '../format';
import { Icon } from './Icon';

export type EntryKind = 'container' | 'directory' | 'object';

export interface Entry {
  kind: EntryKind;
  /** Full name: container name, subdir ("a/b/") or object name. */
  name: string;
  label: string;
  bytes?: number;
  count?: number;
  modified?: string;
  contentType?: string;
  /** Where opening a container or directory goes. */
  href?: string;
}

interface Props {
  entries: Entry[];
  busy: boolean;
  onDownload: (entry: Entry) => void;
  onDelete: (entry: Entry) => void;
  onMove: (entry: Entry) => void;
  onCopy: (entry: Entry) => void;
  onInfo: (entry: Entry) => void;
}

function files(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'file' : 'files'}`;
}

function sizeOf(entry: Entry): string {
  if (entry.kind === 'directory') {
    // A folder's totals come from the tree call, which may not have answered (or may have failed).
    return entry.bytes === undefined ? '—' : `${files(entry.count ?? 0)} · ${formatBytes(entry.bytes)}`;
  }
  const size = formatBytes(entry.bytes ?? 0);
  if (entry.kind === 'container') {
    const count = entry.count ?? 0;
    return `${size} · ${formatCount(count)} ${count === 1 ? 'object' : 'objects'}`;
  }
  return size;
}

function Modified({ value }: { value?: string }) {
  const date = parseSwiftDate(value);
  if (!date) return <span class="muted">—</span>;
  return <time dateTime={date.toISOString()}>{formatDate(date)}</time>;
}

const ICONS = { container: 'container', directory: 'folder', object: 'file' } as const;

export function ListingTable({ entries, busy, onDownload, onDelete, onMove, onCopy, onInfo }: Props) {
  return (
    <table class="listing" data-testid="listing" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Size</th>
          <th scope="col">Modified</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.kind}:${entry.name}`} data-testid="entry" data-name={entry.name} data-kind={entry.kind}>
            <td class="name-cell">
              <div class="name-wrap">
                <Icon name={ICONS[entry.kind]} />
                {entry.href ? (
                  <a href={entry.href} data-testid="entry-open">
                    {entry.label}
                  </a>
                ) : (
                  <span class="object-name" title={entry.contentType}>
                    {entry.label}
                  </span>
                )}
              </div>
            </td>
            <td class="size-cell" data-label="Size">
              {sizeOf(entry)}
            </td>
            <td class="date-cell" data-label="Modified">
              <Modified value={entry.modified} />
            </td>
            <td class="actions-cell">
              <div class="row-actions">
                {entry.kind === 'object' && (
                  <>
                    <button
                      type="button"
                      class="small"
                      data-testid="entry-download"
                      aria-label={`Download ${entry.label}`}
                      onClick={() => onDownload(entry)}
                    >
                      Download
                    </button>
                    <button
                      type="button"
                      class="small"
                      data-testid="entry-info"
                      aria-label={`Details and metadata of ${entry.label}`}
                      onClick={() => onInfo(entry)}
                    >
                      Info
                    </button>
                  </>
                )}
                {entry.kind !== 'container' && (
                  <>
                    <button
                      type="button"
                      class="small"
                      data-testid="entry-move"
                      aria-label={`Move ${entry.label}`}
                      onClick={() => onMove(entry)}
                    >
                      Move
                    </button>
                    <button
                      type="button"
                      class="small"
                      data-testid="entry-copy"
                      aria-label={`Copy ${entry.label}`}
                      onClick={() => onCopy(entry)}
                    >
                      Copy
                    </button>
                  </>
                )}
                <button
                  type="button"
                  class="small danger-outline"
                  data-testid="entry-delete"
                  aria-label={`Delete ${entry.label}`}
                  onClick={() => onDelete(entry)}
                >
                  Delete
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
