// The learned model's view of a post: hashed bag-of-words features of the folded text.
// Training (scripts/train-model.ts) and the detectors use this one function, so the two can
// never disagree on what a feature is.
//
//   word unigrams "w:" and bigrams "b:" (tokens are runs of letters, digits, @ # ' _, or a
//   single other character such as an emoji or a '!'), and for words of four letters or more
//   the character 4- and 5-grams of "<word>" (so that "kankerjuf" and "kankerleraar" share
//   "<kan", "kank", "anke" …, and a typo keeps most of a word's grams).
// Each feature counts once per post (binary), and the vector is scaled to length 1, so a long
// post does not outweigh a short one.

/** Only the first MODEL_MAX_CHARS of the folded text are read: a bounded cost for any paste. */
export const MODEL_MAX_CHARS = 4000;
/**
 * Fewer words than this give the model too little to go on: one word then carries the whole
 * (length-normalised) vector, and the training sets hold only ten posts that short. "Echt" or
 * "Nog een" read 0.94 and 0.87 offensive; such posts are left to the rules.
 */
export const MODEL_MIN_WORDS = 5;

// Tokens: runs of letters, digits, _ @ # ' (a "word"), or any other single character that is not
// white space (an emoji, a '!'). Scanned by character class instead of a regular expression
// (/[\p{L}\p{N}_@#']+|[^\p{L}\p{N}_@#'\s]/gu, which it equals; a test holds them together):
// the model reads every post, so its tokenizer must be cheap.
const SPACE_CLASS = 0;
const OTHER = 1;
const WORD_PART = 2;
const LETTER = 3;
const ASCII_CLASS = new Uint8Array(128).map((_, c) => {
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) return SPACE_CLASS;
  if (/[a-zA-Z]/.test(ch)) return LETTER;
  return /[0-9_@#']/.test(ch) ? WORD_PART : OTHER;
});
const wideClasses = new Map<number, number>();
function classOf(codePoint: number): number {
  if (codePoint < 128) return ASCII_CLASS[codePoint]!;
  let c = wideClasses.get(codePoint);
  if (c === undefined) {
    const ch = String.fromCodePoint(codePoint);
    c = /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? WORD_PART : /\s/u.test(ch) ? SPACE_CLASS : OTHER;
    if (wideClasses.size < 4096) wideClasses.set(codePoint, c);
  }
  return c;
}

// FNV-1a over UTF-16 code units, fed piece by piece: hashing "c:" + a slice of a word without
// building the string gives the same number as hashing the string (a check costs no garbage).
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function feed(h: number, s: string, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
const WORD = feed(FNV_OFFSET, 'w:');
const PAIR = feed(FNV_OFFSET, 'b:');
const GRAM = feed(FNV_OFFSET, 'c:');
const LT = '<'.charCodeAt(0);
const GT = '>'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);

export interface ModelFeatures {
  /** Distinct feature buckets, in the order the text first makes them. */
  buckets: Int32Array;
  /** For each bucket, the folded offset of the first token that produced it. */
  offsets: Int32Array;
  /** 1 / sqrt(number of buckets): every feature's value. */
  value: number;
  /** Tokens made of letters only, up to MODEL_MAX_CHARS. */
  words: number;
}

export function modelFeatures(folded: string, dimension: number): ModelFeatures {
  const text = folded.length > MODEL_MAX_CHARS ? folded.slice(0, MODEL_MAX_CHARS) : folded;
  // Distinct buckets in text order, each with the offset of its first token: an open-addressing
  // set sized for the most features the text can make (each character starts at most three).
  const capacity = 1 << Math.ceil(Math.log2(Math.max(16, text.length * 6)));
  const table = new Int32Array(capacity).fill(-1);
  const buckets = new Int32Array(capacity >> 1);
  const offsets = new Int32Array(capacity >> 1);
  let count = 0;
  const add = (h: number, offset: number) => {
    const bucket = (h >>> 0) % dimension;
    let slot = Math.imul(bucket, 0x9e3779b1) & (capacity - 1);
    while (table[slot] !== -1) {
      if (table[slot] === bucket) return;
      slot = (slot + 1) & (capacity - 1);
    }
    table[slot] = bucket;
    buckets[count] = bucket;
    offsets[count++] = offset;
  };
  let previousStart = -1;
  let previousEnd = -1;
  let words = 0;
  for (let i = 0; i < text.length; ) {
    const first = text.codePointAt(i)!;
    const firstClass = classOf(first);
    const firstLength = first > 0xffff ? 2 : 1;
    if (firstClass === SPACE_CLASS) {
      i += firstLength;
      continue;
    }
    const start = i;
    let letters = firstClass === LETTER;
    i += firstLength;
    if (firstClass !== OTHER) {
      while (i < text.length) {
        const cp = text.codePointAt(i)!;
        const cls = classOf(cp);
        if (cls < WORD_PART) break;
        if (cls !== LETTER) letters = false;
        i += cp > 0xffff ? 2 : 1;
      }
    }
    const end = i;
    add(feed(WORD, text, start, end), start);
    if (previousStart >= 0) add(feed(Math.imul(feed(PAIR, text, previousStart, previousEnd) ^ SPACE, FNV_PRIME), text, start, end), start);
    previousStart = start;
    previousEnd = end;
    if (letters) words++;
    const length = end - start;
    if (length > 3 && letters) {
      // The 4- and 5-grams of "<word>": the first starts with "<", the last ends with ">".
      const last = length + 2;
      for (let n = 4; n <= 5; n++) {
        for (let k = 0; k + n <= last; k++) {
          let h = GRAM;
          const from = k === 0 ? 0 : k - 1;
          if (k === 0) h = Math.imul(h ^ LT, FNV_PRIME);
          const to = k + n === last ? length : k + n - 1;
          h = feed(h, text, start + from, start + to);
          if (k + n === last) h = Math.imul(h ^ GT, FNV_PRIME);
          add(h, start);
        }
      }
    }
  }
  return { buckets: buckets.subarray(0, count), offsets: offsets.subarray(0, count), value: count ? 1 / Math.sqrt(count) : 0, words };
}
