import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonLines } from '../src/cli/corpus.ts';
import { detectSignals } from '../src/engine/analyze.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import { findAll, usePrefilter } from '../src/engine/text/find.ts';
import { wordRegExp } from '../src/engine/text/patterns.ts';
import { literalStarts } from '../src/engine/text/prefilter.ts';
import { ADVERSARIAL } from '../scripts/bench-inputs.ts';

// The prefilter (src/engine/text/prefilter.ts) may only ever save work: with it and without
// it, the engine must find exactly the same things.

afterEach(() => usePrefilter(true));

describe('literal starts of a pattern', () => {
  const valid: [source: string, starts: string[]][] = [
    ['ouders|leerlingen', ['lee', 'oud']],
    ['(?:een|an?)\\s+kind', ['a  ', 'a k', 'an ', 'een']], // every white space reads as one space
    ['groep\\s?[1-8]', ['gro']],
    ['[1-3]e\\s?klas', ['1e ', '1ek', '2e ', '2ek', '3e ', '3ek']],
    ['(?<![\\p{L}])(?:mijn|m\'n)\\s+zoon', ["m'n", 'mij']],
    ['(?:dikke\\s+)?\\d', [...'0123456789', 'dik']],
    ['#x|@y', ['#x', '@y']],
    ['(a)\\1', ['a']], // a back-reference is unknown: the start is cut short before it
    ['a\\s+b', ['a  ', 'a b']],
    ['(?:ab)+c', ['aba', 'abc']],
    ['x(?=y)z', ['xz']], // a look-ahead consumes nothing: still a necessary start
  ];
  it.each(valid)('%s', (source, starts) => {
    expect(literalStarts(source)).toEqual([...new Set(starts)].sort());
  });

  const invalid: [source: string, why: string][] = [
    ['\\p{L}+ouders', 'begins with a class of letters'],
    ['(?:ouders)?', 'may match nothing'],
    ['ouders|[^a]', 'one alternative begins with a negated class'],
    ['(?:a*)*b', 'a repeat that can match nothing'],
    ['.abc', 'begins with any character'],
  ];
  it.each(invalid)('%s gets no filter (%s)', (source) => {
    expect(literalStarts(source)).toBeNull();
  });

  it('the i flag gets no filter', () => {
    expect(literalStarts('abc', 'giu')).toBeNull();
  });
});

describe('findAll with and without the prefilter', () => {
  const both = (re: RegExp, text: string) => {
    usePrefilter(false);
    const plain = findAll(re, text);
    usePrefilter(true);
    return { plain, filtered: findAll(re, text) };
  };

  it('finds the same non-overlapping matches at word starts only', () => {
    const re = wordRegExp('de\\s+(?:juf|meester)|juf');
    const text = 'dejuf de juf de  meester jufjuf de\u00a0juf 🎉de juf';
    const { plain, filtered } = both(re, text);
    expect(plain.length).toBe(4); // not in 'dejuf' or 'jufjuf'
    expect(filtered).toEqual(plain);
  });

  it('agrees on random texts made of the pattern words and odd characters', () => {
    const re = wordRegExp("(?:een|a)\\s+(?:dikke\\s+)?\\d{1,2}|m'n\\s+zoon|#\\p{L}+|groep\\s?[1-8][a-h]?");
    const piece = fc.constantFrom('een', 'a', ' ', '  ', '\u00a0', '\n', '8', '12', 'dikke', "m'n", 'zoon', '#', 'groep', '7b', 'é', '🎉', '\u0301', 'x', '_');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const { plain, filtered } = both(re, pieces.join(''));
        expect(filtered).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees for a pattern that may begin inside a word (an index of every offset)', () => {
    // Compound suffixes ("Dorpsstraat 12", "hoofddocent") are found anywhere, not only at a
    // word start; the filter must then offer places inside words as well.
    const re = /(?:straat|laan)\s?\d{1,3}|docent(?:e|en)?|0[1-9]-/gu;
    const piece = fc.constantFrom('straat', 'laan', 'Dorps', 'docent', 'hoofd', 'e', ' ', '12', '0', '6', '-', '\u00a0', '🎉', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { plain, filtered } = both(re, pieces.join(''));
        expect(filtered).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
    const { filtered } = both(re, 'Dorpsstraat 12, hoofddocente, 06-');
    expect(filtered.map((m) => m.text)).toEqual(['straat 12', 'docente', '06-']);
  });
});

describe('findAll', () => {
  it('refuses a pattern without the g flag instead of looping on its first match', () => {
    usePrefilter(false);
    expect(() => findAll(/luizen/u, 'luizen bij Milan')).toThrow(/global/);
    expect(findAll(/luizen/gu, 'luizen en nog eens luizen').map((m) => m.start)).toEqual([0, 19]);
  });
});

describe('the engine with and without the prefilter', () => {
  const fixtures = join(import.meta.dirname, 'fixtures');
  const files = readdirSync(fixtures)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(fixtures, f));
  const posts = files.flatMap((f) => parseJsonLines(readFileSync(f, 'utf8'), f));

  const signalsOf = (text: string, post: (typeof posts)[number]) =>
    JSON.stringify(detectSignals(text, { protocol: getProtocol(post.school.protocol), role: post.author.role, school: post.school }));

  it(`gives the same signals on every labelled post (${files.length} files)`, () => {
    expect(posts.length).toBeGreaterThan(5000);
    const differ: string[] = [];
    for (const post of posts) {
      usePrefilter(false);
      const plain = signalsOf(post.text, post);
      usePrefilter(true);
      if (signalsOf(post.text, post) !== plain) differ.push(post.id);
    }
    expect(differ).toEqual([]);
  }, 120_000);

  it('gives the same signals on the adversarial inputs, cut to lengths the filter reads', () => {
    const post = posts[0]!;
    for (const [name, text] of ADVERSARIAL) {
      for (const length of [300, 2_000, 6_000]) {
        usePrefilter(false);
        const plain = signalsOf(text.slice(0, length), post);
        usePrefilter(true);
        expect(signalsOf(text.slice(0, length), post), `${name} at ${length}`).toBe(plain);
      }
    }
  }, 120_000);
});
