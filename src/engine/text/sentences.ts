import { firstFrom, lastUpTo } from './sorted-search.ts';
import type { TextIndex } from './text-index.ts';

/** The sentence around an offset, at most SENTENCE_REACH characters either way (so that a
 * 100 KB post without full stops costs the same per lookup as a tweet). */
export function sentenceOf(index: TextIndex, offset: number): { start: number; end: number } {
  const text = index.folded;
  // The sentence boundaries of the text are found once; a lookup is then two binary searches
  // instead of a walk of up to 600 characters (a one-line post asked this for every name).
  const bounds = boundariesOf(index);
  const before = lastUpTo(bounds, offset - 1);
  const after = firstFrom(bounds, offset);
  const start = Math.max(Math.max(0, offset - SENTENCE_REACH), before ? before.start + 1 : 0);
  const end = Math.min(Math.min(text.length, offset + SENTENCE_REACH), after ? after.start : text.length);
  return { start: Math.min(start, offset), end: Math.max(end, offset) };
}

const BOUNDARIES = new WeakMap<TextIndex, { start: number }[]>();

function boundariesOf(index: TextIndex): { start: number }[] {
  let bounds = BOUNDARIES.get(index);
  if (!bounds) {
    bounds = [];
    const text = index.folded;
    for (let i = 0; i < text.length; i++) if (isBoundary(text, i)) bounds.push({ start: i });
    // An emoji before a capital ends a sentence as a full stop does ("… op bed 🤒 Gelukkig neemt
    // meester Koen het over"): posts often use them so. The capital is read in the original.
    if (EMOJI_THEN_SPACE.test(text)) {
      for (const m of text.matchAll(EMOJI_RUN)) {
        const space = m.index + m[0].length - 1;
        const next = index.original[index.map[space + 1] ?? index.original.length] ?? '';
        if (UPPER.test(next)) bounds.push({ start: space });
      }
      bounds.sort((a, b) => a.start - b.start);
    }
    BOUNDARIES.set(index, bounds);
  }
  return bounds;
}

const SENTENCE_REACH = 300;
const EMOJI_THEN_SPACE = /\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]*[ \t]/u;
const EMOJI_RUN = /\p{Extended_Pictographic}(?:[\u{fe0f}\u{1f3fb}-\u{1f3ff}\u200d]|\p{Extended_Pictographic})*[ \t]/gu;
const UPPER = /\p{Lu}/u;

/**
 * A yes/no question about the sentence around an offset, answered once per sentence: a post
 * that names twenty children in one sentence asks it once, not twenty times.
 */
export function perSentence(index: TextIndex, decide: (sentence: { start: number; end: number }) => boolean): (offset: number) => boolean {
  const known = new Map<number, boolean>();
  return (offset) => {
    const sentence = sentenceOf(index, offset);
    let answer = known.get(sentence.start);
    if (answer === undefined) known.set(sentence.start, (answer = decide(sentence)));
    return answer;
  };
}

/**
 * Does the sentence around an offset match `re` (not global)? Decided once per sentence, and
 * for no sentence when the whole text has no match: most posts name no animal at all.
 */
export function sentenceMatches(index: TextIndex, re: RegExp): (offset: number) => boolean {
  let inText: boolean | undefined;
  return perSentence(index, (s) => (inText ??= re.test(index.folded)) && re.test(index.folded.slice(s.start, s.end)));
}

/** Whether folded offset `i` is a sentence-ish boundary: a line break, or . ! ? followed by a
 * space, a line break or the end of the text. */
function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c === '.' || c === '!' || c === '?') {
    const next = text[i + 1];
    return next === undefined || next === ' ' || next === '\n';
  }
  return false;
}
