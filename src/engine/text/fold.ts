// Folding: the copy of the draft that detectors read. Lower case, diacritics removed,
// zero-width characters dropped, typographic quotes and dashes made plain, with a map from
// every folded offset back to the original text (see text-index.ts for how it is used).

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
