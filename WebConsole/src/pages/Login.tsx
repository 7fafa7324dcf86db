import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { login, type Session } from '../api/swift';
import { registrationEnabled } from '../api/admin';
import { messageOf } from '../api/errors';
import { Register } from './Register';

interface Props {
  notice: string;
  onSignedIn: (session: Session) => void;
}

export function Login({ notice, onSignedIn }: Props) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [canRegister, setCanRegister] = useState(false);
  const [registering, setRegistering] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    registrationEnabled().then((on) => live && setCanRegister(on));
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!user.trim() || !password) {
      setError('Enter your user name and password');
      return;
    }
    setBusy(true);
    setError('');
    try {
      onSignedIn(await login(user.trim(), password));
    } catch (e) {
      setError(messageOf(e));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  if (registering) return <Register onSignedIn={onSignedIn} onBack={() => setRegistering(false)} />;

  const message = error || notice;
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} noValidate>
        <h1 class="brand">
          CloudFs <span>console</span>
        </h1>
        <p class="muted">Sign in to manage your containers and files.</p>
        {message && (
          <p class={error ? 'login-message error' : 'login-message'} data-testid="login-message" role="alert">
            {message}
          </p>
        )}
        <label class="field">
          <span>User (account:user or email)</span>
          <input
            data-testid="login-user"
            name="user"
            autoComplete="username"
            autoCapitalize="off"
            spellcheck={false}
            autoFocus
            required
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            data-testid="login-password"
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button class="primary wide" type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {canRegister && (
          <p class="muted">
            No account yet?{' '}
            <button
              type="button"
              class="ghost small"
              data-testid="register-open"
              style={{ color: 'var(--accent)', fontWeight: 600 }}
              onClick={() => setRegistering(true)}
            >
              Create an account
            </button>
          </p>
        )}
      </form>
    </main>
  );
}
