import { useEffect, useRef, useState } from 'preact/hooks';
import { isSubdir, itemName, listContainers, listObjects } from '../api/swift';
import { SessionExpiredError, messageOf } from '../api/errors';
import type { Place } from '../route';

/**
 * The folder tree's nodes are named by keys: "photos/" for a container, "photos/2024/summer/" for a folder
 * (the container, a slash, then the folder's prefix). No container name holds a slash, so a key names one
 * node only. The account's level, whose children are the containers, has the key ''.
 */
export const ROOT = '';

/** Entries asked for per request; a level with more shows a "More…" item. */
export const TREE_PAGE = 1000;

export interface Level {
  /** Keys of the child nodes in listing order, or null until the first page arrives. */
  children: string[] | null;
  /** Marker of the following page, or null when the last page was not full. */
  nextMarker: string | null;
  loading: boolean;
  /** Why the last request failed, in words; kept while a retry runs. */
  error: string | null;
  /** The marker of the request that failed, for the retry. */
  failedMarker: string;
}

export interface FolderTree {
  /** The key of the node for the current location, or null at the account root. */
  current: string | null;
  level: (key: string) => Level | undefined;
  /** The children of a level, with the node on the way to the current location even if not listed yet. */
  children: (key: string) => string[];
  isExpanded: (key: string) => boolean;
  setExpanded: (key: string, open: boolean) => void;
  loadMore: (key: string) => void;
  retry: (key: string) => void;
}

export function placeOfKey(key: string): Place {
  const slash = key.indexOf('/');
  if (slash < 0) return { container: '', prefix: '' };
  return { container: key.slice(0, slash), prefix: key.slice(slash + 1) };
}

/** The keys from the container down to the place itself: "c/", "c/a/", "c/a/b/". */
export function pathKeys(place: Place): string[] {
  if (!place.container) return [];
  const keys = [`${place.container}/`];
  let prefix = '';
  for (const segment of place.prefix.split('/').slice(0, -1)) {
    prefix += `${segment}/`;
    keys.push(`${place.container}/${prefix}`);
  }
  return keys;
}

async function fetchLevel(key: string, marker: string): Promise<{ children: string[]; next: string | null }> {
  if (key === ROOT) {
    const { items } = await listContainers(marker, TREE_PAGE);
    const last = items[items.length - 1];
    return {
      children: items.map((c) => `${c.name}/`),
      next: items.length >= TREE_PAGE && last ? last.name : null,
    };
  }
  const { container, prefix } = placeOfKey(key);
  // One page of one level, with the delimiter: never the whole container.
  const items = await listObjects(container, { prefix, marker, limit: TREE_PAGE });
  const last = items[items.length - 1];
  return {
    children: items.filter(isSubdir).map((item) => `${container}/${item.subdir}`),
    next: items.length >= TREE_PAGE && last ? itemName(last) : null,
  };
}

const EMPTY: Level = { children: null, nextMarker: null, loading: false, error: null, failedMarker: '' };

/**
 * State and loading of the folder tree: each level is listed when first expanded, a page at a time, and
 * the levels in view are listed again whenever `version` changes (the listing changed the folders).
 */
export function useFolderTree(place: Place, version: number): FolderTree {
  // Kept in refs so that loads started in the same tick see each other; `bump` redraws.
  const levels = useRef(new Map<string, Level>());
  const expanded = useRef(new Set<string>());
  const active = useRef(new Map<string, number>());
  const seq = useRef(0);
  const alive = useRef(true);
  const [, setDrawn] = useState(0);
  const bump = () => setDrawn((n) => n + 1);

  const path = pathKeys(place);
  const current = path[path.length - 1] ?? null;
  const placeKey = `${place.container}\n${place.prefix}`;

  const put = (key: string, level: Level) => {
    levels.current.set(key, level);
    bump();
  };

  const load = (key: string, marker: string) => {
    const mine = ++seq.current;
    active.current.set(key, mine);
    put(key, { ...(levels.current.get(key) ?? EMPTY), loading: true });
    const stale = () => !alive.current || active.current.get(key) !== mine;
    fetchLevel(key, marker).then(
      (page) => {
        const old = levels.current.get(key);
        if (stale() || !old) return;
        let children = page.children;
        if (marker && old.children) {
          const seen = new Set(old.children);
          children = [...old.children, ...page.children.filter((child) => !seen.has(child))];
        }
        put(key, { children, nextMarker: page.next, loading: false, error: null, failedMarker: '' });
      },
      (error: unknown) => {
        const old = levels.current.get(key);
        if (stale() || !old || error instanceof SessionExpiredError) return;
        put(key, { ...old, loading: false, error: messageOf(error), failedMarker: marker });
      },
    );
  };

  const ensureLoaded = (key: string) => {
    if (!levels.current.has(key)) load(key, '');
  };

  const setExpanded = (key: string, open: boolean) => {
    if (open) {
      expanded.current.add(key);
      ensureLoaded(key);
    } else {
      expanded.current.delete(key);
    }
    bump();
  };

  useEffect(() => {
    alive.current = true;
    load(ROOT, '');
    return () => {
      alive.current = false;
    };
  }, []);

  // A new location opens the way to it, and the node itself.
  useEffect(() => {
    for (const key of path) {
      expanded.current.add(key);
      ensureLoaded(key);
    }
    bump();
  }, [placeKey]);

  const children = (key: string): string[] => {
    const listed = levels.current.get(key)?.children;
    if (!listed) return [];
    // The way to the current location shows even when its folder is on a page not loaded yet.
    const at = key === ROOT ? 0 : path.indexOf(key) + 1;
    const onTheWay = at > 0 || key === ROOT ? path[at] : undefined;
    return onTheWay && !listed.includes(onTheWay) ? [...listed, onTheWay] : listed;
  };

  // The listing changed something: list again the levels in view, forget the others.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    const inView = new Set<string>([ROOT]);
    const walk = (key: string) => {
      for (const child of children(key)) {
        if (expanded.current.has(child) && levels.current.has(child)) {
          inView.add(child);
          walk(child);
        }
      }
    };
    walk(ROOT);
    for (const key of [...levels.current.keys()]) {
      if (inView.has(key)) {
        load(key, '');
      } else {
        levels.current.delete(key);
        active.current.delete(key);
      }
    }
    bump();
  }, [version]);

  return {
    current,
    level: (key) => levels.current.get(key),
    children,
    isExpanded: (key) => expanded.current.has(key),
    setExpanded,
    loadMore: (key) => {
      const level = levels.current.get(key);
      if (level?.nextMarker && !level.loading) load(key, level.nextMarker);
    },
    retry: (key) => {
      const level = levels.current.get(key);
      if (level && !level.loading) load(key, level.failedMarker);
    },
  };
}
