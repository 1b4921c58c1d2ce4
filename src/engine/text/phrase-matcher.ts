import { findAll, type Match } from './find.ts';
import { phraseRegExp } from './patterns.ts';
import { lastUpTo } from './sorted-search.ts';
import { wordPositions, type TextIndex } from './text-index.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * A lexicon as a matcher. Single words are looked up in a Set over the draft's word tokens
 * (one hash lookup per word, whatever the lexicon's size). Phrases of plain words
 * ("niet doorvertellen") are matched on the tokens too: looked up by their first word, then
 * compared word by word, with only whitespace allowed between the words. Only entries that
 * are not whole tokens ("bpv-begeleider", "#persoonlijketitel") are scanned with a regular
 * expression; one regex pass per lexicon over every draft was most of a check's time.
 * Matches are whole words, in text order, as with phraseRegExp: at one start the longest
 * entry wins, and matches do not overlap.
 */
export class PhraseMatcher {
  private readonly words: ReadonlySet<string>;
  /** First word -> the rest of each plain-word phrase, longest phrase first. */
  private readonly byFirstWord = new Map<string, string[][]>();
  private readonly others: RegExp | undefined;
  readonly regex: RegExp;

  constructor(entries: readonly string[]) {
    const unique = [...new Set(entries)].sort((a, b) => b.length - a.length);
    const single = new Set<string>();
    const others: string[] = [];
    for (const entry of unique) {
      if (/^[\p{L}\p{N}]+$/u.test(entry)) single.add(entry);
      else {
        const words = plainWords(entry);
        if (!words) others.push(entry);
        else {
          const list = this.byFirstWord.get(words[0]!) ?? [];
          list.push(words.slice(1));
          this.byFirstWord.set(words[0]!, list);
        }
      }
    }
    this.words = single;
    this.others = others.length ? phraseRegExp(others) : undefined;
    this.regex = phraseRegExp(entries);
  }

  find(index: TextIndex): Match[] {
    const phrases = this.phrasesIn(index);
    const found = this.wordsIn(index);
    if (!phrases.length) return found;
    if (!found.length) return phrases;
    // Merge in text order; a phrase wins over a word inside it.
    const merged = [...phrases];
    for (const w of found) {
      const p = lastUpTo(phrases, w.start);
      if (!p || w.end > p.end) merged.push(w);
    }
    return merged.sort((a, b) => a.start - b.start);
  }

  private wordsIn(index: TextIndex): Match[] {
    const at = tokensOf(index, this.words);
    return at.map((i) => {
      const w = index.words[i]!;
      return { start: w.start, end: w.end, text: w.text };
    });
  }

  private phrasesIn(index: TextIndex): Match[] {
    const { words, folded } = index;
    const onTokens: Match[] = [];
    let end = 0;
    for (const i of this.byFirstWord.size ? tokensOf(index, this.byFirstWord) : []) {
      if (words[i]!.start < end) continue;
      const rest = this.byFirstWord.get(words[i]!.text)!.find((r) => followedBy(words, i, r, folded));
      if (!rest) continue;
      const last = words[i + rest.length]!;
      onTokens.push({ start: words[i]!.start, end: last.end, text: folded.slice(words[i]!.start, last.end) });
      end = last.end;
    }
    if (!this.others) return onTokens;
    const scanned = findAll(this.others, folded);
    if (!onTokens.length) return scanned;
    // Both kinds at once: in text order, the longer one at the same start, no overlaps.
    const all = [...onTokens, ...scanned].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Match[] = [];
    for (const m of all) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
    return kept;
  }
}

const SHORT_TEXT_WORDS = 400;

/** Indexes of the tokens whose word is a key of `lexicon`, ascending. */
function tokensOf(index: TextIndex, lexicon: ReadonlySet<string> | ReadonlyMap<string, unknown>): number[] {
  const at: number[] = [];
  // A post of a few hundred words repeats few of them: one lookup per token, in order, costs
  // less than building the distinct words and sorting.
  if (index.words.length <= SHORT_TEXT_WORDS) {
    index.words.forEach((w, i) => {
      if (lexicon.has(w.text)) at.push(i);
    });
    return at;
  }
  const positions = wordPositions(index);
  // Walk the smaller of the two: a short lexicon in a long post, or a short post.
  if (lexicon.size < positions.size) {
    for (const word of lexicon.keys()) for (const i of positions.get(word) ?? []) at.push(i);
  } else for (const [word, list] of positions) if (lexicon.has(word)) for (const i of list) at.push(i);
  return at.length > 1 ? at.sort((a, b) => a - b) : at;
}

/** The words of an entry that is plain words separated by single spaces, each one whole token. */
function plainWords(entry: string): string[] | undefined {
  const tokens = tokenize(entry);
  if (tokens.length < 2 || tokens[0]!.start !== 0 || tokens[tokens.length - 1]!.end !== entry.length) return undefined;
  for (let i = 1; i < tokens.length; i++) if (entry.slice(tokens[i - 1]!.end, tokens[i]!.start) !== ' ') return undefined;
  return tokens.map((t) => t.text);
}

/** Do the words after token `i` read `rest`, with only whitespace between them? */
function followedBy(words: readonly Token[], i: number, rest: readonly string[], folded: string): boolean {
  if (i + rest.length >= words.length) return false;
  for (let k = 0; k < rest.length; k++) {
    const prev = words[i + k]!;
    const next = words[i + k + 1]!;
    if (next.text !== rest[k] || !isBlank(folded, prev.end, next.start)) return false;
  }
  return true;
}

function isBlank(text: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f)) return false;
  }
  return true;
}
