import type { CheckConfig } from '../engine/config.ts';
import { KEYS, onStorageChange, readEffective, type EffectiveState } from './storage.ts';

// Where the content script gets its configuration: the effective state the background worker
// derived (policy over user over defaults, and the protocol document in use), and a notice
// when it changes. The content script bundles no protocol of its own: until the worker has
// written the effective state (right after install), there is nothing to check against.

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

export async function loadCheckConfig(): Promise<LiveConfig> {
  return live(await readEffective());
}

/** Calls back with the new configuration whenever the effective settings change. */
export function watchCheckConfig(callback: (next: LiveConfig) => void, signal: AbortSignal): void {
  onStorageChange((area, keys) => {
    if (area === 'local' && keys.includes(KEYS.effective)) void readEffective().then((e) => callback(live(e)));
  }, signal);
}
