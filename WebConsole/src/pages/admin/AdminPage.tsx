import { useEffect, useState } from 'preact/hooks';
import { isAdmin } from '../../api/admin';
import { SessionExpiredError, messageOf } from '../../api/errors';
import { Users } from './Users';
import { Quotas } from './Quotas';
import { Firewall } from './Firewall';
import { Hosts } from './Hosts';
import { Alerts } from './Alerts';
import { Settings } from './Settings';
import './admin.css';

const SECTIONS = [
  { id: 'users', label: 'Users', Page: Users },
  { id: 'quotas', label: 'Quotas', Page: Quotas },
  { id: 'firewall', label: 'Firewall', Page: Firewall },
  { id: 'hosts', label: 'Hosts', Page: Hosts },
  { id: 'alerts', label: 'Alerts', Page: Alerts },
  { id: 'settings', label: 'Settings', Page: Settings },
];

type Access = { state: 'checking' } | { state: 'allowed' } | { state: 'forbidden' } | { state: 'failed'; message: string };

export function AdminPage({ section }: { section: string }) {
  const [access, setAccess] = useState<Access>({ state: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setAccess({ state: 'checking' });
    isAdmin().then(
      (yes) => live && setAccess({ state: yes ? 'allowed' : 'forbidden' }),
      (e) => {
        if (live && !(e instanceof SessionExpiredError)) setAccess({ state: 'failed', message: messageOf(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (access.state === 'checking') {
    return (
      <main class="content admin">
        <p class="muted" role="status">
          Checking your access…
        </p>
      </main>
    );
  }
  if (access.state === 'forbidden') {
    return (
      <main class="content admin">
        <p class="admin-forbidden" data-testid="admin-forbidden" role="alert">
          This page is for cluster administrators.
        </p>
      </main>
    );
  }
  if (access.state === 'failed') {
    return (
      <main class="content admin">
        <div class="banner">
          <p data-testid="admin-error" role="alert">
            Could not check your access: {access.message}
          </p>
        </div>
        <p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </p>
      </main>
    );
  }

  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  const { Page } = current;
  return (
    <main class="content admin">
      <h1 class="admin-title">Administration</h1>
      <nav aria-label="Administration">
        <ul class="admin-tabs">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={`#:admin/${s.id}`}
                data-testid={`admin-tab-${s.id}`}
                aria-current={s.id === current.id ? 'page' : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Page key={current.id} />
    </main>
  );
}
