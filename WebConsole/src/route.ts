import { useEffect, useState } from 'preact/hooks';

/** Where the browser is: the account root (container ''), or a container and a folder prefix ('' or ending in "/"). */
export interface Place {
  container: string;
  prefix: string;
}

export type View = 'files' | 'search' | 'records' | 'account' | 'admin';

/**
 * What the hash names: the file browser at a place ("#/container/folder/"), or another view ("#:search",
 * "#:admin/users"). Container hashes always start with "#/", so no container name can pass for a view.
 */
export interface Route extends Place {
  view: View;
  /** The admin page's section ('' for other views). */
  section: string;
}

export const DEFAULT_ADMIN_SECTION = 'users';

const VIEWS: readonly View[] = ['search', 'records', 'account', 'admin'];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "#/photos/2024/summer/" → { container: "photos", prefix: "2024/summer/" }. */
export function parseHash(hash: string): Place {
  let path = hash.startsWith('#') ? hash.slice(1) : hash;
  if (path.startsWith('/')) path = path.slice(1);
  if (!path) return { container: '', prefix: '' };
  const slash = path.indexOf('/');
  const container = decode(slash < 0 ? path : path.slice(0, slash));
  let prefix = slash < 0 ? '' : path.slice(slash + 1).split('/').map(decode).join('/');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  return { container, prefix };
}

/** "#:admin/quotas" → admin view, section "quotas"; an unknown view opens the file browser's root. */
export function parseRoute(hash: string): Route {
  const path = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!path.startsWith(':')) return { view: 'files', section: '', ...parseHash(hash) };
  const [name = '', ...rest] = path.slice(1).split('/');
  const view = VIEWS.find((v) => v === decode(name));
  if (!view) return { view: 'files', section: '', container: '', prefix: '' };
  const section = view === 'admin' ? decode(rest.join('/')) || DEFAULT_ADMIN_SECTION : '';
  return { view, section, container: '', prefix: '' };
}

export function hashOf(place: Place): string {
  if (!place.container) return '#/';
  const prefix = place.prefix.split('/').map(encodeURIComponent).join('/');
  return `#/${encodeURIComponent(place.container)}/${prefix}`;
}

/** The hash of a view other than the file browser: "#:search", "#:admin/users". */
export function viewHash(view: Exclude<View, 'files'>, section = ''): string {
  if (view === 'admin') return `#:admin/${encodeURIComponent(section || DEFAULT_ADMIN_SECTION)}`;
  return `#:${view}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
