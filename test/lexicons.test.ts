import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dutchFirstNames, FIRST_NAMES_FILE } from '../scripts/gen-first-names.ts';
import { PHONE_METADATA_FILE, trimmedPhoneMetadata } from '../scripts/gen-phone-metadata.ts';

// The generated lexicons stay what their scripts make. (The detection records are checked by
// test/lexicon-records.test.ts: schema, folded words, no duplicates, examples.)
describe('lexicons', () => {
  it('the phone metadata is the package\'s, for the chosen countries (regenerate: npx tsx scripts/gen-phone-metadata.ts)', () => {
    expect(JSON.parse(readFileSync(PHONE_METADATA_FILE, 'utf8'))).toEqual(trimmedPhoneMetadata());
  });
  it('the first-name list is the one made from @faker-js/faker and chance (regenerate: npx tsx scripts/gen-first-names.ts)', () => {
    const stored = JSON.parse(readFileSync(FIRST_NAMES_FILE, 'utf8')) as { names: string[]; adultNames: string[] };
    const made = dutchFirstNames();
    expect(stored.names).toEqual(made.names);
    expect(stored.adultNames).toEqual(made.adultNames);
    expect(stored.names.length).toBeGreaterThan(1000);
    // Adults' names that faker's list lacks, and no name in both lists.
    expect(stored.adultNames).toEqual(expect.arrayContaining(['Henk', 'Gerda', 'Ingrid', 'Janneke']));
    expect(stored.adultNames.filter((n) => stored.names.includes(n))).toEqual([]);
  });
});
