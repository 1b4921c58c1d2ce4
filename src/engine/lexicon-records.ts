import { phraseRegExp, wordRegExp } from './text/patterns.ts';
import { PhraseMatcher } from './text/phrase-matcher.ts';

// Detection data lives in src/lexicons/*.json as records, in the way retext-equality keeps its
// patterns: each record says what it means and carries examples that must and must not match
// (test/lexicon-records.test.ts runs them all). The content script ships the records without
// their meaning and examples (vite.config.ts aliases each file to a stripped copy), so the
// engine reads only the fields below. Three kinds:
//   words   folded words or phrases, matched whole, or as the end or the start of a compound
//           (`find`: "compound-end" for borst|kanker, "compound-start" for kanker|lijer)
//   pattern a regular-expression source matched as whole words (wordRegExp, flags 'gu')
//   regex   a regular expression used as written (anchored tests, look-arounds of its own)
// A pattern may name another record of its file as {{name}}: a job-title list is written once.

export interface WordsRecord {
  words: readonly string[];
  find?: 'word' | 'compound-end' | 'compound-start';
}
export interface PatternRecord {
  pattern: string;
}
export interface RegexRecord {
  regex: string;
  flags?: string;
  /** Run on the text as typed (capitals matter), not on the folded text. */
  on?: string;
}
export type LexiconRecord = WordsRecord | PatternRecord | RegexRecord;

/** {{name}} -> the named pattern's source, in a non-capturing group. */
export function expand(source: string, parts: Readonly<Record<string, string>> = {}): string {
  return source.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (Object.hasOwn(parts, name) ? `(?:${parts[name]})` : whole));
}

export const wordSet = (r: WordsRecord): ReadonlySet<string> => new Set(r.words);
export const phrases = (r: WordsRecord): PhraseMatcher => new PhraseMatcher(r.words);
export const pattern = (r: PatternRecord, parts?: Readonly<Record<string, string>>, flags = 'gu'): RegExp => wordRegExp(expand(r.pattern, parts), flags);
export const regex = (r: RegexRecord, parts?: Readonly<Record<string, string>>): RegExp => new RegExp(expand(r.regex, parts), r.flags ?? 'gu');

/** The matcher a record's examples are run with: how the record matches, whatever its use. */
export function recordMatcher(r: LexiconRecord, parts?: Readonly<Record<string, string>>): RegExp {
  if ('pattern' in r) return pattern(r, parts);
  if ('regex' in r) return regex(r, parts);
  const letters = r.words.filter((w) => /[\p{L}\p{N}]/u.test(w));
  const symbols = r.words.filter((w) => !/[\p{L}\p{N}]/u.test(w)).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // phraseRegExp's options say what may come before (prefix) or after (suffix) the entry.
  const body = phraseRegExp(letters, { prefix: r.find === 'compound-end', suffix: r.find === 'compound-start' }).source;
  const words = r.find === 'compound-end' ? `(?<=\\p{L}-?)${body}` : body;
  return new RegExp([...(letters.length ? [words] : []), ...symbols].join('|'), 'gu');
}
