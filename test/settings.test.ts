import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA_FILE, managedSchema } from '../scripts/gen-managed-schema.ts';
import { effectiveSettings, readPolicy, readStoredSettings, storedForm } from '../src/shared/settings-merge.ts';
import { DEFAULT_SETTINGS, POLICY_KEYS, settingsSchema } from '../src/shared/settings-schema.ts';

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
    expect(readStoredSettings(storedForm(settings))).toEqual({ settings, problems: [] });
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
