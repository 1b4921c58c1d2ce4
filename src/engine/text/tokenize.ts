// Word tokens. Intl.Segmenter is the authority on word boundaries, but V8's segment
// iterator costs about a microsecond per segment and grows worse than linearly on long
// strings. Folded Dutch text is nearly all ASCII, so ASCII runs are split by a scanner that
// applies the same Unicode (UAX #29) rules for ASCII: letters and digits join; ' . : between
// letters join ("vwo'ers", "z'n"); , . ; ' between digits join ("9,2"); _ joins ("sterre_x").
// Runs with other Latin letters (ß, é) go to Intl.Segmenter in chunks of at most SEGMENT_CHUNK
// characters; runs in other scripts only (Cyrillic, Arabic, CJK …) are split at letter runs;
// runs with no letters or digits at all (emoji) have no words.

export interface Token {
  /** Folded word. */
  text: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

const SEGMENT_CHUNK = 256;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER_RUN = /[\p{L}\p{M}\p{N}]+/gu;

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
  // A run without a Latin letter (Arabic, Chinese, Cyrillic …) holds no word any lexicon or name
  // list could match: split it at letter runs instead of asking the segmenter, which looks up
  // Chinese words in a dictionary (100 KB of it cost 60-100 ms).
  const run = text.slice(from, to);
  if (!LATIN_LETTER.test(run)) {
    for (const m of run.matchAll(LETTER_RUN)) out.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
    return;
  }
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
