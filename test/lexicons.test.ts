import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dutchFirstNames, FIRST_NAMES_FILE } from '../scripts/gen-first-names.ts';
import { PHONE_METADATA_FILE, trimmedPhoneMetadata } from '../scripts/gen-phone-metadata.ts';
import { RAW_LEXICONS } from '../src/engine/lexicon.ts';
import { foldText } from '../src/engine/text.ts';

// Lexicons are data: no duplicates, and written in the folded form the detectors match on.
describe('lexicons', () => {
  for (const [name, lexicon] of Object.entries(RAW_LEXICONS)) {
    for (const [list, entries] of Object.entries(lexicon)) {
      if (!Array.isArray(entries)) continue;
      it(`${name}.${list} has no duplicates`, () => {
        const seen = new Set<string>();
        const duplicates = (entries as string[]).filter((e) => (seen.has(e) ? true : (seen.add(e), false)));
        expect(duplicates).toEqual([]);
      });
      it(`${name}.${list} is folded (lower case, no diacritics)`, () => {
        expect((entries as string[]).filter((e) => foldText(e).folded !== e)).toEqual([]);
      });
    }
  }
  it('the phone metadata is the package\'s, for the chosen countries (regenerate: npx tsx scripts/gen-phone-metadata.ts)', () => {
    expect(JSON.parse(readFileSync(PHONE_METADATA_FILE, 'utf8'))).toEqual(trimmedPhoneMetadata());
  });
  it('the first-name list is the one from @faker-js/faker (regenerate: npx tsx scripts/gen-first-names.ts)', () => {
    const stored = JSON.parse(readFileSync(FIRST_NAMES_FILE, 'utf8')) as { names: string[] };
    expect(stored.names).toEqual(dutchFirstNames());
    expect(stored.names.length).toBeGreaterThan(1000);
  });
});
