// Validates the bundled protocol files: the zod schema, the rule ids and their options,
// and that every article is verbatim from the protocol's source text.
// Runs at build time (vite.config.ts) and from the tests; `tsx scripts/validate-protocols.ts`
// runs it by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeWhitespace, protocolSchema } from '../src/engine/protocol-schema.ts';
import { validateRuleOptions } from '../src/rules/options.ts';

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
  const parsed = protocolSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const protocol = parsed.data;
  const problems: string[] = [];
  if (protocol.id !== id) problems.push(`id "${protocol.id}" does not match the file name`);
  problems.push(...validateRuleOptions(protocol));
  let source: string;
  try {
    source = normalizeWhitespace(readFileSync(join(protocolsDir, 'sources', `${id}.txt`), 'utf8'));
  } catch {
    problems.push(`no source text sources/${id}.txt`);
    return problems;
  }
  for (const article of protocol.articles) {
    if (!source.includes(normalizeWhitespace(article.text))) {
      problems.push(`article ${article.number}: text is not verbatim from sources/${id}.txt`);
    }
  }
  if (protocol.disclaimer && !source.includes(normalizeWhitespace(protocol.disclaimer.text))) {
    // Some protocols only describe the disclaimer (OOH C.4); those texts are our wording
    // of it and must then say so in the article they cite, which the schema already checks.
  }
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
