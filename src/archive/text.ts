// Text repairs the exports need.

/**
 * Facebook and Instagram write UTF-8 text as if each byte were a Latin-1 character, escaped in
 * the JSON ("caf\u00c3\u00a9" for "café"). A string is repaired only when it has such characters,
 * none above U+00FF, and its bytes are valid UTF-8: proper text stays as it is.
 */
export function decodeMojibake(s: string): string {
  let suspicious = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) suspicious = true;
  }
  if (!suspicious) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  try {
    return utf8.decode(bytes);
  } catch {
    return s;
  }
}
const utf8 = new TextDecoder('utf-8', { fatal: true });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** X writes &amp; &lt; &gt; in full_text. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/** Seconds since the epoch -> ISO 8601, or '' for a missing or absurd value. */
export function isoFromSeconds(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 4102444800) return '';
  return new Date(seconds * 1000).toISOString();
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** X's created_at, "Wed Oct 10 20:19:24 +0000 2018", or an ISO string (note-tweet createdAt). */
export function isoFromXDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(value.trim());
  if (m) {
    const month = MONTHS[m[1]!];
    if (month === undefined) return '';
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    const utc = Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset * 60_000;
    return Number.isFinite(utc) ? new Date(utc).toISOString() : '';
  }
  const t = Date.parse(value);
  return Number.isFinite(t) && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(t).toISOString() : '';
}

/** An own property of a parsed JSON object, or undefined: keys like "__proto__" are data. */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
