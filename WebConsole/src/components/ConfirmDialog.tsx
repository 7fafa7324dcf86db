import { useEffect, useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

interface Props {
  request: ConfirmRequest;
  onClose: () => void;
}

/**
 * A modal <dialog>: the browser keeps focus inside it and turns Escape into "cancel".
 * Focus starts on the confirm button, so Enter confirms.
 */
export function ConfirmDialog({ request, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    yesRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const confirm = () => {
    onClose();
    request.onConfirm();
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDialogElement>) => {
    // A modal dialog still lets Tab leave for the browser's own controls; keep it on the two buttons.
    if (event.key === 'Tab') {
      const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
      return;
    }
    // On a focused button Enter already clicks it; elsewhere in the dialog it means yes.
    if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      confirm();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      class="dialog"
      data-testid="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <p id="confirm-message">{request.message}</p>
      <div class="dialog-actions">
        <button type="button" data-testid="confirm-no" onClick={onClose}>
          Cancel
        </button>
        <button type="button" class="danger" data-testid="confirm-yes" ref={yesRef} onClick={confirm}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
