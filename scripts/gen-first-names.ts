// Writes src/lexicons/first-names.json from the Dutch locale of @faker-js/faker (a maintained
// list of real Dutch first names). The extension ships only the names, not faker itself.
// A test checks that the file still matches the package, so the list never drifts by hand.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nl } from '@faker-js/faker';

export function dutchFirstNames(): string[] {
  const groups = nl.person?.first_name;
  if (!groups) throw new Error('@faker-js/faker nl locale has no first names');
  const all = Object.values(groups).flat() as string[];
  return [...new Set(all)].sort((a, b) => a.localeCompare(b, 'nl'));
}

export const FIRST_NAMES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexicons', 'first-names.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = dutchFirstNames();
  writeFileSync(FIRST_NAMES_FILE, JSON.stringify({ source: '@faker-js/faker locale nl (person.first_name)', names }, null, 0) + '\n');
  console.log(`wrote ${names.length} names to ${FIRST_NAMES_FILE}`);
}
