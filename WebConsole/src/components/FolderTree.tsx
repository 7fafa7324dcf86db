import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { labelOf } from '../names';
import { hashOf, type Place } from '../route';
import { ROOT, placeOfKey, useFolderTree, type FolderTree as Tree } from '../hooks/useFolderTree';
import { FolderTreeNode, TreeError, TreeMore } from './FolderTreeNode';
import { Icon } from './Icon';

interface Props {
  place: Place;
  /** Changes whenever the listing may have changed the folders: the levels in view are listed again. */
  version: number;
}

/** One focusable row, in the order shown. Rows other than nodes have keys starting with "/", as no node's does. */
interface Item {
  key: string;
  kind: 'node' | 'more' | 'error';
  depth: number;
  /** The node the row is under, or null at the top level. */
  parent: string | null;
  /** The level the row belongs to (its parent's key, or ROOT). */
  level: string;
  posinset: number;
  setsize: number;
}

function visibleItems(tree: Tree): Item[] {
  const items: Item[] = [];
  const walk = (level: string, depth: number) => {
    const parent = level === ROOT ? null : level;
    const children = tree.children(level);
    children.forEach((key, i) => {
      items.push({ key, kind: 'node', depth, parent, level, posinset: i + 1, setsize: children.length });
      if (tree.isExpanded(key)) walk(key, depth + 1);
    });
    const state = tree.level(level);
    const extra = { depth, parent, level, posinset: 0, setsize: 0 };
    if (state?.error) items.push({ key: `/error/${level}`, kind: 'error', ...extra });
    else if (state?.nextMarker) items.push({ key: `/more/${level}`, kind: 'more', ...extra });
  };
  walk(ROOT, 1);
  return items;
}

/** Where focus goes once a level finishes loading: its child at `index`, else the level's own node. */
interface PendingFocus {
  level: string;
  index: number;
}

/**
 * The account's containers and their folders as a tree beside the listing (WAI-ARIA tree pattern, one
 * roving tab stop). Below 480 px it hides behind a "Folders" button.
 */
export function FolderTree({ place, version }: Props) {
  const tree = useFolderTree(place, version);
  const [open, setOpen] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const pending = useRef<PendingFocus | null>(null);
  const scrolledTo = useRef<string | null>(null);
  const bodyId = useId();

  const items = visibleItems(tree);
  const has = (key: string | null) => key !== null && items.some((item) => item.key === key);
  const tabbable = has(focusKey) ? focusKey : has(tree.current) ? tree.current : (items[0]?.key ?? null);

  const elementOf = (key: string) =>
    listRef.current?.querySelector<HTMLElement>(`[data-fkey="${CSS.escape(key)}"]`) ?? null;

  const focusOn = (key: string) => {
    setFocusKey(key);
    elementOf(key)?.focus();
  };

  const focusInTree = () => {
    const active = document.activeElement;
    return !active || active === document.body || !!listRef.current?.contains(active);
  };

  // The roving tab stop follows the location when it changes from outside the tree.
  useEffect(() => {
    if (!listRef.current?.contains(document.activeElement)) setFocusKey(tree.current);
    scrolledTo.current = null;
  }, [tree.current]);

  useLayoutEffect(() => {
    // Scroll the panel (never the page) to the current node once it shows.
    const current = tree.current;
    const body = bodyRef.current;
    if (current && scrolledTo.current !== current && body && body.clientHeight > 0) {
      const element = elementOf(current);
      if (element) {
        scrolledTo.current = current;
        const outer = body.getBoundingClientRect();
        const inner = element.getBoundingClientRect();
        if (inner.top < outer.top) body.scrollTop -= outer.top - inner.top;
        else if (inner.bottom > outer.bottom) body.scrollTop += inner.bottom - outer.bottom;
      }
    }
    // After "More…" or "Retry" the row that had focus is gone: focus the first new entry instead.
    const wait = pending.current;
    const level = wait && tree.level(wait.level);
    if (!wait || !level || level.loading) return;
    pending.current = null;
    if (!focusInTree()) return;
    if (level.error) focusOn(`/error/${wait.level}`);
    else {
      const next = tree.children(wait.level)[wait.index] ?? (wait.level === ROOT ? items[0]?.key : wait.level);
      if (next) focusOn(next);
    }
  });

  const activate = (item: Item) => {
    if (item.kind === 'node') {
      window.location.hash = hashOf(placeOfKey(item.key));
      return;
    }
    pending.current = { level: item.level, index: tree.level(item.level)?.children?.length ?? 0 };
    if (item.kind === 'more') tree.loadMore(item.level);
    else tree.retry(item.level);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-fkey]');
    const index = row ? items.findIndex((item) => item.key === row.dataset.fkey) : -1;
    const item = items[index];
    if (!item) return;
    const expanded = item.kind === 'node' && tree.isExpanded(item.key);
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[index + 1]?.key;
        break;
      case 'ArrowUp':
        next = items[index - 1]?.key;
        break;
      case 'Home':
        next = items[0]?.key;
        break;
      case 'End':
        next = items[items.length - 1]?.key;
        break;
      case 'ArrowRight': {
        if (item.kind !== 'node') break;
        const child = items[index + 1];
        if (!expanded) tree.setExpanded(item.key, true);
        else if (child && child.depth > item.depth) next = child.key;
        break;
      }
      case 'ArrowLeft':
        if (expanded) tree.setExpanded(item.key, false);
        else if (item.parent !== null) next = item.parent;
        break;
      case 'Enter':
      case ' ':
        // A button inside the row, or a link and Enter, do their own thing.
        if (target.tagName === 'BUTTON' || (target.tagName === 'A' && event.key === 'Enter')) return;
        activate(item);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) focusOn(next);
  };

  const onFocusIn = (event: TargetedFocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-fkey]');
    if (row?.dataset.fkey !== undefined) setFocusKey(row.dataset.fkey);
  };

  const root = tree.level(ROOT);
  let note = '';
  if (!root || (root.loading && root.children === null)) note = 'Loading…';
  else if (root.children?.length === 0 && !root.error) note = 'No containers yet.';

  return (
    <nav class={open ? 'tree-panel open' : 'tree-panel'} aria-label="Folders">
      <button
        type="button"
        class="tree-toggle-panel"
        data-testid="tree-toggle-panel"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="chevron" />
        Folders
      </button>
      <div class="tree-body" id={bodyId} ref={bodyRef}>
        <h2 class="tree-heading">Folders</h2>
        {note && <p class="tree-note tree-status">{note}</p>}
        <ul
          ref={listRef}
          role="tree"
          class="tree"
          data-testid="folder-tree"
          aria-label="Containers and folders"
          onKeyDown={onKeyDown}
          onFocusIn={onFocusIn}
        >
          {items.map((item) => {
            const common = { fkey: item.key, depth: item.depth, tabbable: item.key === tabbable };
            const level = tree.level(item.kind === 'node' ? item.key : item.level);
            if (item.kind === 'more') {
              return <TreeMore key={item.key} {...common} loading={!!level?.loading} onMore={() => activate(item)} />;
            }
            if (item.kind === 'error') {
              return (
                <TreeError
                  key={item.key}
                  {...common}
                  what={item.level === ROOT ? 'containers' : 'folders'}
                  message={level?.error ?? ''}
                  loading={!!level?.loading}
                  onRetry={() => activate(item)}
                />
              );
            }
            const expanded = tree.isExpanded(item.key);
            return (
              <FolderTreeNode
                key={item.key}
                {...common}
                place={placeOfKey(item.key)}
                label={labelOf(item.key, item.level)}
                posinset={item.posinset}
                setsize={item.setsize}
                expanded={expanded}
                current={item.key === tree.current}
                loading={expanded && !!level?.loading && level.children === null}
                empty={expanded && !!level?.children && !level.error && !level.nextMarker && !tree.children(item.key).length}
                onToggle={() => {
                  setFocusKey(item.key);
                  tree.setExpanded(item.key, !expanded);
                }}
              />
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
