import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import '../i18n/all.ts';
import { check, reachesSeverity, signalValues } from '../engine/analyze.ts';
import type { CheckConfig } from '../engine/config.ts';
import { getProtocol, isProtocolId, PROTOCOL_IDS } from '../engine/protocols.ts';
import { DRAFT_KINDS, PLATFORMS, ROLES, SIGNAL_NAMES, type CheckResult, type Draft, type Finding, type Severity, type SignalName } from '../engine/types.ts';
import { findingMessage } from '../i18n/finding-text.ts';
import { setUiLanguage, t, tIn, type MessageId } from '../i18n/messages.ts';
import { InputError, parseJsonLines, type CorpusPost } from './corpus.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { draftFromFile, ProtocolCommandError, validateFile } from './protocol.ts';
import { runAudit } from './audit.ts';
import { runSettingsCommand } from './settings-check.ts';
import { both, dutch } from './words.ts';

// postwijs: the engine on the command line.
//   check [FILE|-] --protocol ID --school NAME [--alias A]... --role R [--json] [--lang en]
//   check --jsonl [FILE|-]           one JSON line per post, as in ../shared/corpus/dev.jsonl
//   eval FILE.jsonl [--min-f1 0.9]   precision / recall / F1 per label
//   protocols                        the bundled protocols
//   protocol draft FILE              a protocol document drafted from a PDF, .docx or text (JSON on stdout)
//   protocol validate FILE           checks a protocol document as the build does
//   settings check FILE              a policy or settings file, checked before it is deployed
// Exit codes: 0 clean, 1 findings (warning or error; `--fail-on` changes the level) or F1
// below --min-f1 or values a settings file would lose, 2 bad usage or bad input (one line on
// stderr, never a stack trace).
// The texts are in public/_locales (cli*): the output in the language of --lang (Dutch unless
// told), the error lines in both (words.ts). The eval report is for developers, in English.

export class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  readFile: (path: string) => string;
}

const SEVERITY_LABEL: Record<Severity, MessageId> = { info: 'cliSeverityInfo', warning: 'cliSeverityWarning', error: 'cliSeverityError' };
const SIGNAL_LABEL: Record<SignalName, MessageId> = {
  schoolRelated: 'cliSignalSchoolRelated',
  disclaimer: 'cliSignalDisclaimer',
  affiliation: 'cliSignalAffiliation',
  pupilsReferenced: 'cliSignalPupilsReferenced',
  pupilIdentifiable: 'cliSignalPupilIdentifiable',
  personalData: 'cliSignalPersonalData',
  offensive: 'cliSignalOffensive',
  confidential: 'cliSignalConfidential',
};

export function readInput(io: Io, file: string | undefined): string {
  if (file === undefined) throw new UsageError(both('cliNoInput'));
  if (file === '-') return io.readStdin();
  try {
    return io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${both(code === 'ENOENT' ? 'cliFileNotFound' : 'cliCannotRead')}`);
  }
}

function toInt(value: string | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`--${name} ${both('cliNotWholeNumber')}: ${value}`);
  return Number(value);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} ${both('cliMissing')}; ${dutch('cliChooseFrom', allowed.join(', '))}`);
  }
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} ${both('cliUnknown')}: ${value}; ${dutch('cliChooseFrom', allowed.join(', '))}`);
  return value as T;
}

function failsAt(result: CheckResult, level: Severity): boolean {
  return reachesSeverity(result.findings, level);
}

/** Findings for JSON output, each with its message worded in the chosen language. */
export function worded(findings: Finding[]): (Finding & { message: string })[] {
  return findings.map((f) => ({ ...f, message: findingMessage(f) }));
}

function formatFinding(f: Finding, lang: 'nl' | 'en', text: string): string {
  const lines = [`${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} ${t(SEVERITY_LABEL[f.severity])}  ${f.ruleId}: ${findingMessage(f)}`];
  for (const item of f.checklist ?? []) lines.push(`    ☐ ${item[lang]}`);
  const where = f.spans.slice(0, 3).map((s) => `"${text.slice(s.start, s.end).replace(/\s+/g, ' ')}"`);
  if (where.length) lines.push(`    ${t('cliFoundAt', where.join(', '))}`);
  lines.push(`    ${t('cliArticle', f.article.number, f.article.protocol, f.article.quote.replace(/\s+/g, ' '))}`);
  if (f.fix) lines.push(`    ${t('cliFix', f.fix.text)}`);
  return lines.join('\n');
}

/** The settings flags that `check` and `audit` share. */
export const SETTINGS_FLAGS = {
  protocol: { type: 'string' },
  school: { type: 'string' },
  alias: { type: 'string', multiple: true },
  role: { type: 'string' },
  'job-title': { type: 'string' },
  disclaimer: { type: 'string' },
  'no-consent': { type: 'string', multiple: true },
} as const;

/** --lang and --fail-on, shared by `check` and `audit`; sets the output language. */
export const OUTPUT_FLAGS = { lang: { type: 'string' }, 'fail-on': { type: 'string' } } as const;

export function outputFromFlags(values: { lang?: string; 'fail-on'?: string }): { failOn: Severity; lang: 'nl' | 'en' } {
  const failOn = oneOf(values['fail-on'], ['info', 'warning', 'error'] as const, 'fail-on', 'warning');
  const lang = oneOf(values.lang, ['nl', 'en'] as const, 'lang', 'nl');
  setUiLanguage(lang);
  return { failOn, lang };
}

export function configFromFlags(values: { protocol?: string; school?: string; alias?: string[]; role?: string; 'job-title'?: string; disclaimer?: string; 'no-consent'?: string[] }): CheckConfig {
  if (!values.protocol || !isProtocolId(values.protocol)) {
    throw new UsageError(`--protocol ${values.protocol ? `${both('cliUnknown')}: ${values.protocol}` : both('cliMissing')}; ${dutch('cliChooseFrom', PROTOCOL_IDS.join(', '))}`);
  }
  if (!values.school?.trim()) throw new UsageError(`--school ${both('cliMissing')}: ${dutch('cliSchoolName')}`);
  return {
    protocol: getProtocol(values.protocol),
    role: oneOf(values.role, ROLES, 'role'),
    school: { name: values.school.trim(), aliases: values.alias ?? [] },
    ...(values['job-title'] ? { jobTitle: values['job-title'] } : {}),
    ...(values.disclaimer ? { disclaimer: values.disclaimer } : {}),
    ...(values['no-consent'] ? { noConsentNames: values['no-consent'] } : {}),
  };
}

function runCheck(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...SETTINGS_FLAGS,
      platform: { type: 'string' },
      kind: { type: 'string' },
      images: { type: 'string' },
      videos: { type: 'string' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      ...OUTPUT_FLAGS,
    },
  });
  if (positionals.length > 1) throw new UsageError(`${both('cliTooManyArguments')}: ${positionals.join(' ')}`);
  const { failOn, lang } = outputFromFlags(values);
  if (values.jsonl) {
    const file = positionals[0] ?? '-';
    return runJsonl(readInput(io, file), file === '-' ? 'stdin' : file, failOn, io);
  }

  const config = configFromFlags(values);
  const text = readInput(io, positionals[0]);
  const draft: Draft = {
    text: text.replace(/\r?\n$/, ''),
    platform: oneOf(values.platform, PLATFORMS, 'platform', 'facebook'),
    kind: oneOf(values.kind, DRAFT_KINDS, 'kind', 'post'),
    media: { images: toInt(values.images, 'images'), videos: toInt(values.videos, 'videos') },
  };
  const result = check(draft, config);
  if (values.json) {
    io.stdout(JSON.stringify({ signals: signalValues(result.signals), findings: worded(result.findings) }, null, 2) + '\n');
  } else {
    const header = t('cliHeader', config.protocol.title, config.role);
    const body = result.findings.length ? result.findings.map((f) => formatFinding(f, lang, draft.text)).join('\n') : t('cliNoFindings');
    const on = SIGNAL_NAMES.filter((n) => result.signals[n].value).map((n) => t(SIGNAL_LABEL[n]));
    const signals = t('cliSignals', on.length ? on.join(', ') : '-');
    io.stdout(`${header}\n${body}\n${signals}\n`);
  }
  return failsAt(result, failOn) ? 1 : 0;
}

function runJsonl(source: string, name: string, failOn: Severity, io: Io): number {
  const posts = parseJsonLines(source, name);
  let failed = false;
  const out = lineWriter(io);
  for (const post of posts) {
    const result = checkPost(post);
    failed ||= failsAt(result, failOn);
    out.line(JSON.stringify({ id: post.id, signals: signalValues(result.signals), findings: worded(result.findings) }));
  }
  out.flush();
  return failed ? 1 : 0;
}

/** JSON lines written in blocks: one string of 20,000 results would cost memory and time. */
export function lineWriter(io: Io, block = 512): { line: (s: string) => void; flush: () => void } {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) io.stdout(lines.join('\n') + '\n');
    lines = [];
  };
  return {
    line: (s) => {
      lines.push(s);
      if (lines.length >= block) flush();
    },
    flush,
  };
}

export function checkPost(post: CorpusPost): CheckResult {
  const draft: Draft = { text: post.text, platform: post.platform, kind: post.kind, media: post.media };
  return check(draft, { protocol: getProtocol(post.school.protocol), role: post.author.role, school: post.school });
}

function runEval(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { 'min-f1': { type: 'string' }, json: { type: 'boolean' }, 'max-mistakes': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(both('cliEvalOneFile'));
  const minF1 = values['min-f1'] === undefined ? undefined : Number(values['min-f1']);
  if (minF1 !== undefined && !(minF1 >= 0 && minF1 <= 1)) throw new UsageError(`--min-f1 ${both('cliBetweenZeroAndOne')}: ${values['min-f1']}`);
  const posts = parseJsonLines(readInput(io, positionals[0]), positionals[0]!);
  const result = evaluate(posts);
  if (result.posts === 0) throw new InputError(`${positionals[0]}: ${both('cliNoLabels')}`);
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(formatEvaluation(result, toInt(values['max-mistakes'] ?? '50', 'max-mistakes')));
  const below = minF1 === undefined ? [] : result.scores.filter((s) => s.f1 < minF1);
  if (below.length) {
    io.stderr(`F1 ${dutch('cliBelow')} ${minF1} (${tIn('en', 'cliBelow')}): ${below.map((s) => `${s.label} ${s.f1.toFixed(3)}`).join(', ')}\n`);
    return 1;
  }
  return 0;
}

export function formatEvaluation(result: Evaluation, maxMistakes: number): string {
  const rows = result.scores.map(
    (s) => `${s.label.padEnd(20)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}   ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
  );
  const lines = [`${result.posts} posts`, `${'label'.padEnd(20)} precision  recall     F1    tp  fp  fn`, ...rows];
  if (result.mistakes.length) {
    lines.push('', `Fout / wrong (${result.mistakes.length}):`);
    for (const m of result.mistakes.slice(0, maxMistakes)) {
      lines.push(`  ${m.id} ${m.label} ${m.expected ? 'missed' : 'false alarm'}: ${m.text.replace(/\s+/g, ' ').slice(0, 110)}`);
    }
    if (result.mistakes.length > maxMistakes) lines.push(`  … ${result.mistakes.length - maxMistakes} more`);
  }
  return lines.join('\n') + '\n';
}

function runProtocols(io: Io): number {
  for (const id of PROTOCOL_IDS) {
    const p = getProtocol(id);
    io.stdout(`${id.padEnd(18)} ${p.title} (${p.board}, ${p.date}): ${Object.keys(p.rules).join(', ')}\n`);
  }
  return 0;
}

function runProtocolCommand(argv: string[], io: Io): Promise<number> | number {
  const [sub, ...files] = argv;
  if ((sub !== 'draft' && sub !== 'validate') || files.length !== 1) {
    throw new UsageError(`${both('cliUsageWord')}: ${dutch('cliProtocolUsage')}`);
  }
  const file = files[0]!;
  if (sub === 'validate') {
    try {
      const problems = validateFile(file);
      if (problems.length) {
        io.stderr(`${file}: ${problems.length} ${both('cliProblems')}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
        return 1;
      }
      io.stdout(`${file}: ${both('cliValidProtocol')}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ProtocolCommandError) return fail(io, error.message);
      throw error;
    }
  }
  return draftFromFile(file).then(
    (json) => {
      io.stdout(json);
      return 0;
    },
    (error: unknown) => fail(io, error instanceof ProtocolCommandError ? error.message : `${both('cliInternalError')}: ${(error as Error).message}`),
  );
}

function fail(io: Io, message: string): number {
  io.stderr(`postwijs: ${message.replace(/\s+/gu, ' ')}\n`);
  return 2;
}

/** Every command returns its exit code; `protocol draft` reads documents and so returns it later. */
export function main(argv: string[], io: Io): number | Promise<number> {
  // Dutch unless --lang says otherwise (runCheck), also when an earlier run in this process
  // chose English.
  setUiLanguage('nl');
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'protocol':
        return runProtocolCommand(rest, io);
      case 'check':
        return runCheck(rest, io);
      case 'eval':
        return runEval(rest, io);
      case 'audit':
        return runAudit(rest, io).catch((error: unknown) => failed(error, io));
      case 'protocols':
        return runProtocols(io);
      case 'settings':
        return runSettingsCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(t('cliUsage', PROTOCOL_IDS.join(', '), ROLES.join(', ')) + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`${both('cliUnknownCommand')}: ${command}`);
    }
  } catch (error) {
    return failed(error, io);
  }
}

/** Every failure is one line on stderr and exit code 2, never a stack trace. */
function failed(error: unknown, io: Io): number {
  if (error instanceof UsageError || error instanceof InputError) {
    io.stderr(`postwijs: ${error.message}\n`);
    return 2;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`postwijs: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  io.stderr(`postwijs: ${both('cliInternalError')}: ${(error as Error).message}\n`);
  return 2;
}

export const nodeIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, 'utf8'),
  readFile: (path) => readFileSync(path, 'utf8'),
};
