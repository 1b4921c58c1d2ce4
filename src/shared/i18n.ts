import type nlMessages from '../../public/_locales/nl/messages.json';
import { extensionApi } from './extension-api.ts';

// User-facing text. In the extension it comes from browser.i18n (public/_locales, nl first);
// outside it (unit tests, the CLI) and when the user picked a language other than the
// browser's, the same message files are read directly and worded the way Chrome does.
//
// The message tables are registered, not imported here: the pages, the background worker, the
// CLI and the tests register both whole files (i18n-all.ts); the content script registers only
// the messages it shows (content/messages.ts, filled in at build time), which keeps the texts of
// the options page and the popup out of a script injected into every page of three sites.

export type MessageId = keyof typeof nlMessages;

export interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleTable = Record<string, LocaleEntry>;

let nl: LocaleTable = {};
let en: LocaleTable = {};

export function registerMessages(tables: { nl: LocaleTable; en: LocaleTable }): void {
  nl = tables.nl;
  en = tables.en;
}

export function isMessageKey(id: string): id is MessageId {
  return Object.hasOwn(nl, id);
}

/** Messages the options page, the popup and the worker show, never the content script. */
export function isPageOnlyMessage(id: string): boolean {
  return /^(options|popup|role|badge|ext)[A-Z]/.test(id);
}

// The user's language choice: 'browser' follows browser.i18n; nl or en use the message files
// directly (browser.i18n cannot switch languages).
let chosen: 'browser' | 'nl' | 'en' = 'browser';

export function setUiLanguage(language: 'browser' | 'nl' | 'en'): void {
  chosen = language;
}

/** The language texts are shown in: the choice, else the browser's. */
export function activeLanguage(): 'nl' | 'en' {
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
      const message = extensionApi()?.i18n?.getMessage(id, substitutions);
      if (message) return message;
    } catch {
      // Extension context invalidated: fall through to the bundled text.
    }
  }
  const table: LocaleTable = activeLanguage() === 'nl' ? nl : en;
  const entry = table[id];
  return entry ? formatEntry(entry, substitutions) : id;
}

/** A message whose placeholders are given by name ({ school: 'De Klimop' }); the names are
 * those of the message's `placeholders`, the same in every language (test/i18n.test.ts). */
export function tNamed(id: MessageId, data: Readonly<Record<string, string>>): string {
  const substitutions: string[] = [];
  for (const [name, { content }] of Object.entries(nl[id]?.placeholders ?? {})) {
    const position = /^\$(\d)$/.exec(content);
    if (position) substitutions[Number(position[1]) - 1] = data[name] ?? '';
  }
  return t(id, ...Array.from(substitutions, (s) => s ?? ''));
}

/** A message's text in one language with its placeholders unfilled ($SCHOOL$), for the docs. */
export function messageTemplate(language: 'nl' | 'en', id: MessageId): string {
  return (language === 'nl' ? nl : en)[id]?.message ?? '';
}
