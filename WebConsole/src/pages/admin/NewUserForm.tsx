import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { USER_TYPES, type NewUser } from '../../api/admin';
import { validateAdminKey, validateEmail, validateName } from './validate';

interface Props {
  /** Resolves true when the user was created, to clear the form. */
  onCreate: (user: NewUser) => Promise<boolean>;
  onInvalid: (message: string) => void;
}

type Field = 'account' | 'user' | 'key' | 'email';

const EMPTY: NewUser = { account: '', user: '', key: '', email: '', type: 'owner' };

function problemOf(form: NewUser): [Field, string] | null {
  const checks: [Field, string | null][] = [
    ['account', validateName('account', form.account)],
    ['user', validateName('user', form.user)],
    ['key', validateAdminKey(form.key)],
    ['email', form.email ? validateEmail(form.email) : null],
  ];
  for (const [field, problem] of checks) if (problem) return [field, problem];
  return null;
}

export function NewUserForm({ onCreate, onInvalid }: Props) {
  const [form, setForm] = useState<NewUser>(EMPTY);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof NewUser, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (invalid === field) setInvalid(null);
  };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = { ...form, account: form.account.trim(), user: form.user.trim(), email: form.email.trim() };
    const problem = problemOf(trimmed);
    if (problem) {
      setInvalid(problem[0]);
      onInvalid(problem[1]);
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${problem[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (await onCreate(trimmed)) setForm({ ...EMPTY, type: form.type });
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string, testId: string, extra: Record<string, string> = {}) => (
    <label class="admin-field">
      <span class="label">{label}</span>
      <input
        name={field}
        data-testid={testId}
        autoComplete="off"
        autoCapitalize="off"
        spellcheck={false}
        value={form[field]}
        aria-invalid={invalid === field || undefined}
        onInput={(e) => set(field, e.currentTarget.value)}
        {...extra}
      />
    </label>
  );

  return (
    <form class="admin-form" onSubmit={submit} noValidate aria-labelledby="admin-new-title">
      <h2 id="admin-new-title" class="admin-subtitle">
        New user
      </h2>
      <div class="admin-form-fields">
        {input('account', 'Account', 'admin-new-account', { placeholder: 'e.g. team1' })}
        {input('user', 'User', 'admin-new-user', { placeholder: 'e.g. alice' })}
        {input('key', 'Key (password)', 'admin-new-key', { type: 'text', autoComplete: 'new-password' })}
        {input('email', 'Email (optional)', 'admin-new-email', { type: 'email' })}
        <label class="admin-field">
          <span class="label">Type</span>
          <select data-testid="admin-new-type" value={form.type} onChange={(e) => set('type', e.currentTarget.value)}>
            {USER_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" data-testid="admin-new-submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
      <p class="hint">A new account name creates the account too. Names use letters, digits, "-" and "_".</p>
    </form>
  );
}
