import type { CheckConfig } from './config.ts';
import { detectAffiliation } from './signals/affiliation.ts';
import { detectConfidential } from './signals/confidential.ts';
import { buildContext } from './signals/context-builder.ts';
import type { DetectContext } from './signals/context.ts';
import type { ModelLabel } from './model/text-model.ts';
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

/**
 * Evidence of a kind the model is not asked to overrule: a name from the school's no-consent list,
 * a name or handle of a pupil, a class code, a lesson hour, "my class", and the school's hashtag or
 * handle. Measured on the held-out groups (scripts/train-model.ts), the model set these aside about
 * as often rightly as wrongly (own class 6 true readings for 5 false alarms; a hashtag or handle 19
 * for 18; "Roos uit 2A" lost), while the readings it set aside rightly were school names used as
 * ordinary words, markers of secrecy in another sense, and a parent's own child read as a pupil.
 */
const KEPT_REASONS = new Set(['no-consent-name', 'name-with-class', 'pupil-handle', 'pupil-named', 'named-pupil', 'class-code', 'lesson-hour', 'own-school']);

/**
 * The rules' reading of a label, unless the learned model is nearly sure the label does not hold
 * (its `veto`, set for school, identifiable pupil and confidential: see scripts/train-model.ts) and
 * none of the evidence is of a kind in KEPT_REASONS. Applied to the finished signal only, so the
 * signals computed from it see the rules' reading.
 */
function unlessUnlikely(ctx: DetectContext, label: ModelLabel, evidence: Evidence[]): Evidence[] {
  if (!evidence.length || evidence.some((e) => KEPT_REASONS.has(e.reason) || isTagOrHandle(ctx, e))) return evidence;
  return ctx.model(label).unlikely ? [] : evidence;
}

/** "#griftland", "@griftland_college": the school named by its tag or handle. */
function isTagOrHandle(ctx: DetectContext, e: Evidence): boolean {
  if (e.reason !== 'school-named') return false;
  const first = ctx.index.original[e.span.start];
  const before = ctx.index.original[e.span.start - 1];
  return first === '#' || first === '@' || before === '#' || before === '@';
}

export function detectSignals(text: string, config: CheckConfig): Signals {
  const ctx = buildContext(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, config);
  // Each signal is computed once, from the text and the signals declared before it:
  //   school context (text) ─► pupils (text, school context) ─► school-related (both)
  //   offensive (text) ─► personal data (text, pupils, offensive: a disease curse is no health data)
  //   disclaimer, affiliation, confidential (text)
  // and last, the model's veto on the finished school, identifiable-pupil and confidential signals.
  const context = detectSchoolContext(ctx);
  const schoolLife = mentionsSchoolLife(ctx.index.folded);
  const pupils = detectPupils(ctx, { related: context.value, weakWords: context.weakWords + (schoolLife ? 1 : 0), weakTexts: context.weakTexts, mentionsSchoolLife: schoolLife });
  const offensive = detectOffensive(ctx);
  const identifiable = pupils.identifiable;
  return {
    schoolRelated: signal(unlessUnlikely(ctx, 'school_related', schoolRelated(ctx, context, pupils))),
    disclaimer: signal(detectDisclaimer(ctx)),
    affiliation: signal(detectAffiliation(ctx)),
    pupilsReferenced: signal(pupils.referenced),
    pupilIdentifiable: signal(unlessUnlikely(ctx, 'pupil_identifiable', identifiable)),
    personalData: signal(detectPersonalData(ctx, identifiable, offensive.filter((e) => e.reason === 'curse'))),
    offensive: signal(offensive),
    confidential: signal(unlessUnlikely(ctx, 'confidential', detectConfidential(ctx))),
  };
}


