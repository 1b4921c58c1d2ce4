import type { CheckConfig } from '../engine/config.ts';
import { engineDataInstalled, installEngineData } from '../engine/engine-data.ts';
import { readEngineData } from './engine-data-store.ts';
import { KEYS, onStorageChange, readEffective, type EffectiveState } from './storage.ts';

// Where the content script gets its configuration: the effective state the background worker
// derived (policy over user over defaults, and the protocol document in use), and a notice
// when it changes. The content script bundles no protocol of its own: until the worker has
// written the effective state (right after install), there is nothing to check against. Nor
// does it bundle the detectors' lexicons: it waits for those in the same way.

export function configFrom(effective: EffectiveState | undefined): CheckConfig | undefined {
  if (!effective) return undefined;
  const { settings } = effective;
  return {
    protocol: effective.protocol,
    role: settings.role,
    school: { name: settings.schoolName, aliases: settings.schoolAliases },
    ...(settings.jobTitle ? { jobTitle: settings.jobTitle } : {}),
    ...(settings.disclaimer ? { disclaimer: settings.disclaimer } : {}),
    ...(effective.noConsentNames.length ? { noConsentNames: effective.noConsentNames } : {}),
    ...(settings.timetable.length ? { timetable: settings.timetable } : {}),
  };
}

export interface LiveConfig {
  config: CheckConfig | undefined;
  /** Checks are paused by the user ("pauzeer 1 uur"). */
  paused: boolean;
  language: 'browser' | 'nl' | 'en';
}

function live(effective: EffectiveState | undefined): LiveConfig {
  return {
    config: configFrom(effective),
    paused: !!effective && effective.settings.pausedUntil > Date.now(),
    language: effective?.settings.uiLanguage ?? 'browser',
  };
}

/**
 * Calls back with the configuration now, whenever the effective settings change, and when a
 * pause runs out (nothing in storage changes then, so the watcher keeps the time itself).
 */
export function watchCheckConfig(callback: (next: LiveConfig) => void, signal: AbortSignal): void {
  let pauseEnd: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(pauseEnd));
  const emit = (effective: EffectiveState | undefined) => {
    if (signal.aborted) return;
    clearTimeout(pauseEnd);
    const next = live(effective);
    if (next.paused) pauseEnd = setTimeout(() => emit(effective), Math.min(effective!.settings.pausedUntil - Date.now() + 50, 2 ** 31 - 1));
    callback(next);
  };
  // The lexicons are installed once they are there; until then there is no configuration.
  const read = async () => {
    if (!engineDataInstalled()) {
      const data = await readEngineData();
      if (data) installEngineData(data);
    }
    const effective = await readEffective();
    return engineDataInstalled() ? effective : undefined;
  };
  onStorageChange((area, keys) => {
    if (area === 'local' && (keys.includes(KEYS.effective) || keys.includes(KEYS.engineData))) void read().then(emit);
  }, signal);
  void read().then(emit);
}
