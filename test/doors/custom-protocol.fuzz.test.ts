import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCustomProtocol } from '../../src/engine/custom-protocol.ts';
import { protocolSchema } from '../../src/engine/protocol-schema.ts';
import { safeParseOf } from '../../src/engine/issue-text.ts';
import { getProtocol, PROTOCOL_IDS } from '../../src/engine/protocols.ts';
import { isRuleId } from '../../src/rules/index.ts';
import { validateRuleOptions } from '../../src/rules/options.ts';
import { BIG_STRINGS, expectPlainPrototypes, expectProblems, expectPrototypeUntouched, HOSTILE_KEYS, jsonJunk, junkKey, mutate, mutation, objectOf, oddText, pathsOf } from './arbitraries.ts';
import { BIG, BUDGET_MS, medianMs, params } from './runs.ts';

// Door 4: a school's own protocol document, pasted or imported as JSON text. Whatever the text,
// parseCustomProtocol gives either a protocol that passes every check the bundled ones pass, or
// no protocol and the reasons, each with the place in the document.

afterEach(expectPrototypeUntouched);

type Parsed = ReturnType<typeof parseCustomProtocol>;

/** One of the two outcomes, never a mix: a valid protocol and no problems, or problems. */
function expectOutcome(parsed: Parsed): void {
  expectProblems(parsed.problems);
  if (parsed.protocol) {
    expect(parsed.problems).toEqual([]);
    expect(protocolSchema.safeParse(parsed.protocol).success).toBe(true);
    expect(validateRuleOptions(parsed.protocol)).toEqual([]);
    expectPlainPrototypes(parsed.protocol);
  } else {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const p of parsed.problems) expect(p.key.length, p.reason).toBeGreaterThan(0);
  }
}

/** The places of "__proto__" members, written as parseCustomProtocol reports its other
 * problems, the way zod writes paths ("articles.2.text"); what is under such a member is not looked at, as it is dropped whole. */
function protoPaths(value: unknown, at = '', out: string[] = [], depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 64) return out;
  if (Array.isArray(value)) value.forEach((item, i) => protoPaths(item, at ? `${at}.${i}` : String(i), out, depth + 1));
  else {
    for (const key of Object.keys(value)) {
      const where = at ? `${at}.${key}` : key;
      if (key === '__proto__') out.push(where);
      else protoPaths((value as Record<string, unknown>)[key], where, out, depth + 1);
    }
  }
  return out;
}

const bundled = fc.constantFrom(...PROTOCOL_IDS);

describe('door 4: a custom protocol document (parseCustomProtocol)', () => {
  it('each bundled protocol reads back as itself', () => {
    for (const id of PROTOCOL_IDS) {
      const parsed = parseCustomProtocol(JSON.stringify(getProtocol(id)));
      expect(parsed.problems).toEqual([]);
      expect(parsed.protocol).toEqual(getProtocol(id));
    }
  });

  it('a bundled protocol with members dropped, replaced, added or doubled at random places: a valid protocol or the reasons, never a throw', () => {
    fc.assert(
      fc.property(bundled, fc.array(mutation, { minLength: 1, maxLength: 4 }), (id, mutations) => {
        const { value } = mutate(getProtocol(id), mutations);
        const text = JSON.stringify(value) ?? '';
        const parsed = parseCustomProtocol(text);
        expectOutcome(parsed);
        // Every "__proto__" member is reported at its place (and then only those).
        const hostile = protoPaths(value);
        if (hostile.length) {
          expect(parsed.protocol).toBeUndefined();
          expect(parsed.problems.map((p) => p.key).sort()).toEqual(hostile.sort());
        }
      }),
      params('customProtocol'),
    );
  });

  it('"__proto__" at any depth is reported with its path and never becomes a prototype', () => {
    fc.assert(
      fc.property(bundled, fc.nat(), jsonJunk, (id, pick, junkValue) => {
        const document = structuredClone(getProtocol(id)) as unknown;
        const objects = pathsOf(document).filter((p) => {
          const v = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], document);
          return v !== null && typeof v === 'object' && !Array.isArray(v);
        });
        const path = objects[pick % objects.length]!;
        const target = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], document) as Record<string, unknown>;
        Object.defineProperty(target, '__proto__', { value: junkValue, enumerable: true, writable: true, configurable: true });
        const parsed = parseCustomProtocol(JSON.stringify(document));
        expect(parsed.protocol).toBeUndefined();
        expect(parsed.problems.map((p) => p.key)).toEqual(protoPaths(document));
        expect(parsed.problems.every((p) => p.reason.includes('unknown key'))).toBe(true);
      }),
      params('customProtocol'),
    );
  });

  it('a required member of the wrong type is reported at that member', () => {
    const required = ['id', 'title', 'school', 'board', 'date', 'summary', 'articles', 'rules'] as const;
    fc.assert(
      fc.property(bundled, fc.constantFrom(...required), jsonJunk, (id, key, value) => {
        fc.pre(!safeParseOf(protocolSchema.shape[key], value)?.success);
        const document = { ...getProtocol(id), [key]: value };
        const parsed = parseCustomProtocol(JSON.stringify(document));
        expect(parsed.protocol).toBeUndefined();
        expect(parsed.problems.some((p) => p.key === key || p.key.startsWith(`${key}.`)), JSON.stringify(parsed.problems)).toBe(true);
      }),
      params('customProtocol'),
    );
  });

  it('a rule id PostWijs does not know, prototype names included, is reported as rules.<id>', () => {
    const unknownId = fc.oneof(fc.constantFrom(...HOSTILE_KEYS.filter((k) => k !== '__proto__')), junkKey).filter((k) => k !== '__proto__' && !isRuleId(k));
    fc.assert(
      fc.property(bundled, unknownId, (id, ruleId) => {
        const protocol = getProtocol(id);
        const [someRule] = Object.values(protocol.rules);
        const rules = objectOf([...Object.entries(protocol.rules), [ruleId, someRule]]);
        const parsed = parseCustomProtocol(JSON.stringify({ ...protocol, rules }));
        expect(parsed.protocol).toBeUndefined();
        expect(parsed.problems.map((p) => p.key)).toContain(`rules.${ruleId}`);
      }),
      params('customProtocol'),
    );
  });

  it('any text at all: never a throw, one of the two outcomes', () => {
    const text = fc.oneof(
      oddText({ maxLength: 200 }),
      fc.string(),
      fc.constantFrom(...BIG_STRINGS),
      jsonJunk.map((v) => JSON.stringify(v) ?? ''),
      fc.tuple(bundled, fc.nat(), oddText({ maxLength: 5 })).map(([id, at, insert]) => {
        // Valid JSON broken at a random place: a character inserted, or the text cut off.
        const json = JSON.stringify(getProtocol(id));
        const i = at % json.length;
        return insert ? json.slice(0, i) + insert + json.slice(i) : json.slice(0, i);
      }),
    );
    fc.assert(fc.property(text, (t) => expectOutcome(parseCustomProtocol(t))), params('customProtocolText'));
  });

  it('100 KB of protocol text costs less than 50 ms', () => {
    const base = getProtocol('cvo-baarn-soest');
    const manyArticles = { ...base, articles: [...base.articles, ...Array.from({ length: 600 }, (_, i) => ({ number: `X.${i}`, text: 'Medewerkers delen geen foto’s van leerlingen zonder toestemming van ouders. '.repeat(2) }))] };
    const texts: Record<string, string> = {
      '600 extra articles': JSON.stringify(manyArticles),
      'a 100 KB article': JSON.stringify({ ...base, articles: [...base.articles, { number: 'Z', text: 'woord '.repeat(BIG / 6) }] }),
      'a list nested 50,000 deep': '['.repeat(BIG / 2) + ']'.repeat(BIG / 2),
      'options nested 50,000 deep': JSON.stringify({ ...base, rules: { ...base.rules, 'media-consent': { ...base.rules['media-consent'], options: { a: 'DEEP' } } } }).replace('"DEEP"', '['.repeat(BIG / 2) + ']'.repeat(BIG / 2)),
      '5,000 "__proto__" members': `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":{"__proto__":1}`).join(',')}}`,
      ...Object.fromEntries(BIG_STRINGS.map((s, i) => [`100 KB string #${i}`, s])),
      ...Object.fromEntries(BIG_STRINGS.map((s, i) => [`100 KB string #${i} as the title`, JSON.stringify({ ...base, title: s })])),
    };
    for (const [name, text] of Object.entries(texts)) {
      expect(text.length, name).toBeGreaterThanOrEqual(BIG * 0.9);
      expect(medianMs(() => parseCustomProtocol(text)), name).toBeLessThan(BUDGET_MS);
    }
  });
});

describe('door 4: the smallest failing examples the properties found (fixed)', () => {
  it('a rule id with a colon is reported under its own key, with the whole reason', () => {
    const protocol = getProtocol('algemeen');
    const [someRule] = Object.values(protocol.rules);
    const parsed = parseCustomProtocol(JSON.stringify({ ...protocol, rules: { ...protocol.rules, 'foto:s': someRule } }));
    expect(parsed.problems).toEqual([{ key: 'rules.foto:s', reason: 'onbekende regel (unknown rule id)' }]);
  });
  it('"__proto__" inside a list is reported with the path zod writes ("articles.0"), as other problems are', () => {
    const protocol = getProtocol('algemeen');
    const text = JSON.stringify({ ...protocol, articles: [{ ...protocol.articles[0], x: 1 }, ...protocol.articles.slice(1)] }).replace('"x":1', '"__proto__":1');
    expect(parseCustomProtocol(text).problems.map((p) => p.key)).toEqual(['articles.0.__proto__']);
  });
});
