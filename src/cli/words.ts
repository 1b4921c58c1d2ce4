import { tIn, type MessageId } from '../i18n/messages.ts';

// How the CLI words its error lines: the Dutch words with the English in brackets, "ontbreekt
// (missing)", as every problem PostWijs reports is worded (src/engine/issue-text.ts); what
// follows a value ("kies uit ...", a list of ids) in Dutch only. Error lines do not follow
// --lang: some come before it is read. The texts are in public/_locales (cli*).

export function both(id: MessageId, ...substitutions: string[]): string {
  return `${tIn('nl', id, ...substitutions)} (${tIn('en', id, ...substitutions)})`;
}

export function dutch(id: MessageId, ...substitutions: string[]): string {
  return tIn('nl', id, ...substitutions);
}
