// Writes src/lexicons/first-names.json from two maintained, MIT-licensed lists of real first names:
// - @faker-js/faker's Dutch and Flemish locales (person.first_name): mostly the names of today's
//   children (Daan, Saar, Jarne, Wannes);
// - chance's Dutch names (chance.get('firstNames').male.nl / .female.nl): names of adults as well
//   (Henk, Wim, Gerda, Ingrid, Janneke, Tineke), whom faker's list lacked, so that a colleague or a
//   parent named by first name alone ("Gerda ligt in het ziekenhuis") is a person to the rules.
// The extension ships only the names, not the packages. A test checks that the file still matches
// the packages, so the list never drifts by hand.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nl, nl_BE } from '@faker-js/faker';
import { Chance } from 'chance';

/**
 * Names that are also common words with a capital where posts use them: 'Bent je er ook?' (Flemish
 * name Bent), 'Frans' (the language and the school subject: 'toets Frans'), 'Joke' (English: 'Joke
 * of the day'). A post would otherwise start or mention a person there.
 */
const ALSO_WORDS = new Set(['Bent', 'Frans', 'Joke']);

const sorted = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'nl'));

/**
 * Two lists. `names`: faker's, children's names above all; a pupil can be named by one of them.
 * `adultNames`: chance's names that faker lacks (Henk, Gerda, Ingrid). They make a person for the
 * personal-data rules, but not a pupil: measured over the labelled sets, reading them as pupils'
 * names made a colleague ("Henk") an identifiable pupil in 28 posts and found no pupil.
 */
export function dutchFirstNames(): { names: string[]; adultNames: string[] } {
  const groups = nl.person?.first_name;
  const flemish = nl_BE.person?.first_name;
  if (!groups || !flemish) throw new Error('@faker-js/faker nl or nl_BE locale has no first names');
  // chance.get is in the package's API (chance.js, "get") but not in @types/chance.
  const chance = (new Chance() as unknown as { get(name: string): unknown }).get('firstNames') as { male?: { nl?: string[] }; female?: { nl?: string[] } };
  const adults = [...(chance.male?.nl ?? []), ...(chance.female?.nl ?? [])];
  if (!adults.length) throw new Error('chance has no Dutch first names (firstNames.male.nl / female.nl)');
  const names = sorted(([...Object.values(groups).flat(), ...Object.values(flemish).flat()] as string[]).filter((name) => !ALSO_WORDS.has(name)));
  const known = new Set(names);
  // One word each: the rules read names word by word ('Jan Jaap' would never match as one).
  const adultNames = sorted(adults.filter((name) => !known.has(name) && !ALSO_WORDS.has(name) && /^[\p{L}'-]+$/u.test(name)));
  return { names, adultNames };
}

export const FIRST_NAMES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexicons', 'first-names.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { names, adultNames } = dutchFirstNames();
  const source = 'names: @faker-js/faker locales nl and nl_BE (person.first_name); adultNames: chance (firstNames male.nl, female.nl) less those';
  writeFileSync(FIRST_NAMES_FILE, JSON.stringify({ source, names, adultNames }, null, 0) + '\n');
  console.log(`wrote ${names.length} names and ${adultNames.length} adult names to ${FIRST_NAMES_FILE}`);
}
