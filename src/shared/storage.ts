import type { Protocol } from '../engine/protocol-schema.ts';
// Types and layout.ts only: the content script imports this module and must not bundle zod.
import { newerSettings, SETTINGS_KEY } from '../settings/layout.ts';
import type { Problem } from '../settings/merge.ts';
import type { Settings } from '../settings/schema.ts';
import { extensionApi } from './extension-api.ts';

// The door to extension storage (only src/shared/ touches extension APIs). MV3 chrome.* and
// Firefox's browser.* both return promises; no polyfill is needed for these few calls, which
// keeps the content script small.
//
// Areas (the layout and the quotas: src/settings/layout.ts): sync "settings" (the user's small
// settings, versioned, with savedAt; never the protocol's text nor the no-consent list), local
// "settings" (this device's copy of the same; the newer of the two applies), local
// "noConsentNames" (stays on this device), managed (the school's policy), local
// "managedPolicy" (the last policy the worker read from managed: Chromium's managed storage
// answers only seconds after start-up, and the school's policy must not lapse meanwhile), and
// local "effective": what the background worker derived from all of them, including the
// protocol document in use, for the content script and the pages to read; local "engineData":
// the detectors' lexicons, which the worker hands to the content script (engine-data-store.ts).

/** storage.sync holds the small settings that follow the user; a school's own protocol (often
 * larger than sync's 8,192 bytes per item) lives in storage.local under `customProtocol`. */
export const KEYS = {
  settings: SETTINGS_KEY,
  noConsentNames: 'noConsentNames',
  managedPolicy: 'managedPolicy',
  effective: 'effective',
  customProtocol: 'customProtocol',
  engineData: 'engineData',
  engineDataId: 'engineDataId',
} as const;

export interface EffectiveState {
  settings: Settings;
  protocol: Protocol;
  noConsentNames: string[];
  fromPolicy: (keyof Settings)[];
  locked: (keyof Settings)[];
  problems: { policy: Problem[]; settings: Problem[]; protocol: Problem[] };
  /** When this was derived (ms since epoch); the worker stores a new state only when it differs
   * in more than this. */
  at: number;
}

type Area = 'sync' | 'local' | 'managed';

export async function readArea(area: Area, keys?: string | string[]): Promise<Record<string, unknown>> {
  try {
    return (await extensionApi()?.storage?.[area].get(keys ?? null)) ?? {};
  } catch {
    // storage.managed throws in Firefox when no policy is deployed, and everything throws
    // once the extension context is gone: treat both as empty.
    return {};
  }
}

export async function writeArea(area: 'sync' | 'local', items: Record<string, unknown>): Promise<void> {
  await extensionApi()?.storage?.[area].set?.(items);
}

export async function readEffective(): Promise<EffectiveState | undefined> {
  return asEffective((await readArea('local', KEYS.effective))[KEYS.effective]);
}

function asEffective(stored: unknown): EffectiveState | undefined {
  return stored && typeof stored === 'object' ? (stored as EffectiveState) : undefined;
}

/** What the effective state is derived from, without waiting for storage.managed: the school's
 * policy is the last one the worker read (empty before it first read one). Also the stored
 * effective state, if any. */
export interface StoredInputs {
  /** The newer of the sync and local copies of the user's settings. */
  settings: unknown;
  /** The custom protocol's text from storage.local, if one was saved there. */
  customProtocol: unknown;
  noConsentNames: unknown;
  managed: unknown;
  effective: EffectiveState | undefined;
}

export async function readStoredInputs(): Promise<StoredInputs> {
  const [sync, local] = await Promise.all([readArea('sync', KEYS.settings), readArea('local', [KEYS.settings, KEYS.noConsentNames, KEYS.managedPolicy, KEYS.effective, KEYS.customProtocol])]);
  return {
    settings: newerSettings(sync[KEYS.settings], local[KEYS.settings]),
    customProtocol: local[KEYS.customProtocol],
    noConsentNames: local[KEYS.noConsentNames],
    managed: local[KEYS.managedPolicy] ?? {},
    effective: asEffective(local[KEYS.effective]),
  };
}

/** Calls back whenever storage changes in one of the areas; returns nothing, stops with the signal. */
export function onStorageChange(callback: (area: string, keys: string[]) => void, signal: AbortSignal): void {
  const events = extensionApi()?.storage?.onChanged;
  if (!events) return;
  const listener = (changes: Record<string, unknown>, area: string) => callback(area, Object.keys(changes));
  try {
    events.addListener(listener);
    signal.addEventListener('abort', () => {
      try {
        events.removeListener(listener);
      } catch {
        // The extension context is gone; nothing to remove.
      }
    });
  } catch {
    // No extension context.
  }
}
