import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import type { Quota } from '../../api/admin';
import { formatBytes, formatCount } from '../../format';
import { fieldText, parseBytes, parseCount } from './quotaInput';

interface Props {
  quota: Quota;
  /** Test ids of the two inputs and the button. */
  ids: { bytes: string; count: string; save: string };
  /** What the fields limit, for labels: "account" or the container's name. */
  subject: string;
  compact?: boolean;
  onSave: (quota: Quota) => Promise<void>;
  onInvalid: (message: string) => void;
}

/** Two quota inputs (empty = no quota) and a save button; starts from the quota in force. */
export function QuotaFields({ quota, ids, subject, compact, onSave, onInvalid }: Props) {
  const [bytes, setBytes] = useState(fieldText(quota.bytes));
  const [count, setCount] = useState(fieldText(quota.count));
  const [invalid, setInvalid] = useState<'bytes' | 'count' | null>(null);
  const [busy, setBusy] = useState(false);

  const parsedBytes = parseBytes(bytes);
  const parsedCount = parseCount(count);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!parsedBytes.ok) {
      setInvalid('bytes');
      onInvalid(`${subject}: ${parsedBytes.problem}`);
      return;
    }
    if (!parsedCount.ok) {
      setInvalid('count');
      onInvalid(`${subject}: ${parsedCount.problem}`);
      return;
    }
    setBusy(true);
    try {
      await onSave({ bytes: parsedBytes.value, count: parsedCount.value });
    } finally {
      setBusy(false);
    }
  };

  const bytesHint = parsedBytes.ok
    ? parsedBytes.value === null
      ? 'No size limit'
      : `${formatBytes(parsedBytes.value)} (${formatCount(parsedBytes.value)} bytes)`
    : '';
  const countHint = parsedCount.ok ? (parsedCount.value === null ? 'No object limit' : '') : '';

  return (
    <form class={compact ? 'admin-quota-form compact' : 'admin-quota-form'} onSubmit={submit} noValidate>
      <label class="admin-field">
        <span class={compact ? 'visually-hidden' : 'label'}>Size quota{compact ? ` of ${subject}` : ''}</span>
        <input
          data-testid={ids.bytes}
          inputMode="text"
          placeholder={compact ? 'No quota' : 'No quota, e.g. 5 GB'}
          autoComplete="off"
          spellcheck={false}
          value={bytes}
          aria-invalid={invalid === 'bytes' || undefined}
          onInput={(e) => {
            setBytes(e.currentTarget.value);
            setInvalid(null);
          }}
        />
        <span class="hint">{bytesHint}</span>
      </label>
      <label class="admin-field">
        <span class={compact ? 'visually-hidden' : 'label'}>Object quota{compact ? ` of ${subject}` : ''}</span>
        <input
          data-testid={ids.count}
          inputMode="numeric"
          placeholder="No quota"
          autoComplete="off"
          value={count}
          aria-invalid={invalid === 'count' || undefined}
          onInput={(e) => {
            setCount(e.currentTarget.value);
            setInvalid(null);
          }}
        />
        <span class="hint">{countHint}</span>
      </label>
      <button type="submit" class={compact ? 'small' : 'primary'} data-testid={ids.save} disabled={busy}>
        {busy ? 'Saving…' : compact ? 'Save' : 'Save quota'}
      </button>
    </form>
  );
}
