import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProtocolFile, protocolFiles } from '../scripts/validate-protocols.ts';
import { getProtocol, PROTOCOL_IDS, rawProtocol, type ProtocolId } from '../src/engine/protocols.ts';
import { check } from '../src/engine/analyze.ts';
import { protocolSchema } from '../src/engine/protocol-schema.ts';
import { validateRuleOptions } from '../src/rules/options.ts';

const read = (id: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src', 'protocols', `${id}.json`), 'utf8'));

describe('bundled protocol files', () => {
  it('are exactly the general protocol and the five schools', () => {
    expect(protocolFiles()).toEqual(PROTOCOL_IDS.map((id) => `${id}.json`).sort());
  });
  for (const file of protocolFiles()) {
    it(`${file} is valid, cites existing articles, and quotes its source verbatim`, () => {
      expect(checkProtocolFile(file)).toEqual([]);
    });
  }
  it('are complete as stored: parsing adds no defaults, so the engine can use them unparsed', () => {
    for (const id of PROTOCOL_IDS) expect(protocolSchema.parse(rawProtocol(id)), id).toEqual(rawProtocol(id));
  });
  it('every protocol enables the disclaimer duty with its own wording', () => {
    for (const id of PROTOCOL_IDS) {
      const p = getProtocol(id);
      expect(p.rules['missing-disclaimer'], id).toBeDefined();
      expect(p.disclaimer?.text.length, id).toBeGreaterThan(20);
    }
  });
});

describe('the differences between schools show', () => {
  it('VSNON allows no recognisable people in photos', () => {
    expect(getProtocol('vsnon').rules['media-consent']?.options).toMatchObject({ policy: 'no-recognisable-people' });
  });
  it('OOH allows photos of children only under three conditions', () => {
    const options = getProtocol('ooh').rules['media-consent']?.options as { policy: string; checklist: unknown[] };
    expect(options.policy).toBe('conditions');
    expect(options.checklist).toHaveLength(3);
  });
  it('CVO wants staff to state their function too', () => {
    expect(getProtocol('cvo-baarn-soest').rules['missing-affiliation']?.options).toMatchObject({ requireJobTitle: true });
  });
  it('Aeres asks staff not to enter online discussions, and has no affiliation duty', () => {
    const aeres = getProtocol('aeres-mbo');
    expect(aeres.rules['online-discussion']).toBeDefined();
    expect(aeres.rules['missing-affiliation']).toBeUndefined();
  });
  it('VSNON quotes its disclaimer literally (article 21)', () => {
    const vsnon = getProtocol('vsnon');
    expect(vsnon.disclaimer?.article).toBe('21');
    expect(vsnon.disclaimer?.text).toMatch(/^De standpunten en meningen in dit bericht zijn mijn eigen persoonlijke mening/);
  });
});

describe('invalid protocol documents are rejected with a reason', () => {
  const base = read('ooh');
  const problems = (doc: unknown) => {
    const parsed = protocolSchema.safeParse(doc);
    if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return validateRuleOptions(parsed.data);
  };
  it('accepts the original', () => {
    expect(problems(base)).toEqual([]);
  });
  it('an unknown rule id', () => {
    expect(problems({ ...base, rules: { ...base.rules, 'no-such-rule': { article: 'A.1', quote: 'Het is medewerkers' } } })).toEqual([
      'rules.no-such-rule: onbekende regel (unknown rule id)',
    ]);
  });
  it('a cited article that is missing', () => {
    const rules = { ...base.rules, 'lesson-time': { ...base.rules['lesson-time'], article: 'Z.9' } };
    expect(problems({ ...base, rules })).toEqual(['rules.lesson-time.article: noemt artikel Z.9, dat niet in articles staat (cites article Z.9, which is not in articles)']);
  });
  it('a quote that is not in the article', () => {
    const rules = { ...base.rules, 'lesson-time': { ...base.rules['lesson-time'], quote: 'Telefoons zijn altijd toegestaan.' } };
    expect(problems({ ...base, rules })).toEqual(['rules.lesson-time.quote: het citaat staat niet letterlijk in artikel A.1 (quote is not part of article A.1)']);
  });
  it('bad rule options', () => {
    const rules = { ...base.rules, 'media-consent': { ...base.rules['media-consent'], options: { policy: 'everything-goes' } } };
    expect(problems({ ...base, rules })[0]).toMatch(/^rules\.media-consent\.options\.policy: /);
  });
  it('a missing field and a bad id', () => {
    const { title: _title, ...rest } = base;
    expect(problems({ ...rest, id: 'Not Valid' })).toEqual(expect.arrayContaining([expect.stringMatching(/^id: /), expect.stringMatching(/^title: /)]));
  });
  it('duplicate article numbers', () => {
    expect(problems({ ...base, articles: [...base.articles, base.articles[0]] })).toEqual([expect.stringMatching(/duplicate article/)]);
  });
});

describe('the short disclaimer for X', () => {
  const config = (id: ProtocolId) => ({ protocol: getProtocol(id), role: 'employee' as const, school: { name: 'De Linde', aliases: [] } });
  const post = 'Morgen open dag op De Linde, iedereen welkom!';
  for (const id of PROTOCOL_IDS) {
    it(`${id}: on X the fix fits in a post and, once added, satisfies the rule; elsewhere the full wording`, () => {
      const onX = check({ text: post, platform: 'x', kind: 'post', media: { images: 0, videos: 0 } }, config(id)).findings.find((f) => f.ruleId === 'missing-disclaimer');
      const onFacebook = check({ text: post, platform: 'facebook', kind: 'post', media: { images: 0, videos: 0 } }, config(id)).findings.find((f) => f.ruleId === 'missing-disclaimer');
      expect(onX?.fix?.text).toBeDefined();
      expect(onFacebook?.fix?.text).toBe(getProtocol(id).disclaimer?.text ?? 'Op persoonlijke titel.');
      expect(`${post} ${onX!.fix!.text}`.length).toBeLessThanOrEqual(140);
      const fixed = check({ text: `${post} ${onX!.fix!.text}`, platform: 'x', kind: 'post', media: { images: 0, videos: 0 } }, config(id));
      expect(fixed.findings.map((f) => f.ruleId)).not.toContain('missing-disclaimer');
    });
  }
});
