// Maps a protocol's articles to PostWijs's rules with the phrase patterns in
// src/lexicons/protocol-rules.json: per sentence a score per rule, per rule the best article
// (and the next best, for the review's "pick another passage"), with the sentence as the quote
// and the matched phrases as the reason. Pure and DOM-free.
import phrases from '../lexicons/protocol-rules.json' with { type: 'json' };
import { RULE_IDS, type RuleId } from '../rules/ids.ts';
import type { Unit } from './segment.ts';

export interface Evidence {
  /** What the pattern stands for, from the lexicon. */
  meaning: string;
  /** The words of the sentence that matched, as the document writes them. */
  matched: string;
}

export interface Passage {
  article: string;
  /** Verbatim from the article's text: whole sentences. */
  quote: string;
  score: number;
  why: Evidence[];
}

export interface Candidate extends Passage {
  ruleId: RuleId;
  /** Further passages that state the same rule, best first. */
  alternatives: Passage[];
}

interface CompiledPattern {
  meaning: string;
  regex: RegExp;
  weight: number;
}

/** Lower case, no accents, straight quotes: the form the lexicon's patterns are written for.
 * Keeps the length of the text, so that match offsets point into the original. */
export function foldForPatterns(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const mapped = base.length === 1 ? base : ch;
    const straight = mapped.replace(/[‘’‚‛′]/gu, "'").replace(/[“”„‟″]/gu, '"');
    // One UTF-16 unit stays one unit (an astral character stays as it is).
    out += straight.length === ch.length ? straight.toLowerCase() : ch;
  }
  return out;
}

export function compilePattern(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'iu');
}

const RULE_PATTERNS: Record<string, CompiledPattern[]> = Object.fromEntries(
  Object.entries(phrases.rules).map(([ruleId, list]) => [ruleId, list.map((p) => ({ meaning: p.meaning, regex: compilePattern(p.pattern), weight: p.weight }))]),
);
const NORMATIVE = compilePattern(phrases.normative.pattern);
const BACKGROUND = compilePattern(phrases.backgroundSections.pattern);
const THRESHOLD = phrases.threshold;

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentences of a text, verbatim, with their offsets. Intl.Segmenter knows Dutch and
 * English sentence ends; a colon before a list is not one. */
export function sentences(text: string, language = 'nl'): { text: string; start: number }[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  const out: { text: string; start: number }[] = [];
  for (const s of segmenter.segment(text)) {
    const trimmed = s.segment.trimEnd();
    if (!trimmed.trim()) continue;
    const lead = trimmed.length - trimmed.trimStart().length;
    out.push({ text: trimmed.trimStart(), start: s.index + lead });
  }
  return out;
}

function scoreSentence(sentence: string, ruleId: string): { score: number; why: Evidence[] } {
  const folded = foldForPatterns(sentence);
  let score = 0;
  const why: Evidence[] = [];
  for (const pattern of RULE_PATTERNS[ruleId] ?? []) {
    const m = pattern.regex.exec(folded);
    if (!m) continue;
    score += pattern.weight;
    why.push({ meaning: pattern.meaning, matched: sentence.slice(m.index, m.index + m[0].length) });
  }
  return { score, why };
}

/** How much a unit's sentences count: less in a section that explains rather than rules. */
function unitFactor(unit: Unit): number {
  return BACKGROUND.test(foldForPatterns(unit.section ?? '')) ? phrases.backgroundSections.factor : 1;
}

/** The best passage of one unit for one rule: its best sentence, plus what a sentence ending in
 * a colon introduces. An article often states a rule over two sentences ("Everyone keeps to
 * decency. If it is exceeded (bullying, threats …), measures follow."), so when the best sentence
 * states a duty, evidence it lacks counts at half weight from the article's other sentences. */
export function bestPassage(unit: Unit, ruleId: string, language = 'nl'): Passage | undefined {
  const list = sentences(unit.text, language);
  const scored = list.map((s) => {
    const { score: raw, why } = scoreSentence(s.text, ruleId);
    // A rule says what must or must not be done; an item of a list inherits its lead-in's duty.
    const normative = NORMATIVE.test(foldForPatterns(s.text)) || unit.marker === 'item' || unit.marker === 'bullet';
    return { score: raw * (normative ? 1 : phrases.normative.factorWithout), why, normative };
  });
  let bestIndex = -1;
  for (const [index, s] of scored.entries()) if (s.score > 0 && (bestIndex < 0 || s.score > scored[bestIndex]!.score)) bestIndex = index;
  if (bestIndex < 0) return undefined;
  const best = scored[bestIndex]!;
  const seen = new Set(best.why.map((w) => w.meaning));
  let extra = 0;
  const why = [...best.why];
  for (const s of scored) {
    if (s === best || !best.normative) continue;
    for (const w of s.why) {
      if (seen.has(w.meaning)) continue;
      seen.add(w.meaning);
      why.push(w);
      extra += 0.5 * (RULE_PATTERNS[ruleId]!.find((p) => p.meaning === w.meaning)?.weight ?? 0);
    }
  }
  const score = (best.score + extra) * unitFactor(unit);
  let end = bestIndex;
  while (end + 1 < list.length && /:$/u.test(list[end]!.text)) end++;
  const first = list[bestIndex]!;
  const last = list[end]!;
  const quote = unit.text.slice(first.start, last.start + last.text.length);
  return { article: unit.number, quote, score: Math.round(score * 100) / 100, why };
}

/** For every rule that some article states: the best passage and its alternatives. */
export function mapRules(units: Unit[], language = 'nl'): Candidate[] {
  const candidates: Candidate[] = [];
  for (const ruleId of RULE_IDS) {
    const passages = units
      .map((unit) => bestPassage(unit, ruleId, language))
      .filter((p): p is Passage => p !== undefined && p.score >= THRESHOLD / 2)
      .sort((a, b) => b.score - a.score);
    const [best, ...rest] = passages;
    if (!best || best.score < THRESHOLD) continue;
    candidates.push({ ruleId, ...best, alternatives: rest.slice(0, 4) });
  }
  return candidates;
}

/** Whether any sentence of the unit states a rule at all (for listing articles that map to none). */
export function statesSomething(unit: Unit): boolean {
  return sentences(unit.text).some((s) => NORMATIVE.test(foldForPatterns(s.text))) && unitFactor(unit) === 1;
}
