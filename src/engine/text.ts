import type { Span } from './types.ts';

// Text preparation shared by all detectors.
//
// Detectors work on a *folded* copy of the draft: lower case, diacritics removed, zero-width
// characters dropped, typographic quotes and dashes made plain. `map` takes every folded
// offset back to the original text, so evidence spans always point into what the user typed.
// Original casing stays available through `original`, because capitals carry meaning
// ("Spectrum" the school versus "het hele spectrum").

export interface Token {
  /** Folded word. */
  text: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

export interface TextIndex {
  original: string;
  folded: string;
  /** folded offset -> original offset; has folded.length + 1 entries. */
  map: Int32Array;
  /** Word-like tokens of the folded text, in order. */
  words: Token[];
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const COMBINING = /\p{M}/u;
const PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2011': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

export function foldText(original: string): { folded: string; map: Int32Array } {
  let folded = '';
  const map = new Int32Array(original.length + 1);
  let length = 0;
  let chunkStart = 0;
  // ASCII runs are copied in one slice (most of every post); other characters one by one.
  // Folding never makes the text longer: combining marks are dropped and lower-casing of
  // the remaining base letters keeps their length (checked below, defensively).
  const flush = (until: number) => {
    if (until > chunkStart) {
      folded += original.slice(chunkStart, until).toLowerCase();
      for (let k = chunkStart; k < until; k++) map[length++] = k;
    }
  };
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      i += 1;
      continue;
    }
    flush(i);
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (!ZERO_WIDTH.test(ch)) {
      let replaced = PLAIN[ch];
      if (replaced === undefined) {
        replaced = '';
        for (const part of ch.normalize('NFD')) if (!COMBINING.test(part)) replaced += part;
        replaced = replaced.toLowerCase();
        if (replaced.length > width) replaced = ch; // an expanding fold would break the offset map
      }
      folded += replaced;
      for (let k = 0; k < replaced.length; k++) map[length++] = i;
    }
    i += width;
    chunkStart = i;
  }
  flush(original.length);
  const trimmed = map.slice(0, folded.length + 1);
  trimmed[folded.length] = original.length;
  return { folded, map: trimmed };
}

let segmenter: Intl.Segmenter | undefined;

export function tokenize(folded: string): Token[] {
  segmenter ??= new Intl.Segmenter('nl', { granularity: 'word' });
  const words: Token[] = [];
  for (const segment of segmenter.segment(folded)) {
    if (segment.isWordLike) words.push({ text: segment.segment, start: segment.index, end: segment.index + segment.segment.length });
  }
  return words;
}

export function indexText(original: string): TextIndex {
  const { folded, map } = foldText(original);
  return { original, folded, map, words: tokenize(folded) };
}

/** Original-text span of a folded range. */
export function toSpan(index: TextIndex, start: number, end: number): Span {
  return { start: index.map[start] ?? index.original.length, end: end >= index.folded.length ? index.original.length : (index.map[end] ?? index.original.length) };
}

/** The original (cased) text of a folded range. */
export function originalOf(index: TextIndex, start: number, end: number): string {
  const span = toSpan(index, start, end);
  return index.original.slice(span.start, span.end);
}

/** Index of the first word token that starts at or after a folded offset (binary search). */
export function wordAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const LETTER_BEFORE = '(?<![\\p{L}\\p{N}_])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * A global, Unicode regular expression that matches any of the given folded phrases as
 * whole words. Spaces in a phrase match any run of whitespace. Literal alternations
 * only: no nested quantifiers, so matching stays linear in the text length.
 */
export function phraseRegExp(phrases: readonly string[], options: { prefix?: boolean; suffix?: boolean } = {}): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  const body = sorted.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|');
  const before = options.prefix ? '' : LETTER_BEFORE;
  const after = options.suffix ? '' : LETTER_AFTER;
  return new RegExp(`${before}(?:${body})${after}`, 'gu');
}

/** Builds a whole-word regular expression from a source fragment. */
export function wordRegExp(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${LETTER_BEFORE}(?:${source})${LETTER_AFTER}`, flags);
}

export interface Match {
  start: number;
  end: number;
  text: string;
}

export function findAll(re: RegExp, text: string): Match[] {
  const found: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}

/** Folded offsets of sentence-ish boundaries: line breaks and . ! ? followed by space. */
export function sentenceOf(index: TextIndex, offset: number): { start: number; end: number } {
  const text = index.folded;
  let start = offset;
  while (start > 0 && !isBoundary(text, start - 1)) start--;
  let end = offset;
  while (end < text.length && !isBoundary(text, end)) end++;
  return { start, end };
}

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c === '.' || c === '!' || c === '?') {
    const next = text[i + 1];
    return next === undefined || next === ' ' || next === '\n';
  }
  return false;
}
