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

const TOKEN = /[\p{L}\p{N}_@#']+|[^\p{L}\p{N}_@#'\s]/gu;
const LETTERS_ONLY = /^\p{L}+$/u;

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
/** More than the features MODEL_MAX_CHARS can make (each character starts at most three). */
const KEY_SPACE = 1 << 15;

export interface ModelFeatures {
  /** Distinct feature buckets, ascending. */
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
  const found: number[] = [];
  const at: number[] = [];
  const add = (h: number, offset: number) => {
    found.push((h >>> 0) % dimension);
    at.push(offset);
  };
  let previous: string | undefined;
  let words = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    add(feed(WORD, word), m.index);
    if (previous !== undefined) add(feed(Math.imul(feed(PAIR, previous) ^ SPACE, FNV_PRIME), word), m.index);
    previous = word;
    const letters = LETTERS_ONLY.test(word);
    if (letters) words++;
    if (word.length > 3 && letters) {
      // The 4- and 5-grams of "<word>": the first starts with "<", the last ends with ">".
      const last = word.length + 2;
      for (let n = 4; n <= 5; n++) {
        for (let k = 0; k + n <= last; k++) {
          let h = GRAM;
          const from = k === 0 ? 0 : k - 1;
          if (k === 0) h = Math.imul(h ^ LT, FNV_PRIME);
          const to = k + n === last ? word.length : k + n - 1;
          h = feed(h, word, from, to);
          if (k + n === last) h = Math.imul(h ^ GT, FNV_PRIME);
          add(h, m.index);
        }
      }
    }
  }
  // Distinct buckets, ascending, each with its first offset: bucket and position packed in one
  // number, so that a plain numeric sort of a typed array orders by bucket, then text order.
  const keys = new Float64Array(found.length);
  for (let i = 0; i < found.length; i++) keys[i] = found[i]! * KEY_SPACE + i;
  keys.sort();
  const buckets: number[] = [];
  const offsets: number[] = [];
  for (const key of keys) {
    const bucket = Math.floor(key / KEY_SPACE);
    if (buckets.length && buckets[buckets.length - 1] === bucket) continue;
    buckets.push(bucket);
    offsets.push(at[key - bucket * KEY_SPACE]!);
  }
  return { buckets: Int32Array.from(buckets), offsets: Int32Array.from(offsets), value: buckets.length ? 1 / Math.sqrt(buckets.length) : 0, words };
}
