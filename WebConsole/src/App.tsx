import { useEffect, useState } from 'preact/hooks';
import { setSessionExpiredHandler, signOut, type Session } from './api/swift';
import { SESSION_EXPIRED } from './api/errors';
import { useHashPlace } from './route';
import { Login } from './pages/Login';
import { Browser } from './pages/Browser';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState('');
  const place = useHashPlace();

  useEffect(() => {
    setSessionExpiredHandler(() => {
      setSession(null);
      setNotice(SESSION_EXPIRED);
    });
  }, []);

  useEffect(() => {
    const where = place.container ? `${place.container}/${place.prefix}` : '';
    document.title = session && where ? `${where} — CloudFs console` : 'CloudFs console';
  }, [session, place]);

  const logOut = () => {
    signOut();
    setSession(null);
    setNotice('');
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
  return <Browser session={session} place={place} onLogOut={logOut} />;
}
