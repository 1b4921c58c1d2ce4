import { detectSignals } from '../engine/analyze.ts';
import { getProtocol } from '../engine/protocols.ts';
import { LABEL_TO_SIGNAL, LABELS, type CorpusPost, type Label } from './corpus.ts';

// Precision, recall and F1 per label of the engine's signals against labelled posts.

export interface LabelScore {
  label: Label;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mistake {
  id: string;
  label: Label;
  expected: boolean;
  text: string;
}

export interface Evaluation {
  posts: number;
  scores: LabelScore[];
  mistakes: Mistake[];
}

export function scoreOf(label: Label, tp: number, fp: number, fn: number): LabelScore {
  // With no positives expected and none predicted, the detector is perfect on that label.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, tp, fp, fn, precision, recall, f1 };
}

export function evaluate(posts: readonly CorpusPost[]): Evaluation {
  const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<Label, { tp: number; fp: number; fn: number }>;
  const mistakes: Mistake[] = [];
  let labelled = 0;
  for (const post of posts) {
    if (!post.expect) continue;
    labelled++;
    const signals = detectSignals(post.text, { protocol: getProtocol(post.school.protocol), role: post.author.role, school: post.school });
    for (const label of LABELS) {
      const expected = post.expect[label];
      if (expected === undefined) continue;
      const got = signals[LABEL_TO_SIGNAL[label]].value;
      const c = counts[label];
      if (got && expected) c.tp++;
      else if (got) c.fp++;
      else if (expected) c.fn++;
      if (got !== expected) mistakes.push({ id: post.id, label, expected, text: post.text });
    }
  }
  return { posts: labelled, scores: LABELS.map((l) => scoreOf(l, counts[l].tp, counts[l].fp, counts[l].fn)), mistakes };
}
