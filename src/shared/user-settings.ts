import { envelopeOf, itemBytes, sameStored, STORAGE_QUOTAS, syncFailureOf, type SyncFailure } from '../settings/layout.ts';
import { readStoredSettings, type Problem } from '../settings/merge.ts';
import type { Settings } from '../settings/schema.ts';
import { KEYS, readArea, readStoredInputs, writeArea } from './storage.ts';

// Saving and reading the user's own settings, for the pages (settings, popup, review). Apart
// from storage.ts because reading validates with zod, which the content script must not bundle.

/** How a save went: `synced` false means saved on this device, not in the browser's sync. */
export type SaveOutcome = { synced: true } | { synced: false; failure: SyncFailure | 'too-large-for-sync'; detail: string };

/** Saves the user's settings: this device's copy, the custom protocol and the no-consent list
 * to storage.local, then the small settings to storage.sync. Rejects, with the browser's
 * reason, when the local write fails or does not read back as written: then nothing is
 * reported as saved. A sync write that fails leaves the local save in force and says why. */
export async function saveUserSettings(settings: Settings, noConsentNames?: string[], now = Date.now()): Promise<SaveOutcome> {
  const envelope = envelopeOf(settings, now);
  const local: Record<string, unknown> = { [KEYS.settings]: envelope, [KEYS.customProtocol]: settings.customProtocol };
  if (noConsentNames) local[KEYS.noConsentNames] = noConsentNames;
  await writeArea('local', local);
  const back = await readArea('local', Object.keys(local));
  if (!Object.keys(local).every((key) => sameStored(back[key], local[key]))) throw new Error('storage.local gaf iets anders terug dan er werd opgeslagen (storage.local did not read back what was written)');
  const bytes = itemBytes(KEYS.settings, envelope);
  if (bytes > STORAGE_QUOTAS.sync.bytesPerItem) return { synced: false, failure: 'too-large-for-sync', detail: `${bytes} > ${STORAGE_QUOTAS.sync.bytesPerItem}` };
  try {
    await writeArea('sync', { [KEYS.settings]: envelope });
  } catch (error) {
    const detail = (error as Error)?.message ?? String(error);
    return { synced: false, failure: syncFailureOf(detail), detail };
  }
  return { synced: true };
}

/** The user's own settings as stored (not the school's policy over them): the newer of the
 * sync and local copies, with the protocol and the no-consent list from storage.local. */
export async function readUserSettings(): Promise<{ settings: Settings; problems: Problem[]; noConsentNames: string[] }> {
  const stored = await readStoredInputs();
  const read = readStoredSettings(stored.settings, stored.customProtocol);
  const names = Array.isArray(stored.noConsentNames) ? stored.noConsentNames.filter((n): n is string => typeof n === 'string') : [];
  return { settings: read.settings, problems: read.problems, noConsentNames: names };
}

