import type { CheckConfig } from './config.ts';
import { detectAffiliation } from './signals/affiliation.ts';
import { detectConfidential } from './signals/confidential.ts';
import { buildContext } from './signals/context-builder.ts';
import { detectDisclaimer } from './signals/disclaimer.ts';
import { detectOffensive } from './signals/offensive.ts';
import { detectPersonalData } from './signals/personal-data.ts';
import { detectPupils } from './signals/pupils.ts';
import { detectSchoolContext, schoolRelated } from './signals/school-related.ts';
import { mentionsSchoolLife } from './signals/school-words.ts';
import type { Evidence, Signal, Signals } from './types.ts';

// The detectors' half of the engine: draft text + config -> the eight signals (the rules'
// half, signals -> findings, is analyze.ts).
//
//   text ──► buildContext (fold, words, school/board mentions, class codes, names)
//        ──► detectors ──► Signals ──► rules enabled by the protocol ──► Findings
//
// Posts longer than MAX_TEXT are checked on their first MAX_TEXT characters: the sites cap
// posts far below that, and the cost of a check must stay bounded whatever is pasted.

export const MAX_TEXT = 120_000;

const signal = (evidence: Evidence[]): Signal => ({ value: evidence.length > 0, evidence });

export function detectSignals(text: string, config: CheckConfig): Signals {
  const ctx = buildContext(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, config);
  // Each signal is computed once, from the text and the signals declared before it:
  //   school context (text) ─► pupils (text, school context) ─► school-related (both)
  //   offensive (text) ─► personal data (text, pupils, offensive: a disease curse is no health data)
  //   disclaimer, affiliation, confidential (text)
  const context = detectSchoolContext(ctx);
  const schoolLife = mentionsSchoolLife(ctx.index.folded);
  const pupils = detectPupils(ctx, { related: context.value, weakWords: context.weakWords + (schoolLife ? 1 : 0), weakTexts: context.weakTexts, mentionsSchoolLife: schoolLife });
  const offensive = detectOffensive(ctx);
  const identifiable = pupils.identifiable;
  return {
    schoolRelated: signal(schoolRelated(ctx, context, pupils)),
    disclaimer: signal(detectDisclaimer(ctx)),
    affiliation: signal(detectAffiliation(ctx)),
    pupilsReferenced: signal(pupils.referenced),
    pupilIdentifiable: signal(identifiable),
    personalData: signal(detectPersonalData(ctx, identifiable.length > 0, offensive.filter((e) => e.reason === 'curse'))),
    offensive: signal(offensive),
    confidential: signal(detectConfidential(ctx)),
  };
}


