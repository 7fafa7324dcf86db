import { objectUrl, send } from './swift';

const META_PREFIX = 'x-object-meta-';

export interface ObjectDetails {
  contentType: string;
  bytes: number | null;
  etag: string;
  lastModified: Date | null;
  /** User metadata in the order the server sent it, keys as Swift shows them ("Color", "Taken-By"). */
  meta: [string, string][];
}

/** "taken-by" → "Taken-By": Swift stores keys case-insensitively and shows them this way. */
function titleCase(key: string): string {
  return key.replace(/(^|[-_])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

export async function fetchObjectDetails(container: string, name: string): Promise<ObjectDetails> {
  const res = await send('HEAD', objectUrl(container, name));
  const meta: [string, string][] = [];
  res.headers.forEach((value, header) => {
    const lower = header.toLowerCase();
    if (lower.startsWith(META_PREFIX)) meta.push([titleCase(lower.slice(META_PREFIX.length)), value]);
  });
  const length = res.headers.get('Content-Length');
  const modified = res.headers.get('Last-Modified');
  const date = modified ? new Date(modified) : null;
  return {
    contentType: res.headers.get('Content-Type') ?? '',
    bytes: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    etag: (res.headers.get('ETag') ?? '').replace(/^"|"$/g, ''),
    lastModified: date && !Number.isNaN(date.getTime()) ? date : null,
    meta,
  };
}

/** Swift's POST replaces all of an object's metadata, so `meta` must be the complete set. */
export async function saveObjectDetails(
  container: string,
  name: string,
  contentType: string,
  meta: [string, string][],
): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  for (const [key, value] of meta) headers[`X-Object-Meta-${key}`] = value;
  await send('POST', objectUrl(container, name), { headers });
}
