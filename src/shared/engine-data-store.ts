import { isEngineData, type EngineData } from '../engine/engine-data.ts';
import { KEYS, readArea, writeArea } from './storage.ts';

// The detectors' data travels from the background worker (which bundles it) to the content
// script through storage.local, tagged with the build it came from: a content script never
// uses the lexicons of another version of the extension (after an update, until the worker
// has written the new ones, it waits as it does for the effective settings).

declare const __POSTWIJS_ENGINE_DATA_ID__: string | undefined;
export const ENGINE_DATA_ID = typeof __POSTWIJS_ENGINE_DATA_ID__ === 'string' ? __POSTWIJS_ENGINE_DATA_ID__ : 'development';

interface StoredEngineData {
  id: string;
  data: EngineData;
}

export async function readEngineData(): Promise<EngineData | undefined> {
  const stored = (await readArea('local', KEYS.engineData))[KEYS.engineData] as Partial<StoredEngineData> | undefined;
  return stored && stored.id === ENGINE_DATA_ID && isEngineData(stored.data) ? stored.data : undefined;
}

/**
 * Stores the data unless this build's is already there. The worker starts often (on every event
 * after being idle): it reads only the small id beside the data (about 70 KB), not the data.
 */
export async function storeEngineData(data: EngineData): Promise<void> {
  if ((await readArea('local', KEYS.engineDataId))[KEYS.engineDataId] === ENGINE_DATA_ID) return;
  await writeArea('local', { [KEYS.engineData]: { id: ENGINE_DATA_ID, data } satisfies StoredEngineData, [KEYS.engineDataId]: ENGINE_DATA_ID });
}
