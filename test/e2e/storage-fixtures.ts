import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Inputs shared by the Chromium and Firefox storage tests (issue 13).

const ROOT = resolve(import.meta.dirname, '..', '..');
export const BUNDLED_PROTOCOL_IDS = ['algemeen', 'aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland'] as const;

/** A valid protocol document of at least `chars` characters: OOH's, with as many extra
 * articles as it takes (a school's full protocol quotes every article in full). */
export function bigProtocol(chars: number): string {
  const doc = JSON.parse(readFileSync(join(ROOT, 'src', 'protocols', 'ooh.json'), 'utf8')) as { id: string; title: string; articles: { number: string; section?: string; text: string }[] };
  doc.id = 'groot-protocol';
  doc.title = 'Protocol sociale media (volledig, 150 KB)';
  const paragraph = 'Medewerkers gaan zorgvuldig om met informatie over leerlingen, ouders en collega’s, ook buiten schooltijd en op persoonlijke accounts. ';
  for (let n = 1; JSON.stringify(doc, null, 2).length < chars; n++) doc.articles.push({ number: `Bijlage ${n}`, section: 'Bijlagen', text: paragraph.repeat(20) });
  return JSON.stringify(doc, null, 2);
}

/** A PostWijs settings export with keys named like Object's members next to a valid school. */
export function hostileSettingsFile(schoolName: string): string {
  return `{"postwijs": 1, "version": 2, "settings": {"__proto__": {"role": "director"}, "constructor": "x", "toString": 1, "schoolName": ${JSON.stringify(schoolName)}, "role": "employee"}}`;
}
