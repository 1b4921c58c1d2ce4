// Regular expressions built from folded words and phrases, matching whole words only.

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
  const unbounded = `(?:${body})${options.suffix ? '' : LETTER_AFTER}`;
  return options.prefix ? new RegExp(unbounded, 'gu') : atWordStart(unbounded, 'gu');
}

/** Builds a whole-word regular expression from a source fragment. */
export function wordRegExp(source: string, flags = 'gu'): RegExp {
  return atWordStart(`(?:${source})${LETTER_AFTER}`, flags);
}

// A leading look-behind stops V8 from skipping ahead to likely first characters, which makes
// every scan slower. findAll (find.ts) therefore runs a twin without it and checks the word
// boundary before each match itself; the original stays correct for any other use (test, exec).
export const FAST_SCAN = new WeakMap<RegExp, RegExp>();

/** A character that continues a word: what LETTER_BEFORE excludes before a match. */
export const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** `source` anchored at a word start; a global expression also gets its fast-scan twin. */
function atWordStart(source: string, flags: string): RegExp {
  const re = new RegExp(LETTER_BEFORE + source, flags);
  if (re.global) FAST_SCAN.set(re, new RegExp(source, re.flags));
  return re;
}
