import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { effectiveSettings, readPolicy } from '../../src/settings/merge.ts';
import { DEFAULT_SETTINGS, policySchema, settingsSchema } from '../../src/settings/schema.ts';
import { BIG_STRINGS, expectPlainPrototypes, expectProblems, expectPrototypeUntouched, HOSTILE_KEYS, jsonJunk, junk, objectOf, sorted } from './arbitraries.ts';
import { BIG, BUDGET_MS, medianMs, params } from './runs.ts';
import { generatedPolicy, POLICY_KEYS, validPolicy } from './settings-arbitraries.ts';

// Door 3: a school's managed policy. Chrome checks it against the managed-storage schema and
// delivers the bare object; Firefox hands over whatever policies.json holds under
// policies["3rdparty"].Extensions[id], with no schema in front. readPolicy must take each key
// on its own either way.

afterEach(expectPrototypeUntouched);

/** What Firefox reads from policies.json for the extension: anything a director typed. */
function firefoxPolicy(policiesJson: unknown, id = 'postwijs@example.org'): unknown {
  const thirdParty = (policiesJson as { policies?: { '3rdparty'?: { Extensions?: Record<string, unknown> } } })?.policies?.['3rdparty'];
  return thirdParty?.Extensions && Object.hasOwn(thirdParty.Extensions, id) ? thirdParty.Extensions[id] : undefined;
}

describe('door 3: a managed policy (readPolicy)', () => {
  it('keeps every valid key, and reports each invalid or unknown key exactly once', () => {
    fc.assert(
      fc.property(generatedPolicy, (input) => {
        const { policy, problems } = readPolicy(input.object);
        expectProblems(problems);
        expect(policySchema.safeParse(policy).success).toBe(true);
        expectPlainPrototypes(policy);
        for (const key of POLICY_KEYS) {
          const entry = input.entries[key]!;
          if (entry.kind === 'valid') expect(policy[key], key).toEqual(policySchema.shape[key].parse(entry.value));
          else expect(Object.hasOwn(policy, key), key).toBe(false);
        }
        const wrong = [...POLICY_KEYS.filter((k) => input.entries[k]!.kind === 'invalid'), ...input.unknown.map(([k]) => k)];
        expect(sorted(problems.map((p) => p.key))).toEqual(sorted(wrong));
      }),
      params('policy'),
    );
  });

  it('Firefox: whatever policies.json holds for the extension is read without a throw, to a valid policy', () => {
    // policies.json is JSON: no values JSON cannot carry.
    const entry = fc.oneof(jsonJunk, fc.constantFrom(...BIG_STRINGS), validPolicy, generatedPolicy.map((g) => g.object), fc.array(validPolicy, { maxLength: 2 }));
    const file = fc.tuple(entry, jsonJunk).map(([value, noise]) => ({ policies: { '3rdparty': { Extensions: objectOf([['postwijs@example.org', value], ['__proto__', noise]]) } } }));
    fc.assert(
      fc.property(file, (policiesJson) => {
        const raw = firefoxPolicy(JSON.parse(JSON.stringify(policiesJson)));
        const { policy, problems } = readPolicy(raw);
        expectProblems(problems);
        expect(policySchema.safeParse(policy).success).toBe(true);
        expectPlainPrototypes(policy);
        // Not an object at all: one problem that says so, nothing applied.
        if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
          expect(problems).toHaveLength(1);
          expect(problems[0]!.key).toBe('policy');
          expect(policy).toEqual({});
        }
        // Applied over any user settings, the result is still valid settings, and only the
        // keys the policy set are marked as the policy's (locked only when it says so).
        const effective = effectiveSettings(DEFAULT_SETTINGS, policy);
        expect(settingsSchema.safeParse(effective.settings).success).toBe(true);
        for (const key of effective.fromPolicy) expect(effective.settings[key]).toEqual(policy[key as keyof typeof policy]);
        expect(effective.locked).toEqual(policy.locked ? effective.fromPolicy : []);
      }),
      params('policy'),
    );
  });

  it('never throws on any value at all, Chrome’s or Firefox’s', () => {
    fc.assert(
      fc.property(junk, (raw) => {
        const { policy, problems } = readPolicy(raw);
        expectProblems(problems);
        expect(policySchema.safeParse(policy).success).toBe(true);
      }),
      params('policy'),
    );
  });

  it('prototype names are unknown keys and change no prototype', () => {
    for (const key of HOSTILE_KEYS) {
      const { policy, problems } = readPolicy(JSON.parse(`{"${key}": {"locked": true, "polluted": 1}, "protocol": "ooh"}`));
      expect(policy).toEqual({ protocol: 'ooh' });
      expect(problems.map((p) => p.key)).toEqual([key]);
      expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
      expect((policy as Record<string, unknown>).locked).toBeUndefined();
    }
  });

  it('100 KB of policy costs less than 50 ms', () => {
    const inputs: Record<string, unknown> = {
      '20,000 no-consent names': { noConsentNames: Array.from({ length: 20_000 }, (_, i) => `Naam ${i}`) },
      '2,000 valid no-consent names and a 100 KB custom protocol': { noConsentNames: Array.from({ length: 2000 }, (_, i) => `N${i}`), customProtocol: 'x'.repeat(BIG) },
      '7,000 unknown keys': Object.fromEntries(Array.from({ length: 7000 }, (_, i) => [`key${i}`, i])),
      '3,000 lesson blocks': { timetable: Array.from({ length: 3000 }, () => ({ day: 'fri', from: '13:00', to: '14:00' })) },
      ...Object.fromEntries(BIG_STRINGS.map((s, i) => [`100 KB string #${i} as the school's name`, { schoolName: s }])),
    };
    for (const [name, raw] of Object.entries(inputs)) {
      const json = JSON.stringify(raw);
      expect(json.length, name).toBeGreaterThanOrEqual(BIG * 0.9);
      expect(medianMs(() => readPolicy(JSON.parse(json))), name).toBeLessThan(BUDGET_MS);
    }
  });
});
