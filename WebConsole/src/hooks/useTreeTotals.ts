import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchTree } from '../api/extensions';
import { formatBytes, formatCount } from '../format';
import type { Entry } from '../components/ListingTable';

export interface Totals {
  objects: number;
  bytes: number;
}

export interface TreeTotals extends Totals {
  /** Totals of each subfolder, by its prefix ("a/b/"). */
  folders: Map<string, Totals>;
}

/**
 * The totals of a container or folder, all levels below counted, and of each of its subfolders.
 * Null while loading, at the account root, or when the call failed: the listing does without them.
 */
export function useTreeTotals(container: string, prefix: string, reloads: number): TreeTotals | null {
  const key = `${container}\n${prefix}`;
  const [state, setState] = useState<{ key: string; totals: TreeTotals | null } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!container) return;
    fetchTree(container, prefix).then(
      (node) => {
        if (mine !== seq.current) return;
        const folders = new Map<string, Totals>();
        for (const child of node.children) {
          if (child.type === 'directory') {
            folders.set(`${child.name}/`, { objects: child.objects ?? 0, bytes: child.bytes });
          }
        }
        setState({ key, totals: { objects: node.objects, bytes: node.bytes, folders } });
      },
      () => {
        // Totals are extra information; the listing itself reports real problems.
        if (mine === seq.current) setState({ key, totals: null });
      },
    );
  }, [key, reloads]);

  return state && state.key === key ? state.totals : null;
}

export function totalsText(totals: TreeTotals, prefix: string): string {
  const files = `${formatCount(totals.objects)} ${totals.objects === 1 ? 'file' : 'files'}`;
  return `${files}, ${formatBytes(totals.bytes)} in this ${prefix ? 'folder' : 'container'} (all levels)`;
}

export function withTotals(entries: Entry[], totals: TreeTotals | null): Entry[] {
  if (!totals) return entries;
  return entries.map((entry) => {
    const sub = entry.kind === 'directory' ? totals.folders.get(entry.name) : undefined;
    return sub ? { ...entry, count: sub.objects, bytes: sub.bytes } : entry;
  });
}
