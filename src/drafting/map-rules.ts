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
  /** The pattern does not count in a sentence this matches ("recognisable pupils" in a sentence
   * about photos is the photo rule, not the pupil rule). */
  notWith?: RegExp;
}

/** Lower case, no accents, straight quotes: the form the lexicon's patterns are written for.
 * Keeps the length of the text, so that match offsets point into the original. */
export function foldForPatterns(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    // Most of a protocol is ASCII: only lower-case it.
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
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
  Object.entries(phrases.rules).map(([ruleId, list]) => [
    ruleId,
    list.map((p: { meaning: string; pattern: string; weight: number; notWith?: string }) => ({
      meaning: p.meaning,
      regex: compilePattern(p.pattern),
      weight: p.weight,
      ...(p.notWith ? { notWith: compilePattern(p.notWith) } : {}),
    })),
  ]),
);
const NORMATIVE = compilePattern(phrases.normative.pattern);
const BACKGROUND = compilePattern(phrases.backgroundSections.pattern);
const DEFINITION = compilePattern(phrases.definitionSentence.pattern);
const THRESHOLD = phrases.threshold;

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentences of a text, verbatim, with their offsets. Intl.Segmenter knows Dutch and
 * English sentence ends; a colon before a list is not one. Its time grows faster than the text
 * (V8 on a 100 KB paragraph: over a second), so a long text is cut first, after a sentence end
 * near every couple of thousand characters, and each piece is segmented on its own. */
export function sentences(text: string, language = 'nl'): { text: string; start: number }[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  const out: { text: string; start: number }[] = [];
  for (const [offset, piece] of pieces(text)) {
    for (const s of segmenter.segment(piece)) {
      const trimmed = s.segment.trimEnd();
      if (!trimmed.trim()) continue;
      const lead = trimmed.length - trimmed.trimStart().length;
      out.push({ text: trimmed.trimStart(), start: offset + s.index + lead });
    }
  }
  return out;
}

const PIECE = 2000;
function pieces(text: string): [number, string][] {
  if (text.length <= PIECE) return [[0, text]];
  const out: [number, string][] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    const window = text.slice(start + PIECE / 2, start + PIECE);
    const ends = [...window.matchAll(/[.!?…]["”’)]?\s+(?=\S)/gu)];
    const last = ends[ends.length - 1];
    // No sentence end in the window (a list without full stops): cut at a space, or hard.
    const cut = last ? start + PIECE / 2 + last.index + last[0].length : start + PIECE / 2 + Math.max(window.lastIndexOf(' ') + 1, 1);
    out.push([start, text.slice(start, cut)]);
    start = cut;
  }
  out.push([start, text.slice(start)]);
  return out;
}

function scoreSentence(sentence: string, folded: string, ruleId: string): { score: number; why: Evidence[] } {
  let score = 0;
  const why: Evidence[] = [];
  for (const pattern of RULE_PATTERNS[ruleId] ?? []) {
    const m = pattern.regex.exec(folded);
    if (!m || pattern.notWith?.test(folded)) continue;
    score += pattern.weight;
    why.push({ meaning: pattern.meaning, matched: sentence.slice(m.index, m.index + m[0].length) });
  }
  return { score, why };
}

interface PreparedSentence {
  text: string;
  start: number;
  folded: string;
  /** How much the sentence's evidence counts: a duty counts fully, a statement less, a definition least. */
  factor: number;
  normative: boolean;
}

interface PreparedUnit {
  sentences: PreparedSentence[];
  /** Less in a section that explains rather than rules. */
  factor: number;
}

/** What every rule's scoring needs from a unit, worked out once for all rules. */
const prepared = new WeakMap<Unit, PreparedUnit>();
function prepare(unit: Unit, language: string): PreparedUnit {
  const cached = prepared.get(unit);
  if (cached) return cached;
  const result: PreparedUnit = {
    factor: BACKGROUND.test(foldForPatterns(unit.section ?? '')) ? phrases.backgroundSections.factor : 1,
    sentences: sentences(unit.text, language).map((s) => {
      const folded = foldForPatterns(s.text);
      // A definition ("Persoonsgegevens: gegevens die …") explains a word; it is not a rule, list item or not.
      if (DEFINITION.test(folded)) return { ...s, folded, factor: phrases.definitionSentence.factor, normative: false };
      // A rule says what must or must not be done; an item of a list inherits its lead-in's duty.
      const normative = NORMATIVE.test(folded) || unit.marker === 'item' || unit.marker === 'bullet';
      return { ...s, folded, factor: normative ? 1 : phrases.normative.factorWithout, normative };
    }),
  };
  prepared.set(unit, result);
  return result;
}

/** The best passage of one unit for one rule: its best sentence, plus what a sentence ending in
 * a colon introduces. An article often states a rule over two sentences ("Everyone keeps to
 * decency. If it is exceeded (bullying, threats …), measures follow."), so when the best sentence
 * states a duty, evidence it lacks counts at half weight from the article's other sentences. */
export function bestPassage(unit: Unit, ruleId: string, language = 'nl'): Passage | undefined {
  const { sentences: list, factor } = prepare(unit, language);
  const scored = list.map((s) => {
    const { score: raw, why } = scoreSentence(s.text, s.folded, ruleId);
    return { score: raw * s.factor, why, normative: s.normative };
  });
  let bestIndex = -1;
  for (const [index, s] of scored.entries()) if (s.score > 0 && (bestIndex < 0 || s.score > scored[bestIndex]!.score)) bestIndex = index;
  if (bestIndex < 0) return undefined;
  const best = scored[bestIndex]!;
  const seen = new Set(best.why.map((w) => w.meaning));
  let extra = 0;
  const why = [...best.why];
  let begin = bestIndex;
  let end = bestIndex;
  if (best.normative) {
    for (const [index, s] of scored.entries()) {
      if (s === best) continue;
      let added = false;
      for (const w of s.why) {
        if (seen.has(w.meaning)) continue;
        seen.add(w.meaning);
        why.push(w);
        extra += 0.5 * (RULE_PATTERNS[ruleId]!.find((p) => p.meaning === w.meaning)?.weight ?? 0);
        added = true;
      }
      // Evidence from the sentence right before or after belongs in the quote: the rule is
      // stated over both ("… doen dat op persoonlijke titel. Zij maken duidelijk dat …").
      if (added && index === begin - 1) begin = index;
      if (added && index === end + 1) end = index;
    }
  }
  const score = (best.score + extra) * factor;
  while (end + 1 < list.length && /:$/u.test(list[end]!.text)) end++;
  const first = list[begin]!;
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

/** A unit's sentences, segmented once for mapping and for the other details drafting finds. */
export function unitSentences(unit: Unit, language = 'nl'): readonly { text: string; start: number }[] {
  return prepare(unit, language).sentences;
}

/** Whether any sentence of the unit states a rule at all (for listing articles that map to none). */
export function statesSomething(unit: Unit, language = 'nl'): boolean {
  const { sentences: list, factor } = prepare(unit, language);
  return factor === 1 && list.some((s) => s.normative && s.factor === 1);
}
