import { useEffect, useState } from 'preact/hooks';

/** Where the browser is: the account root (container ''), or a container and a folder prefix ('' or ending in "/"). */
export interface Place {
  container: string;
  prefix: string;
}

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

export function hashOf(place: Place): string {
  if (!place.container) return '#/';
  const prefix = place.prefix.split('/').map(encodeURIComponent).join('/');
  return `#/${encodeURIComponent(place.container)}/${prefix}`;
}

export function useHashPlace(): Place {
  const [place, setPlace] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setPlace(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return place;
}
