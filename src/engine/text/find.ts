import { FAST_SCAN, WORD_CHAR } from './patterns.ts';

// Running a pattern over the folded text: every match, in text order.

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
    let start = m.start;
    while (start > 0 && start > m.start - 40 && /[\p{L}'-]/u.test(text[start - 1]!)) start--;
    if (m.start - start < minPrefix) continue;
    found.push({ start, end: m.end, text: text.slice(start, m.end) });
  }
  return found;
}

/** Is the character before `at` a word character? ASCII without a regular expression. */
function wordCharBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  // A low surrogate: test the whole code point it ends.
  const from = (c & 0xfc00) === 0xdc00 && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(text.slice(from, at));
}
