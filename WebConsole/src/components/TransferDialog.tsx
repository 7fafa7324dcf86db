import { useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { transfer, type TransferMode } from '../api/extensions';
import { formatBytes, formatCount, lastSegment } from '../format';
import { validateContainerName, validateDestinationPath } from '../names';
import { trapTab, useModal } from './modal';

export interface TransferRequest {
  mode: TransferMode;
  container: string;
  /** An object name, or a folder prefix ending in "/". */
  name: string;
}

interface Props {
  request: TransferRequest;
  onClose: () => void;
  /** Called with a sentence saying what was done. */
  onDone: (message: string) => void;
  /** Called with a failure from the server; the dialog has closed by then. */
  onError: (error: unknown) => void;
}

function doneMessage(mode: TransferMode, folder: boolean, source: string, destination: string, objects: number, bytes: number | null): string {
  const verb = mode === 'move' ? 'Moved' : 'Copied';
  if (!folder) return `${verb} “${lastSegment(source)}” to ${destination}`;
  const files = `${formatCount(objects)} ${objects === 1 ? 'file' : 'files'}`;
  const size = bytes !== null && objects > 0 ? ` (${formatBytes(bytes)})` : '';
  return `${verb} ${files}${size} to ${destination}`;
}

/** Asks where to move or copy an object or a whole folder, then does it with CloudFs's MOVE or COPY. */
export function TransferDialog({ request, onClose, onDone, onError }: Props) {
  const folder = request.name.endsWith('/');
  const [container, setContainer] = useState(request.container);
  const [path, setPath] = useState(folder ? request.name.slice(0, -1) : request.name);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  useModal(dialogRef, pathRef);

  const moving = request.mode === 'move';
  const what = folder ? 'folder' : 'file';
  const title = `${moving ? 'Move' : 'Copy'} ${what}`;

  const submit = async (event?: TargetedSubmitEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (busy) return;
    const destContainer = container.trim();
    // A trailing slash on a folder destination is harmless to type; the API wants it without.
    const destPath = folder ? path.trim().replace(/\/+$/, '') : path.trim();
    const invalid =
      (destContainer ? validateContainerName(destContainer) : 'Enter the destination container') ??
      validateDestinationPath(destPath, folder);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    const sourcePath = folder ? request.name.slice(0, -1) : request.name;
    if (destContainer === request.container && destPath === sourcePath) {
      setProblem(`The destination is where the ${what} already is; choose another name or place`);
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      const result = await transfer(request.mode, request, destContainer, destPath);
      onClose();
      onDone(doneMessage(request.mode, folder, request.name, `${destContainer}/${destPath}`, result.objects, result.bytes));
    } catch (error) {
      onClose();
      onError(error);
    }
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDialogElement>) => {
    trapTab(event, event.currentTarget);
  };

  return (
    <dialog
      ref={dialogRef}
      class="dialog"
      data-testid="transfer-dialog"
      aria-labelledby="transfer-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <form class="dialog-form" onSubmit={submit} noValidate>
        <h2 id="transfer-title">{title}</h2>
        <p class="muted">
          {moving ? 'Moving' : 'Copying'} <strong>{request.container}/{request.name}</strong>
        </p>
        <label class="field">
          <span>Destination container</span>
          <input
            data-testid="transfer-container"
            value={container}
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setContainer(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{folder ? 'New folder path' : 'New file path'}</span>
          <input
            ref={pathRef}
            data-testid="transfer-path"
            value={path}
            autoComplete="off"
            spellcheck={false}
            aria-describedby="transfer-path-hint"
            aria-invalid={problem ? true : undefined}
            onInput={(e) => {
              setPath(e.currentTarget.value);
              setProblem('');
            }}
          />
          <span id="transfer-path-hint" class="hint">
            The full path inside the container, e.g. {folder ? '“2025/summer”' : '“2025/cat.jpg”'}
          </span>
        </label>
        {problem && (
          <p class="dialog-error" role="alert" data-testid="transfer-error">
            {problem}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" data-testid="transfer-cancel" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" data-testid="transfer-submit" disabled={busy}>
            {busy ? (moving ? 'Moving…' : 'Copying…') : moving ? 'Move' : 'Copy'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
