import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import nl from '../../public/_locales/nl/messages.json' with { type: 'json' };

// User-facing text. In the extension it comes from browser.i18n (public/_locales, nl first);
// outside it (unit tests, the CLI) the same message files are read directly.

export type MessageId = keyof typeof nl;

interface ChromeI18n {
  i18n?: { getMessage(id: string, substitutions?: string[]): string };
}

export function t(id: MessageId, ...substitutions: string[]): string {
  try {
    const chrome = (globalThis as { chrome?: ChromeI18n }).chrome;
    const message = chrome?.i18n?.getMessage(id, substitutions);
    if (message) return message;
  } catch {
    // Extension context invalidated: fall through to the bundled text.
  }
  const table: Record<string, { message: string }> = (globalThis.navigator?.language ?? 'nl').toLowerCase().startsWith('nl') ? nl : en;
  const message = table[id]?.message ?? id;
  // Each message has at most one placeholder ($COUNT$, $NUMBER$, $TIME$): substitution 1.
  return message.replace(/\$(\w+)\$/g, () => substitutions[0] ?? '');
}
