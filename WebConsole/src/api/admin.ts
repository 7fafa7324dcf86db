import { encodePath, query, readJson, send } from './swift';
import { ApiError, bodyText, describeStatus } from './errors';

/** True when the signed-in user may use /admin (a cluster admin); the admin API answers 403 to anyone else. */
export async function isAdmin(): Promise<boolean> {
  try {
    // The smallest admin answer there is.
    await send('GET', '/admin/settings');
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return false;
    throw e;
  }
}


async function readArray<T>(res: Response): Promise<T[]> {
  const data = await readJson<unknown>(res);
  if (!Array.isArray(data)) throw new Error('The server sent a list that could not be read');
  return data as T[];
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

// ---- Users ----

export interface AdminUser {
  id: number;
  /** "account:user" */
  user: string;
  /** "AUTH_account" */
  account: string;
  email: string | null;
  type: string;
  state: string;
}

export const USER_TYPES = ['owner', 'member', 'admin'] as const;

/** Letters, digits, "-" and "_", 1-64 characters: the names the cluster takes for accounts and users. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** "AUTH_test" → "test". */
export function bareAccount(account: string): string {
  return account.startsWith('AUTH_') ? account.slice(5) : account;
}

/** "test:tester" → "tester". */
export function bareUser(user: string): string {
  const colon = user.indexOf(':');
  return colon < 0 ? user : user.slice(colon + 1);
}

function userUrl(account: string, user: string): string {
  return `/admin/users/${encodeURIComponent(bareAccount(account))}/${encodeURIComponent(user)}`;
}

/** Every user of the cluster; the page filters by account itself, so one answer serves both the table and the account lists. */
export async function listUsers(): Promise<AdminUser[]> {
  return readArray<AdminUser>(await send('GET', '/admin/users'));
}

export interface NewUser {
  account: string;
  user: string;
  key: string;
  type: string;
  email: string;
}

export async function createUser(input: NewUser): Promise<void> {
  const body: Record<string, string> = { key: input.key, type: input.type };
  if (input.email) body.email = input.email;
  try {
    await send('PUT', userUrl(input.account, input.user), { headers: JSON_HEADERS, body: JSON.stringify(body) });
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      throw new Error(
        input.email
          ? `The user ${input.account}:${input.user} or the email ${input.email} already exists`
          : `The user ${input.account}:${input.user} already exists`,
      );
    }
    throw e;
  }
}

export interface UserChanges {
  key?: string;
  email?: string;
  type?: string;
  enabled?: boolean;
}

export async function updateUser(account: string, user: string, changes: UserChanges): Promise<void> {
  await send('POST', userUrl(account, user), { headers: JSON_HEADERS, body: JSON.stringify(changes) });
}

export async function deleteUser(account: string, user: string): Promise<void> {
  await send('DELETE', userUrl(account, user));
}

// ---- Quotas ----

export interface Usage {
  bytes: number;
  count: number;
  quotaBytes: number | null;
  quotaCount: number | null;
}

export interface AccountUsage extends Usage {
  containers: number;
}

export interface ContainerUsage {
  name: string;
  count: number;
  bytes: number;
}

function storageUrl(account: string, container?: string): string {
  const base = `/v1/${encodeURIComponent(account)}`;
  return container === undefined ? base : `${base}/${encodeURIComponent(container)}`;
}

function headerNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export async function accountUsage(account: string): Promise<AccountUsage> {
  const { headers } = await send('HEAD', storageUrl(account));
  return {
    bytes: headerNumber(headers, 'X-Account-Bytes-Used') ?? 0,
    count: headerNumber(headers, 'X-Account-Object-Count') ?? 0,
    containers: headerNumber(headers, 'X-Account-Container-Count') ?? 0,
    quotaBytes: headerNumber(headers, 'X-Account-Meta-Quota-Bytes'),
    quotaCount: headerNumber(headers, 'X-Account-Meta-Quota-Count'),
  };
}

export async function containerUsage(account: string, container: string): Promise<Usage> {
  const { headers } = await send('HEAD', storageUrl(account, container));
  return {
    bytes: headerNumber(headers, 'X-Container-Bytes-Used') ?? 0,
    count: headerNumber(headers, 'X-Container-Object-Count') ?? 0,
    quotaBytes: headerNumber(headers, 'X-Container-Meta-Quota-Bytes'),
    quotaCount: headerNumber(headers, 'X-Container-Meta-Quota-Count'),
  };
}

/** A quota of null removes it. */
export interface Quota {
  bytes: number | null;
  count: number | null;
}

function quotaHeaders(scope: 'Account' | 'Container', quota: Quota): Record<string, string> {
  const headers: Record<string, string> = {};
  const put = (what: 'Bytes' | 'Count', value: number | null) => {
    if (value === null) headers[`X-Remove-${scope}-Meta-Quota-${what}`] = '1';
    else headers[`X-${scope}-Meta-Quota-${what}`] = String(value);
  };
  put('Bytes', quota.bytes);
  put('Count', quota.count);
  return headers;
}

export async function setAccountQuota(account: string, quota: Quota): Promise<void> {
  await send('POST', storageUrl(account), { headers: quotaHeaders('Account', quota) });
}

export async function setContainerQuota(account: string, container: string, quota: Quota): Promise<void> {
  await send('POST', storageUrl(account, container), { headers: quotaHeaders('Container', quota) });
}

const CONTAINER_PAGE = 1000;
/** The quota page is for setting limits, not for browsing: beyond this many containers it shows the first ones. */
export const MAX_LISTED_CONTAINERS = 5000;

export async function listAccountContainers(account: string): Promise<ContainerUsage[]> {
  const all: ContainerUsage[] = [];
  let marker = '';
  while (all.length < MAX_LISTED_CONTAINERS) {
    const url = storageUrl(account) + query({ format: 'json', limit: CONTAINER_PAGE, marker });
    const page = await readArray<ContainerUsage>(await send('GET', url));
    all.push(...page);
    if (page.length < CONTAINER_PAGE) break;
    marker = page[page.length - 1]!.name;
  }
  return all;
}

// ---- Firewall ----

export interface DisabledResource {
  account: string;
  /** "/AUTH_test/photos/private/" */
  path: string;
  type: string;
  disabled_at?: number;
}

export async function listDisabled(): Promise<DisabledResource[]> {
  return readArray<DisabledResource>(await send('GET', '/admin/firewall'));
}

/** path: "AUTH_test", "AUTH_test/photos" or "AUTH_test/photos/private/" (a folder ends in "/"). */
export async function setResourceDisabled(path: string, disabled: boolean): Promise<void> {
  const trimmed = path.replace(/^\/+/, '');
  const url = `/admin/firewall/${encodePath(trimmed)}` + query({ state: disabled ? 'disabled' : 'enabled' });
  try {
    await send('POST', url);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      throw new Error(`Nothing found at ${trimmed}: check the account, container and folder names`);
    }
    throw e;
  }
}

// ---- Hosts ----

export interface CpuSample {
  ts: number;
  seq: number;
  user_pct: number;
  system_pct: number;
  iowait_pct: number;
  idle_pct: number;
  load1: number;
}

export interface MemSample {
  ts: number;
  seq: number;
  used_bytes: number;
  free_bytes: number;
  cached_bytes: number;
  process_rss_bytes: number;
}

export interface NetSample {
  ts: number;
  seq: number;
  iface: string;
  rx_bytes: number;
  tx_bytes: number;
}

export interface DiskSample {
  ts: number;
  seq: number;
  device: string;
  read_bytes?: number;
  write_bytes?: number;
  read_ops?: number;
  write_ops?: number;
}

export interface StorageSample {
  ts: number;
  seq: number;
  device: string;
  used_bytes: number;
  free_bytes: number;
}

export interface Host {
  id: number;
  node_id: string;
  hostname: string;
  role: string;
  address: string;
  port: number;
  version: string;
  started_at: number;
  last_seen: number;
  interval_seconds: number;
  silent: boolean;
  cores?: number;
  model?: string;
  mem_total_bytes?: number;
  cpu?: CpuSample | null;
  mem?: MemSample | null;
  alerts?: number;
}

export interface HostStats {
  host: Host;
  interfaces: { iface: string; address: string | null; speed_mbps: number | null }[];
  disks: { device: string; path: string; total_bytes: number }[];
  cpu: CpuSample[];
  mem: MemSample[];
  net: NetSample[];
  disk: DiskSample[];
  storage: StorageSample[];
}

export async function listHosts(): Promise<Host[]> {
  return readArray<Host>(await send('GET', '/admin/hosts'));
}

/** The server's ceiling on rows per series. */
const MAX_STATS_ROWS = 10_000;

export async function hostStats(host: Host, since: number, until: number): Promise<HostStats> {
  // The limit counts rows, and net, disk and storage send one row per device per sample.
  const samples = Math.ceil((until - since) / (Math.max(1, host.interval_seconds || 30) * 1000));
  const limit = Math.min(MAX_STATS_ROWS, Math.max(1000, samples * 8));
  const url = `/admin/hosts/${encodeURIComponent(String(host.id))}/stats` + query({ since, until, limit });
  const data = await readJson<Partial<HostStats>>(await send('GET', url));
  return {
    host: data.host ?? host,
    interfaces: data.interfaces ?? [],
    disks: data.disks ?? [],
    cpu: data.cpu ?? [],
    mem: data.mem ?? [],
    net: data.net ?? [],
    disk: data.disk ?? [],
    storage: data.storage ?? [],
  };
}

// ---- Alerts ----

export type Alert = Record<string, unknown>;

export async function listAlerts(): Promise<Alert[]> {
  return readArray<Alert>(await send('GET', '/admin/alerts'));
}

// ---- Settings ----

export const SELF_REGISTRATION = 'self_registration';

export async function getSettings(): Promise<Record<string, string>> {
  const data = await readJson<unknown>(await send('GET', '/admin/settings'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('The server sent settings that could not be read');
  }
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) settings[name] = String(value);
  return settings;
}

export async function setSetting(name: string, value: string): Promise<void> {
  await send('PUT', `/admin/settings/${encodeURIComponent(name)}`, {
    headers: JSON_HEADERS,
    body: JSON.stringify({ value }),
  });
}

// ---- Self-registration (no token: plain fetch) ----

/** Whether the sign-in page may offer "Create an account"; any failure counts as no. */
export async function registrationEnabled(): Promise<boolean> {
  try {
    const res = await fetch('/auth/register', { cache: 'no-store' });
    if (!res.ok) return false;
    const data: unknown = await res.json();
    return typeof data === 'object' && data !== null && (data as { enabled?: unknown }).enabled === true;
  } catch {
    return false;
  }
}

export interface Registration {
  account: string;
  user: string;
  key: string;
  email: string;
}

function registrationError(status: number, body: string, account: string): Error {
  switch (status) {
    case 400:
      return new Error(bodyText(body) || 'The cluster did not accept these details');
    case 403:
      return new Error('Creating an account is switched off on this cluster');
    case 409:
      return new Error(`The account "${account}" already exists: choose another account name`);
    default:
      return new Error(describeStatus(status, body));
  }
}

/** Creates the account and its owner; the caller signs in next. */
export async function register(input: Registration): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/auth/register', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0);
  }
  if (!res.ok) {
    const body = await res.text().catch(() => '');
    throw registrationError(res.status, body, input.account);
  }
}
