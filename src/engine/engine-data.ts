import type affiliation from '../lexicons/affiliation.json';
import type confidential from '../lexicons/confidential.json';
import type disclaimer from '../lexicons/disclaimer.json';
import type firstNames from '../lexicons/first-names.json';
import type offensive from '../lexicons/offensive.json';
import type phoneMetadata from '../lexicons/phone-metadata.json';
import type privacy from '../lexicons/privacy.json';
import type pupils from '../lexicons/pupils.json';
import type school from '../lexicons/school.json';
import type { StoredTextModel } from './model/text-model.ts';

// The detectors' data (the lexicons, the first-name list, the phone-number metadata, the learned
// model) is not imported by the detectors themselves but installed once, before the first check.
// Node (the CLI, tests, scripts) installs the bundled files (bundled-engine-data.ts); the
// content script gets them from the background worker through storage.local, so that about
// 25 KB gzip of lexicons and 100 KB gzip of model do not ship inside the script injected into
// every page of the three sites.
// The types come from the files (type-only imports: nothing is bundled by them); the copies
// the bundles get have no `meaning` or `examples` (vite.config.ts), which no detector reads.

export interface EngineData {
  school: typeof school;
  pupils: typeof pupils;
  affiliation: typeof affiliation;
  disclaimer: typeof disclaimer;
  privacy: typeof privacy;
  offensive: typeof offensive;
  confidential: typeof confidential;
  firstNames: typeof firstNames;
  phoneMetadata: typeof phoneMetadata;
  textModel: StoredTextModel;
}

export const ENGINE_DATA_PARTS = ['school', 'pupils', 'affiliation', 'disclaimer', 'privacy', 'offensive', 'confidential', 'firstNames', 'phoneMetadata', 'textModel'] as const;

let installed: EngineData | undefined;
let generation = 0;

export function installEngineData(data: EngineData): void {
  if (data === installed) return;
  installed = data;
  generation++;
}

export function engineDataInstalled(): boolean {
  return installed !== undefined;
}

/** Does the value have every part of the engine data (as read back from storage)? */
export function isEngineData(value: unknown): value is EngineData {
  return !!value && typeof value === 'object' && ENGINE_DATA_PARTS.every((part) => Object.hasOwn(value, part) && typeof (value as Record<string, unknown>)[part] === 'object');
}

/**
 * What a detector builds from the data (its sets and regular expressions), built on first use
 * and again only if other data is installed.
 */
export function fromEngineData<T>(build: (data: EngineData) => T): () => T {
  let builtFor = -1;
  let value: T;
  return () => {
    if (builtFor !== generation) {
      if (!installed) throw new Error('PostWijs: the engine data is not installed (installEngineData) before the first check.');
      value = build(installed);
      builtFor = generation;
    }
    return value;
  };
}
