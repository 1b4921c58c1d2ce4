import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterEach, describe, expect, it } from 'vitest';
import nlMessages from '../../public/_locales/nl/messages.json' with { type: 'json' };
import { check } from '../../src/engine/analyze.ts';
import { getProtocol } from '../../src/engine/protocols.ts';
import { DRAFT_KINDS, PLATFORMS, SEVERITIES } from '../../src/engine/types.ts';
import { applyFixRequest, contentRequest, draftReport, draftStatus, getDraftRequest, parseMessage } from '../../src/shared/messages.ts';
import { anyValue, BIG_STRINGS, expectPlainPrototypes, expectPrototypeUntouched, HOSTILE_KEYS, junk, junkKey, mutate, mutation, objectOf, oddText } from './arbitraries.ts';
import { BIG, BUDGET_MS, medianMs, params } from './runs.ts';

// Door 7: the messages between the popup, the content script and the background. Every
// receiver parses what arrives with these schemas; a page or another extension can send
// anything. parseMessage gives the message as sent (members the schema does not name
// dropped) or undefined, and never throws.

afterEach(expectPrototypeUntouched);

const SCHEMAS = { getDraftRequest, applyFixRequest, contentRequest, draftReport, draftStatus } as const;
const MESSAGE_KEYS = Object.keys(nlMessages);

const text = fc.oneof(oddText({ maxLength: 30 }), fc.string({ maxLength: 20 }));
const messageRef = fc.record({ key: fc.constantFrom(...MESSAGE_KEYS), substitutions: fc.array(text, { maxLength: 3 }) }, { requiredKeys: ['key'] });
// "__proto__" is left out of the data's keys: zod drops it from a record (it would otherwise
// become the record's prototype), so the message would not come back as sent.
const dataKey = fc.oneof(text, fc.constantFrom(...HOSTILE_KEYS.filter((k) => k !== '__proto__'))).filter((k) => k !== '__proto__');

const finding = fc.record(
  {
    ruleId: text,
    severity: fc.constantFrom(...SEVERITIES),
    messageId: text,
    messageKey: fc.constantFrom(...MESSAGE_KEYS),
    data: fc.uniqueArray(fc.tuple(dataKey, fc.oneof(text, fc.array(messageRef, { maxLength: 3 }))), { maxLength: 4, selector: ([k]) => k }).map(objectOf),
    // Finite numbers: zod's number refuses NaN and the infinities (the engine makes neither).
    spans: fc.array(fc.record({ start: fc.double({ noNaN: true, noDefaultInfinity: true }), end: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 3 }),
    article: fc.record({ protocol: text, number: text, quote: text }),
    fix: fc.record({ kind: fc.constantFrom('insert-disclaimer', 'insert-affiliation'), text }),
    checklist: fc.array(fc.record({ nl: text, en: text }), { maxLength: 3 }),
  },
  { requiredKeys: ['ruleId', 'severity', 'messageId', 'messageKey', 'data', 'spans', 'article'] },
);

/** Findings as the engine makes them, for realism next to the generated ones. */
const ENGINE_FINDINGS = check(
  { text: 'Vandaag met groep 7 van Het Spectrum naar het museum. Bel 06-12345678 voor info over Sem.', platform: 'facebook', kind: 'post', media: { images: 2, videos: 0 } },
  { protocol: getProtocol('ooh'), role: 'employee', school: { name: 'OBS Het Spectrum', aliases: [] } },
).findings;

const valid: Record<keyof typeof SCHEMAS, fc.Arbitrary<Record<string, unknown>>> = {
  getDraftRequest: fc.constant({ type: 'postwijs:get-draft' }),
  applyFixRequest: fc.record({ type: fc.constant('postwijs:apply-fix'), kind: fc.constantFrom('insert-disclaimer', 'insert-affiliation') }),
  contentRequest: fc.oneof(fc.constant({ type: 'postwijs:get-draft' }), fc.record({ type: fc.constant('postwijs:apply-fix'), kind: fc.constantFrom('insert-disclaimer', 'insert-affiliation') })),
  draftReport: fc.record(
    {
      type: fc.constant('postwijs:draft'),
      draft: fc.record({
        platform: fc.constantFrom(...PLATFORMS),
        kind: fc.constantFrom(...DRAFT_KINDS),
        findings: fc.oneof(fc.array(finding, { maxLength: 4 }), fc.subarray(ENGINE_FINDINGS as unknown as Record<string, unknown>[])),
      }),
      unrecognised: fc.record({ platform: fc.constantFrom(...PLATFORMS), diagnosis: oddText({ maxLength: 200 }) }),
      outcome: fc.constantFrom('inserted', 'pasted', 'copied', 'failed', 'no-fix'),
    },
    { requiredKeys: ['type'] },
  ),
  draftStatus: fc.record({ type: fc.constant('postwijs:draft-status'), count: fc.integer({ min: 0, max: 999 }), worst: fc.constantFrom(null, ...SEVERITIES) }),
};

const schemaName = fc.constantFrom(...(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]));
const validMessage = schemaName.chain((name) => valid[name].map((message) => ({ name, message })));

/** A parsed message is one its schema accepts, with no borrowed prototype anywhere. */
function expectParsed(name: keyof typeof SCHEMAS, parsed: unknown): void {
  if (parsed === undefined) return;
  expect(z.safeParse(SCHEMAS[name] as z.ZodMiniType, parsed).success).toBe(true);
  expectPlainPrototypes(parsed);
}

describe('door 7: messages between popup, content script and background (parseMessage)', () => {
  it('a valid message comes back as sent', () => {
    fc.assert(
      fc.property(validMessage, ({ name, message }) => {
        expect(parseMessage(SCHEMAS[name] as z.ZodMiniType, message)).toEqual(message);
      }),
      params('messages'),
    );
  });

  it('members the schema does not name, prototype names included, are dropped and change no prototype', () => {
    const extras = fc.uniqueArray(fc.tuple(junkKey, anyValue), { minLength: 1, maxLength: 4, selector: ([k]) => k });
    fc.assert(
      fc.property(validMessage, extras, extras, ({ name, message }, top, inner) => {
        const known = new Set(['type', 'kind', 'count', 'worst', 'draft', 'unrecognised', 'outcome']);
        const noisy = objectOf([...Object.entries(message), ...top.filter(([k]) => !known.has(k))]);
        const draft = message.draft as Record<string, unknown> | undefined;
        if (draft) noisy.draft = objectOf([...Object.entries(draft), ...inner.filter(([k]) => !['platform', 'kind', 'findings'].includes(k))]);
        const parsed = parseMessage(SCHEMAS[name] as z.ZodMiniType, noisy);
        expect(parsed).toEqual(message);
        expectParsed(name, parsed);
      }),
      params('messages'),
    );
  });

  it('a valid message changed at a random place, or anything at all: never a throw; undefined or a valid message', () => {
    const spoiled = validMessage.chain(({ name, message }) => fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ name, message: mutate(message, ms).value })));
    const anything = fc.tuple(schemaName, junk).map(([name, message]) => ({ name, message }));
    fc.assert(
      fc.property(fc.oneof(spoiled, anything), ({ name, message }) => {
        expectParsed(name, parseMessage(SCHEMAS[name] as z.ZodMiniType, message));
      }),
      params('messages'),
    );
  });

  it('a message key that is not one of ours, a prototype name included, is refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), junkKey).filter((k) => !Object.hasOwn(nlMessages, k)), (key) => {
        const report = { type: 'postwijs:draft', draft: { platform: 'x', kind: 'post', findings: [{ ...ENGINE_FINDINGS[0], messageKey: key }] } };
        expect(parseMessage(draftReport, report)).toBeUndefined();
        const ref = { type: 'postwijs:draft', draft: { platform: 'x', kind: 'post', findings: [{ ...ENGINE_FINDINGS[0], data: { kinds: [{ key }] } }] } };
        expect(parseMessage(draftReport, ref)).toBeUndefined();
      }),
      params('messages'),
    );
  });

  it('100 KB of message costs less than 50 ms', () => {
    const many = Array.from({ length: Math.ceil(BIG / JSON.stringify(ENGINE_FINDINGS).length) + 1 }, () => ENGINE_FINDINGS).flat();
    const messages: Record<string, [keyof typeof SCHEMAS, unknown]> = {
      [`a report of ${many.length} findings`]: ['draftReport', { type: 'postwijs:draft', draft: { platform: 'facebook', kind: 'post', findings: many } }],
      'a 100 KB diagnosis (refused: over 8,000 characters)': ['draftReport', { type: 'postwijs:draft', unrecognised: { platform: 'x', diagnosis: 'd'.repeat(BIG) } }],
      'a request with 8,000 extra members': ['contentRequest', { type: 'postwijs:get-draft', ...Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, i])) }],
      ...Object.fromEntries(BIG_STRINGS.map((s, i) => [`100 KB string #${i} as the type`, ['draftStatus', { type: s, count: 1, worst: null }]])),
    };
    for (const [label, [name, message]] of Object.entries(messages)) {
      expect(JSON.stringify(message).length, label).toBeGreaterThanOrEqual(BIG * 0.9);
      expect(medianMs(() => parseMessage(SCHEMAS[name] as z.ZodMiniType, message)), label).toBeLessThan(BUDGET_MS);
    }
  });
});

describe('door 8: the smallest failing examples the properties found (fixed)', () => {
  it('a message member whose length cannot be measured is refused, not thrown', () => {
    expect(parseMessage(draftStatus, { type: 'postwijs:draft-status', count: 1, worst: { length: { toString: false } } })).toBeUndefined();
    expect(parseMessage(applyFixRequest, { length: { toString: false } })).toBeUndefined();
  });
});
