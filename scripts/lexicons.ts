// The detection lexicons (src/lexicons/*.json in the record format of
// src/engine/lexicon-records.ts): validated at build time (vite.config.ts) and in the tests, and
// stripped of their meanings and examples for the bundles, which need only the data.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const LEXICONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lexicons');

/** Files in the record format. first-names and phone-metadata are generated lists, text-model
 * the learned model (scripts/train-model.ts);
 * protocol-rules (drafting only) has its own format and test. */
export const RECORD_FILES = ['school', 'pupils', 'affiliation', 'disclaimer', 'privacy', 'offensive', 'confidential'] as const;
export type RecordFile = (typeof RECORD_FILES)[number];

const examples = z
  .object({ match: z.array(z.string().min(1)).min(1), noMatch: z.array(z.string().min(1)).min(1) })
  .strict();
const common = { meaning: z.string().min(10), examples };
const folded = z.string().min(1).refine((w) => w === w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), 'not folded (lower case, no diacritics)');
const recordSchema = z.union([
  z.object({ ...common, words: z.array(folded).min(1), find: z.enum(['word', 'compound-end', 'compound-start']).optional() }).strict(),
  z.object({ ...common, pattern: z.string().min(1) }).strict(),
  z.object({ ...common, regex: z.string().min(1), flags: z.string().regex(/^[gimsuy]*$/).optional(), on: z.literal('original').optional() }).strict(),
]);
export type SourceRecord = z.output<typeof recordSchema>;

export function readLexicon(file: RecordFile): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LEXICONS_DIR, `${file}.json`), 'utf8')) as Record<string, unknown>;
}

/** The records of a lexicon file (every key but `description`), or the problems found. */
export function lexiconRecords(file: RecordFile): { records: Record<string, SourceRecord>; problems: string[] } {
  const raw = readLexicon(file);
  const records: Record<string, SourceRecord> = {};
  const problems: string[] = [];
  if (typeof raw.description !== 'string' || raw.description.length < 20) problems.push(`${file}.json: a description of the file is missing`);
  for (const [id, value] of Object.entries(raw)) {
    if (id === 'description') continue;
    if (!/^[a-z][A-Za-z0-9]*$/.test(id)) problems.push(`${file}.${id}: record ids are camelCase`);
    const parsed = recordSchema.safeParse(value);
    if (parsed.success) records[id] = parsed.data;
    else problems.push(`${file}.${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return { records, problems };
}

/** What the bundles keep of a record: its data. */
function strip(record: SourceRecord): Record<string, unknown> {
  const { meaning: _meaning, examples: _examples, ...data } = record;
  return data;
}

/**
 * Validates every lexicon and writes the stripped copies that vite.config.ts aliases to.
 * Returns an id of this data (a hash of all detection data files), which tags the copy the
 * worker hands to the content script.
 */
export function writeStrippedLexicons(outDir: string): string {
  const problems: string[] = [];
  const hash = createHash('sha256');
  mkdirSync(outDir, { recursive: true });
  for (const file of RECORD_FILES) {
    const { records, problems: found } = lexiconRecords(file);
    problems.push(...found);
    const stripped = JSON.stringify(Object.fromEntries(Object.entries(records).map(([id, r]) => [id, strip(r)])));
    hash.update(stripped);
    writeFileSync(join(outDir, `${file}.json`), stripped);
  }
  for (const generated of ['first-names.json', 'phone-metadata.json', 'text-model.json']) hash.update(readFileSync(join(LEXICONS_DIR, generated)));
  if (problems.length) throw new Error(`Lexicon problems:\n  ${problems.join('\n  ')}`);
  return hash.digest('hex').slice(0, 16);
}
