import type { Span } from '../types.ts';
import { foldText } from './fold.ts';
import { tokenize, type Token } from './tokenize.ts';

// Text preparation shared by all detectors.
//
// Detectors work on a *folded* copy of the draft: lower case, diacritics removed, zero-width
// characters dropped, typographic quotes and dashes made plain. `map` takes every folded
// offset back to the original text, so evidence spans always point into what the user typed.
// Original casing stays available through `original`, because capitals carry meaning
// ("Spectrum" the school versus "het hele spectrum").

export interface TextIndex {
  original: string;
  folded: string;
  /** folded offset -> original offset; has folded.length + 1 entries. */
  map: Int32Array;
  /** Word-like tokens of the folded text, in order. */
  words: Token[];
}

export function indexText(original: string): TextIndex {
  const { folded, map } = foldText(original);
  return { original, folded, map, words: tokenize(folded) };
}

/** Original-text span of a folded range; offsets at or past the end of the folded text map to
 * the end of the original (`map[folded.length]` is `original.length`). */
export function toSpan(index: TextIndex, start: number, end: number): Span {
  return { start: index.map[start] ?? index.original.length, end: index.map[end] ?? index.original.length };
}

/** The first folded offset that maps to `originalOffset` or later (the map is monotonic). */
export function foldedOffset(index: TextIndex, originalOffset: number): number {
  const { map } = index;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < originalOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const POSITIONS = new WeakMap<TextIndex, ReadonlyMap<string, readonly number[]>>();

/**
 * Each distinct word of the text with the indexes of its tokens, built once per text. A
 * lexicon is then looked up once per distinct word instead of once per token: a long post
 * repeats its words, and some 30 word lists are looked up in every text.
 */
export function wordPositions(index: TextIndex): ReadonlyMap<string, readonly number[]> {
  let positions = POSITIONS.get(index);
  if (!positions) {
    const built = new Map<string, number[]>();
    index.words.forEach((w, i) => {
      const list = built.get(w.text);
      if (list) list.push(i);
      else built.set(w.text, [i]);
    });
    POSITIONS.set(index, (positions = built));
  }
  return positions;
}
