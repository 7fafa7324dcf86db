import { ApiError, SessionExpiredError, describeStatus, type ErrorContext } from './errors';

export const PAGE_SIZE = 100;
export const MAX_CONTAINER_NAME_BYTES = 256;
export const MAX_OBJECT_NAME_BYTES = 1024;
/** Both the listing page used to find a folder's objects and the bulk-delete limit per request. */
const DELETE_BATCH = 1000;

export interface Session {
  account: string;
}

export interface Usage {
  bytes: number;
  objects: number;
  containers: number;
  quotaBytes: number | null;
}

export interface ContainerInfo {
  name: string;
  count: number;
  bytes: number;
  last_modified?: string;
}

export interface ObjectInfo {
  name: string;
  bytes: number;
  content_type: string;
  last_modified: string;
  hash: string;
}

export interface SubdirInfo {
  subdir: string;
}

export type ListingItem = ObjectInfo | SubdirInfo;

export function isSubdir(item: ListingItem): item is SubdirInfo {
  return 'subdir' in item;
}

export function itemName(item: ListingItem | ContainerInfo): string {
  return 'subdir' in item ? item.subdir : item.name;
}

// The session lives in memory only: a reload signs the user out, by design.
let token: string | null = null;
let base = '';
let onExpired: () => void = () => {};

export function setSessionExpiredHandler(handler: () => void): void {
  onExpired = handler;
}

export function signOut(): void {
  token = null;
  base = '';
}

/** Encodes each segment of a slash-separated path, keeping the slashes. */
export function encodePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** The signed-in account's storage path, e.g. "/v1/AUTH_test". */
export function accountUrl(): string {
  return base;
}

export function containerUrl(container: string): string {
  return `${base}/${encodeURIComponent(container)}`;
}

export function objectUrl(container: string, name: string): string {
  return `${containerUrl(container)}/${encodePath(name)}`;
}

export function query(params: Record<string, string | number | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

async function errorFrom(res: Response, context?: ErrorContext): Promise<ApiError> {
  const body = await res.text().catch(() => '');
  return new ApiError(res.status, body, context, res.headers.get('X-Trans-Id') ?? '');
}

/** Drops the session only if the refused token is still the current one (not a newer login). */
function expire(used: string | null): SessionExpiredError {
  if (used !== null && token === used) {
    signOut();
    onExpired();
  }
  return new SessionExpiredError();
}

export interface SendOptions {
  headers?: Record<string, string>;
  body?: BodyInit;
  context?: ErrorContext;
}

export async function send(method: string, url: string, options: SendOptions = {}): Promise<Response> {
  const used = token;
  if (used === null) throw new SessionExpiredError();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...options.headers, 'X-Auth-Token': used },
      body: options.body,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, '', options.context);
  }
  if (res.status === 401) throw expire(used);
  if (!res.ok) throw await errorFrom(res, options.context);
  return res;
}

/** A JSON answer; `what` names it in the message when it cannot be read. */
export async function readJson<T>(res: Response, what = 'an answer'): Promise<T> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new ApiError(0);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`The server sent ${what} that could not be read`);
  }
}

async function readList<T>(res: Response): Promise<T[]> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new ApiError(0);
  }
  if (!text.trim()) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) return data as T[];
  } catch {
    // fall through to the message below
  }
  throw new Error('The server sent a listing that could not be read');
}

export function accountNameOf(basePath: string): string {
  const segment = basePath.slice(basePath.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function login(user: string, key: string): Promise<Session> {
  // fetch refuses header values outside Latin-1 with a TypeError, which would read as a network failure.
  if (/[^\u0000-\u00ff]/.test(user + key)) {
    throw new Error('The user name and password can only use Latin characters');
  }
  let res: Response;
  try {
    res = await fetch('/auth/v1.0', {
      headers: { 'X-Auth-User': user, 'X-Auth-Key': key },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, '', 'login');
  }
  if (!res.ok) throw await errorFrom(res, 'login');
  const newToken = res.headers.get('X-Auth-Token');
  const storageUrl = res.headers.get('X-Storage-Url');
  if (!newToken || !storageUrl) throw new Error('The server did not open a session; try again');
  let path: string;
  try {
    // Only the path: the storage URL may name a host or port the browser cannot reach.
    path = new URL(storageUrl, window.location.href).pathname.replace(/\/+$/, '');
  } catch {
    throw new Error('The server sent a storage address that could not be read');
  }
  token = newToken;
  base = path;
  return { account: accountNameOf(path) };
}

function headerNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

function usageFrom(headers: Headers): Usage | null {
  const bytes = headerNumber(headers, 'X-Account-Bytes-Used');
  if (bytes === null) return null;
  return {
    bytes,
    objects: headerNumber(headers, 'X-Account-Object-Count') ?? 0,
    containers: headerNumber(headers, 'X-Account-Container-Count') ?? 0,
    quotaBytes:
      headerNumber(headers, 'X-Account-Meta-Quota-Bytes') ?? headerNumber(headers, 'X-Account-Quota-Bytes'),
  };
}

export async function listContainers(
  marker: string,
  limit = PAGE_SIZE,
): Promise<{ items: ContainerInfo[]; usage: Usage | null }> {
  const res = await send('GET', base + query({ format: 'json', limit, marker }));
  const usage = usageFrom(res.headers);
  return { items: await readList<ContainerInfo>(res), usage };
}

export async function fetchUsage(): Promise<Usage | null> {
  const res = await send('HEAD', base);
  return usageFrom(res.headers);
}

export interface ListOptions {
  prefix: string;
  marker: string;
  limit?: number;
  /** false lists every object under the prefix, at any depth. */
  delimiter?: boolean;
}

export async function listObjects(container: string, options: ListOptions): Promise<ListingItem[]> {
  const url =
    containerUrl(container) +
    query({
      format: 'json',
      delimiter: options.delimiter === false ? undefined : '/',
      prefix: options.prefix,
      limit: options.limit ?? PAGE_SIZE,
      marker: options.marker,
    });
  return readList<ListingItem>(await send('GET', url));
}

export async function createContainer(name: string): Promise<void> {
  await send('PUT', containerUrl(name));
}

/** objectName is the full marker name, ending in "/". */
export async function createDirectory(container: string, objectName: string): Promise<void> {
  await send('PUT', objectUrl(container, objectName), {
    headers: { 'Content-Type': 'application/directory' },
    body: '',
  });
}

export async function deleteObject(container: string, name: string): Promise<void> {
  await send('DELETE', objectUrl(container, name));
}

export async function deleteContainer(name: string): Promise<void> {
  await send('DELETE', containerUrl(name), { context: 'container-delete' });
}

export async function fetchObject(container: string, name: string): Promise<Blob> {
  const res = await send('GET', objectUrl(container, name));
  try {
    return await res.blob();
  } catch {
    throw new ApiError(0);
  }
}

export interface DeleteFailure {
  path: string;
  reason: string;
}

export interface DeleteResult {
  deleted: number;
  notFound: number;
  failures: DeleteFailure[];
}

interface BulkDeleteAnswer {
  'Number Deleted'?: number;
  'Number Not Found'?: number;
  'Response Status'?: string;
  'Response Body'?: string;
  Errors?: [string, string][];
}

function statusWords(status: string): string {
  const code = Number.parseInt(status, 10);
  return Number.isFinite(code) ? describeStatus(code) : status;
}

async function bulkDelete(container: string, names: string[]): Promise<DeleteResult> {
  const body = names.map((name) => `/${encodeURIComponent(container)}/${encodePath(name)}`).join('\n');
  const res = await send('POST', base + '?bulk-delete', {
    headers: { 'Content-Type': 'text/plain', Accept: 'application/json' },
    body,
  });
  let answer: BulkDeleteAnswer;
  try {
    answer = JSON.parse(await res.text()) as BulkDeleteAnswer;
  } catch {
    throw new Error('The server sent a delete report that could not be read');
  }
  const failures = (answer.Errors ?? []).map(([path, status]) => {
    let shown = path;
    try {
      shown = decodeURIComponent(path);
    } catch {
      // keep the encoded form
    }
    return { path: shown, reason: statusWords(status) };
  });
  const overall = answer['Response Status'] ?? '';
  if (failures.length === 0 && overall && !/^2\d\d/.test(overall)) {
    failures.push({ path: `/${container}`, reason: answer['Response Body'] || statusWords(overall) });
  }
  return {
    deleted: answer['Number Deleted'] ?? 0,
    notFound: answer['Number Not Found'] ?? 0,
    failures,
  };
}

/**
 * Deletes every object under a folder prefix (the folder's own marker object included), one listing
 * page of at most DELETE_BATCH names then one bulk delete at a time, so a folder of any size takes
 * bounded memory.
 */
export async function deleteDirectory(
  container: string,
  prefix: string,
  onProgress: (deleted: number) => void,
): Promise<DeleteResult> {
  const total: DeleteResult = { deleted: 0, notFound: 0, failures: [] };
  let marker = '';
  for (;;) {
    const page = await listObjects(container, { prefix, marker, limit: DELETE_BATCH, delimiter: false });
    const names = page.filter((item) => !isSubdir(item)).map(itemName);
    if (names.length > 0) {
      const result = await bulkDelete(container, names);
      total.deleted += result.deleted;
      total.notFound += result.notFound;
      total.failures.push(...result.failures);
      onProgress(total.deleted);
    }
    if (page.length < DELETE_BATCH) return total;
    marker = itemName(page[page.length - 1]!);
  }
}

export class UploadCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'UploadCancelled';
  }
}

export interface Upload {
  done: Promise<void>;
  abort: () => void;
}

export interface PutResult {
  /** The stored data's checksum, from the ETag header without its quotes. */
  etag: string;
}

export interface PutRequest {
  done: Promise<PutResult>;
  abort: () => void;
}

/**
 * PUTs a body with upload progress: XMLHttpRequest rather than fetch, as fetch reports no upload progress.
 * onProgress gets the bytes sent so far.
 */
export function putWithProgress(
  url: string,
  body: Blob,
  contentType: string,
  onProgress: (loaded: number) => void,
): PutRequest {
  const xhr = new XMLHttpRequest();
  const used = token;
  const done = new Promise<PutResult>((resolve, reject) => {
    if (used === null) {
      reject(new SessionExpiredError());
      return;
    }
    xhr.open('PUT', url);
    xhr.setRequestHeader('X-Auth-Token', used);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded);
    };
    xhr.onload = () => {
      if (xhr.status === 401) {
        reject(expire(used));
      } else if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(body.size);
        resolve({ etag: (xhr.getResponseHeader('ETag') ?? '').replace(/^"|"$/g, '') });
      } else {
        reject(new ApiError(xhr.status, xhr.responseText, undefined, xhr.getResponseHeader('X-Trans-Id') ?? ''));
      }
    };
    xhr.onerror = () => reject(new ApiError(0));
    xhr.ontimeout = () => reject(new ApiError(0));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}

export function uploadFile(
  container: string,
  name: string,
  file: File,
  onProgress: (percent: number) => void,
): Upload {
  const request = putWithProgress(
    objectUrl(container, name),
    file,
    file.type || 'application/octet-stream',
    (loaded) => onProgress(file.size > 0 ? (loaded / file.size) * 100 : 100),
  );
  return { done: request.done.then(() => undefined), abort: request.abort };
}
