import { parseArgs } from 'node:util';
import { setUiLanguage, t } from '../i18n/messages.ts';
import { STORAGE_QUOTAS } from '../settings/layout.ts';
import type { Problem } from '../settings/merge.ts';
import { readSettingsDocument, type DocumentError, type DocumentKind } from '../settings/policy-file.ts';
import { policySchema } from '../settings/schema.ts';
import { InputError } from './corpus.ts';
import { oneOf, readInput, UsageError, type Io } from './main.ts';
import { ignoredCount, settingsReport, type EntryReport, type SettingsReport } from './settings-report.ts';
import { both, dutch } from './words.ts';

// postwijs settings check FILE: a director's or IT supplier's policy or settings file, checked
// before it is deployed. It says what would apply, what would be ignored and why, whether an
// own protocol in it is one PostWijs would use, and how big it is.
// Exit codes: 0 all valid (warnings allowed: too big to sync still applies), 1 some values
// ignored or the own protocol invalid, 2 unreadable (one line on stderr, as every command).

/** Ignored values listed per policy; --json lists them all (a hostile file can hold thousands). */
const SHOWN = 50;
const CUSTOM_PROTOCOL_MAX = policySchema.shape.customProtocol.unwrap().maxLength ?? 0;

const KIND_LABEL: Record<DocumentKind, 'cliSettingsKindChromePolicy' | 'cliSettingsKindAdminConsole' | 'cliSettingsKindChrome3rdparty' | 'cliSettingsKindFirefox' | 'cliSettingsKindExport'> = {
  'chrome-policy': 'cliSettingsKindChromePolicy',
  'admin-console': 'cliSettingsKindAdminConsole',
  'chrome-3rdparty': 'cliSettingsKindChrome3rdparty',
  'firefox-policies': 'cliSettingsKindFirefox',
  'settings-export': 'cliSettingsKindExport',
};

export function runSettingsCommand(argv: string[], io: Io): number {
  const [sub, ...rest] = argv;
  const usage = `${both('cliUsageWord')}: ${dutch('cliSettingsUsage')}`;
  if (sub !== 'check') throw new UsageError(usage);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, lang: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError(usage);
  const lang = oneOf(values.lang, ['nl', 'en'] as const, 'lang', 'nl');
  setUiLanguage(lang);
  const file = positionals[0]!;
  const name = file === '-' ? 'stdin' : file;

  const text = readInput(io, file);
  let raw: unknown;
  try {
    // Notepad writes UTF-8 with a byte-order mark; JSON.parse does not take one.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${shown(name, 200)}: ${both('cliNotJson')}: ${shown((error as Error).message, 160)}`);
  }
  const document = readSettingsDocument(raw);
  if (!document.ok) throw new InputError(`${shown(name, 200)}: ${documentError(document)}`);

  const report = settingsReport(document);
  const ignored = ignoredCount(report);
  if (values.json) io.stdout(JSON.stringify(reportJson(name, report, ignored), null, 2) + '\n');
  else io.stdout(reportText(name, report, ignored, lang) + '\n');
  return ignored ? 1 : 0;
}

function documentError(e: DocumentError): string {
  switch (e.error) {
    case 'top-level-array':
      return both('cliSettingsTopArray');
    case 'top-level-not-object':
      return both('cliSettingsTopNotObject');
    case 'no-settings':
      return both('cliSettingsNoSettings');
    case 'no-extension-map':
      return `${both('cliSettingsNoExtensionMap', e.path)}${e.found ? `; ${both('cliSettingsNearMiss', e.found)}` : ''}`;
    case 'no-postwijs-entry':
      return `${both('cliSettingsNoPostWijsEntry', e.path, list(e.ids.map((id) => shown(id, 60)), 10))}${e.expected ? `; ${both('cliSettingsFirefoxId', e.expected)}` : ''}`;
    case 'unknown-shape':
      return both('cliSettingsUnknownShape', list(e.keys.map((key) => shown(key, 60)), 10));
  }
}

function reportText(name: string, report: SettingsReport, ignored: number, lang: 'nl' | 'en'): string {
  const n = (value: number) => value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const lines = [t('cliSettingsHeader', shown(name, 200)), t('cliSettingsKind', t(KIND_LABEL[report.kind]))];
  if (report.otherPolicies.length) lines.push(t('cliSettingsOtherPolicies', list(report.otherPolicies.map((k) => shown(k, 60)), 10)));
  if (report.otherExtensions.length) lines.push(t('cliSettingsOtherExtensions', list(report.otherExtensions.map((k) => shown(k, 60)), 10)));
  if (report.ignored.length) lines.push(t('cliSettingsIgnored'), ...problemLines(report.ignored, '  '));
  let warned = false;
  for (const entry of report.entries) {
    const pad = entry.id !== undefined ? '  ' : '';
    lines.push('');
    if (entry.id !== undefined) lines.push(t('cliSettingsEntry', shown(entry.id, 60)));
    lines.push(...appliesLines(entry, pad, n));
    if (entry.ignored.length || (entry.protocol && !entry.protocol.valid)) {
      lines.push(`${pad}${t('cliSettingsIgnored')}`, ...problemLines(entry.ignored, `${pad}  `));
      if (entry.protocol && !entry.protocol.valid) {
        lines.push(`${pad}  ✖ customProtocol: ${t('cliSettingsProtocolInvalid')}`, ...problemLines(entry.protocol.problems, `${pad}      `, ''));
      }
    }
    if (entry.protocol?.onlyWithCustom) lines.push(`${pad}ℹ ${t('cliSettingsProtocolOnlyWithCustom')}`);
    if (entry.customWithoutDocument) lines.push(`${pad}ℹ ${t('cliSettingsCustomWithoutDocument')}`);
    if (entry.unwrapped) {
      warned = true;
      lines.push(`${pad}⚠ ${t('cliSettingsUnwrapped', list(entry.unwrapped.map((k) => shown(k, 60)), 10))}`);
    }
    const size = entry.size;
    if (size.of === 'policy') {
      lines.push(`${pad}${size.policyBytes === null ? t('cliSettingsSizeUnknown') : t('cliSettingsSizePolicy', n(size.policyBytes), n(STORAGE_QUOTAS.sync.bytesPerItem))}`);
      if (entry.protocol) lines.push(`${pad}${t('cliSettingsSizeProtocol', n(entry.protocol.bytes), n(entry.protocol.characters), n(CUSTOM_PROTOCOL_MAX))}`);
    } else {
      warned ||= !size.fitsSync || !size.fitsLocal;
      lines.push(`${pad}${size.fitsSync ? '' : '⚠ '}${t(size.fitsSync ? 'cliSettingsSizeSync' : 'cliSettingsSizeSyncTooBig', n(size.syncItem), n(size.syncLimit))}`);
      lines.push(`${pad}${size.fitsLocal ? '' : '⚠ '}${t(size.fitsLocal ? 'cliSettingsSizeLocal' : 'cliSettingsSizeLocalTooBig', n(size.local), n(size.localLimit))}`);
    }
  }
  lines.push('', ignored ? t('cliSettingsSomeIgnored', n(ignored)) : warned ? t('cliSettingsValidWithWarning') : t('cliSettingsAllValid'));
  return lines.join('\n');
}

function appliesLines(entry: EntryReport, pad: string, n: (value: number) => string): string[] {
  if (!entry.applies.length) return [`${pad}${t('cliSettingsAppliesNothing')}`];
  const width = Math.max(...entry.applies.map((a) => a.key.length)) + 2;
  return [
    `${pad}${t('cliSettingsApplies')}`,
    ...entry.applies.map((a) => `${pad}  ${a.key.padEnd(width)}${valueText(a.key, a.value, entry, n)}${a.isDefault ? ` ${t('cliSettingsDefault')}` : ''}`),
  ];
}

/** A value as one short line: long ones by what they are (a protocol by its title and size,
 * lists cut off with their length), pupils' names never (the output may end up in a ticket). */
function valueText(key: string, value: unknown, entry: EntryReport, n: (value: number) => string): string {
  if (key === 'customProtocol' && entry.protocol?.valid) {
    const p = entry.protocol;
    return `✓ ${t('cliSettingsProtocolSummary', shown(JSON.stringify(p.title), 80), p.id!, n(p.rules!), n(p.bytes))}`;
  }
  if (key === 'noConsentNames' && Array.isArray(value)) return t('cliSettingsNames', n(value.length));
  if (key === 'timetable' && Array.isArray(value) && value.length) {
    const blocks = (value as { day: string; from: string; to: string }[]).map((b) => `${b.day} ${b.from}–${b.to}`);
    return `${t('cliSettingsBlocks', n(value.length))}: ${upTo(blocks, 60)}`;
  }
  if (Array.isArray(value) && value.length) return upTo(value.map((v) => quoted(v, 40)), 80);
  return quoted(value, 70);
}

/** A value as JSON, a long text cut off inside its quotes. */
function quoted(value: unknown, max: number): string {
  if (typeof value !== 'string') return shown(JSON.stringify(value) ?? String(value), max);
  const chars = [...value];
  return shown(JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : value), max + 20);
}

/** Items while they fit in about `width` characters, then how many there are in all. */
function upTo(items: string[], width: number): string {
  let length = 0;
  const fits = items.findIndex((item, i) => (length += item.length + 2) > width && i > 0);
  return fits < 0 ? items.join(', ') : `${items.slice(0, fits).join(', ')}, … (${items.length})`;
}

function problemLines(problems: Problem[], pad: string, mark = '✖ '): string[] {
  const lines = problems.slice(0, SHOWN).map((p) => `${pad}${mark}${shown(p.key, 80)}: ${shown(p.reason, 300)}`);
  if (problems.length > SHOWN) lines.push(`${pad}${t('cliSettingsMore', String(problems.length - SHOWN))}`);
  return lines;
}

function reportJson(name: string, report: SettingsReport, ignored: number) {
  return {
    file: name,
    kind: report.kind,
    valid: ignored === 0,
    ignoredCount: ignored,
    entries: report.entries.map((e) => ({
      path: e.path,
      ...(e.id !== undefined ? { id: e.id } : {}),
      applies: Object.fromEntries(e.applies.map((a) => [a.key, a.value])),
      ...(e.applies.some((a) => a.isDefault) ? { defaults: e.applies.filter((a) => a.isDefault).map((a) => a.key) } : {}),
      // The own protocol's problems are ignored values too: PostWijs would not use the document.
      ignored: [...e.ignored, ...(e.protocol?.problems ?? []).map((p) => ({ key: 'customProtocol', reason: `${p.key}: ${p.reason}` }))],
      ...(e.protocol ? { customProtocol: e.protocol } : {}),
      ...(e.customWithoutDocument ? { customWithoutDocument: true } : {}),
      ...(e.unwrapped ? { unwrapped: e.unwrapped } : {}),
      size: e.size,
    })),
    ignored: report.ignored,
    otherPolicies: report.otherPolicies,
    otherExtensions: report.otherExtensions,
  };
}

/** At most `max` items, then how many there are in all. */
function list(items: string[], max: number): string {
  if (!items.length) return '-';
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length})` : items.join(', ');
}

/** Text from the file made safe for a terminal line: control and format characters (a newline,
 * a right-to-left override, a lone surrogate) written as \uXXXX, and cut to `max` characters. */
export function shown(text: string, max: number): string {
  const escaped = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029\uD800-\uDFFF]/gu, (c) => {
    const code = c.codePointAt(0)!;
    // The way JSON.stringify writes the control characters it escapes itself: one notation.
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  const chars = [...escaped];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : escaped;
}
