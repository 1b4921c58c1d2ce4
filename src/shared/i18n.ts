import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import nl from '../../public/_locales/nl/messages.json' with { type: 'json' };
import { extensionApi } from './extension-api.ts';

// User-facing text. In the extension it comes from browser.i18n (public/_locales, nl first);
// outside it (unit tests, the CLI) and when the user picked a language other than the
// browser's, the same message files are read directly and worded the way Chrome does.

export type MessageId = keyof typeof nl;

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type LocaleTable = Record<string, LocaleEntry>;

export function isMessageKey(id: string): id is MessageId {
  return Object.hasOwn(nl, id);
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
  for (const [name, { content }] of Object.entries((nl as LocaleTable)[id]?.placeholders ?? {})) {
    const position = /^\$(\d)$/.exec(content);
    if (position) substitutions[Number(position[1]) - 1] = data[name] ?? '';
  }
  return t(id, ...Array.from(substitutions, (s) => s ?? ''));
}

/** A message's text in one language with its placeholders unfilled ($SCHOOL$), for the docs. */
export function messageTemplate(language: 'nl' | 'en', id: MessageId): string {
  return ((language === 'nl' ? nl : en) as LocaleTable)[id]?.message ?? '';
}
