// Writes src/lexicons/phone-metadata.json: libphonenumber-js's "min" metadata for the countries
// whose numbers Dutch school posts carry (the Netherlands and the Caribbean parts of the
// Kingdom, neighbours, and common countries of origin). The full metadata would triple the
// content script; a test checks this file still matches the package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's exports map this JSON to a JS module; read the JSON file itself.
const packageDir = dirname(createRequire(import.meta.url).resolve('libphonenumber-js/package.json'));
const metadata: unknown = JSON.parse(readFileSync(join(packageDir, 'metadata.min.json'), 'utf8'));

export const PHONE_COUNTRIES = [
  'NL', 'BE', 'DE', 'LU', 'FR', 'GB', 'IE', 'ES', 'PT', 'IT', 'AT', 'CH', 'DK', 'SE', 'NO', 'PL', 'TR', 'MA', 'SR', 'CW', 'AW', 'BQ', 'SX', 'US',
  'UA', 'SY', 'ER', 'ID',
] as const;

interface Metadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
}

export function trimmedPhoneMetadata(): Metadata {
  const full = metadata as unknown as Metadata;
  const keep = new Set<string>(PHONE_COUNTRIES);
  const codes: Record<string, string[]> = {};
  for (const [code, countries] of Object.entries(full.country_calling_codes)) {
    const kept = countries.filter((c) => keep.has(c));
    if (kept.length) codes[code] = kept;
  }
  const countries: Record<string, unknown> = {};
  for (const c of PHONE_COUNTRIES) countries[c] = full.countries[c];
  return { version: full.version, country_calling_codes: codes, countries, nonGeographic: {} };
}

export const PHONE_METADATA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexicons', 'phone-metadata.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PHONE_METADATA_FILE, JSON.stringify(trimmedPhoneMetadata()) + '\n');
  console.log(`wrote metadata for ${PHONE_COUNTRIES.length} countries to ${PHONE_METADATA_FILE}`);
}
