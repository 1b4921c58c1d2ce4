import type { TextIndex } from './text-index.ts';

/** The sentence around an offset, at most SENTENCE_REACH characters either way (so that a
 * 100 KB post without full stops costs the same per lookup as a tweet). */
export function sentenceOf(index: TextIndex, offset: number): { start: number; end: number } {
  const text = index.folded;
  let start = offset;
  const minStart = Math.max(0, offset - SENTENCE_REACH);
  while (start > minStart && !isBoundary(text, start - 1)) start--;
  let end = offset;
  const maxEnd = Math.min(text.length, offset + SENTENCE_REACH);
  while (end < maxEnd && !isBoundary(text, end)) end++;
  return { start, end };
}

const SENTENCE_REACH = 300;

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
