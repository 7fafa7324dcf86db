import { hashOf, type Place } from '../route';
import { Icon } from './Icon';

/** One row of the folder tree, indented by its level. */
interface RowProps {
  fkey: string;
  depth: number;
  tabbable: boolean;
}

export interface NodeProps extends RowProps {
  place: Place;
  label: string;
  posinset: number;
  setsize: number;
  expanded: boolean;
  current: boolean;
  /** Its level is being listed for the first time. */
  loading: boolean;
  /** Its level was listed and holds no folder. */
  empty: boolean;
  onToggle: () => void;
}

const indent = (depth: number) => ({ paddingLeft: `${0.25 + (depth - 1) * 1}rem` });

export function FolderTreeNode(props: NodeProps) {
  const { fkey, depth, tabbable, place, label, expanded, current, loading, empty } = props;
  return (
    <li
      role="treeitem"
      class="tree-node"
      data-testid="tree-node"
      data-path={fkey}
      data-fkey={fkey}
      aria-label={label}
      aria-level={depth}
      aria-posinset={props.posinset}
      aria-setsize={props.setsize}
      aria-expanded={expanded}
      aria-busy={loading || undefined}
      aria-current={current ? 'page' : undefined}
      tabIndex={tabbable ? 0 : -1}
    >
      <div class="tree-row" style={indent(depth)}>
        <button
          type="button"
          class="tree-expand"
          data-testid="tree-expand"
          tabIndex={-1}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
          onClick={props.onToggle}
        >
          <Icon name="chevron" />
        </button>
        <Icon name={place.prefix ? 'folder' : 'container'} />
        <a class="tree-open" data-testid="tree-open" href={hashOf(place)} tabIndex={-1} title={label}>
          {label}
        </a>
        {loading && <span class="tree-note">Loading…</span>}
        {empty && <span class="tree-note">no folders</span>}
      </div>
    </li>
  );
}

interface MoreProps extends RowProps {
  loading: boolean;
  onMore: () => void;
}

/** Loads the next page of a level that had more entries than one request brings. */
export function TreeMore({ fkey, depth, tabbable, loading, onMore }: MoreProps) {
  return (
    <li
      role="treeitem"
      class="tree-more"
      data-testid="tree-more"
      data-fkey={fkey}
      aria-level={depth}
      aria-busy={loading || undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={onMore}
    >
      <div class="tree-row" style={indent(depth)}>
        <span class="tree-more-label">{loading ? 'Loading…' : 'More…'}</span>
      </div>
    </li>
  );
}

interface ErrorProps extends RowProps {
  /** What could not be listed: "containers" or "folders". */
  what: string;
  message: string;
  loading: boolean;
  onRetry: () => void;
}

/** Why a level could not be listed, shown where its entries would be. */
export function TreeError({ fkey, depth, tabbable, what, message, loading, onRetry }: ErrorProps) {
  return (
    <li
      role="treeitem"
      class="tree-error"
      data-testid="tree-error"
      data-fkey={fkey}
      aria-level={depth}
      aria-busy={loading || undefined}
      tabIndex={tabbable ? 0 : -1}
    >
      <div class="tree-row" style={indent(depth)}>
        <span class="tree-error-text">Could not list the {what}: {message}</span>
        <button type="button" class="small" data-testid="tree-retry" tabIndex={-1} disabled={loading} onClick={onRetry}>
          {loading ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </li>
  );
}
