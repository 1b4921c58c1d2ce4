import { FAST_SCAN, WORD_CHAR } from './patterns.ts';
import { candidateStarts, filterFor } from './prefilter.ts';

// Running a pattern over the folded text: every match, in text order.

export interface Match {
  start: number;
  end: number;
  text: string;
}

let prefilterOn = true;

/** Turns the prefilter (prefilter.ts) off or on: for the test that it never changes a result. */
export function usePrefilter(on: boolean): void {
  prefilterOn = on;
}

export function findAll(re: RegExp, text: string): Match[] {
  // Without the g flag exec() starts at 0 every time: the loop below would never end (a lexicon
  // pattern compiled with flags 'u' for .test() once reached here and filled the heap).
  if (!re.global) throw new Error(`findAll needs a global pattern: /${re.source.slice(0, 60)}/${re.flags}`);
  const found: Match[] = [];
  const fast = FAST_SCAN.get(re);
  const scan = fast ?? re;
  if (prefilterOn) {
    const starts = candidateStarts(filterFor(re, scan, fast !== undefined), text);
    if (starts) return matchesAt(scan, text, starts, fast !== undefined);
  }
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    if (m[0].length === 0 || (fast && m.index > 0 && wordCharBefore(text, m.index))) {
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
    // With a prefix asked for, the suffix must be joined to it by a letter or a hyphen. The
    // pattern cannot say so itself: a look-behind at its start would stop V8 from skipping
    // ahead to the suffix's first letters and cost a check at every position.
    if (minPrefix > 0 && !(m.start > 0 && /[\p{L}-]/u.test(text[m.start - 1]!))) continue;
    let start = m.start;
    while (start > 0 && start > m.start - 40 && /[\p{L}'-]/u.test(text[start - 1]!)) start--;
    if (m.start - start < minPrefix) continue;
    found.push({ start, end: m.end, text: text.slice(start, m.end) });
  }
  return found;
}

const STICKY = new WeakMap<RegExp, RegExp>();

/** The pattern as a sticky expression, which matches only where it is put. */
function stickyOf(re: RegExp): RegExp {
  let sticky = STICKY.get(re);
  if (!sticky) STICKY.set(re, (sticky = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  return sticky;
}

/**
 * What findAll finds, trying the pattern only at the given offsets (ascending), which hold
 * every place a match may begin (prefilter.ts). Matches do not overlap, as in a global scan.
 */
function matchesAt(scan: RegExp, text: string, starts: readonly number[], wordStart: boolean): Match[] {
  const found: Match[] = [];
  if (starts.length === 0) return found;
  const sticky = stickyOf(scan);
  let end = 0;
  for (const start of starts) {
    if (start < end || (wordStart && start > 0 && wordCharBefore(text, start))) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m || m[0].length === 0) continue;
    found.push({ start, end: start + m[0].length, text: m[0] });
    end = start + m[0].length;
  }
  return found;
}

/**
 * The matches findAll finds, for a pattern whose every match is one character followed by
 * `mark` ("\\p{Lu}\\." for initials): only the places right before a mark are tried. A pattern
 * that starts with a large class (\\p{Lu}) gives V8 nothing to skip ahead to, so a plain scan
 * tries it at every position.
 */
export function findBeforeMark(re: RegExp, text: string, mark: string): Match[] {
  const starts: number[] = [];
  for (let i = text.indexOf(mark); i > -1; i = text.indexOf(mark, i + 1)) {
    // The character before the mark may be a surrogate pair (𝐀.).
    if (i > 0) starts.push(i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 ? i - 2 : i - 1);
  }
  return matchesAt(re, text, starts, false);
}

/** Is the character before `at` a word character? ASCII without a regular expression. */
function wordCharBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  // A low surrogate: test the whole code point it ends.
  const from = (c & 0xfc00) === 0xdc00 && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(text.slice(from, at));
}
