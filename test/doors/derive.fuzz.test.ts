import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveEffective, parseCustomProtocol } from '../../src/background/derive.ts';
import { protocolSchema } from '../../src/engine/protocol-schema.ts';
import { getProtocol, PROTOCOL_IDS } from '../../src/engine/protocols.ts';
import { envelopeOf } from '../../src/settings/layout.ts';
import { DEFAULT_SETTINGS, POLICY_KEYS, settingsSchema } from '../../src/settings/schema.ts';
import type { EffectiveState } from '../../src/shared/storage.ts';
import { expectPlainPrototypes, expectProblems, expectPrototypeUntouched, jsonJunk, junk, mutate, mutation, oddText } from './arbitraries.ts';
import { BIG, BUDGET_MS, medianMs, params } from './runs.ts';
import { noConsentNames, validPolicy, validSettings } from './settings-arbitraries.ts';

// Door 2, the worker's whole derivation: from what storage holds (the user's settings of any
// layout, the custom protocol's text in storage.local, the no-consent list), the school's
// policy and the previous state, to the effective state every part of the extension reads.

afterEach(expectPrototypeUntouched);

/** A valid custom protocol: a bundled one under its own id and title. */
const validCustom = fc
  .record({ id: fc.constantFrom(...PROTOCOL_IDS), title: oddText({ minLength: 1, maxLength: 30 }).filter((t) => t.length > 0) })
  .map(({ id, title }) => JSON.stringify({ ...getProtocol(id), id: 'eigen-protocol', title }));

/** A custom protocol text that does not parse to a protocol: junk, or a bundled one broken. */
const invalidCustom = fc
  .oneof(
    oddText({ maxLength: 80 }),
    jsonJunk.map((v) => JSON.stringify(v) ?? ''),
    fc.tuple(fc.constantFrom(...PROTOCOL_IDS), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([id, ms]) => JSON.stringify(mutate(getProtocol(id), ms).value) ?? ''),
    fc.constantFrom('', '   ', '{"__proto__": {}}', '{', 'null'),
  )
  .filter((text) => parseCustomProtocol(text).protocol === undefined);

const customText = fc.oneof(validCustom, invalidCustom);

/** The stored settings: an envelope of valid settings (any protocol), another layout, or junk. */
const storedSettings = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(validSettings, fc.nat()).map(([s, at]) => envelopeOf({ ...DEFAULT_SETTINGS, ...(s as object) } as typeof DEFAULT_SETTINGS, at)) },
  { weight: 1, arbitrary: validSettings.map((s) => ({ version: 1, settings: s })) },
  { weight: 1, arbitrary: validSettings },
  { weight: 1, arbitrary: junk },
);

const inputs = fc.record({
  settings: storedSettings,
  customProtocol: fc.oneof(fc.constant(undefined), customText, jsonJunk),
  noConsentNames,
  managed: fc.oneof(validPolicy, validPolicy.map((p) => ({ ...p, protocol: 'custom' })), fc.tuple(validPolicy, customText).map(([p, text]) => ({ ...p, protocol: 'custom', customProtocol: text })), junk),
});

function expectState(state: EffectiveState, now: number): void {
  expect(settingsSchema.safeParse(state.settings).success).toBe(true);
  expect(protocolSchema.safeParse(state.protocol).success, 'the protocol in force is a valid protocol').toBe(true);
  expect(state.at).toBe(now);
  expect(new Set(state.noConsentNames).size).toBe(state.noConsentNames.length);
  for (const name of state.noConsentNames) expect(typeof name === 'string' && name.trim() === name && name.length > 0).toBe(true);
  for (const key of state.fromPolicy) expect((POLICY_KEYS as string[]).includes(key)).toBe(true);
  for (const key of state.locked) expect(state.fromPolicy).toContain(key);
  expectProblems(state.problems.policy);
  expectProblems(state.problems.settings);
  expectProblems(state.problems.protocol);
  expectPlainPrototypes(state);
}

describe('door 2: the worker’s derivation (deriveEffective)', () => {
  it('never throws; the state is valid settings, a valid protocol and a clean no-consent list', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (input, now) => {
        const state = deriveEffective(input, now);
        expectState(state, now);
        // The protocol in force is the one the settings name, or (custom) the parsed text.
        if (state.settings.protocol !== 'custom') expect(state.protocol).toBe(getProtocol(state.settings.protocol));
        else {
          const parsed = parseCustomProtocol(state.settings.customProtocol);
          if (parsed.protocol) expect(state.protocol).toEqual(parsed.protocol);
          else {
            expect(state.protocol).toBe(getProtocol('algemeen'));
            expect(state.problems.protocol.length).toBeGreaterThan(0);
          }
        }
      }),
      params('derive'),
    );
  });

  it('the last good custom protocol stays in force while a new one is invalid, however often', () => {
    fc.assert(
      fc.property(validCustom, fc.array(invalidCustom, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), (good, bad, viaPolicy, viaLocal) => {
        // Stored the way the worker stores it (through storage: JSON), and set the way a user
        // (settings, protocol text in storage.local) or a school (the policy) sets it.
        const stored = (text: string) =>
          viaPolicy
            ? { settings: undefined, noConsentNames: [], managed: { protocol: 'custom', customProtocol: text } }
            : viaLocal
              ? { settings: envelopeOf({ ...DEFAULT_SETTINGS, protocol: 'custom' }, 1), customProtocol: text, noConsentNames: [], managed: {} }
              : { settings: { version: 1, settings: { protocol: 'custom', customProtocol: text } }, noConsentNames: [], managed: {} };
        const first = deriveEffective(stored(good), 1);
        const inForce = parseCustomProtocol(good).protocol!;
        expect(first.protocol).toEqual(inForce);
        let previous: EffectiveState = JSON.parse(JSON.stringify(first));
        for (const [i, text] of bad.entries()) {
          const next = deriveEffective({ ...stored(text), previous }, 2 + i);
          expectState(next, 2 + i);
          expect(next.protocol).toEqual(inForce);
          expect(next.problems.protocol.length).toBeGreaterThan(0);
          previous = JSON.parse(JSON.stringify(next));
        }
        // A bundled protocol chosen afterwards replaces it; the previous one is not kept.
        const bundled = deriveEffective({ settings: envelopeOf({ ...DEFAULT_SETTINGS, protocol: 'ooh' }, 9), noConsentNames: [], managed: {}, previous }, 9);
        expect(bundled.protocol).toBe(getProtocol('ooh'));
      }),
      params('derive'),
    );
  });

  it('a previous state read back from storage in any shape never makes the derivation throw or put junk in force', () => {
    // storage.local's effective state is cast, not checked (storage.ts asEffective): an older
    // build's layout, or a damaged one, arrives here as it is.
    const previous = fc.oneof(
      jsonJunk.filter((v) => v !== null && typeof v === 'object'),
      jsonJunk.map((protocol) => ({ protocol })),
      fc.tuple(jsonJunk, jsonJunk).map(([protocol, settings]) => ({ protocol, settings })),
      jsonJunk.map((protocol) => ({ protocol, settings: { protocol: 'custom' } })),
    );
    fc.assert(
      fc.property(previous, invalidCustom, (prev, text) => {
        const input = { settings: { version: 1, settings: { protocol: 'custom', customProtocol: text } }, noConsentNames: [], managed: {}, previous: prev as EffectiveState };
        const state = deriveEffective(input, 5);
        expectState(state, 5);
      }),
      params('derive'),
    );
  });

  it('100 KB of stored input costs less than 50 ms', () => {
    const protocolText = JSON.stringify(getProtocol('vsnon'));
    const padded = JSON.stringify({ ...getProtocol('vsnon'), summary: { nl: 'x'.repeat(BIG - protocolText.length), en: 'y' } });
    const cases: Record<string, Parameters<typeof deriveEffective>[0]> = {
      'a 100 KB custom protocol in storage.local': { settings: envelopeOf({ ...DEFAULT_SETTINGS, protocol: 'custom' }, 1), customProtocol: padded, noConsentNames: [], managed: {} },
      'a 100 KB invalid custom protocol with a previous state': { settings: { version: 1, settings: { protocol: 'custom', customProtocol: '[' + '1,'.repeat(BIG / 2) + '1]' } }, noConsentNames: [], managed: {}, previous: deriveEffective({ settings: { protocol: 'custom', customProtocol: protocolText }, noConsentNames: [], managed: {} }) },
      '10,000 no-consent names': { settings: undefined, noConsentNames: Array.from({ length: 10_000 }, (_, i) => `Leerling ${i}`), managed: { noConsentNames: Array.from({ length: 2000 }, (_, i) => `L ${i}`) } },
      'a 100 KB policy of unknown keys': { settings: undefined, noConsentNames: [], managed: Object.fromEntries(Array.from({ length: 7000 }, (_, i) => [`key${i}`, i])) },
    };
    for (const [name, input] of Object.entries(cases)) {
      expect(JSON.stringify(input).length, name).toBeGreaterThanOrEqual(BIG * 0.9);
      expect(medianMs(() => deriveEffective(input)), name).toBeLessThan(BUDGET_MS);
    }
  });
});

describe('door 3: the smallest failing examples the properties found (fixed)', () => {
  it('a no-consent list or a previous protocol whose length cannot be measured leaves the worker deriving', () => {
    const unmeasurable = { length: { toString: false } };
    const state = deriveEffective({ settings: undefined, noConsentNames: unmeasurable as unknown as string[], managed: {}, previous: { protocol: unmeasurable, settings: { protocol: 'custom' } } as unknown as EffectiveState }, 3);
    expect(state.noConsentNames).toEqual([]);
    expect(settingsSchema.safeParse(state.settings).success).toBe(true);
  });
});
