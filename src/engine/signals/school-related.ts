import { SCHOOL } from '../lexicon.ts';
import { findAll, type Match } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, type DetectContext } from './context.ts';
import { possessiveLinks } from './possessive.ts';

// Is the draft about the configured school or the writer's own school life?
//
// Strong evidence settles it alone: the school or its board named, a class code, words that
// only live at school (ouderavond, studiedag, toetsweek), a possessive tie ("mijn klas",
// "onze leerlingen"), or for staff their own work ("lesgeven", "nakijken").
// Weak words (les, juf, klas, kantine, bio) have other senses; they count for staff and
// pupils only, only together with a first-person voice, and never in shared news (a URL):
// "Kamer debatteert over het lerarentekort" is about schools, not about this school.

const PUPIL_WEAK_EXCLUDED = new Set(['school', 'kinderen', 'kids', 'student', 'studenten', 'students', 'pupils', 'pupil', 'diploma', 'geslaagd', 'opleiding', 'class']);

export interface SchoolRelatedResult {
  value: boolean;
  evidence: Evidence[];
  /** How many distinct weak school words the draft has (context for pupil detection). */
  weakWords: number;
}

export function detectSchoolRelated(ctx: DetectContext, pupilEvidence: { identifiable: Evidence[]; ownChild: boolean }): SchoolRelatedResult {
  const strong: Evidence[] = [];
  for (const m of ctx.schoolMentions) strong.push(evidence(ctx, m, 'school-named'));
  for (const m of ctx.boardMentions) strong.push(evidence(ctx, m, 'board-named'));
  for (const m of ctx.classCodes) if (!m.text.startsWith('niveau')) strong.push(evidence(ctx, m, 'class-code'));
  const text = ctx.index.folded;
  for (const m of findAll(SCHOOL.strong, text)) if (!inside(m, ctx.idioms)) strong.push(evidence(ctx, m, 'school-word'));
  const possessed = (w: string) =>
    SCHOOL.possessed.has(w) ||
    (ctx.staff && SCHOOL.possessedByStaff.has(w)) ||
    /(?:klassers?|jaars|'ers|docente?|leerlingen|studenten)$/.test(w);
  for (const m of possessiveLinks(ctx.index, possessed, { extraStarts: ctx.classCodes })) {
    if (!inside(m, ctx.idioms)) strong.push(evidence(ctx, m, 'own-school'));
  }
  const staffWork = findAll(SCHOOL.staffWork, text).filter((m) => !inside(m, ctx.idioms));
  if (ctx.staff) for (const m of staffWork) strong.push(evidence(ctx, m, 'own-work'));
  // Staff naming a particular child (not their own) are writing about a pupil.
  if (ctx.staff && !pupilEvidence.ownChild) for (const e of pupilEvidence.identifiable) strong.push(e);

  if (strong.length) return { value: true, evidence: strong, weakWords: 0 };

  const weak = findAll(SCHOOL.weak, text).filter((m) => !inside(m, ctx.idioms));
  const distinct = new Map<string, Match>();
  for (const m of weak) if (!distinct.has(m.text)) distinct.set(m.text, m);
  const weakEvidence = [...distinct.values()].map((m) => evidence(ctx, m, 'school-context'));
  if (!ctx.hasUrl) {
    if (ctx.staff && ctx.firstPerson && distinct.size + staffWork.length >= 2) {
      return { value: true, evidence: weakEvidence, weakWords: distinct.size };
    }
    if (ctx.role === 'pupil' && [...distinct.keys()].some((w) => !PUPIL_WEAK_EXCLUDED.has(w))) {
      return { value: true, evidence: weakEvidence, weakWords: distinct.size };
    }
    // A parent writing about their own child at school.
    if (pupilEvidence.ownChild && distinct.size >= 1) return { value: true, evidence: weakEvidence, weakWords: distinct.size };
  }
  return { value: false, evidence: [], weakWords: distinct.size };
}
