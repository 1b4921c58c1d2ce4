import type { TextIndex } from './text-index.ts';
import type { Token } from './tokenize.ts';

// Lists of ranges sorted by start (word tokens, matches, mentions, class codes) are searched
// with one binary search; the questions detectors ask are written with it.

/**
 * The index of the first item of `sorted` (sorted by start) whose start is at or after
 * `offset`, or with `after` strictly after it; `sorted.length` when there is none.
 */
export function firstStartIndex(sorted: readonly { start: number }[], offset: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = sorted[mid]!.start;
    if (start < offset || (after && start === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first of a list of ranges sorted by start that starts at or after `offset`. */
export function firstFrom<T extends { start: number }>(sorted: readonly T[], offset: number): T | undefined {
  return sorted[firstStartIndex(sorted, offset)];
}

/** Whether a range of a list sorted by start (and not nested) lies wholly inside `span`. */
export function anyWithin(sorted: readonly { start: number; end: number }[], span: { start: number; end: number }): boolean {
  const first = firstFrom(sorted, span.start);
  return !!first && first.end <= span.end;
}

/** The last of a list of ranges sorted by start that starts at or before `offset`. */
export function lastUpTo<T extends { start: number }>(sorted: readonly T[], offset: number): T | undefined {
  return sorted[firstStartIndex(sorted, offset, true) - 1];
}

/** Index of the first word token that starts at or after a folded offset. */
export function wordAt(index: TextIndex, offset: number): number {
  return firstStartIndex(index.words, offset);
}

/** The word token just before a folded offset (the last one that starts before it). */
export function wordBefore(index: TextIndex, offset: number): Token | undefined {
  return index.words[wordAt(index, offset) - 1];
}
