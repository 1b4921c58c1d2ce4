import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditItem, failsAt, summarize, worstFirst, type AuditedItem, type AuditSummary } from '../archive/audit.ts';
import { readArchivePath } from '../archive/read-node.ts';
import { reportHtml } from '../archive/report-html.ts';
import { ARCHIVE_ERRORS, ARCHIVE_KINDS, ArchiveError, KIND_MESSAGES, SOURCE_NAMES, type ArchiveSource } from '../archive/types.ts';
import { findingMessage } from '../i18n/finding-text.ts';
import { t } from '../i18n/messages.ts';
import { InputError } from './corpus.ts';
import { configFromFlags, lineWriter, OUTPUT_FLAGS, outputFromFlags, SETTINGS_FLAGS, UsageError, worded, type Io } from './main.ts';
import { both } from './words.ts';

// postwijs audit ARCHIVE: a whole X, Facebook or Instagram export through the engine.
//   default   a readable summary: items per platform and kind, items with findings per rule,
//             the worst first with date, start of the text and a link
//   --jsonl   one line per item: {source, id, date, kind, text, url?, signals, findings}
//   --html F  a self-contained report page
// Exit codes as `check`: 0 nothing at or above --fail-on, 1 findings, 2 bad usage or input.

const SHOWN = 20;

export async function runAudit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...SETTINGS_FLAGS,
      since: { type: 'string' },
      jsonl: { type: 'boolean' },
      html: { type: 'string' },
      ...OUTPUT_FLAGS,
    },
  });
  if (positionals.length !== 1) throw new UsageError(both('cliAuditOneArchive'));
  const { failOn, lang } = outputFromFlags(values);
  const config = configFromFlags(values);
  let since = '';
  if (values.since !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || !Number.isFinite(Date.parse(values.since))) throw new UsageError(`--since ${both('cliAuditBadDate')}: ${values.since}`);
    since = new Date(values.since).toISOString();
  }

  let archive;
  try {
    archive = await readArchivePath(positionals[0]!);
  } catch (error) {
    if (error instanceof ArchiveError) throw new InputError(`${positionals[0]}: ${both(ARCHIVE_ERRORS[error.reason])}${error.detail ? ` (${error.detail})` : ''}`);
    throw error;
  }
  // Items without a date are kept: the export did not say when, so they may be recent.
  const items = archive.items.filter((i) => !since || !i.date || i.date >= since).map((i) => auditItem(i, config));
  const summary = summarize(items);

  if (values.jsonl) {
    const out = lineWriter(io);
    for (const item of items) {
      const { signals, findings, ...rest } = item;
      out.line(JSON.stringify({ ...rest, signals, findings: worded(findings) }));
    }
    out.flush();
  } else {
    io.stdout(summaryText(items, summary, archive, since, config.protocol.title, config.role) + '\n');
  }
  for (const problem of archive.problems) io.stderr(`postwijs: ${t('cliAuditProblem', problem)}\n`);

  if (values.html) {
    const html = reportHtml(
      [...items].sort(worstFirst),
      summary,
      {
        lang,
        title: t('cliReportTitle'),
        summary: t('auditSummary', String(summary.checked), String(summary.withFindings)),
        perMonth: t('auditPerMonth'),
        filterLabel: t('auditFilter'),
        allRules: t('auditAllRules'),
        open: t('cliReportOpen'),
        noFindings: t('cliAuditClean'),
        message: (item, i) => findingMessage(item.findings[i]!),
        label: (item) => `${SOURCE_NAMES[item.source]} · ${t(KIND_MESSAGES[item.kind])}`,
      },
    );
    try {
      writeFileSync(values.html, html);
    } catch {
      throw new InputError(`${values.html}: ${both('cliCannotRead')}`);
    }
    if (!values.jsonl) io.stdout(t('cliAuditHtmlWritten', values.html) + '\n');
  }
  return failsAt(items, failOn) ? 1 : 0;
}

function summaryText(items: AuditedItem[], summary: AuditSummary, archive: { withoutText: number }, since: string, protocol: string, role: string): string {
  const lines = [t('cliAuditHeader', protocol, role)];
  if (since) lines.push(t('cliAuditSince', since.slice(0, 10)));
  for (const [source, kinds] of Object.entries(summary.bySource)) {
    const counts = ARCHIVE_KINDS.filter((kind) => kinds[kind]).map((kind) => `${kinds[kind]} ${t(KIND_MESSAGES[kind])}`);
    if (counts.length) lines.push(t('cliAuditCounts', SOURCE_NAMES[source as ArchiveSource], counts.join(', ')));
  }
  if (archive.withoutText) lines.push(t('cliAuditWithoutText', String(archive.withoutText)));
  lines.push(t('auditSummary', String(summary.checked), String(summary.withFindings)));
  if (!summary.withFindings) {
    lines.push(t('cliAuditClean'));
    return lines.join('\n');
  }
  lines.push('', t('cliAuditPerRule'));
  for (const [rule, n] of Object.entries(summary.byRule).sort(([, a], [, b]) => b - a)) lines.push(`  ${String(n).padStart(5)}  ${rule}`);
  lines.push('', t('cliAuditWorst'));
  const flagged = items.filter((i) => i.findings.length).sort(worstFirst);
  for (const item of flagged.slice(0, SHOWN)) {
    const start = item.text.replace(/\s+/g, ' ').slice(0, 90);
    const rules = [...new Set(item.findings.map((f) => f.ruleId))].join(', ');
    lines.push(`  ${item.date.slice(0, 10) || '----------'}  ${item.source}  ${rules}`, `      "${start}${item.text.length > 90 ? '…' : ''}"`);
    if (item.url) lines.push(`      ${item.url}`);
  }
  if (flagged.length > SHOWN) lines.push(t('cliAuditMore', String(flagged.length - SHOWN)));
  return lines.join('\n');
}
