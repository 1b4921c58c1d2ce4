import { parseCustomProtocol } from '../engine/custom-protocol.ts';
import { t } from '../i18n/messages.ts';
import { budgetOf, STORAGE_QUOTAS, utf8Bytes, type Budget } from '../settings/layout.ts';
import { readPolicy, readSettingsFile, type Problem } from '../settings/merge.ts';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema.ts';
import type { DocumentEntry, DocumentKind, SettingsDocument } from '../settings/policy-file.ts';

// What `postwijs settings check` finds in a file, before it is worded: per PostWijs part, what
// would apply, what would be ignored and why (merge.ts's reasons, as the settings page shows
// them), whether its own protocol is one PostWijs would use, and its size. The texts of our own
// findings follow --lang (t); merge.ts words its reasons in both languages.

export interface ProtocolCheck {
  valid: boolean;
  id?: string;
  title?: string;
  rules?: number;
  bytes: number;
  characters: number;
  /** Why PostWijs would not use it (empty when valid). */
  problems: Problem[];
  /** The file does not set protocol "custom", so the document is used only if something else does. */
  onlyWithCustom: boolean;
}

export interface Applied {
  key: string;
  value: unknown;
  /** A settings export: the file does not set this key, so the import sets the default. */
  isDefault?: boolean;
}

export type EntrySize =
  | { of: 'policy'; policyBytes: number | null; customProtocolBytes?: number }
  | ({ of: 'settings'; syncLimit: number; localLimit: number } & Budget);

export interface EntryReport {
  path: string;
  id?: string;
  applies: Applied[];
  ignored: Problem[];
  protocol?: ProtocolCheck;
  /** A policy with protocol "custom" and no customProtocol: the user's own document applies. */
  customWithoutDocument?: boolean;
  /** Admin console form: keys without the {"Value": …} layer next to keys with it. */
  unwrapped?: string[];
  size: EntrySize;
}

export interface SettingsReport {
  kind: DocumentKind;
  entries: EntryReport[];
  /** Problems of the file itself: PostWijs keys where the browser does not read them. */
  ignored: Problem[];
  otherPolicies: string[];
  otherExtensions: string[];
}

export function settingsReport(document: SettingsDocument): SettingsReport {
  const entries = document.entries.map((entry) => (document.kind === 'settings-export' ? exportReport(entry) : policyReport(entry)));
  const ignored = document.misplaced.map((key) => ({ key, reason: t('cliSettingsMisplaced') }));
  return { kind: document.kind, entries, ignored, otherPolicies: document.otherPolicies, otherExtensions: document.otherExtensions };
}

/** How many values would not apply: each ignored key, and an own protocol PostWijs would not use. */
export function ignoredCount(report: SettingsReport): number {
  return report.ignored.length + report.entries.reduce((n, e) => n + e.ignored.length + (e.protocol && !e.protocol.valid ? 1 : 0), 0);
}

function policyReport(entry: DocumentEntry): EntryReport {
  const { policy, problems } = readPolicy(entry.value);
  // merge.ts reads a missing policy (null) as none at all; in a file it is a policy that sets nothing.
  const empty = entry.value === null ? [{ key: entry.id ?? 'policy', reason: 'geen object (not an object)' }] : [];
  const ignored = [...(entry.badId ? [{ key: entry.id ?? entry.path, reason: t('cliSettingsBadExtensionId') }] : []), ...empty, ...problems];
  const applies = Object.entries(policy).map(([key, value]) => ({ key, value }));
  const protocol = policy.customProtocol !== undefined ? protocolCheck(policy.customProtocol, policy.protocol === 'custom') : undefined;
  return {
    path: entry.path,
    ...(entry.id !== undefined ? { id: entry.id } : {}),
    applies: protocol && !protocol.valid ? applies.filter((a) => a.key !== 'customProtocol') : applies,
    ignored,
    ...(protocol ? { protocol } : {}),
    ...(policy.protocol === 'custom' && policy.customProtocol === undefined ? { customWithoutDocument: true } : {}),
    ...(entry.unwrapped ? { unwrapped: entry.unwrapped } : {}),
    size: { of: 'policy', policyBytes: jsonBytes(entry.value), ...(protocol ? { customProtocolBytes: protocol.bytes } : {}) },
  };
}

function exportReport(entry: DocumentEntry): EntryReport {
  const { settings, problems } = readSettingsFile(entry.value);
  const inFile = settingsObject(entry.value);
  // An import sets every setting: what the file leaves out becomes the default.
  const applies = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[])
    .filter((key) => key !== 'customProtocol' || settings.customProtocol !== '')
    .map((key) => ({ key, value: settings[key], ...(isDefault(key, settings, inFile) ? { isDefault: true } : {}) }));
  // PostWijs reads the document when the protocol is "custom" (an empty one is then a problem
  // it reports) and the checker reads any document the file carries.
  const protocol = settings.protocol === 'custom' || settings.customProtocol !== '' ? protocolCheck(settings.customProtocol, settings.protocol === 'custom') : undefined;
  return {
    path: entry.path,
    applies: protocol && !protocol.valid ? applies.filter((a) => a.key !== 'customProtocol') : applies,
    ignored: problems,
    ...(protocol ? { protocol } : {}),
    size: { of: 'settings', syncLimit: STORAGE_QUOTAS.sync.bytesPerItem, localLimit: STORAGE_QUOTAS.local.bytes, ...budgetOf(settings) },
  };
}

function protocolCheck(text: string, custom: boolean): ProtocolCheck {
  const parsed = parseCustomProtocol(text);
  const size = { bytes: utf8Bytes(text), characters: text.length, onlyWithCustom: !custom };
  if (!parsed.protocol) return { valid: false, problems: parsed.problems, ...size };
  const { id, title, rules } = parsed.protocol;
  return { valid: true, id, title, rules: Object.keys(rules).length, problems: [], ...size };
}

/** The settings object of an export, for telling set keys from defaulted ones. */
function settingsObject(raw: unknown): Record<string, unknown> {
  const settings = raw && typeof raw === 'object' && Object.hasOwn(raw, 'settings') ? (raw as { settings: unknown }).settings : undefined;
  return settings && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {};
}

function isDefault(key: keyof Settings, settings: Settings, inFile: Record<string, unknown>): boolean {
  if (Object.hasOwn(inFile, key)) return false;
  // Old exports name some settings differently (merge.ts migrates them): a value other than the
  // default came from the file all the same.
  return JSON.stringify(settings[key]) === JSON.stringify(DEFAULT_SETTINGS[key]);
}

/** The policy's size as compact JSON; null when it is nested too deep to write out at all. */
function jsonBytes(value: unknown): number | null {
  try {
    return utf8Bytes(JSON.stringify(value) ?? '');
  } catch {
    return null;
  }
}
