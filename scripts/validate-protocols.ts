// Validates the bundled protocol files: the zod schema, the rule ids and their options,
// that every article is verbatim from the protocol's source text (with footnote markers and
// line-end hyphens repaired, as a reader sees it) and that no quote carries a footnote marker.
// Runs at build time (vite.config.ts) and from the tests; `tsx scripts/validate-protocols.ts`
// runs it by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateProtocolDocument } from '../src/drafting/validate.ts';

const protocolsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'protocols');

export interface ProtocolFileProblem {
  file: string;
  problems: string[];
}

export function checkProtocolFile(file: string): string[] {
  const id = file.replace(/\.json$/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(protocolsDir, file), 'utf8'));
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  let source: string | undefined;
  try {
    source = readFileSync(join(protocolsDir, 'sources', `${id}.txt`), 'utf8');
  } catch {
    // Reported below, after the checks that need no source.
  }
  const problems = validateProtocolDocument(raw, source);
  const declared = (raw as { id?: unknown } | null)?.id;
  if (declared !== id) problems.push(`id "${String(declared)}" does not match the file name`);
  if (source === undefined) problems.push(`no source text sources/${id}.txt`);
  return problems;
}

export function protocolFiles(): string[] {
  return readdirSync(protocolsDir).filter((f) => f.endsWith('.json')).sort();
}

export function validateProtocolFiles(): void {
  const failures: ProtocolFileProblem[] = [];
  for (const file of protocolFiles()) {
    const problems = checkProtocolFile(file);
    if (problems.length) failures.push({ file, problems });
  }
  if (failures.length) {
    const lines = failures.flatMap((f) => f.problems.map((p) => `src/protocols/${f.file}: ${p}`));
    throw new Error(`Invalid protocol files:\n${lines.join('\n')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    validateProtocolFiles();
    console.log(`${protocolFiles().length} protocol files valid`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
