import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import phrases from '../src/lexicons/protocol-rules.json' with { type: 'json' };
import { draftProtocol, NotAProtocolError } from '../src/drafting/draft.ts';
import { scoreDraft, totals } from '../src/drafting/evaluate.ts';
import { compilePattern, foldForPatterns } from '../src/drafting/map-rules.ts';
import { dropFootnoteMarkers, pagesFromText, repairPages } from '../src/drafting/repair.ts';
import { segment } from '../src/drafting/segment.ts';
import { comparable, validateProtocolDocument } from '../src/drafting/validate.ts';
import { normalizeWhitespace } from '../src/engine/protocol-schema.ts';
import { RULE_IDS } from '../src/rules/ids.ts';
import { labelledCases, seedCases } from '../scripts/protocol-eval.ts';

const root = join(import.meta.dirname, '..');
const seedIds = ['aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland'];
const seedText = (id: string) => readFileSync(join(root, 'src/protocols/sources', `${id}.txt`), 'utf8');
const labelled = labelledCases(join(root, 'test/protocol-set')).map((c) => ({ ...c, labels: c.labels! }));

// Phrase patterns are data with their own examples, like the lexicons.
describe('protocol-rules lexicon', () => {
  const groups: [string, { pattern: string; match: string[]; noMatch: string[]; notWith?: string }][] = [
    ['normative', phrases.normative],
    ['backgroundSections', phrases.backgroundSections],
    ['definitionSentence', phrases.definitionSentence],
    ...Object.entries(phrases.rules).flatMap(([ruleId, list]) => list.map((p, i) => [`${ruleId}[${i}] ${p.meaning}`, p] as [string, typeof p])),
  ];
  for (const [name, p] of groups) {
    it(`${name}: its examples match and its counter-examples do not`, () => {
      const regex = compilePattern(p.pattern);
      const notWith = p.notWith ? compilePattern(p.notWith) : undefined;
      const counts = (s: string) => regex.test(foldForPatterns(s)) && !notWith?.test(foldForPatterns(s));
      expect(p.match.length).toBeGreaterThan(0);
      expect(p.match.filter((s) => !counts(s))).toEqual([]);
      expect(p.noMatch.filter((s) => counts(s))).toEqual([]);
    });
  }
  it('has patterns for every rule and for no unknown rule', () => {
    expect(Object.keys(phrases.rules).sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('repair', () => {
  it('drops footnote markers glued to words but keeps numbers that belong to words', () => {
    expect(dropFootnoteMarkers('mits het geen persoonsgegevens2 betreft en passende maatregelen4.')).toBe('mits het geen persoonsgegevens betreft en passende maatregelen.');
    expect(dropFootnoteMarkers('de musical van groep8 en mbo4')).toBe('de musical van groep8 en mbo4');
  });
  it('joins words hyphenated at a line end, keeps "school- en" and drops running headers and page numbers', () => {
    const pages = [
      [{ text: 'Protocol sociale media', edge: 'top' as const }, { text: 'Het is niet toegestaan persoon-' }, { text: 'lijke gegevens te delen over school- en' }, { text: 'werkzaken.' }, { text: 'Pagina 1 van 2', edge: 'bottom' as const }],
      [{ text: 'Protocol sociale media', edge: 'top' as const }, { text: 'Tweede pagina.' }, { text: 'Pagina 2 van 2', edge: 'bottom' as const }],
    ];
    const text = repairPages(pages);
    expect(normalizeWhitespace(text)).toContain('persoonlijke gegevens');
    expect(text).toContain('school- en');
    expect(text).not.toContain('Pagina');
    expect(text).not.toContain('Protocol sociale media');
  });
});

describe('segment', () => {
  it('keeps the numbering each document uses', () => {
    const numbers = (id: string) => segment(repairPages(pagesFromText(seedText(id)))).units.map((u) => u.number);
    expect(numbers('cvo-baarn-soest')).toEqual(expect.arrayContaining(['A.1', 'A.7', 'B.2', 'C.4']));
    expect(numbers('vsnon')).toEqual(expect.arrayContaining(['2a', '2b', '2c', '8', '20', '21']));
    expect(numbers('aeres-mbo')).toEqual(expect.arrayContaining(['1.3', '1.4']));
  });
  it('reads "Afspraak 3 – …" headings as articles and cites unnumbered paragraphs by their heading', () => {
    const { units } = segment('Afspraak 3 – Online ben je aardig\n- Pesten accepteren we niet.\n\nFoto\'s en filmpjes\n\nJe zet geen foto\'s online zonder toestemming.\n');
    expect(units.map((u) => u.number)).toEqual(['3', "Foto's en filmpjes ¶1"]);
    expect(units[0]!.text).toContain('Pesten accepteren we niet.');
  });
});

describe('draftProtocol', () => {
  it('recovers the hand-encoded rules of the five seed protocols (recall >= 0.9)', () => {
    const scores = seedCases().map((c) => scoreDraft(c.gold, draftProtocol({ text: c.text, fileName: `${c.name}.txt` }).proposals));
    const t = totals(scores);
    expect(t.recall).toBeGreaterThanOrEqual(0.9);
    expect(t.precision).toBeGreaterThanOrEqual(0.9);
  });
  it('keeps its figures on the labelled set (a floor under the README figures: recall and precision >= 0.85)', () => {
    const t = totals(labelled.map((c) => scoreDraft(c.labels.rules, draftProtocol({ text: c.text, fileName: c.labels.source }).proposals)));
    expect(t.recall).toBeGreaterThanOrEqual(0.85);
    expect(t.precision).toBeGreaterThanOrEqual(0.85);
  });
  const all = [...seedIds.map((id) => ({ name: id, text: seedText(id) })), ...labelled.map((c) => ({ name: c.name, text: c.text }))];
  for (const { name, text } of all) {
    it(`${name}: the draft passes validation, and every quote is verbatim from the source and inside its article`, () => {
      const draft = draftProtocol({ text, fileName: name });
      expect(validateProtocolDocument(draft.protocol, text)).toEqual([]);
      const source = comparable(text);
      for (const [ruleId, rule] of Object.entries(draft.protocol.rules)) {
        const article = draft.protocol.articles.find((a) => a.number === rule.article);
        expect(article, `${ruleId} cites ${rule.article}`).toBeDefined();
        expect(normalizeWhitespace(article!.text)).toContain(normalizeWhitespace(rule.quote));
        expect(source).toContain(normalizeWhitespace(rule.quote));
      }
      if (draft.protocol.disclaimer) expect(draft.protocol.disclaimer.short!.length).toBeLessThanOrEqual(80);
    });
  }
  it('takes the protocol\'s own disclaimer wording where it quotes one (VSNON 21)', () => {
    const draft = draftProtocol({ text: seedText('vsnon'), fileName: 'vsnon.txt' });
    expect(draft.disclaimerSource).toBe('protocol');
    expect(draft.protocol.disclaimer?.article).toBe('21');
    expect(draft.protocol.disclaimer?.text).toMatch(/^De standpunten en meningen in dit bericht/);
  });
  it('sets rule options from the text: OOH\'s three photo conditions, VSNON\'s no recognisable people, CVO\'s function', () => {
    const ooh = draftProtocol({ text: seedText('ooh'), fileName: 'ooh.txt' }).protocol.rules['media-consent'];
    expect(ooh?.options).toMatchObject({ policy: 'conditions' });
    expect((ooh?.options as { checklist: unknown[] }).checklist).toHaveLength(3);
    expect(draftProtocol({ text: seedText('vsnon'), fileName: 'vsnon.txt' }).protocol.rules['media-consent']?.options).toEqual({ policy: 'no-recognisable-people' });
    expect(draftProtocol({ text: seedText('cvo-baarn-soest'), fileName: 'cvo.txt' }).protocol.rules['missing-affiliation']?.options).toMatchObject({ requireJobTitle: true });
  });
  it('names the board and the schools (for one school’s own protocol: that school) on the labelled set', () => {
    for (const c of labelled) {
      const draft = draftProtocol({ text: c.text, fileName: c.labels.source });
      expect(draft.protocol.board, c.name).toBe(c.labels.board || c.labels.schools[0]);
      expect(draft.protocol.school.split(/ en | and /).sort(), c.name).toEqual([...c.labels.schools].sort());
    }
  });
  it('writes out an acronym board with its place (CVO Baarn/Soest)', () => {
    const draft = draftProtocol({ text: seedText('cvo-baarn-soest'), fileName: 'cvo.txt' });
    expect(draft.protocol.board).toBe('CVO Baarn/Soest');
    expect(draft.protocol.boardAliases).toContain('CVO');
  });
  it('refuses text that states no social-media rules, and empty text', () => {
    expect(() => draftProtocol({ text: 'Boodschappenlijst\n\nmelk, brood, kaas en appels voor het weekend.' })).toThrow(NotAProtocolError);
    expect(() => draftProtocol({ text: '   \n ' })).toThrow(/geen tekst/);
  });
  it('drafts a 100 KB text with odd Unicode without losing its rules', () => {
    const base = seedText('cvo-baarn-soest');
    const text = `\u200b\uFEFF${base}\n\n${'Zomaar een zin met emoji 🎉 en \u0301combinerende tekens. '.repeat(1800)}`;
    expect(text.length).toBeGreaterThan(100_000);
    const draft = draftProtocol({ text, fileName: 'big.txt' });
    expect(Object.keys(draft.protocol.rules)).toEqual(expect.arrayContaining(['missing-disclaimer', 'media-consent']));
  });
});
