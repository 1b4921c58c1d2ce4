import fc from 'fast-check';
import type { z } from 'zod';
import { ROLES, WEEKDAYS } from '../../src/engine/types.ts';
import { safeParseOf } from '../../src/engine/issue-text.ts';
import { PROTOCOL_CHOICES, policySchema, settingsSchema } from '../../src/settings/schema.ts';
import { junkKey, jsonJunk, objectOf, oddText, oddUnit } from './arbitraries.ts';

// Valid and invalid values for every settings and policy key, written from the schema's
// meaning (not derived from it), so that the schema can be the judge of what the readers kept.

/** C0/C1 controls but tab and line breaks, and bidi embeddings, overrides and isolates. */
export const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Text a trimming schema keeps: at most `max` characters once trimmed, perhaps padded. */
const text = (max: number, min = 0) =>
  fc
    .tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.string({ unit: oddUnit, maxLength: Math.min(max, 60) }), fc.constantFrom('', ' ', '\n'))
    // Without invisible controls, which the schema refuses (see NEAR_MISSES).
    .map(([before, body, after]) => `${before}${body.replace(CONTROLS, '').trim().slice(0, max)}${after}`)
    .filter((s) => s.trim().length >= min && s.trim().length <= max);

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const lessonBlock = fc
  .record({ day: fc.constantFrom(...WEEKDAYS), times: fc.uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 2, maxLength: 2 }) })
  .map(({ day, times }) => {
    const [from, to] = [...times].sort((a, b) => a - b);
    return { day, from: hhmm(from!), to: hhmm(to!) };
  });

const VALID_SETTINGS = {
  protocol: fc.constantFrom(...PROTOCOL_CHOICES),
  customProtocol: fc.oneof(oddText({ maxLength: 200 }), fc.constantFrom('', '{"id":"eigen"}')),
  schoolName: text(120),
  schoolAliases: fc.array(text(80, 1), { maxLength: 30 }),
  role: fc.constantFrom(...ROLES),
  jobTitle: text(120),
  disclaimer: text(600),
  timetable: fc.array(lessonBlock, { maxLength: 12 }),
  uiLanguage: fc.constantFrom('browser', 'nl', 'en'),
  pausedUntil: fc.oneof(fc.maxSafeNat(), fc.constant(0)),
} satisfies Record<keyof typeof settingsSchema.shape, fc.Arbitrary<unknown>>;

/** Values each key must refuse: wrong types, out of range, and the near misses. */
const NEAR_MISSES: Record<string, unknown[]> = {
  protocol: ['Algemeen', 'custom ', '', 'ooh2', 0],
  customProtocol: [42, { id: 'x' }, ['{}']],
  schoolName: ['x'.repeat(121), 7, ['OBS'], 'OBS \u202EDe Klimop', 'De\u0007 Klimop'],
  schoolAliases: [[''], ['  '], ['x'.repeat(81)], Array.from({ length: 31 }, (_, i) => `S${i}`), 'Spectrum', [7]],
  role: ['teacher', 'Employee', ''],
  jobTitle: ['x'.repeat(121), false, 'docent\u2066'],
  disclaimer: ['x'.repeat(601), {}, 'Op persoonlijke titel\u001B[2J'],
  timetable: [
    [{ day: 'mon', from: '10:00', to: '09:00' }],
    [{ day: 'mon', from: '8:30', to: '09:00' }],
    [{ day: 'maandag', from: '08:00', to: '09:00' }],
    [{ day: 'mon', from: '24:00', to: '24:30' }],
    [{ day: 'mon', from: '08:00' }],
    Array.from({ length: 101 }, () => ({ day: 'mon', from: '08:00', to: '09:00' })),
    'always',
  ],
  uiLanguage: ['de', 'NL', null],
  pausedUntil: [-1, 1.5, '5', Number.NaN, Number.POSITIVE_INFINITY, null],
  noConsentNames: [[''], ['x'.repeat(81)], 'Sem', [1], ['Sem\u202E']],
  locked: ['true', 1, null],
};

const invalidFor = (schema: z.ZodType, key: string) =>
  fc.oneof(fc.constantFrom(...(NEAR_MISSES[key] ?? [null])), jsonJunk).filter((v) => v !== undefined && !safeParseOf(schema, v)?.success);

export const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];
export const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof typeof policySchema.shape)[];

/** A key's fate in a generated input. */
export type Entry = { kind: 'absent' } | { kind: 'valid'; value: unknown } | { kind: 'invalid'; value: unknown };

const entryFor = (schema: z.ZodType, key: string, valid: fc.Arbitrary<unknown>): fc.Arbitrary<Entry> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'absent' } as const) },
    { weight: 3, arbitrary: valid.map((value) => ({ kind: 'valid', value }) as const) },
    { weight: 1, arbitrary: invalidFor(schema, key).map((value) => ({ kind: 'invalid', value }) as const) },
  );

/** A generated settings object: each key absent, valid or invalid, plus unknown keys. */
export interface Generated {
  entries: Record<string, Entry>;
  unknown: [string, unknown][];
  /** The object handed to the reader, keys in a shuffled order. */
  object: Record<string, unknown>;
}

function generated(keys: readonly string[], entry: (key: string) => fc.Arbitrary<Entry>, exclude: readonly string[]): fc.Arbitrary<Generated> {
  const unknownKey = junkKey.filter((k) => !keys.includes(k) && !exclude.includes(k));
  return fc
    .record({
      entries: fc.record(Object.fromEntries(keys.map((key) => [key, entry(key)])) as Record<string, fc.Arbitrary<Entry>>),
      unknown: fc.uniqueArray(fc.tuple(unknownKey, jsonJunk), { maxLength: 4, selector: ([key]) => key }),
      seed: fc.nat(),
    })
    .map(({ entries, unknown, seed }) => {
      const members: [string, unknown][] = [
        ...Object.entries(entries).flatMap(([key, e]) => (e.kind === 'absent' ? [] : [[key, e.value] as [string, unknown]])),
        ...unknown,
      ];
      // A fixed shuffle from the seed: the readers must not depend on the order of keys.
      const order = members.map((m, i) => ({ m, k: (i * 2654435761 + seed) % 4294967296 })).sort((a, b) => a.k - b.k);
      return { entries, unknown, object: objectOf(order.map((o) => o.m)) };
    });
}

/** Settings keys, besides the schema's own, that readers treat as structure, not as unknown:
 * the envelope's members, and version 0's "school" and "language" (migrated). */
export const SETTINGS_STRUCTURE_KEYS = ['settings', 'version', 'savedAt', 'postwijs', 'school', 'language'];

export const generatedSettings: fc.Arbitrary<Generated> = generated(
  SETTINGS_KEYS,
  (key) => entryFor(settingsSchema.shape[key as keyof typeof settingsSchema.shape], key, VALID_SETTINGS[key as keyof typeof VALID_SETTINGS]),
  SETTINGS_STRUCTURE_KEYS,
);

/** A valid settings object (every key, or some), for inputs where validity is not the point. */
export const validSettings: fc.Arbitrary<Record<string, unknown>> = fc.record(VALID_SETTINGS, { requiredKeys: [] });

const VALID_POLICY = {
  protocol: VALID_SETTINGS.protocol,
  customProtocol: VALID_SETTINGS.customProtocol,
  schoolName: VALID_SETTINGS.schoolName,
  schoolAliases: VALID_SETTINGS.schoolAliases,
  role: VALID_SETTINGS.role,
  jobTitle: VALID_SETTINGS.jobTitle,
  disclaimer: VALID_SETTINGS.disclaimer,
  timetable: VALID_SETTINGS.timetable,
  noConsentNames: fc.array(text(80, 1), { maxLength: 20 }),
  locked: fc.boolean(),
} satisfies Record<keyof typeof policySchema.shape, fc.Arbitrary<unknown>>;

export const generatedPolicy: fc.Arbitrary<Generated> = generated(
  POLICY_KEYS,
  (key) => entryFor(policySchema.shape[key as keyof typeof policySchema.shape], key, VALID_POLICY[key as keyof typeof VALID_POLICY]),
  [],
);

export const validPolicy: fc.Arbitrary<Record<string, unknown>> = fc.record(VALID_POLICY, { requiredKeys: [] });

export const noConsentNames: fc.Arbitrary<unknown> = fc.oneof(VALID_POLICY.noConsentNames, jsonJunk);
