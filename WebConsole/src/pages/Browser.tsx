import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedDragEvent, TargetedEvent } from 'preact';
import {
  createContainer,
  createDirectory,
  deleteContainer,
  deleteDirectory,
  deleteObject,
  fetchObject,
  fetchUsage,
  type DeleteFailure,
  type Usage,
} from '../api/swift';
import { ApiError, SessionExpiredError, messageOf } from '../api/errors';
import { lastSegment } from '../format';
import { validateContainerName, validateFolderName } from '../names';
import type { Place } from '../route';
import { loadPage } from '../listing';
import { droppedFiles, hasFiles, useWindowDropGuard } from '../dragDrop';
import { saveBlob } from '../saveBlob';
import { useUploads } from '../hooks/useUploads';
import { totalsText, useTreeTotals, withTotals } from '../hooks/useTreeTotals';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ErrorBanner, type Problem } from '../components/ErrorBanner';
import { ListingTable, type Entry } from '../components/ListingTable';
import { NameForm } from '../components/NameForm';
import { UploadPanel } from '../components/UploadPanel';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { TransferDialog, type TransferRequest } from '../components/TransferDialog';
import { MetadataDialog } from '../components/MetadataDialog';
import { Pager } from '../components/Pager';
import { FolderTree } from '../components/FolderTree';

interface Props {
  place: Place;
  /** The top bar's usage figures, whenever a listing brings them. */
  onUsage: (usage: Usage) => void;
}

interface Listing {
  /** The place and marker this page was listed for. */
  key: string;
  entries: Entry[];
  /** Marker of the following page, or null when this page was not full. */
  nextMarker: string | null;
  failed: boolean;
}

function describeFailures(failures: DeleteFailure[]): string {
  const shown = failures.slice(0, 5).map((f) => `${f.path}: ${f.reason}`);
  const more = failures.length - shown.length;
  const count = failures.length === 1 ? '1 item' : `${failures.length} items`;
  return `Could not delete ${count}. ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function Browser({ place, onUsage }: Props) {
  const { container, prefix } = place;
  const placeKey = `${container}\n${prefix}`;
  const [paging, setPaging] = useState({ key: placeKey, markers: [''] });
  // A new place starts on its first page, in the same render that shows the place.
  const markers = paging.key === placeKey ? paging.markers : [''];
  const marker = markers[markers.length - 1] ?? '';
  const listingKey = `${placeKey}\n${marker}`;

  const [listing, setListing] = useState<Listing | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [activity, setActivity] = useState('');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [transferring, setTransferring] = useState<TransferRequest | null>(null);
  const [inspecting, setInspecting] = useState<string | null>(null);
  /** A short success line, with the test id that says what it is about. */
  const [done, setDone] = useState<{ testId: string; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const requestSeq = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = () => setReloads((n) => n + 1);
  const uploads = useUploads(reload);
  const totals = useTreeTotals(container, prefix, reloads);

  const report = (error: unknown) => {
    if (error instanceof SessionExpiredError) return;
    setProblem({ message: messageOf(error), reference: error instanceof ApiError ? error.transId : undefined });
  };

  useEffect(() => {
    setProblem(null);
    setDone(null);
  }, [placeKey]);

  useEffect(() => {
    const seq = ++requestSeq.current;
    const current = () => seq === requestSeq.current;
    setLoading(true);
    loadPage(container, prefix, marker, (usage) => current() && onUsage(usage))
      .then(
        (page) => current() && setListing({ key: listingKey, ...page, failed: false }),
        (error: unknown) => {
          if (!current()) return;
          report(error);
          setListing({ key: listingKey, entries: [], nextMarker: null, failed: true });
        },
      )
      .finally(() => current() && setLoading(false));
  }, [listingKey, reloads]);

  // Inside a container no account listing runs, so the top bar's usage is asked for separately.
  useEffect(() => {
    if (!container) return;
    fetchUsage().then(
      (next) => next && onUsage(next),
      () => {
        // The usage line is a nicety: a failure here leaves the last known figures.
      },
    );
  }, [container, reloads]);

  useWindowDropGuard();

  const run = async (label: string, action: () => Promise<void>) => {
    setActivity(label);
    try {
      await action();
    } catch (error) {
      report(error);
    } finally {
      setActivity('');
    }
  };

  const create = async (action: () => Promise<void>): Promise<boolean> => {
    try {
      await action();
      setProblem(null);
      reload();
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const download = (entry: Entry) =>
    run(`Downloading ${entry.label}…`, async () => {
      saveBlob(await fetchObject(container, entry.name), lastSegment(entry.name));
    });

  const askDelete = (entry: Entry) => {
    if (entry.kind === 'container') {
      setConfirm({
        title: 'Delete container',
        message: `Delete the container “${entry.name}”? Only an empty container can be deleted.`,
        confirmLabel: 'Delete container',
        onConfirm: () =>
          void run(`Deleting ${entry.label}…`, async () => {
            await deleteContainer(entry.name);
            reload();
          }),
      });
    } else if (entry.kind === 'directory') {
      setConfirm({
        title: 'Delete folder',
        message: `Delete the folder “${entry.label}” and everything in it? This cannot be undone.`,
        confirmLabel: 'Delete folder',
        onConfirm: () =>
          void run(`Deleting ${entry.label}…`, async () => {
            try {
              const result = await deleteDirectory(container, entry.name, (deleted) =>
                setActivity(`Deleting ${entry.label}: ${deleted.toLocaleString()} deleted…`),
              );
              if (result.failures.length > 0) setProblem({ message: describeFailures(result.failures) });
            } finally {
              reload();
            }
          }),
      });
    } else {
      setConfirm({
        title: 'Delete file',
        message: `Delete “${entry.label}”? This cannot be undone.`,
        confirmLabel: 'Delete',
        onConfirm: () =>
          void run(`Deleting ${entry.label}…`, async () => {
            await deleteObject(container, entry.name);
            reload();
          }),
      });
    }
  };

  const askTransfer = (mode: TransferRequest['mode'], entry: Entry) => {
    setDone(null);
    setTransferring({ mode, container, name: entry.name });
  };

  const upload = (files: File[]) => {
    if (files.length > 0) uploads.add(files, container, prefix);
  };

  const onFilesChosen = (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    upload(Array.from(input.files ?? []));
    // Cleared so that choosing the same file again still counts as a change.
    input.value = '';
  };

  const onDragOver = (event: TargetedDragEvent<HTMLElement>) => {
    if (!container || !hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const onDragLeave = (event: TargetedDragEvent<HTMLElement>) => {
    const to = event.relatedTarget;
    if (!(to instanceof Node) || !event.currentTarget.contains(to)) setDragging(false);
  };

  const onDrop = (event: TargetedDragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!event.dataTransfer) return;
    if (!container) {
      setProblem({ message: 'Open a container first, then drop files on it to upload them' });
      return;
    }
    const { files, folders } = droppedFiles(event.dataTransfer);
    if (folders > 0) {
      setProblem({ message: 'Folders cannot be uploaded by dropping them; drop the files themselves' });
    }
    upload(files);
  };

  const shown = listing !== null && listing.key === listingKey ? listing : null;
  const entries = withTotals(shown?.entries ?? [], totals);
  const isEmpty = shown !== null && !shown.failed && entries.length === 0;
  const status = activity || (loading ? 'Loading…' : '');
  const onFirstPage = markers.length <= 1;

  return (
    <div class="files-layout">
      <FolderTree place={place} version={reloads} />
      <main class="content">
        {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
        <Breadcrumbs
          place={place}
          onRefresh={() => {
            setPaging({ key: placeKey, markers: [''] });
            reload();
          }}
        />
        {container && totals && (
          <p class="muted totals" data-testid="tree-totals">
            {totalsText(totals, prefix)}
          </p>
        )}

        <div class="toolbar">
          {container ? (
            <>
              <NameForm
                key={`folder:${placeKey}`}
                label="New folder"
                placeholder="Folder name"
                submitLabel="Create folder"
                inputTestId="new-folder-name"
                submitTestId="new-folder-submit"
                validate={(name) => validateFolderName(name, prefix)}
                onInvalid={(message) => setProblem({ message })}
                onCreate={(name) => create(() => createDirectory(container, `${prefix}${name}/`))}
              />
              <div class="upload-control">
                <button type="button" class="primary" onClick={() => fileInput.current?.click()}>
                  Upload files
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  class="visually-hidden"
                  tabIndex={-1}
                  data-testid="file-input"
                  aria-label="Files to upload"
                  onChange={onFilesChosen}
                />
              </div>
            </>
          ) : (
            <NameForm
              key="container"
              label="New container"
              placeholder="Container name"
              submitLabel="Create container"
              inputTestId="new-container-name"
              submitTestId="new-container-submit"
              validate={validateContainerName}
              onInvalid={(message) => setProblem({ message })}
              onCreate={(name) => create(() => createContainer(name))}
            />
          )}
          <p class="status" role="status">
            {status}
          </p>
        </div>

        {done && (
          <p class="success" data-testid={done.testId} role="status">
            {done.text}
          </p>
        )}

        <UploadPanel items={uploads.items} onCancel={uploads.cancel} onClearFinished={uploads.clearFinished} />

        <section
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          data-testid="drop-zone"
          aria-label={container ? 'Folder contents; drop files here to upload them' : 'Containers'}
          onDragEnter={onDragOver}
          onDragOver={onDragOver}
          onDragLeave={onDragLeave}
          onDrop={onDrop}
        >
          <ListingTable
            entries={entries}
            busy={loading}
            onDownload={download}
            onDelete={askDelete}
            onMove={(entry) => askTransfer('move', entry)}
            onCopy={(entry) => askTransfer('copy', entry)}
            onInfo={(entry) => {
              setDone(null);
              setInspecting(entry.name);
            }}
          />
          {isEmpty && (
            <p class="empty" data-testid="empty">
              {!onFirstPage
                ? 'No more entries.'
                : container
                  ? 'This folder is empty. Drop files here or use “Upload files”.'
                  : 'There are no containers yet. Create one to start storing files.'}
            </p>
          )}
          {dragging && (
            <div class="drop-hint" aria-hidden="true">
              Drop to upload into {container}/{prefix}
            </div>
          )}
        </section>

        <Pager
          page={markers.length}
          hasPrev={!onFirstPage}
          hasNext={!!shown?.nextMarker}
          prevTestId="prev-page"
          nextTestId="next-page"
          onPrev={() => setPaging({ key: placeKey, markers: markers.slice(0, -1) })}
          onNext={() => shown?.nextMarker && setPaging({ key: placeKey, markers: [...markers, shown.nextMarker] })}
        />
      </main>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
      {inspecting !== null && (
        <MetadataDialog
          container={container}
          name={inspecting}
          onClose={() => setInspecting(null)}
          onSaved={(message) => {
            setDone({ testId: 'meta-saved', text: message });
            reload();
          }}
        />
      )}
      {transferring && (
        <TransferDialog
          request={transferring}
          onClose={() => setTransferring(null)}
          onDone={(message) => {
            setProblem(null);
            setDone({ testId: 'transfer-done', text: message });
            reload();
          }}
          onError={(error) => {
            report(error);
            reload();
          }}
        />
      )}
    </div>
  );
}
