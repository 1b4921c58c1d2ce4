import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA_FILE, managedSchema } from '../scripts/gen-managed-schema.ts';
import { effectiveSettings, exportForm, readPolicy, readSettingsFile, readStoredSettings } from '../src/settings/merge.ts';
import { budgetOf, envelopeOf, itemBytes, newerSettings, STORAGE_QUOTAS, syncFailureOf, utf8Bytes } from '../src/settings/layout.ts';
import { DEFAULT_SETTINGS, POLICY_KEYS, settingsSchema } from '../src/settings/schema.ts';

describe('settings schema', () => {
  it('gives a complete default for every setting', () => {
    expect(DEFAULT_SETTINGS).toEqual(settingsSchema.parse({}));
    expect(DEFAULT_SETTINGS.protocol).toBe('algemeen');
    expect(DEFAULT_SETTINGS.pausedUntil).toBe(0);
  });
  it('rejects a lesson block that ends before it starts, and bad times', () => {
    expect(settingsSchema.shape.timetable.safeParse([{ day: 'mon', from: '10:00', to: '09:00' }]).success).toBe(false);
    expect(settingsSchema.shape.timetable.safeParse([{ day: 'mon', from: '8:30', to: '09:00' }]).success).toBe(false);
    expect(settingsSchema.shape.timetable.safeParse([{ day: 'mon', from: '08:30', to: '09:20' }]).success).toBe(true);
  });
});

describe('stored settings', () => {
  it('round-trips through the stored form', () => {
    const settings = { ...DEFAULT_SETTINGS, schoolName: 'OBS Het Spectrum', role: 'director' as const };
    expect(readStoredSettings(envelopeOf(settings, 1))).toEqual({ settings, problems: [] });
  });
  it('keeps the valid parts of corrupt storage, defaults the rest, and reports each problem', () => {
    const { settings, problems } = readStoredSettings({ version: 1, settings: { schoolName: 'Griftland College', role: 'teacher', timetable: 'always', bogus: 1 } });
    expect(settings.schoolName).toBe('Griftland College');
    expect(settings.role).toBe(DEFAULT_SETTINGS.role);
    expect(settings.timetable).toEqual([]);
    expect(problems.map((p) => p.key).sort()).toEqual(['bogus', 'role', 'timetable']);
  });
  it('survives anything stored at all', () => {
    for (const junk of [null, undefined, 42, 'x', [], { version: 'nope' }, { version: 1, settings: 'x' }]) {
      expect(() => readStoredSettings(junk)).not.toThrow();
      expect(readStoredSettings(junk).settings.protocol).toBe(DEFAULT_SETTINGS.protocol);
    }
  });
  it('migrates version 0 (flat, school with aliases after commas, language) to the current version', () => {
    const { settings, migratedFrom, problems } = readStoredSettings({ school: 'Waldheim-mavo, Waldheim', language: 'en', role: 'director' });
    expect(migratedFrom).toBe(0);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ schoolName: 'Waldheim-mavo', schoolAliases: ['Waldheim'], uiLanguage: 'en', role: 'director' });
  });
});

describe('policy', () => {
  it('ignores invalid values one by one, with the reason, and applies the rest', () => {
    const { policy, problems } = readPolicy({ protocol: 'ooh', role: 'rector', schoolAliases: ['Spectrum', 7], locked: true, colour: 'blue' });
    expect(policy).toEqual({ protocol: 'ooh', locked: true });
    expect(problems.map((p) => p.key).sort()).toEqual(['colour', 'role', 'schoolAliases']);
    expect(problems.find((p) => p.key === 'role')!.reason).toMatch(/employee/);
  });
  it('policy over user over defaults, locked only what the policy sets', () => {
    const user = { ...DEFAULT_SETTINGS, schoolName: 'Mijn school', jobTitle: 'docent', role: 'parent' as const };
    const { settings, fromPolicy, locked } = effectiveSettings(user, { schoolName: 'OBS Het Spectrum', protocol: 'ooh', locked: true });
    expect(settings).toMatchObject({ schoolName: 'OBS Het Spectrum', protocol: 'ooh', jobTitle: 'docent', role: 'parent' });
    expect(fromPolicy.sort()).toEqual(['protocol', 'schoolName']);
    expect(locked.sort()).toEqual(['protocol', 'schoolName']);
    expect(effectiveSettings(user, { schoolName: 'X' }).locked).toEqual([]);
  });
});

describe('managed storage schema', () => {
  it('is generated from the policy schema (regenerate: npx tsx scripts/gen-managed-schema.ts)', () => {
    expect(JSON.parse(readFileSync(MANAGED_SCHEMA_FILE, 'utf8'))).toEqual(managedSchema());
  });
  it('is the subset Chrome accepts: a top-level object, every key typed, no additionalProperties or required', () => {
    const schema = managedSchema() as { type: string; properties: Record<string, { type?: string }> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/additionalProperties|"required"|\$schema|anyOf|oneOf|allOf/);
    for (const value of Object.values(schema.properties)) expect(typeof value.type).toBe('string');
  });
});

describe('hostile keys', () => {
  const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  for (const key of HOSTILE) {
    it(`"${key}" is an unknown key in stored settings, a settings file and a policy, never a crash`, () => {
      const raw = JSON.parse(`{"${key}": {"x": 1}, "schoolName": "OBS De Klimop"}`);
      for (const read of [readStoredSettings({ version: 2, savedAt: 1, settings: raw }), readStoredSettings(raw), readSettingsFile(raw), readSettingsFile({ postwijs: 1, version: 1, settings: raw })]) {
        expect(read.settings.schoolName).toBe('OBS De Klimop');
        expect(read.problems).toEqual([{ key, reason: 'onbekende instelling (unknown setting)' }]);
      }
      const policy = readPolicy(raw);
      expect(policy.policy).toEqual({ schoolName: 'OBS De Klimop' });
      expect(policy.problems.map((p) => p.key)).toEqual([key]);
      expect(Object.getPrototypeOf(policy.policy)).toBe(Object.prototype);
    });
  }
  it('a hostile version does not become a billion migration steps', () => {
    for (const version of [-1e12, 1e12, 'x', null, 1.5, Infinity]) {
      const started = performance.now();
      expect(readStoredSettings({ version, settings: { schoolName: 'X' } }).settings.schoolName).toBe('X');
      expect(performance.now() - started).toBeLessThan(50);
    }
  });
});

describe('storage layout (settings/layout.ts)', () => {
  it('the newer of the sync and local copies applies; one written before savedAt counts as oldest; a tie keeps this device’s', () => {
    const sync = envelopeOf({ ...DEFAULT_SETTINGS, schoolName: 'sync' }, 200);
    const local = envelopeOf({ ...DEFAULT_SETTINGS, schoolName: 'local' }, 100);
    expect(newerSettings(sync, local)).toBe(sync);
    expect(newerSettings({ ...sync, savedAt: 50 }, local)).toBe(local);
    expect(newerSettings({ ...sync, savedAt: 100 }, local)).toBe(local);
    const old = { version: 1, settings: { schoolName: 'v1' } };
    expect(newerSettings(old, local)).toBe(local);
    expect(newerSettings(old, undefined)).toBe(old);
    expect(newerSettings(undefined, local)).toBe(local);
    expect(newerSettings({ savedAt: 'soon' }, local)).toBe(local);
  });
  it('settings of the previous layout (version 1 in sync, the protocol in local) read the same', () => {
    const v1 = { version: 1, settings: { ...DEFAULT_SETTINGS, schoolName: 'Griftland College', role: 'director', customProtocol: '' } };
    const read = readStoredSettings(newerSettings(v1, undefined), '{"id":"eigen"}');
    expect(read.problems).toEqual([]);
    expect(read.migratedFrom).toBe(1);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, schoolName: 'Griftland College', role: 'director', customProtocol: '{"id":"eigen"}' });
  });
  it('counts bytes as the browsers do: the key plus the value as JSON, in UTF-8', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('€')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(itemBytes('settings', { a: 'é' })).toBe('settings'.length + '{"a":"é"}'.length + 1);
  });
  it('the protocol never counts against sync; the largest valid small settings are flagged when they do not fit a sync item', () => {
    const withProtocol = budgetOf({ ...DEFAULT_SETTINGS, customProtocol: 'x'.repeat(150_000) });
    expect(withProtocol.fitsSync).toBe(true);
    expect(withProtocol.local).toBeGreaterThan(150_000);
    const largest = budgetOf({
      ...DEFAULT_SETTINGS,
      schoolAliases: Array.from({ length: 30 }, () => '😀'.repeat(40)),
      disclaimer: '😀'.repeat(300),
      timetable: Array.from({ length: 100 }, () => ({ day: 'mon' as const, from: '08:00', to: '09:00' })),
    });
    expect(largest.syncItem).toBeGreaterThan(STORAGE_QUOTAS.sync.bytesPerItem);
    expect(largest.fitsSync).toBe(false);
    expect(largest.fitsLocal).toBe(true);
  });
  it('names why a sync write failed, from Chromium’s and Firefox’s messages', () => {
    expect(syncFailureOf('QUOTA_BYTES_PER_ITEM quota exceeded')).toBe('item-too-large');
    expect(syncFailureOf('QUOTA_BYTES quota exceeded')).toBe('area-full');
    expect(syncFailureOf('MAX_ITEMS quota exceeded')).toBe('area-full');
    expect(syncFailureOf('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded')).toBe('too-many-writes');
    expect(syncFailureOf('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).toBe('area-full');
    expect(syncFailureOf('Extension context invalidated.')).toBe('other');
  });
  it('a settings file: the export round-trips, extra top-level keys are reported', () => {
    const settings = { ...DEFAULT_SETTINGS, schoolName: 'OBS Het Spectrum', customProtocol: '{"id":"x"}' };
    expect(readSettingsFile(JSON.parse(JSON.stringify(exportForm(settings))))).toEqual({ settings, problems: [] });
    expect(readSettingsFile({ ...exportForm(settings), extra: 1 }).problems).toEqual([{ key: 'extra', reason: 'onbekende sleutel (unknown key)' }]);
  });
});
