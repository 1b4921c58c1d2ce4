// Writes src/lexicons/first-names.json from the Dutch and Flemish locales of @faker-js/faker
// (maintained lists of real first names in the Netherlands and Flanders; the Flemish one adds
// names such as Lore, Kaat, Jarne and Wannes). The extension ships only the names, not faker itself.
// A test checks that the file still matches the package, so the list never drifts by hand.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nl, nl_BE } from '@faker-js/faker';

/** Flemish names that are also common Dutch words: 'Bent je er ook?' would start with a name. */
const ALSO_WORDS = new Set(['Bent']);

export function dutchFirstNames(): string[] {
  const groups = nl.person?.first_name;
  const flemish = nl_BE.person?.first_name;
  if (!groups || !flemish) throw new Error('@faker-js/faker nl or nl_BE locale has no first names');
  const all = [...Object.values(groups).flat(), ...Object.values(flemish).flat().filter((name) => !ALSO_WORDS.has(name))] as string[];
  return [...new Set(all)].sort((a, b) => a.localeCompare(b, 'nl'));
}

export const FIRST_NAMES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexicons', 'first-names.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = dutchFirstNames();
  writeFileSync(FIRST_NAMES_FILE, JSON.stringify({ source: '@faker-js/faker locales nl and nl_BE (person.first_name)', names }, null, 0) + '\n');
  console.log(`wrote ${names.length} names to ${FIRST_NAMES_FILE}`);
}
