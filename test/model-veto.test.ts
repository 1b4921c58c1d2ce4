import { afterEach, describe, expect, it } from 'vitest';
import { detectSignals } from '../src/engine/analyze.ts';
import { BUNDLED_ENGINE_DATA } from '../src/engine/bundled-engine-data.ts';
import type { CheckConfig } from '../src/engine/config.ts';
import { installEngineData } from '../src/engine/engine-data.ts';
import { textModel, type ModelLabel } from '../src/engine/model/text-model.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import { foldText } from '../src/engine/text/fold.ts';

// The model's veto (detect-signals.ts, scripts/train-model.ts): where the learned model is nearly
// sure a label does not hold, the rules' reading of school, an identifiable pupil or confidential is
// set aside, except for exact evidence. Each case is checked three ways: the model's probability is
// below the stored veto, the rules alone (the same model data without its vetoes) read the label,
// and with the shipped data the reading is set aside, or kept where the evidence is exact.

const WITHOUT_VETO = {
  ...BUNDLED_ENGINE_DATA,
  textModel: {
    ...BUNDLED_ENGINE_DATA.textModel,
    labels: Object.fromEntries(Object.entries(BUNDLED_ENGINE_DATA.textModel.labels).map(([label, model]) => [label, { ...model, veto: undefined }])),
  },
} as typeof BUNDLED_ENGINE_DATA;

const SIGNAL = { school_related: 'schoolRelated', pupil_identifiable: 'pupilIdentifiable', confidential: 'confidential' } as const;
const config = (extra: Partial<CheckConfig> = {}): CheckConfig => ({
  protocol: getProtocol('cvo-baarn-soest'),
  role: 'employee',
  school: { name: 'Wapenveld College', aliases: ['Wapenveld', '#wapenveld'] },
  ...extra,
});

function read(text: string, label: keyof typeof SIGNAL, extra?: Partial<CheckConfig>) {
  installEngineData(WITHOUT_VETO);
  const rules = detectSignals(text, config(extra))[SIGNAL[label]].value;
  installEngineData(BUNDLED_ENGINE_DATA);
  const shipped = detectSignals(text, config(extra))[SIGNAL[label]].value;
  const probability = textModel(foldText(text).folded)(label as ModelLabel).probability;
  return { rules, shipped, probability, veto: BUNDLED_ENGINE_DATA.textModel.labels[label].veto! };
}

afterEach(() => installEngineData(BUNDLED_ENGINE_DATA));

const CASES: { what: string; text: string; label: keyof typeof SIGNAL; kept: boolean; extra?: Partial<CheckConfig> }[] = [
  // Set aside: the rules' reading where the model is nearly sure.
  { what: 'a school alias that is a village: the walk is no school post', text: 'Zondagochtend met de hond langs het water bij Wapenveld gewandeld, heerlijk stil en mistig.', label: 'school_related', kept: false },
  { what: 'a marker of secrecy in another sense: a bakery tip is not confidential', text: 'Vertrouwelijk tipje voor de liefhebbers: de beste appeltaart van de Veluwe haal je bij de bakker in het dorp.', label: 'confidential', kept: false },
  // Kept: exact evidence is never set aside.
  { what: "the school's hashtag", text: 'Zondagochtend met de hond langs het water gewandeld, heerlijk stil en mistig. #wapenveld', label: 'school_related', kept: true },
  { what: 'a name on the no-consent list', text: 'Zondagochtend met de hond langs het water gewandeld met Bram, heerlijk stil en mistig. Daarna koffie en de krant.', label: 'pupil_identifiable', kept: true, extra: { noConsentNames: ['Bram'] } },
];

describe("the model's veto", () => {
  for (const c of CASES) {
    it(`${c.kept ? 'keeps' : 'sets aside'}: ${c.what}`, () => {
      const r = read(c.text, c.label, c.extra);
      expect(r.probability).toBeLessThan(r.veto);
      expect(r.rules).toBe(true);
      expect(r.shipped).toBe(c.kept);
    });
  }
});
