import { useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { useModal, trapTab } from '../../components/modal';
import { validateAdminKey } from './validate';

interface Props {
  /** "account:user" */
  user: string;
  /** Resolves when the key was changed; rejects with words to show. */
  onSubmit: (key: string) => Promise<void>;
  onClose: () => void;
}

export function ResetKeyDialog({ user, onSubmit, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useModal(dialogRef, inputRef);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problem = validateAdminKey(key);
    if (problem) {
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSubmit(key);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong');
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      class="dialog"
      data-testid="admin-reset-dialog"
      aria-labelledby="admin-reset-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onKeyDown={(event) => trapTab(event, event.currentTarget)}
    >
      <form class="dialog-form" onSubmit={submit} noValidate>
        <h2 id="admin-reset-title">Reset the key of {user}</h2>
        <p class="muted">The old key stops working at once. Tell the user the new one.</p>
        {error && (
          <p class="dialog-error" role="alert">
            {error}
          </p>
        )}
        <label class="field">
          <span>New key</span>
          <input
            ref={inputRef}
            data-testid="admin-reset-key"
            type="text"
            autoComplete="new-password"
            autoCapitalize="off"
            spellcheck={false}
            value={key}
            aria-invalid={error ? true : undefined}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <div class="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" class="primary" data-testid="admin-reset-submit" disabled={busy}>
            {busy ? 'Saving…' : 'Set key'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
