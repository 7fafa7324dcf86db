import { useEffect, useState } from 'preact/hooks';
import { fetchUsage, setSessionExpiredHandler, signOut, type Session, type Usage } from './api/swift';
import { isAdmin } from './api/admin';
import { SESSION_EXPIRED } from './api/errors';
import { useHashRoute, type Route } from './route';
import { Login } from './pages/Login';
import { Browser } from './pages/Browser';
import { Search, forgetSearch } from './pages/Search';
import { Records } from './pages/Records';
import { Account } from './pages/Account';
import { AdminPage } from './pages/admin/AdminPage';
import { TopBar } from './components/TopBar';

const VIEW_TITLES = { search: 'Search', records: 'Records', account: 'Account', admin: 'Administration' };

function titleOf(route: Route): string {
  if (route.view !== 'files') return `${VIEW_TITLES[route.view]} — CloudFs console`;
  const where = route.container ? `${route.container}/${route.prefix}` : '';
  return where ? `${where} — CloudFs console` : 'CloudFs console';
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState('');
  const [usage, setUsage] = useState<Usage | null>(null);
  const [admin, setAdmin] = useState(false);
  const route = useHashRoute();

  useEffect(() => {
    setSessionExpiredHandler(() => {
      setSession(null);
      setNotice(SESSION_EXPIRED);
    });
  }, []);

  useEffect(() => {
    document.title = session ? titleOf(route) : 'CloudFs console';
  }, [session, route]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    isAdmin().then(
      (yes) => live && setAdmin(yes),
      // Without an answer the Admin link stays hidden; the admin page itself still checks access.
      () => live && setAdmin(false),
    );
    return () => {
      live = false;
    };
  }, [session]);

  // The file browser reports usage from its own listings; other views ask for it when opened.
  useEffect(() => {
    if (!session || route.view === 'files') return;
    fetchUsage().then(
      (next) => next && setUsage(next),
      () => {
        // The usage line is a nicety: a failure here leaves the last known figures.
      },
    );
  }, [session, route.view]);

  const logOut = () => {
    signOut();
    setSession(null);
    setNotice('');
    setUsage(null);
    setAdmin(false);
    forgetSearch();
    // A different account may sign in next: start it at the root, not in this one's folders.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  };

  if (!session) {
    return (
      <Login
        notice={notice}
        onSignedIn={(next) => {
          setNotice('');
          setSession(next);
        }}
      />
    );
  }

  let page;
  switch (route.view) {
    case 'search':
      page = <Search />;
      break;
    case 'records':
      page = <Records />;
      break;
    case 'account':
      page = <Account />;
      break;
    case 'admin':
      page = <AdminPage section={route.section} />;
      break;
    default:
      page = <Browser place={route} onUsage={setUsage} />;
  }

  return (
    <div class="app">
      <TopBar account={session.account} usage={usage} view={route.view} admin={admin} onLogOut={logOut} />
      {page}
    </div>
  );
}
