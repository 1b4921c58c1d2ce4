// Trains the learned model (src/engine/model/text-model.ts) and writes
// src/lexicons/text-model.json. Training data: every labelled set in test/fixtures/*.jsonl,
// the written and the real ones, in file order; nothing else. The result is deterministic
// (full-batch Adam from zero, fixed order), so a test can check that the shipped file is
// what this script makes from the fixtures in the repository.
//
//   npx tsx scripts/train-model.ts                  write the model
//   npx tsx scripts/train-model.ts --exclude u,v    leave sets out (to measure on them first)
//   … --out FILE                                    write elsewhere (a trial, not the shipped model)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonLines, type CorpusPost } from '../src/cli/corpus.ts';
import { foldText } from '../src/engine/text/fold.ts';
import { modelFeatures } from '../src/engine/model/features.ts';
import { MODEL_LABELS, type ModelLabel, type StoredLabelModel, type StoredTextModel } from '../src/engine/model/text-model.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TEXT_MODEL_FILE = join(ROOT, 'src', 'lexicons', 'text-model.json');
const FIXTURES = join(ROOT, 'test', 'fixtures');

const DIMENSION = 1 << 18;
/**
 * The strength of the L2 penalty (0.5·|w|²/C on the summed, not averaged, weighted log-loss) and
 * each label's threshold (a model finding needs a probability above it) were chosen on held-out
 * sets, each scored with the rules of its first measurement and a model trained by this script
 * only on the sets written before it ("rule or model", mean F1 at the thresholds 0.5 / 0.6 / 0.7 / 0.8):
 * - offensive and confidential, on sets n–t:
 *     C = 1:  offensive .841 / .851 / .843 / .841, confidential .883 / .870 / .871 / .852
 *     C = 10: offensive .854 / .854 / .862 / .854, confidential .892 / .876 / .882 / .875
 *   (the rules alone: offensive .816, confidential .790);
 * - school, identifiable pupil and personal data, on sets n–w:
 *     C = 1:  school .962 / .956 / .948 / .944, pupil .841 / .873 / .892 / .887, personal .818 / .852 / .862 / .856
 *     C = 10: school .971 / .965 / .962 / .957, pupil .859 / .875 / .888 / .896, personal .840 / .857 / .866 / .870
 *   (the rules alone: school .943, pupil .878, personal .849). School takes 0.7, not 0.5: at 0.5
 *   it read 10 of the 58 posts not about school in ../shared/corpus/dev.jsonl as school, at 0.7
 *   three ("two schools of thought on sourdough").
 */
//
// Chosen again on 2026-12-07 (sixth session), before the sets dw–dy were written: on the sixteen
// sets de–dv, each scored with its rules alone as first measured (the model switched off) and a
// model trained without any of them, "rule or model" at the thresholds 0.5 / 0.7 / 0.8 / 0.85 / 0.9
// (rules alone in brackets):
//   school .959 / .955 / .952 / .949 / .944 (.931)       identifiable pupil .881 / .913 / .921 / .925 / .925 (.909)
//   personal .872 / .885 / .889 / .886 / .884 (.865)     offensive .922 / .945 / .951 / .951 / .949 (.929)
//   confidential .914 / .923 / .926 / .921 / .910 (.845)
// The rules have grown since n–w and now find much of what the model added, so the model's false
// alarms weigh more: confidential 0.5 -> 0.8 and offensive 0.7 -> 0.8. With those, 7 of the 16
// sets meet the floor of issue 11 instead of 5. Identifiable pupil stays at 0.8: 0.85 gained .004
// here (and .755 -> .784 on the real set 11), but took the real sets 05-3 and 07-11 below their
// test floor of 0.85 (0.848, 0.846); too little evidence to lower a privacy label's recall for.
// School stays at 0.7 for dev.jsonl's sake (above).
//
// Affiliation and pupils referenced joined the model the same day, on the same evidence: on the 18
// sets de–dy (a model trained without any of them), "rule or model" at 0.5 / 0.7 / 0.8 / 0.85 / 0.9 / 0.95
// (rules alone in brackets); for affiliation the model reads only staff posts that name the school,
// as the rules do (affiliation.ts):
//   affiliation .941 / .943 / .943 / .942 / .940 / .932 (.919)
//   pupils referenced .936 / .943 / .943 / .941 / .938 / .935 (.933)
// With both, 8 of the 18 sets meet the floor instead of 7 (07-dq). The disclaimer was tried too
// (.976 -> .984 at 0.8) but left to the rules: a model's disclaimer would silence the reminder to
// write one, and a missed reminder costs more than a needless one.
const THRESHOLDS: Record<ModelLabel, number> = { school_related: 0.7, pupil_identifiable: 0.8, personal_data: 0.8, offensive: 0.8, confidential: 0.8, affiliation: 0.8, pupils_referenced: 0.8 };
// Where the model is nearly sure a label does not hold, it sets aside the rules' reading of that
// label (VETOES: a probability below the value). Tried first on 2026-12-07 for personal data and
// identifiable pupil at 0.05 (sets n–z of 2026-12-06: personal data .877 -> .886, identifiable
// pupil .908 -> .914), and taken out when three new writers (07-zd, ze, zf) lost 5 true findings
// for 2 false alarms (a classmate's 18th birthday, a grandmother's death).
// Tried again per label in the seventh session of 2026-12-07, on two groups of sixteen held-out
// sets, each scored with its rules as first measured and a model trained without the group or any
// later set; mean F1 without -> with (de–dv | dw–el):
//   school .955 -> .968 | .966 -> .975 (0.2; 70 of the 92 readings it set aside in dw–el were false)
//   confidential .926 -> .934 | .929 -> .934 (0.2); identifiable pupil .921 -> .924 | .910 -> .913 (0.02)
//   personal data .889 -> .890 | .908 -> .914 (0.1), offensive .951 -> .943 | .929 -> .931 (0.1)
// Mean macro .938 -> .941 and .940 -> .942; on the real sets 11–13 no true finding was lost and
// the false confidential and offensive alarms went. Personal data is left out: in de–dv it set
// aside 8 true findings (a classmate's father in rehab, ADHD pills mocked, a nut allergy) for 11
// false alarms, and a missed health detail costs more than a needless warning. Offensive is left
// out: it lost on one group.
// School then went from 0.2 to 0.1, and a school's hashtag or handle is never set aside
// (detect-signals.ts): on the same groups, among readings resting on the school's name, 0.2 set
// aside 136 false and 19 true ones, 0.1 set aside 98 false and 4 true ones ('Griftland doet mee aan
// de onderwijsstaking' reads 0.11). A teacher who names her school and gets no reminder is the worse
// mistake, so the veto keeps to where the model is very sure.
const VETOES: Partial<Record<ModelLabel, number>> = { school_related: 0.1, confidential: 0.2, pupil_identifiable: 0.02 };

const C = 10;
/** Positives weigh as much as the negatives together, at most this many times one negative. */
const MAX_POSITIVE_WEIGHT = 5;
const EPOCHS = 400;
/**
 * Weights smaller than this are left out. On sets n–w as above, 0.15 instead of 0.05 keeps a third
 * of the weights (the model file 1.1 MB -> about 0.5 MB) and changes mean F1 by at most 0.005
 * (school .962 / .962, pupil .896 / .897, personal .870 / .868, offensive .858 / .856,
 * confidential .898 / .893 at their thresholds).
 */
const PRUNE_BELOW = 0.15;
const LABELS = MODEL_LABELS;

/**
 * Sets stored with their first measurement at the very end of a session and not trained on yet
 * (suffixes). Empty when every stored set is trained on; the next session trains on any left here.
 */
export const NOT_YET_TRAINED: readonly string[] = ['gw', 'gx', 'gy'];

/** The labelled sets to train on: every fixture but NOT_YET_TRAINED and `exclude` (set suffixes, as --exclude takes them). */
export function trainingFiles(exclude: readonly string[] = []): string[] {
  const left = [...NOT_YET_TRAINED, ...exclude];
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl') && !left.some((x) => f.endsWith(`-${x}.jsonl`)))
    .sort();
}

/** The labelled sets, each read once: its posts (checked as eval checks them) and its fingerprint. */
export function readTrainingSets(files: readonly string[]): { posts: CorpusPost[]; fingerprints: { file: string; sha256: string }[] } {
  const sets = files.map((file) => {
    const source = readFileSync(join(FIXTURES, file), 'utf8');
    return { posts: parseJsonLines(source, file), fingerprint: { file, sha256: createHash('sha256').update(source).digest('hex') } };
  });
  return { posts: sets.flatMap((s) => s.posts), fingerprints: sets.map((s) => s.fingerprint) };
}

function trainLabel(rows: { buckets: Int32Array; value: number }[], y: Uint8Array): { w: Float64Array; bias: number } {
  const positives = y.reduce((a, b) => a + b, 0);
  const positiveWeight = Math.min(MAX_POSITIVE_WEIGHT, (y.length - positives) / Math.max(1, positives));
  const w = new Float64Array(DIMENSION);
  const m = new Float64Array(DIMENSION + 1);
  const v = new Float64Array(DIMENSION + 1);
  const g = new Float64Array(DIMENSION + 1);
  let bias = 0;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    g.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const { buckets, value } = rows[r]!;
      let z = bias;
      for (let k = 0; k < buckets.length; k++) z += w[buckets[k]!]! * value;
      const p = 1 / (1 + Math.exp(-z));
      const err = (y[r] ? positiveWeight : 1) * (p - y[r]!);
      for (let k = 0; k < buckets.length; k++) g[buckets[k]!]! += err * value;
      g[DIMENSION]! += err;
    }
    const lr = 0.05 / Math.sqrt(epoch / 50 + 1);
    // Adam's bias corrections, once per epoch (not per weight: a power is dear).
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let j = 0; j <= DIMENSION; j++) {
      const grad = j < DIMENSION ? g[j]! + w[j]! / C : g[j]!;
      if (grad === 0 && m[j] === 0) continue;
      m[j] = b1 * m[j]! + (1 - b1) * grad;
      v[j] = b2 * v[j]! + (1 - b2) * grad * grad;
      const step = (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
      if (j < DIMENSION) w[j]! -= step;
      else bias -= step;
    }
  }
  return { w, bias };
}

function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

export function encodeLabelModel(w: Float64Array, bias: number): Omit<StoredLabelModel, 'threshold'> {
  let max = 0;
  for (const x of w) if (Math.abs(x) >= PRUNE_BELOW) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const deltas: number[] = [];
  const weights: number[] = [];
  let last = 0;
  for (let j = 0; j < w.length; j++) {
    if (Math.abs(w[j]!) < PRUNE_BELOW) continue;
    const q = Math.round(w[j]! / scale);
    if (!q) continue;
    varint(j - last, deltas);
    last = j;
    weights.push(q & 0xff);
  }
  return { bias: Number(bias.toFixed(6)), scale: Number(scale.toPrecision(8)), buckets: Buffer.from(deltas).toString('base64'), weights: Buffer.from(weights).toString('base64') };
}

export function trainTextModel(exclude: readonly string[] = []): StoredTextModel & { description: string; trainedOn: { posts: number; files: { file: string; sha256: string }[] } } {
  const { posts, fingerprints } = readTrainingSets(trainingFiles(exclude));
  // Copied out of modelFeatures' scratch buffers (sized for the longest text it might make), so that
  // 16,000 training rows keep only their own buckets: the views held every buffer, and the
  // training test ran a test worker out of memory at 15,932 posts.
  const rows = posts.map((p) => {
    const { buckets, value } = modelFeatures(foldText(p.text).folded, DIMENSION);
    return { buckets: buckets.slice(), value };
  });
  const labels = {} as Record<ModelLabel, StoredLabelModel>;
  for (const label of LABELS) {
    const y = Uint8Array.from(posts, (p) => {
      const value = p.expect?.[label];
      if (value === undefined) throw new Error(`post ${p.id ?? '(no id)'} has no '${label}' label: every training post needs it`);
      return value ? 1 : 0;
    });
    const { w, bias } = trainLabel(rows, y);
    const veto = VETOES[label];
    labels[label] = { ...encodeLabelModel(w, bias), threshold: THRESHOLDS[label], ...(veto === undefined ? {} : { veto }) };
  }
  return {
    description: 'Generated by scripts/train-model.ts from the labelled sets in test/fixtures/ (do not edit): one logistic regression per label over hashed word and character features (src/engine/model/features.ts).',
    dimension: DIMENSION,
    trainedOn: {
      posts: posts.length,
      files: fingerprints,
    },
    labels,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--exclude');
  const exclude = at > 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : [];
  const started = performance.now();
  const out = process.argv.indexOf('--out');
  const model = trainTextModel(exclude);
  writeFileSync(out > 0 ? process.argv[out + 1]! : TEXT_MODEL_FILE, JSON.stringify(model, null, 1) + '\n');
  const kept = Object.entries(model.labels).map(([l, m]) => `${l} ${Buffer.from(m.weights, 'base64').length}`).join(', ');
  console.log(`trained on ${model.trainedOn.posts} posts from ${model.trainedOn.files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s; weights kept: ${kept}`);
}
