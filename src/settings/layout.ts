import type { Settings } from './schema.ts';

// Where the user's settings live, and what fits there. Pure: the settings page, the popup and
// the worker use it through src/shared/storage.ts, and `postwijs settings check` uses it in
// Node to say whether a file fits before a school deploys it.
//
// Two areas, two purposes:
// - storage.sync follows the user to their other browsers, but is small: 8,192 bytes per item,
//   102,400 bytes and 512 items in all, 120 writes a minute and 1,800 an hour. Chromium and
//   Firefox (from 79) enforce the same numbers; both measure an item as its key's length plus
//   its value as JSON. Sources: Chromium's extensions/common/api/storage.json (the
//   QUOTA_BYTES* properties and their descriptions), Mozilla application-services
//   webext_storage (SYNC_QUOTA_BYTES_PER_ITEM = 8_192, SYNC_QUOTA_BYTES, SYNC_MAX_ITEMS), and
//   the Firefox 79 enforcement described in EFForg/https-everywhere#19880.
// - storage.local stays on this device and is large: 10 MB in Chromium without the
//   unlimitedStorage permission (which PostWijs does not ask for); Firefox sets no quota of its
//   own on it.
//
// So the small settings (role, school, job title, language, timetable …) are written to both:
// storage.local first, as this device's copy, then storage.sync. A school's own protocol and
// the no-consent list live in storage.local only. Both copies carry `savedAt`, and the newer
// one applies: a save on another browser arrives through sync and wins, while a save whose
// sync write failed (too big, sync area full, too many writes) still applies on this device.

/** The stored settings' version. 2: the envelope carries `savedAt`, and a copy of it is kept in
 * storage.local. Here, not in schema.ts, so that reading storage needs no zod. */
export const SETTINGS_VERSION = 2;

export const STORAGE_QUOTAS = {
  sync: { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512, writesPerMinute: 120, writesPerHour: 1_800 },
  /** Chromium's storage.local without unlimitedStorage; Firefox sets none. */
  local: { bytes: 10_485_760 },
} as const;

/** The storage keys of the user's settings (see src/shared/storage.ts for all keys). */
export const SETTINGS_KEY = 'settings';

/** The stored form: the small settings, with the moment they were saved. `customProtocol` is
 * always '' here (the protocol's text is stored on its own in storage.local). */
export interface StoredEnvelope {
  version: number;
  savedAt: number;
  settings: Omit<Settings, 'customProtocol'> & { customProtocol: '' };
}

export function envelopeOf(settings: Settings, savedAt: number): StoredEnvelope {
  return { version: SETTINGS_VERSION, savedAt, settings: { ...settings, customProtocol: '' } };
}

/** UTF-8 bytes of a string: both browsers count bytes, not UTF-16 code units. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What one item costs in storage.sync: its key plus its value as JSON. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

export interface Budget {
  /** Bytes of the settings item in storage.sync. */
  syncItem: number;
  /** Bytes of everything PostWijs keeps of the user's in storage.local. */
  local: number;
  /** The settings item fits sync's per-item limit. */
  fitsSync: boolean;
  /** Everything fits storage.local (Chromium's 10 MB). */
  fitsLocal: boolean;
}

/** Whether settings (with their protocol and no-consent list) fit both areas. */
export function budgetOf(settings: Settings, noConsentNames: readonly string[] = [], savedAt = Date.now()): Budget {
  const envelope = envelopeOf(settings, savedAt);
  const syncItem = itemBytes(SETTINGS_KEY, envelope);
  const local = syncItem + itemBytes('customProtocol', settings.customProtocol) + itemBytes('noConsentNames', noConsentNames);
  return { syncItem, local, fitsSync: syncItem <= STORAGE_QUOTAS.sync.bytesPerItem, fitsLocal: local <= STORAGE_QUOTAS.local.bytes };
}

/** Of the copy in storage.sync and the one in storage.local, the one that applies: the newer
 * by `savedAt`; an envelope without it (written before this layout) counts as oldest; on a tie
 * this device's copy. Either may be anything at all (it is read back from storage). */
export function newerSettings(sync: unknown, local: unknown): unknown {
  if (local === undefined || local === null) return sync;
  if (sync === undefined || sync === null) return local;
  return savedAtOf(sync) > savedAtOf(local) ? sync : local;
}

function savedAtOf(stored: unknown): number {
  if (!stored || typeof stored !== 'object' || !Object.hasOwn(stored, 'savedAt')) return 0;
  const at = (stored as { savedAt: unknown }).savedAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : 0;
}

/** Why a sync write failed, from the browser's message: Chromium says "QUOTA_BYTES_PER_ITEM
 * quota exceeded", "QUOTA_BYTES quota exceeded", "MAX_ITEMS quota exceeded" or
 * "MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded" (the names of storage.json); Firefox says
 * "QuotaExceededError: storage.sync API call exceeded its quota limitations." for all of them
 * (seen in philc/vimium#4479 and FrostCo/AdvancedProfanityFilter#383). */
export type SyncFailure = 'item-too-large' | 'area-full' | 'too-many-writes' | 'other';

export function syncFailureOf(message: string): SyncFailure {
  if (/QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/i.test(message)) return 'item-too-large';
  if (/MAX_(?:SUSTAINED_)?WRITE_OPERATIONS/i.test(message)) return 'too-many-writes';
  if (/QUOTA_BYTES|MAX_ITEMS|QuotaExceeded|quota/i.test(message)) return 'area-full';
  return 'other';
}

/** Whether two values are equal as storage keeps them: Chromium's storage hands objects back
 * with their keys sorted, and drops undefined members. */
export function sameStored(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
