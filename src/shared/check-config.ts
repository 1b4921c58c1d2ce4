import type { CheckConfig } from '../engine/config.ts';
import type { Protocol } from '../engine/protocol-schema.ts';
// The default protocol, for the moment before the background worker has written the
// effective settings (the content script carries no other protocol: the one in use comes
// from storage, custom protocols included).
import defaultProtocol from '../protocols/cvo-baarn-soest.json' with { type: 'json' };
import { KEYS, onStorageChange, readEffective, type EffectiveState } from './storage.ts';

// Where the content script gets its configuration: the effective state the background worker
// derived (policy over user over defaults), and a notice when it changes.

export function configFrom(effective: EffectiveState | undefined): CheckConfig {
  if (!effective) return { protocol: defaultProtocol as Protocol, role: 'employee', school: { name: '', aliases: [] } };
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
  config: CheckConfig;
  /** Checks are paused by the user ("pauzeer 1 uur"). */
  paused: boolean;
}

function live(effective: EffectiveState | undefined): LiveConfig {
  return { config: configFrom(effective), paused: !!effective && effective.settings.pausedUntil > Date.now() };
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
