/** What a quota field holds: no quota (empty), a number, or words for why it cannot be read. */
export type Parsed = { ok: true; value: number | null } | { ok: false; problem: string };

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  p: 1e15,
  pb: 1e15,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  pib: 1024 ** 5,
};

/** "5 GB", "1.5TiB", "1000000" → bytes (decimal units, like the usage figures); "" → no quota. */
export function parseBytes(text: string): Parsed {
  const trimmed = text.trim().replace(/,/g, '');
  if (!trimmed) return { ok: true, value: null };
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(trimmed);
  const factor = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || factor === undefined) {
    return { ok: false, problem: 'Write the size as a number of bytes or with a unit, like 500 MB or 2 GB' };
  }
  const value = Math.round(Number(match[1]) * factor);
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'The size is too large' };
  return { ok: true, value };
}

export function parseCount(text: string): Parsed {
  const trimmed = text.trim().replace(/,/g, '');
  if (!trimmed) return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'The object count must be a whole number' };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'The object count is too large' };
  return { ok: true, value };
}

export function fieldText(value: number | null): string {
  return value === null ? '' : String(value);
}
