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

// Folding a non-ASCII character (NFD, drop marks, lower-case) is slow; posts repeat the same
// few emoji and accented letters, so remember them.
const foldCache = new Map<string, string>();

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
    // Astral characters (emoji, symbols) never fold: copy the surrogate pair as it is.
    if ((code & 0xfc00) === 0xd800 && i + 1 < original.length && (original.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      folded += original[i]! + original[i + 1]!;
      map[length++] = i;
      map[length++] = i;
      i += 2;
      chunkStart = i;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (!ZERO_WIDTH.test(ch)) {
      let replaced = PLAIN[ch] ?? foldCache.get(ch);
      if (replaced === undefined) {
        replaced = '';
        for (const part of ch.normalize('NFD')) if (!COMBINING.test(part)) replaced += part;
        replaced = replaced.toLowerCase();
        if (replaced.length > width) replaced = ch; // an expanding fold would break the offset map
        if (foldCache.size < 8192) foldCache.set(ch, replaced);
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

// Word tokens. Intl.Segmenter is the authority on word boundaries, but V8's segment
// iterator costs about a microsecond per segment and grows worse than linearly on long
// strings. Folded Dutch text is nearly all ASCII, so ASCII runs are split by a scanner that
// applies the same Unicode (UAX #29) rules for ASCII: letters and digits join; ' . : between
// letters join ("vwo'ers", "z'n"); , . ; ' between digits join ("9,2"); _ joins ("sterre_x").
// Runs with other letters (ß, Cyrillic, Arabic, CJK …) go to Intl.Segmenter in chunks of at
// most SEGMENT_CHUNK characters; runs with no letters or digits at all (emoji) have no words.
const SEGMENT_CHUNK = 256;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;

export function tokenize(folded: string): Token[] {
  const words: Token[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    // Find the next run of non-space characters.
    while (i < n && isSpace(folded.charCodeAt(i))) i++;
    const runStart = i;
    let ascii = true;
    while (i < n && !isSpace(folded.charCodeAt(i))) {
      if (folded.charCodeAt(i) >= 0x80) ascii = false;
      i++;
    }
    if (runStart === i) break;
    if (ascii) scanAscii(folded, runStart, i, words);
    else segmentRun(folded, runStart, i, words);
  }
  return words;
}

function scanAscii(text: string, from: number, to: number, out: Token[]): void {
  let i = from;
  while (i < to) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isAsciiAlnum(c)) {
        i++;
        continue;
      }
      const prev = text.charCodeAt(i - 1);
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      const betweenLetters = (c === 39 || c === 46 || c === 58) && isAsciiLetter(prev) && isAsciiLetter(next);
      const betweenDigits = (c === 44 || c === 46 || c === 59 || c === 39) && isDigit(prev) && isDigit(next);
      if (betweenLetters || betweenDigits) {
        i += 1;
        continue;
      }
      break;
    }
    out.push({ text: text.slice(start, i), start, end: i });
  }
}

function segmentRun(text: string, from: number, to: number, out: Token[]): void {
  if (!HAS_WORD_CHAR.test(text.slice(from, Math.min(to, from + 4 * SEGMENT_CHUNK))) && !HAS_WORD_CHAR.test(text.slice(from, to))) return;
  segmenter ??= new Intl.Segmenter('nl', { granularity: 'word' });
  for (let start = from; start < to; ) {
    let end = Math.min(to, start + SEGMENT_CHUNK);
    // Do not cut a surrogate pair.
    if (end < to && (text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    for (const segment of segmenter.segment(text.slice(start, end))) {
      if (segment.isWordLike) out.push({ text: segment.segment, start: start + segment.index, end: start + segment.index + segment.segment.length });
    }
    start = end;
  }
}

export function indexText(original: string): TextIndex {
  const { folded, map } = foldText(original);
  return { original, folded, map, words: tokenize(folded) };
}

/** Original-text span of a folded range. */
export function toSpan(index: TextIndex, start: number, end: number): Span {
  return { start: index.map[start] ?? index.original.length, end: end >= index.folded.length ? index.original.length : (index.map[end] ?? index.original.length) };
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

/** The first of a list of ranges sorted by start that starts at or after `offset` (binary search). */
export function firstFrom<T extends { start: number }>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** The last of a list of ranges sorted by start that starts at or before `offset`. */
export function lastUpTo<T extends { start: number }>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo - 1];
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
  const after = options.suffix ? '' : LETTER_AFTER;
  if (options.prefix) return new RegExp(`(?:${body})${after}`, 'gu');
  return withFastScan(new RegExp(`${LETTER_BEFORE}(?:${body})${after}`, 'gu'), `(?:${body})${after}`);
}

/**
 * A lexicon as a matcher: single words are looked up in a Set over the draft's word tokens
 * (one hash lookup per word, whatever the lexicon's size); only multi-word or punctuated
 * entries ("niet doorvertellen", "bpv-begeleider") are scanned with a regular expression.
 * Matches are whole words, in text order, as with phraseRegExp.
 */
export class PhraseMatcher {
  private readonly words: ReadonlySet<string>;
  private readonly phrases: RegExp | undefined;
  readonly regex: RegExp;

  constructor(entries: readonly string[]) {
    const single = entries.filter((e) => /^[\p{L}\p{N}]+$/u.test(e));
    const multi = entries.filter((e) => !/^[\p{L}\p{N}]+$/u.test(e));
    this.words = new Set(single);
    this.phrases = multi.length ? phraseRegExp(multi) : undefined;
    this.regex = phraseRegExp(entries);
  }

  find(index: TextIndex): Match[] {
    const found: Match[] = [];
    for (const w of index.words) if (this.words.has(w.text)) found.push({ start: w.start, end: w.end, text: w.text });
    if (!this.phrases) return found;
    const phrases = findAll(this.phrases, index.folded);
    if (!found.length) return phrases;
    // Merge in text order; a phrase wins over a word inside it.
    const merged = [...phrases];
    for (const w of found) {
      const p = lastUpTo(phrases, w.start);
      if (!p || w.end > p.end) merged.push(w);
    }
    return merged.sort((a, b) => a.start - b.start);
  }
}

/** Builds a whole-word regular expression from a source fragment. */
export function wordRegExp(source: string, flags = 'gu'): RegExp {
  const re = new RegExp(`${LETTER_BEFORE}(?:${source})${LETTER_AFTER}`, flags);
  return flags.includes('g') ? withFastScan(re, `(?:${source})${LETTER_AFTER}`) : re;
}

// A leading look-behind stops V8 from skipping ahead to likely first characters, which makes
// every scan slower. findAll therefore runs a twin without it and checks the word boundary
// before each match itself; the original stays correct for any other use (test, exec).
const FAST_SCAN = new WeakMap<RegExp, RegExp>();
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function withFastScan(re: RegExp, unboundedSource: string): RegExp {
  FAST_SCAN.set(re, new RegExp(unboundedSource, re.flags));
  return re;
}

export interface Match {
  start: number;
  end: number;
  text: string;
}

export function findAll(re: RegExp, text: string): Match[] {
  const found: Match[] = [];
  const fast = FAST_SCAN.get(re);
  const scan = fast ?? re;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    if (m[0].length === 0 || (fast && m.index > 0 && WORD_CHAR.test(text[m.index - 1]!))) {
      // Step over a whole code point: with the u flag an index inside a surrogate pair is
      // moved back to its start, which would find the same match again forever.
      scan.lastIndex = m.index + ((text.charCodeAt(m.index) & 0xfc00) === 0xd800 ? 2 : 1);
      continue;
    }
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}

/**
 * Finds matches of a pattern that may end a compound word ("straat 12" in "Dorpsstraat 12",
 * "kanker" in "borstkanker") and widens each to the start of its word. Patterns that begin
 * with a run of letters ("[\\p{L}]{0,30}straat") cost that run at every position; this costs it
 * only where the suffix is found.
 */
export function findWithWordStart(re: RegExp, text: string, minPrefix = 0): Match[] {
  const found: Match[] = [];
  for (const m of findAll(re, text)) {
    let start = m.start;
    while (start > 0 && start > m.start - 40 && /[\p{L}'-]/u.test(text[start - 1]!)) start--;
    if (m.start - start < minPrefix) continue;
    found.push({ start, end: m.end, text: text.slice(start, m.end) });
  }
  return found;
}

/** Folded offsets of sentence-ish boundaries: line breaks and . ! ? followed by space. */
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

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c === '.' || c === '!' || c === '?') {
    const next = text[i + 1];
    return next === undefined || next === ' ' || next === '\n';
  }
  return false;
}
