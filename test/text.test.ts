import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll, findBeforeMark } from '../src/engine/text/find.ts';
import { phraseRegExp } from '../src/engine/text/patterns.ts';
import { PhraseMatcher } from '../src/engine/text/phrase-matcher.ts';
import { foldText } from '../src/engine/text/fold.ts';
import { indexText, toSpan } from '../src/engine/text/text-index.ts';
import { sentenceOf } from '../src/engine/text/sentences.ts';

describe('foldText', () => {
  it('lower-cases, strips diacritics and keeps offsets into the original', () => {
    const original = 'Één Café in Zürich';
    const { folded, map } = foldText(original);
    expect(folded).toBe('een cafe in zurich');
    expect(map).toHaveLength(folded.length + 1);
    const at = folded.indexOf('zurich');
    expect(original.slice(map[at], map[folded.length])).toBe('Zürich');
  });
  it('handles decomposed accents (e + combining mark)', () => {
    const original = 'ge\u0301e\u0301n caf\u0065\u0301';
    expect(foldText(original).folded).toBe('geen cafe');
  });
  it('drops zero-width characters and makes quotes and dashes plain', () => {
    expect(foldText('op\u200b persoonlijke\u00a0titel – ’t').folded).toBe('op persoonlijke titel - \'t');
  });
  it('keeps emoji and surrogate pairs intact', () => {
    const original = 'Hoi 👋🏽 Ünal';
    const { folded, map } = foldText(original);
    expect(folded).toBe('hoi 👋🏽 unal');
    const at = folded.indexOf('unal');
    expect(original.slice(map[at], map[at + 4])).toBe('Ünal');
  });
  it('never makes the text longer than the original', () => {
    for (const s of ['İstanbul', 'ß', 'ﬁne', 'Ǆ', '\u0301\u0301']) expect(foldText(s).folded.length).toBeLessThanOrEqual(s.length);
  });
});

describe('indexText', () => {
  it('splits words with Intl.Segmenter, keeping Dutch contractions together', () => {
    const index = indexText("Mijn 6 vwo'ers zaten in z'n klas. #Waldheim");
    expect(index.words.map((w) => w.text)).toEqual(['mijn', '6', "vwo'ers", 'zaten', 'in', "z'n", 'klas', 'waldheim']);
  });
  it('splits runs in other scripts at letter runs, with their offsets, and Latin runs as before', () => {
    const index = indexText('مرحبا بالمدرسة 你好学校 Ünal, café');
    expect(index.words.map((w) => w.text)).toEqual(['مرحبا', 'بالمدرسة', '你好学校', 'unal', 'cafe']);
    for (const w of index.words) expect(index.folded.slice(w.start, w.end)).toBe(w.text);
  });
  it('maps folded ranges back to original spans', () => {
    const index = indexText('Groeten van Ünal uit GROEP 7');
    const at = index.folded.indexOf('groep 7');
    const span = toSpan(index, at, at + 7);
    expect(index.original.slice(span.start, span.end)).toBe('GROEP 7');
  });
});

describe('PhraseMatcher', () => {
  // The matcher looks words and plain-word phrases up on the tokens and scans only the other
  // entries with a regular expression; on text made of words (no apostrophes or dots inside
  // words, where a token and a regex word boundary may differ) it must find exactly what the
  // one regular expression over all entries finds.
  const entries = ['niet', 'doorvertellen', 'niet doorvertellen', 'nog niet', 'nog niet bekend', 'bekend', 'bpv-begeleider', 'in de klas', 'de klas', 'klas', '#persoonlijketitel', 'op persoonlijke titel'];
  const matcher = new PhraseMatcher(entries);
  const pieces = ['niet', 'doorvertellen', 'nog', 'bekend', 'bpv', 'begeleider', 'in', 'de', 'klas', 'klassen', 'op', 'persoonlijke', 'titel', '#persoonlijketitel', 'x'];
  const gaps = [' ', '  ', '\n', ', ', '-', '. ', ' (', '\u00a0', '!'];
  it('finds what phraseRegExp finds, in text order, with no overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 30 }), (parts) => {
        const short = parts.map(([w, g]) => w + g).join('');
        // Repeated past 400 words, the matcher looks words up per distinct word instead of per token.
        for (const text of [short, `${short} `.repeat(40)]) {
          const index = indexText(text);
          const expected = findAll(phraseRegExp(entries), index.folded).map((m) => [m.start, m.end]);
          expect(matcher.find(index).map((m) => [m.start, m.end])).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('matches a phrase across any run of blanks but not across punctuation', () => {
    const found = (text: string) => matcher.find(indexText(text)).map((m) => m.text);
    expect(found('Echt NIET\n  doorvertellen!')).toEqual(['niet\n  doorvertellen']);
    expect(found('niet, doorvertellen')).toEqual(['niet', 'doorvertellen']);
    expect(found('nog niet bekend, nog niet')).toEqual(['nog niet bekend', 'nog niet']);
  });
});

describe('findBeforeMark', () => {
  // The initials pattern, as pupils.ts runs it: one capital, then a dot.
  const initials = /(?<![\p{L}.])\p{Lu}\.(?:\s?\p{Ll}{1,3}\.){0,2}(?:\s?\p{Lu}\.)?/gu;
  const piece = fc.constantFrom('L', 'd', 'J', '.', ' ', 'A.', 'v. ', 'é', 'É', '𝐀', '𝐀.', 'ab', '\n', 'x.y', '..');

  it('finds what a scan of every position finds, on texts of capitals, dots and surrogate pairs', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(findBeforeMark(initials, text, '.')).toEqual(findAll(initials, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds initials after a dot at the very start', () => {
    expect(findBeforeMark(initials, '. L.d.J. uit 2C', '.').map((m) => m.text)).toEqual(['L.d.J.']);
  });
});

describe('sentenceOf', () => {
  // The walk it replaced: back and forth from the offset to a boundary, at most 300 characters.
  function walked(text: string, offset: number) {
    const boundary = (i: number) => text[i] === '\n' || ('.!?'.includes(text[i] ?? 'x') && (text[i + 1] === undefined || text[i + 1] === ' ' || text[i + 1] === '\n'));
    let start = offset;
    while (start > Math.max(0, offset - 300) && !boundary(start - 1)) start--;
    let end = offset;
    while (end < Math.min(text.length, offset + 300) && !boundary(end)) end++;
    return { start, end };
  }
  const piece = fc.constantFrom('a', 'word ', '. ', '.', '!', '?', '\n', ' ', 'x'.repeat(120), 'Dr.', '?!', '..');

  it('finds the sentence the walk found, on any text and offset', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), (pieces, n) => {
        const text = pieces.join('');
        const offset = text.length ? n % (text.length + 1) : 0;
        expect(sentenceOf(indexText(text), offset)).toEqual(walked(foldText(text).folded, offset));
      }),
      { numRuns: 3000 },
    );
  });
});
