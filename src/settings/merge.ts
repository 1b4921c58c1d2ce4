import type { z } from 'zod';
import { parseWorded } from '../engine/issue-text.ts';
import { own } from '../engine/own-keys.ts';
import { DEFAULT_SETTINGS, POLICY_KEYS, policySchema, SETTINGS_VERSION, settingsSchema, type Policy, type Settings } from './schema.ts';

// Reading settings and policy without ever losing the good parts: each key is validated on
// its own, an invalid or unknown one is reported (path and reason) and ignored, the rest
// applies. Effective settings = policy over user over defaults.

export interface Problem {
  key: string;
  reason: string;
}

function readKeys<S extends z.ZodObject>(schema: S, raw: unknown, label: string): { value: Partial<z.output<S>>; problems: Problem[] } {
  const problems: Problem[] = [];
  const value: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return { value: value as Partial<z.output<S>>, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: value as Partial<z.output<S>>, problems: [{ key: label, reason: 'geen object (not an object)' }] };
  }
  for (const [key, input] of Object.entries(raw)) {
    // Own keys only: "constructor" or "toString" are unknown settings, not Object's members.
    const field = own(schema.shape as Record<string, z.ZodType>, key);
    if (!field) {
      problems.push({ key, reason: 'onbekende instelling (unknown setting)' });
      continue;
    }
    const parsed = parseWorded(field, input);
    if (parsed.success) value[key] = parsed.data;
    else problems.push({ key, reason: parsed.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.reason}`).join('; ') });
  }
  return { value: value as Partial<z.output<S>>, problems };
}

/** Stored user settings: versioned, migrated, the valid parts kept and the rest defaulted.
 * `localCustomProtocol` is the custom protocol from storage.local (too big for a sync item);
 * settings of the old layout kept it inside the sync settings, which count when local has none. */
export function readStoredSettings(stored: unknown, localCustomProtocol?: unknown): { settings: Settings; problems: Problem[]; migratedFrom?: number } {
  let raw = stored;
  let migratedFrom: number | undefined;
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, 'version')) {
    const envelope = raw as { version: unknown; settings?: unknown };
    const from = versionOf(envelope.version);
    if (from !== SETTINGS_VERSION) migratedFrom = from;
    raw = migrate(from, Object.hasOwn(envelope, 'settings') ? envelope.settings : undefined);
  } else if (raw !== undefined && raw !== null) {
    // Version 0: the flat object of the first builds.
    migratedFrom = 0;
    raw = migrate(0, raw);
  }
  const { value, problems } = readKeys(settingsSchema, raw, 'settings');
  if (typeof localCustomProtocol === 'string' && localCustomProtocol.trim()) {
    const local = parseWorded(settingsSchema.shape.customProtocol, localCustomProtocol);
    if (local.success) value.customProtocol = local.data;
    else problems.push({ key: 'customProtocol', reason: local.issues.map((i) => i.reason).join('; ') });
  }
  return { settings: { ...DEFAULT_SETTINGS, ...value }, problems, ...(migratedFrom !== undefined ? { migratedFrom } : {}) };
}

/** The exported form of user settings (a settings file): the whole settings, protocol included. */
export function exportForm(settings: Settings): { postwijs: 1; version: number; settings: Settings } {
  return { postwijs: 1, version: SETTINGS_VERSION, settings };
}

/** A stored version as a step to migrate from: 0 for anything that is not a known version (a
 * hostile -1e9 must not become a billion migration steps). */
function versionOf(version: unknown): number {
  // Only a number or its text: Number() of an object calls its "valueOf"/"toString" members,
  // and a stored {"toString": 0} makes that throw.
  const n = typeof version === 'number' ? version : typeof version === 'string' ? Number(version) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= SETTINGS_VERSION ? n : 0;
}

/** A settings file as a user or school hands it in: PostWijs's export (`{ postwijs: 1, version,
 * settings }`), a stored envelope, or the bare settings object. */
export function readSettingsFile(raw: unknown): { settings: Settings; problems: Problem[] } {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, 'settings')) {
    const { postwijs: _marker, savedAt: _savedAt, version, settings, ...rest } = raw as Record<string, unknown>;
    const read = readStoredSettings({ version: version ?? 1, settings });
    const extra = Object.keys(rest).map((key) => ({ key, reason: 'onbekende sleutel (unknown key)' }));
    return { settings: read.settings, problems: [...extra, ...read.problems] };
  }
  const read = readStoredSettings(raw);
  return { settings: read.settings, problems: read.problems };
}

/** Upgrades older stored shapes step by step to the current version. */
function migrate(from: number, settings: unknown): unknown {
  let value = settings;
  for (let version = from; version < SETTINGS_VERSION; version++) value = MIGRATIONS[version]?.(value) ?? value;
  return value;
}

const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  // 0 -> 1: "school" was one string with aliases after commas; "language" became "uiLanguage".
  0: (old) => {
    // A list is not a flat settings object: left as it is, it is reported as not an object.
    if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
    const { school, language, ...rest } = old as Record<string, unknown>;
    const next: Record<string, unknown> = { ...rest };
    if (typeof school === 'string' && !('schoolName' in next)) {
      const [name, ...aliases] = school.split(',').map((s) => s.trim()).filter(Boolean);
      if (name) next.schoolName = name;
      if (aliases.length && !('schoolAliases' in next)) next.schoolAliases = aliases;
    }
    // A "school" that is not text is kept under its new name, where it is reported as invalid.
    else if (school !== undefined && !('schoolName' in next)) next.schoolName = school;
    if (language !== undefined && !('uiLanguage' in next)) next.uiLanguage = language;
    return next;
  },
  // 1 -> 2: the settings are the same; only the envelope gained `savedAt` (layout.ts).
  1: (old) => old,
};

/** A managed policy from the school: invalid values are ignored one by one, with the reason. */
export function readPolicy(raw: unknown): { policy: Policy; problems: Problem[] } {
  const { value, problems } = readKeys(policySchema, raw, 'policy');
  return { policy: value, problems };
}

export interface Effective {
  settings: Settings;
  /** Keys whose value comes from the school's policy. */
  fromPolicy: (keyof Settings)[];
  /** Keys the user may not change (policy set them and locked is true). */
  locked: (keyof Settings)[];
}

/** Policy over user over defaults. */
export function effectiveSettings(user: Settings, policy: Policy): Effective {
  const fromPolicy: (keyof Settings)[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, ...user };
  for (const key of POLICY_KEYS) {
    if (key === 'locked' || key === 'noConsentNames') continue;
    const value = policy[key];
    if (value === undefined) continue;
    (settings as Record<string, unknown>)[key] = value;
    fromPolicy.push(key as keyof Settings);
  }
  return { settings, fromPolicy, locked: policy.locked ? [...fromPolicy] : [] };
}
