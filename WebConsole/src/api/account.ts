import { accountUrl, query, send, type ContainerInfo } from './swift';
import { ApiError } from './errors';

/** Swift's largest account listing page. */
const LISTING_LIMIT = 10000;

export interface AccountSummary {
  bytes: number;
  objects: number;
  containers: number;
  quotaBytes: number | null;
  quotaCount: number | null;
}

function headerNumber(headers: Headers, ...names: string[]): number | null {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return null;
}

export async function fetchAccountSummary(): Promise<AccountSummary> {
  const res = await send('HEAD', accountUrl());
  const h = res.headers;
  return {
    bytes: headerNumber(h, 'X-Account-Bytes-Used') ?? 0,
    objects: headerNumber(h, 'X-Account-Object-Count') ?? 0,
    containers: headerNumber(h, 'X-Account-Container-Count') ?? 0,
    quotaBytes: headerNumber(h, 'X-Account-Meta-Quota-Bytes', 'X-Account-Quota-Bytes'),
    quotaCount: headerNumber(h, 'X-Account-Meta-Quota-Count', 'X-Account-Quota-Count'),
  };
}

/** Every container of the account, following the listing's marker page by page. */
export async function listAllContainers(): Promise<ContainerInfo[]> {
  const all: ContainerInfo[] = [];
  let marker = '';
  for (;;) {
    const res = await send('GET', accountUrl() + query({ format: 'json', limit: LISTING_LIMIT, marker }));
    const text = await res.text().catch(() => {
      throw new ApiError(0);
    });
    let page: ContainerInfo[];
    try {
      page = text.trim() ? (JSON.parse(text) as ContainerInfo[]) : [];
    } catch {
      throw new Error('The server sent a listing that could not be read');
    }
    if (!Array.isArray(page)) throw new Error('The server sent a listing that could not be read');
    all.push(...page);
    if (page.length < LISTING_LIMIT) return all;
    marker = page[page.length - 1]!.name;
  }
}
