import { useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { login, type Session } from '../api/swift';
import { register } from '../api/admin';
import { messageOf } from '../api/errors';
import { MIN_KEY_LENGTH, validateEmail, validateName, validateNewKey } from './admin/validate';

interface Props {
  onSignedIn: (session: Session) => void;
  onBack: () => void;
}

type Field = 'account' | 'user' | 'email' | 'key' | 'key2';

interface Form {
  account: string;
  user: string;
  email: string;
  key: string;
  key2: string;
}

function problemOf(form: Form): [Field, string] | null {
  const checks: [Field, string | null][] = [
    ['account', validateName('account', form.account)],
    ['user', validateName('user', form.user)],
    ['email', form.email ? validateEmail(form.email) : 'Enter your email address'],
    ['key', validateNewKey(form.key)],
    ['key2', validateNewKey(form.key, form.key2)],
  ];
  for (const [field, problem] of checks) if (problem) return [field, problem];
  return null;
}

/** Self-registration: creates an account with its owner, then signs in as that owner. */
export function Register({ onSignedIn, onBack }: Props) {
  const [form, setForm] = useState<Form>({ account: '', user: '', email: '', key: '', key2: '' });
  const [message, setMessage] = useState('');
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: Field, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (invalid === field) setInvalid(null);
  };

  const focus = (field: Field) => formRef.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const input = { ...form, account: form.account.trim(), user: form.user.trim(), email: form.email.trim() };
    const problem = problemOf(input);
    if (problem) {
      setInvalid(problem[0]);
      setMessage(problem[1]);
      focus(problem[0]);
      return;
    }
    setBusy(true);
    setMessage('');
    try {
      await register({ account: input.account, user: input.user, key: input.key, email: input.email });
    } catch (e) {
      setMessage(messageOf(e));
      setBusy(false);
      return;
    }
    try {
      onSignedIn(await login(`${input.account}:${input.user}`, input.key));
    } catch (e) {
      setMessage(
        `Your account was created, but signing in failed: ${messageOf(e)}. Go back and sign in as ${input.account}:${input.user}.`,
      );
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, extra: Record<string, string | boolean>, hint?: string) => (
    <label class="field">
      <span>{label}</span>
      <input
        name={name}
        data-testid={`register-${name}`}
        autoCapitalize="off"
        spellcheck={false}
        value={form[name]}
        aria-invalid={invalid === name || undefined}
        onInput={(e) => set(name, e.currentTarget.value)}
        {...extra}
      />
      {hint && <span class="hint">{hint}</span>}
    </label>
  );

  return (
    <main class="login">
      <form ref={formRef} class="login-card" onSubmit={submit} noValidate aria-labelledby="register-title">
        <h1 class="brand" id="register-title">
          CloudFs <span>— create an account</span>
        </h1>
        <p class="muted">You become the owner of a new account, with its own containers and files.</p>
        {message && (
          <p class="login-message error" data-testid="register-message" role="alert">
            {message}
          </p>
        )}
        {field('account', 'Account name', { autoComplete: 'organization', autoFocus: true }, 'Letters, digits, "-" and "_"')}
        {field(
          'user',
          'User name',
          { autoComplete: 'username' },
          `You will sign in as ${form.account.trim() || 'account'}:${form.user.trim() || 'user'}`,
        )}
        {field('email', 'Email', { type: 'email', autoComplete: 'email' })}
        {field('key', 'Password', { type: 'password', autoComplete: 'new-password' }, `At least ${MIN_KEY_LENGTH} characters`)}
        {field('key2', 'Repeat the password', { type: 'password', autoComplete: 'new-password' })}
        <button class="primary wide" type="submit" data-testid="register-submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create the account'}
        </button>
        <button class="ghost wide" type="button" data-testid="register-back" onClick={onBack} disabled={busy}>
          Back to sign in
        </button>
      </form>
    </main>
  );
}
