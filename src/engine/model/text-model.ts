import { fromEngineData } from '../engine-data.ts';
import { MODEL_MIN_WORDS, modelFeatures } from './features.ts';

// A small learned model beside the rules: one logistic regression per label over hashed word and
// character features (features.ts), trained by scripts/train-model.ts on the labelled sets in
// test/fixtures/ and shipped as engine data (src/lexicons/text-model.json), so nothing is
// downloaded and the content script carries none of it.
//
// Why: the rules are exact about the phrasings they know, but each new writer phrases insults
// and leaks in ways no earlier set had. Measured on sets the model never saw (see the README),
// "rule or model" finds more of those without a loss of precision that outweighs it. The model's
// findings carry their own reason ('model'). For a few labels (the stored `veto`) the model may
// also set aside the rules' reading where it is nearly sure the label does not hold: the rules'
// false alarms on new writers are mostly words in another sense, which the model reads in context.

/** The labels the model reads, by their names in the labelled sets (../shared/corpus/LABELS.md). */
export const MODEL_LABELS = ['school_related', 'pupil_identifiable', 'personal_data', 'offensive', 'confidential', 'affiliation', 'pupils_referenced'] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

/** The stored form: sorted buckets as base64 varint deltas, weights as base64 int8 × scale. */
export interface StoredLabelModel {
  /** A probability above this makes the model's finding. */
  threshold: number;
  /** A probability below this sets aside the rules' reading of the label (absent: never). */
  veto?: number;
  bias: number;
  scale: number;
  buckets: string;
  weights: string;
}
export interface StoredTextModel {
  dimension: number;
  labels: Record<ModelLabel, StoredLabelModel>;
}

export interface LabelModel {
  logitThreshold: number;
  /** -Infinity when the label has no veto. */
  logitVeto: number;
  bias: number;
  /** The stored weight of every bucket (0 for the pruned ones), one byte each: a lookup is an index. */
  dense: Int8Array;
  scale: number;
}

function bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function decodeLabel(stored: StoredLabelModel, dimension: number): LabelModel {
  const deltas = bytes(stored.buckets);
  const raw = bytes(stored.weights);
  const dense = new Int8Array(dimension);
  let at = 0;
  let bucket = 0;
  for (let i = 0; i < raw.length; i++) {
    let delta = 0;
    for (let shift = 0; ; shift += 7) {
      const b = deltas[at++]!;
      delta |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    bucket += delta;
    dense[bucket] = (raw[i]! << 24) >> 24;
  }
  const logit = (p: number) => Math.log(p / (1 - p));
  return { logitThreshold: logit(stored.threshold), logitVeto: stored.veto === undefined ? -Infinity : logit(stored.veto), bias: stored.bias, dense, scale: stored.scale };
}

const compile = fromEngineData(({ textModel }) => ({
  dimension: textModel.dimension,
  labels: Object.fromEntries(MODEL_LABELS.map((label) => [label, decodeLabel(textModel.labels[label], textModel.dimension)])) as Record<ModelLabel, LabelModel>,
}));

export interface ModelVerdict {
  /** The model's probability for the label. */
  probability: number;
  /** Above the label's threshold, in a text of at least MODEL_MIN_WORDS words. */
  positive: boolean;
  /** Below the label's veto, in a text of at least MODEL_MIN_WORDS words: the rules' reading is set aside. */
  unlikely: boolean;
  /** For a positive reading, the folded offset of the word that weighed most towards the label. */
  strongestAt: number;
}

/** The model's reading of a folded text, per label; the features are computed once per text. */
export function textModel(folded: string): (label: ModelLabel) => ModelVerdict {
  const model = compile();
  const features = modelFeatures(folded, model.dimension);
  return (label) => {
    const m = model.labels[label];
    const { dense } = m;
    const { buckets } = features;
    let sum = 0;
    for (let i = 0; i < buckets.length; i++) sum += dense[buckets[i]!]!;
    const z = m.bias + sum * m.scale * features.value;
    const enoughWords = features.words >= MODEL_MIN_WORDS;
    const positive = z > m.logitThreshold && enoughWords;
    // Where the finding points: the token whose features weigh most (only asked of a finding).
    let strongestAt = 0;
    if (positive) {
      const perOffset = new Map<number, number>();
      for (let i = 0; i < buckets.length; i++) {
        const w = dense[buckets[i]!]!;
        if (w) perOffset.set(features.offsets[i]!, (perOffset.get(features.offsets[i]!) ?? 0) + w);
      }
      let best = -Infinity;
      for (const [offset, sum] of perOffset) {
        if (sum > best || (sum === best && offset < strongestAt)) {
          best = sum;
          strongestAt = offset;
        }
      }
    }
    return { probability: 1 / (1 + Math.exp(-z)), positive, unlikely: z < m.logitVeto && enoughWords, strongestAt };
  };
}
