/** CloudFs's additions to the Swift API: MOVE/COPY of objects and folders, search, tree totals, records. */
import { accountUrl, containerUrl, encodePath, objectUrl, query, readJson, send } from './swift';


export type TransferMode = 'move' | 'copy';

export interface TransferSource {
  container: string;
  /** An object name, or a folder's prefix ending in "/". */
  name: string;
}

export interface TransferResult {
  /** Files moved or copied: 1 for an object, the subtree's count for a folder. */
  objects: number;
  bytes: number | null;
}

interface TransferAnswer {
  type?: string;
  objects?: number;
  bytes?: number;
}

/** destName is the full path inside destContainer, without a trailing slash for folders. */
export async function transfer(
  mode: TransferMode,
  source: TransferSource,
  destContainer: string,
  destName: string,
): Promise<TransferResult> {
  const res = await send(mode === 'move' ? 'MOVE' : 'COPY', objectUrl(source.container, source.name), {
    headers: { Destination: `${encodeURIComponent(destContainer)}/${encodePath(destName)}` },
    context: 'transfer',
  });
  const text = await res.text().catch(() => '');
  let answer: TransferAnswer = {};
  try {
    if (text.trim()) answer = JSON.parse(text) as TransferAnswer;
  } catch {
    // An object's MOVE or COPY may answer with no JSON; success is what counts.
  }
  return {
    objects: typeof answer.objects === 'number' ? answer.objects : 1,
    bytes: typeof answer.bytes === 'number' ? answer.bytes : null,
  };
}

export interface SearchResult {
  account: string;
  container: string;
  name: string;
  bytes: number;
  hash: string;
  content_type: string;
  last_modified: string;
}

export interface SearchParams {
  /** A glob on the last path segment ("*.jpg"), or a substring when it has no wildcard. */
  name: string;
  container?: string;
  minSize?: number;
  maxSize?: number;
  marker?: string;
  limit?: number;
}

export interface SearchPage {
  results: SearchResult[];
  nextMarker: string | null;
}

export async function search(params: SearchParams): Promise<SearchPage> {
  // "search" is a flag with no value, so it is written by hand ahead of the encoded parameters.
  const rest = query({
    name: params.name,
    container: params.container,
    min_size: params.minSize,
    max_size: params.maxSize,
    marker: params.marker,
    limit: params.limit,
  });
  const res = await send('GET', `${accountUrl()}?search${rest.replace(/^\?/, '&')}`);
  const answer = await readJson<{ results?: SearchResult[]; next_marker?: string | null }>(
    res,
    'search results',
  );
  return {
    results: Array.isArray(answer.results) ? answer.results : [],
    nextMarker: answer.next_marker || null,
  };
}

export interface TreeChild {
  /** The full path inside the container, without a trailing slash for folders. */
  name: string;
  type: 'directory' | 'object';
  objects?: number;
  bytes: number;
}

export interface TreeNode {
  name: string;
  type: 'container' | 'directory';
  objects: number;
  bytes: number;
  children: TreeChild[];
}

/** prefix is a folder prefix ("a/b/") or '' for the whole container; totals count every level below. */
export async function fetchTree(container: string, prefix: string): Promise<TreeNode> {
  const path = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  // Written out by hand: query() drops empty values, and an empty path means the whole container.
  const res = await send('GET', `${containerUrl(container)}?tree&path=${encodeURIComponent(path)}&depth=1`);
  const node = await readJson<TreeNode>(res, 'folder totals');
  return { ...node, children: Array.isArray(node.children) ? node.children : [] };
}

export interface RecordEntry {
  id: number;
  user_id: number;
  account: string;
  action: string;
  path: string;
  object_id: number | null;
  size: number | null;
  trans_id: string;
  result: number;
  time: number;
}

export interface RecordsParams {
  /** A path prefix such as "/photos/". */
  path?: string;
  action?: string;
  since?: number;
  until?: number;
  /** The id of the last record of the previous page. */
  marker?: number;
  limit: number;
}

export async function fetchRecords(params: RecordsParams): Promise<RecordEntry[]> {
  const rest = query({
    path: params.path,
    action: params.action,
    since: params.since,
    until: params.until,
    marker: params.marker,
    limit: params.limit,
  });
  const res = await send('GET', `${accountUrl()}?records${rest.replace(/^\?/, '&')}`);
  const answer = await readJson<unknown>(res, 'records');
  if (!Array.isArray(answer)) throw new Error('The server sent records that could not be read');
  return answer as RecordEntry[];
}
