import { findAll, type Match } from './find.ts';
import { phraseRegExp } from './patterns.ts';
import { lastUpTo } from './sorted-search.ts';
import type { TextIndex } from './text-index.ts';

/**
 * A lexicon as a matcher: single words are looked up in a Set over the draft's word tokens
 * (one hash lookup per word, whatever the lexicon's size); only multi-word or punctuated
 * entries ("niet doorvertellen", "bpv-begeleider") are scanned with a regular expression.
 * Matches are whole words, in text order, as with phraseRegExp.
 */
export class PhraseMatcher {
  private readonly words: ReadonlySet<string>;
  private readonly phrases: RegExp | undefined;
  readonly regex: RegExp;

  constructor(entries: readonly string[]) {
    const single = entries.filter((e) => /^[\p{L}\p{N}]+$/u.test(e));
    const multi = entries.filter((e) => !/^[\p{L}\p{N}]+$/u.test(e));
    this.words = new Set(single);
    this.phrases = multi.length ? phraseRegExp(multi) : undefined;
    this.regex = phraseRegExp(entries);
  }

  find(index: TextIndex): Match[] {
    const found: Match[] = [];
    for (const w of index.words) if (this.words.has(w.text)) found.push({ start: w.start, end: w.end, text: w.text });
    if (!this.phrases) return found;
    const phrases = findAll(this.phrases, index.folded);
    if (!found.length) return phrases;
    // Merge in text order; a phrase wins over a word inside it.
    const merged = [...phrases];
    for (const w of found) {
      const p = lastUpTo(phrases, w.start);
      if (!p || w.end > p.end) merged.push(w);
    }
    return merged.sort((a, b) => a.start - b.start);
  }
}
