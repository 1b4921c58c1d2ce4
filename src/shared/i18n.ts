import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import nl from '../../public/_locales/nl/messages.json' with { type: 'json' };
import { extensionApi } from './extension-api.ts';

// User-facing text. In the extension it comes from browser.i18n (public/_locales, nl first);
// outside it (unit tests, the CLI) the same message files are read directly.

export type MessageId = keyof typeof nl;

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

export function t(id: MessageId, ...substitutions: string[]): string {
  if (chosen === 'browser') {
    try {
      const message = extensionApi()?.i18n?.getMessage(id, substitutions);
      if (message) return message;
    } catch {
      // Extension context invalidated: fall through to the bundled text.
    }
  }
  const table: Record<string, { message: string }> = activeLanguage() === 'nl' ? nl : en;
  const message = table[id]?.message ?? id;
  // Each message has at most one placeholder ($COUNT$, $NUMBER$, $TIME$): substitution 1.
  return message.replace(/\$(\w+)\$/g, () => substitutions[0] ?? '');
}
