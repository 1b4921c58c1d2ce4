import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLabelModel, readTrainingSets, TEXT_MODEL_FILE, trainingFiles, trainTextModel } from '../scripts/train-model.ts';
import '../src/engine/bundled-engine-data.ts';
import { detectSignals } from '../src/engine/analyze.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import type { Role } from '../src/engine/types.ts';
import { MODEL_MAX_CHARS, modelFeatures } from '../src/engine/model/features.ts';
import { decodeLabel, textModel, type ModelLabel } from '../src/engine/model/text-model.ts';
import { foldText } from '../src/engine/text/fold.ts';

// The learned model beside the rules (src/engine/model/): its features, its stored form, that the
// shipped file is what scripts/train-model.ts makes from the fixtures in the repository, and how
// the detectors use it (it adds a finding the rules do not know; it never overturns a rule's
// decision to set a word aside).

const stored = JSON.parse(readFileSync(TEXT_MODEL_FILE, 'utf8')) as ReturnType<typeof trainTextModel>;
const fold = (s: string) => foldText(s).folded;

/** The features as defined (features.ts), written the plain way: the scanner must equal this. */
function plainFeatures(text: string, dimension: number): { firstOffset: Map<number, number>; words: number } {
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return (h >>> 0) % dimension;
  };
  const firstOffset = new Map<number, number>();
  const add = (feature: string, at: number) => {
    if (!firstOffset.has(hash(feature))) firstOffset.set(hash(feature), at);
  };
  let previous: string | undefined;
  let words = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}_@#']+|[^\p{L}\p{N}_@#'\s]/gu)) {
    const word = m[0];
    add(`w:${word}`, m.index);
    if (previous !== undefined) add(`b:${previous} ${word}`, m.index);
    previous = word;
    const letters = /^\p{L}+$/u.test(word);
    if (letters) words++;
    if (word.length > 3 && letters) for (const n of [4, 5]) for (let k = 0; k + n <= word.length + 2; k++) add(`c:${`<${word}>`.slice(k, k + n)}`, m.index);
  }
  return { firstOffset, words };
}

describe('model features', () => {
  it('are distinct buckets of words, word pairs and letter grams, each of value 1/sqrt(n)', () => {
    const f = modelFeatures(fold('Wat een kneus, echt een kneus!'), 1 << 18);
    expect(new Set(f.buckets).size).toBe(f.buckets.length);
    // The tokens "wat een kneus , echt een kneus !", their pairs, and the 4- and 5-grams of
    // "<kneus>" and "<echt>": far more than the words alone.
    expect(f.buckets.length).toBeGreaterThan(15);
    expect(f.value).toBeCloseTo(1 / Math.sqrt(f.buckets.length));
    expect(f.words).toBe(6);
  });
  it('equal the plain definition: regex tokens, FNV-1a of the feature strings (property, 500 random texts)', () => {
    const alphabet = ['a', 'B', 'é', 'ß', 'x', '1', '_', '@', '#', "'", ' ', '\n', '\t', '\u00a0', '\u2028', '!', ',', '-', '🙄', '😂', '漢', '١', 'İ', '\ud83d', 'kneus', 'sukkel', 'klas'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const f = modelFeatures(text, 1 << 18);
        const expected = plainFeatures(text, 1 << 18);
        expect(new Map([...f.buckets].map((b, i) => [b, f.offsets[i]]))).toEqual(expected.firstOffset);
        expect(f.words).toBe(expected.words);
      }),
      { numRuns: 500 },
    );
  });
  it('point back at the first token that made them', () => {
    const text = fold('hallo kneus');
    const f = modelFeatures(text, 1 << 18);
    expect(new Set(f.offsets)).toEqual(new Set([0, text.indexOf('kneus')]));
  });
  it('read at most MODEL_MAX_CHARS of a long text', () => {
    const long = `${'a '.repeat(MODEL_MAX_CHARS)}kneus`;
    expect(modelFeatures(long, 1 << 18).buckets).toEqual(modelFeatures('a '.repeat(MODEL_MAX_CHARS), 1 << 18).buckets);
  });
});

describe('stored model', () => {
  it('decodes what the trainer encodes: buckets exactly, weights to within one quantisation step', () => {
    const w = new Float64Array(1000);
    w[3] = 0.8;
    w[400] = -1.27;
    w[999] = 0.2;
    w[500] = 0.1; // below the pruning bound: left out
    const decoded = decodeLabel({ ...encodeLabelModel(w, 0.25), threshold: 0.5 }, 1000);
    const kept = [...decoded.dense.keys()].filter((i) => decoded.dense[i] !== 0);
    expect(kept).toEqual([3, 400, 999]);
    expect(decoded.dense[3]! * decoded.scale).toBeCloseTo(0.8, 1);
    expect(decoded.dense[400]! * decoded.scale).toBeCloseTo(-1.27, 1);
    expect(decoded.bias).toBe(0.25);
  });
  it('was trained on every labelled set in test/fixtures/ as it is now (retrain: npx tsx scripts/train-model.ts)', () => {
    expect(stored.trainedOn.files).toEqual(readTrainingSets(trainingFiles()).fingerprints);
  });
  it('is what scripts/train-model.ts makes from those sets', { timeout: 240_000 }, () => {
    expect(trainTextModel()).toEqual(stored);
  });
});

describe('model findings', () => {
  // Sentences written for this test, not taken from the fixtures. Each states the model's own
  // reading first, so that a retrained model that reads them otherwise fails here visibly
  // instead of leaving a behaviour untested.
  const check = (text: string, role: Role = 'employee') => detectSignals(text, { protocol: getProtocol('cvo-baarn-soest'), role, school: { name: 'Griftland College', aliases: ['Griftland'] } });
  const reads = (text: string, label: ModelLabel) => textModel(fold(text))(label);

  it('a reading is a probability with the offset of the word that weighed most', () => {
    const text = 'Die nieuwe gymleraar loopt erbij als een opgeblazen kikker, moet je zien hoe hij zweet';
    const v = reads(text, 'offensive');
    expect(v.probability).toBeGreaterThan(0.7);
    expect(v.probability).toBeLessThan(1);
    expect(v.positive).toBe(true);
    expect(v.strongestAt).toBeGreaterThanOrEqual(0);
    expect(v.strongestAt).toBeLessThan(text.length);
    expect(reads('We gaan morgen met groep 5 naar het bos.', 'offensive').positive).toBe(false);
  });
  it('add mocking that no rule knows, quoting the sentence', () => {
    const text = 'Die nieuwe gymleraar loopt erbij als een opgeblazen kikker, moet je zien hoe hij zweet';
    const s = check(text, 'pupil');
    expect(s.offensive.evidence.map((e) => e.reason)).toEqual(['model']);
    const [e] = s.offensive.evidence;
    expect(text.slice(e!.span.start, e!.span.end)).toBe(text);
  });
  it('add a leak that no rule knows', () => {
    const text = 'Volgens mij gaat de fusie met het Baarnsch Lyceum gewoon door, ook al ontkent de rector alles. Hoorde het van iemand uit het bestuur.';
    expect(reads(text, 'confidential').positive).toBe(true);
    expect(check(text).confidential.evidence.map((e) => e.reason)).toEqual(['model']);
  });
  it('add a post about school life that names no school word the rules know', () => {
    const text = 'Om kwart over acht al drie ouders gesproken bij het hek, en de bel moest nog gaan';
    expect(reads(text, 'school_related').positive).toBe(true);
    expect(check(text).schoolRelated.evidence.map((e) => e.reason)).toEqual(['model']);
  });
  it('add a pupil whose name is on no list, and so a pupil reference too', () => {
    const text = 'Wie zit er bij Jikke in de klas en wil morgen met haar naar school fietsen?';
    expect(reads(text, 'pupil_identifiable').positive).toBe(true);
    const s = check(text, 'parent');
    expect(s.pupilIdentifiable.evidence.map((e) => e.reason)).toEqual(['model']);
    expect(s.pupilsReferenced.evidence.map((e) => e.reason)).toContain('model');
  });
  it('add personal data that no rule knows', () => {
    const text = 'De moeder van Jikke is opgenomen in het ziekenhuis, laten we haar steunen';
    expect(reads(text, 'personal_data').positive).toBe(true);
    expect(check(text, 'parent').personalData.evidence.map((e) => e.reason)).toEqual(['model']);
  });
  it('never find a pupil in a post that does not touch school', () => {
    const text = 'Zondag de doop van Lotte bij mijn zus en haar Daan, wat een feest was het';
    expect(reads(text, 'pupil_identifiable').positive).toBe(true);
    expect(check(text, 'parent').pupilIdentifiable.value).toBe(false);
  });
  it("never overturn personal data the rules set aside (a pet's birthday, a doctor's job)", () => {
    // The pet's birthday is one the model reads as personal data (0.99 after the retrain of
    // 2026-12-07, fifth session), so that the rules' setting aside is what keeps it out.
    const pet = 'Onze kat Pip is vandaag 12 jaar geworden! Gefeliciteerd lieve Pip 🎂';
    for (const text of [pet, 'De moeder van Noor (groep 1/2B) is huisarts. Met een zware dokterstas kwam ze vertellen over haar werk.']) {
      expect(check(text).personalData.value).toBe(false);
    }
    expect(reads(pet, 'personal_data').positive).toBe(true);
  });
  it('never overturn a word the rules set aside (the writer mocking themselves)', () => {
    const text = 'ik ben echt een sukkel haha, sleutels weer vergeten';
    expect(reads(text, 'offensive').positive).toBe(true);
    expect(check(text).offensive.value).toBe(false);
  });
  it('never overturn a negated marker or a letter to all parents, which is the announcement itself', () => {
    for (const text of ['Het is geen geheim dat meneer Bakker na de zomer vertrekt, dat weet iedereen al', 'Beste ouders, helaas moeten wij u meedelen dat meneer Bakker na de zomer vertrekt. Het team weet het sinds vanochtend. Wij zoeken een opvolger.']) {
      expect(reads(text, 'confidential').positive).toBe(true);
      expect(check(text, 'director').confidential.value).toBe(false);
    }
  });
  it('leave posts of fewer than MODEL_MIN_WORDS words to the rules', () => {
    // Both read high (a single word carries the whole vector), and neither is an insult.
    for (const text of ['Echt', 'Nog een']) {
      expect(reads(text, 'offensive').probability).toBeGreaterThan(0.7);
      expect(reads(text, 'offensive').positive).toBe(false);
      expect(check(text).offensive.value).toBe(false);
    }
  });
  it('long posts cost a bounded reading: the first MODEL_MAX_CHARS only', () => {
    const insult = 'Die nieuwe gymleraar loopt erbij als een opgeblazen kikker, moet je zien hoe hij zweet. ';
    expect(reads(insult + 'We gaan naar het bos. '.repeat(5000), 'offensive').positive).toBe(true);
    expect(reads('We gaan naar het bos. '.repeat(5000) + insult, 'offensive').positive).toBe(false);
  });
});
