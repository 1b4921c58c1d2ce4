import type { Finding, MessageData } from '../engine/types.ts';
import { activeLanguage, t, tNamed } from './messages.ts';

// The words of a finding, in the UI's language. The engine only names its messages (a message
// key and data); the overlay, the confirm dialog, the popup and the CLI all word them here, so
// they say the same thing.

export function findingMessage(finding: Pick<Finding, 'messageKey' | 'data'>): string {
  return tNamed(finding.messageKey, wordedData(finding.data));
}

function wordedData(data: MessageData): Record<string, string> {
  const worded: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    worded[name] = typeof value === 'string' ? value : listOf(value.map((ref) => t(ref.key, ...(ref.substitutions ?? []))));
  }
  return worded;
}

/** "een foto en een video" / "a photo and a video", as the language lists things. */
function listOf(parts: string[]): string {
  return new Intl.ListFormat(activeLanguage(), { type: 'conjunction' }).format(parts);
}
