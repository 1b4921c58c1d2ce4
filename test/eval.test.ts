import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../src/cli/corpus.ts';
import { evaluate, scoreOf } from '../src/cli/evaluate.ts';

// Detection quality as a regression guard. The sets in test/fixtures/ were each written blind
// to the detectors by someone who saw only LABELS.md and the dev corpus (or, for the real
// posts, collected from public pages); each was measured once and then used to improve the
// detectors, so they are no longer held-out measurements. The held-out sets
// (heldout-2026-12-05-d, real-heldout-2026-12-05) are measured by hand, never tested on here.
// ../shared/corpus/dev.jsonl is the labelled development set, present in CI.
const FLOOR = 0.9;

function scores(path: string) {
  return evaluate(parseJsonLines(readFileSync(path, 'utf8'), path)).scores.map((s) => [s.label, Number(s.f1.toFixed(3))] as const);
}

// Issue 11's floor on the written sets it was tuned on: macro-F1 >= 0.93 and every label >= 0.88.
const ISSUE_11 = { macro: 0.93, label: 0.88 };
// On the real public posts, only the labels with enough positives to measure (well over 30).
const REAL_LABELS = ['school_related', 'pupils_referenced', 'pupil_identifiable'];
const REAL_FLOOR = 0.8;

describe('detection quality', () => {
  for (const file of ['tuned-on-1.jsonl', 'tuned-on-2.jsonl', 'tuned-on-3.jsonl']) {
    it(`F1 >= ${FLOOR} for every label on test/fixtures/${file}`, () => {
      expect(scores(join(import.meta.dirname, 'fixtures', file)).filter(([, f1]) => f1 < FLOOR)).toEqual([]);
    });
  }
  for (const file of ['unseen-2026-12-05-a.jsonl', 'unseen-2026-12-05-b.jsonl', 'unseen-2026-12-05-c.jsonl']) {
    it(`macro-F1 >= ${ISSUE_11.macro} and every label >= ${ISSUE_11.label} on test/fixtures/${file} (measured once, then tuned on)`, () => {
      const all = scores(join(import.meta.dirname, 'fixtures', file));
      expect(all.filter(([, f1]) => f1 < ISSUE_11.label)).toEqual([]);
      expect(all.reduce((sum, [, f1]) => sum + f1, 0) / all.length).toBeGreaterThanOrEqual(ISSUE_11.macro);
    });
  }
  it(`F1 >= ${REAL_FLOOR} on the well-supported labels of the real public posts (tuned on)`, () => {
    const all = scores(join(import.meta.dirname, 'fixtures', 'real-posts-2026-12-05.jsonl'));
    expect(all.filter(([label, f1]) => REAL_LABELS.includes(label) && f1 < REAL_FLOOR)).toEqual([]);
  });
  const dev = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev.jsonl');
  it.runIf(existsSync(dev))(`F1 >= ${FLOOR} for every label on ../shared/corpus/dev.jsonl`, () => {
    expect(scores(dev).filter(([, f1]) => f1 < FLOOR)).toEqual([]);
  });
});

describe('scoreOf', () => {
  it('computes precision, recall and F1', () => {
    expect(scoreOf('offensive', 8, 2, 2)).toMatchObject({ precision: 0.8, recall: 0.8, f1: expect.closeTo(0.8, 10) });
  });
  it('is perfect when nothing is expected and nothing predicted, and zero when all is missed', () => {
    expect(scoreOf('offensive', 0, 0, 0).f1).toBe(1);
    expect(scoreOf('offensive', 0, 0, 3).f1).toBe(0);
    expect(scoreOf('offensive', 0, 3, 0).f1).toBe(0);
  });
});
