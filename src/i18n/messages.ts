import type nlMessages from '../../public/_locales/nl/messages.json';
import { own } from '../engine/own-keys.ts';

// User-facing text: the message tables of public/_locales (nl first, en) and Chrome's wording
// rules, with no extension API, so that the CLI, the scripts and the tests word messages the
// same way the extension does. In the extension, src/shared/i18n.ts plugs in browser.i18n,
// which then words messages in the browser's language unless the user picked one.
//
// The message tables are registered, not imported here: the pages, the background worker, the
// CLI and the tests register both whole files (all.ts); the content script registers only the
// messages it shows (content/messages.ts, filled in at build time), which keeps the texts of
// the options page, the popup and the CLI out of a script injected into every page of three sites.

export type MessageId = keyof typeof nlMessages;

export interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleTable = Record<string, LocaleEntry>;
export type Language = 'nl' | 'en';

let nl: LocaleTable = {};
let en: LocaleTable = {};

export function registerMessages(tables: { nl: LocaleTable; en: LocaleTable }): void {
  nl = tables.nl;
  en = tables.en;
}

export function isMessageKey(id: string): id is MessageId {
  return Object.hasOwn(nl, id);
}

/** Messages the options page, the popup, the audit page, the worker and the CLI show, never the content script. */
export function isPageOnlyMessage(id: string): boolean {
  return /^(options|popup|role|badge|ext|cli|audit|archive)[A-Z]/.test(id);
}

/** The extension's own messages (browser.i18n), which word messages in the browser's language. */
export interface NativeMessages {
  getMessage(id: string, substitutions?: string[]): string;
}
let native: (() => NativeMessages | undefined) | undefined;

/** Plugged in by src/shared/i18n.ts in the extension; a getter, since the API may be gone later. */
export function setNativeMessages(source: () => NativeMessages | undefined): void {
  native = source;
}

// The user's language choice: 'browser' follows the native messages; nl or en use the message
// files directly (browser.i18n cannot switch languages).
let chosen: 'browser' | Language = 'browser';

export function setUiLanguage(language: 'browser' | Language): void {
  chosen = language;
}

/** The language texts are shown in: the choice, else the browser's. */
export function activeLanguage(): Language {
  if (chosen !== 'browser') return chosen;
  return (globalThis.navigator?.language ?? 'nl').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Chrome's wording rules: $NAME$ is the placeholder's content, in which $1..$9 are the
 * substitutions; $$ is a dollar sign. */
export function formatEntry(entry: LocaleEntry, substitutions: readonly string[]): string {
  return entry.message.replace(/\$\$|\$(\w+)\$/g, (whole, name: string | undefined) => {
    if (!name) return '$';
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (content === undefined) return whole;
    return content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export function t(id: MessageId, ...substitutions: string[]): string {
  if (chosen === 'browser') {
    try {
      const message = native?.()?.getMessage(id, substitutions);
      if (message) return message;
    } catch {
      // Extension context invalidated: fall through to the bundled text.
    }
  }
  const entry = own(activeLanguage() === 'nl' ? nl : en, id);
  return entry ? formatEntry(entry, substitutions) : id;
}

/** A message in the given language, whatever the UI's (the CLI's bilingual error lines). */
export function tIn(language: Language, id: MessageId, ...substitutions: string[]): string {
  const entry = own(language === 'nl' ? nl : en, id);
  return entry ? formatEntry(entry, substitutions) : id;
}

/** A message whose placeholders are given by name ({ school: 'De Klimop' }); the names are
 * those of the message's `placeholders`, the same in every language (test/i18n.test.ts). */
export function tNamed(id: MessageId, data: Readonly<Record<string, string>>): string {
  const substitutions: string[] = [];
  for (const [name, { content }] of Object.entries(own(nl, id)?.placeholders ?? {})) {
    const position = /^\$(\d)$/.exec(content);
    if (position) substitutions[Number(position[1]) - 1] = data[name] ?? '';
  }
  return t(id, ...Array.from(substitutions, (s) => s ?? ''));
}

/** A message's text in one language with its placeholders unfilled ($SCHOOL$), for the docs. */
export function messageTemplate(language: Language, id: MessageId): string {
  return own(language === 'nl' ? nl : en, id)?.message ?? '';
}
