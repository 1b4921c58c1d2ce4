import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex, wordSet } from '../lexicon-records.ts';
import { findAll, type Match } from '../text/find.ts';
import { wordBefore } from '../text/sorted-search.ts';
import { wordRegExp } from '../text/patterns.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, modelEvidence, type DetectContext } from './context.ts';
import { possessiveLinks } from './possessive.ts';
import type { Mention } from './mentions.ts';

// Is the draft about the configured school or the writer's own school life?
//
// Strong evidence settles it alone: the school or its board named, a class code, words that
// only live at school (ouderavond, studiedag, toetsweek), a possessive tie ("mijn klas",
// "onze leerlingen"), or for staff their own work ("lesgeven", "nakijken").
// Weak words (les, juf, klas, kantine, bio) have other senses; they count for staff and
// pupils only, only together with a first-person voice, and never in shared news (a URL):
// "Kamer debatteert over het lerarentekort" is about schools, not about this school.

// The word lists and patterns are records in src/lexicons/school.json.

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ pupils: { ownChildNouns }, school: { employerDisclaimer, gradeFor, lessonHour, lessonWords, possessedBySuffix, pupilAmbiguous, pupilWeakExcluded, teacherHandle, teacherTitles, teacherTitlesFromPupils } }) => {
  return {
    SCHOOL: lexicon().SCHOOL,
    OWN_CHILD_WORDS: wordSet(ownChildNouns),
    PUPIL_WEAK_EXCLUDED: wordSet(pupilWeakExcluded),
    LESSON_HOUR: pattern(lessonHour),
    GRADE_FOR: pattern(gradeFor),
    EMPLOYER_DISCLAIMER: pattern(employerDisclaimer),
    LESSON_WORDS: wordSet(lessonWords),
    PUPIL_AMBIGUOUS: wordSet(pupilAmbiguous),
    TEACHER_HANDLE: regex(teacherHandle),
    TEACHER_TITLES: wordSet(teacherTitles),
    TEACHER_TITLES_FROM_PUPILS: wordSet(teacherTitlesFromPupils),
    POSSESSED_SUFFIX: regex(possessedBySuffix),
  };
});

/** What the text alone says about school: decided, or weak evidence that a parent's own child
 * can still make about school (schoolRelated below). */
export interface SchoolContext {
  value: boolean;
  evidence: Evidence[];
  /** How many distinct weak school words the draft has (context for pupil detection). */
  weakWords: number;
  /** The weak words as evidence, and whether they may count at all (not in shared news). */
  weakEvidence: Evidence[];
  /** The distinct weak words themselves (folded): "kinderen" is no school word for "mijn kinderen". */
  weakTexts: string[];
  weakCounts: boolean;
}

/** A sentence (or the post) that starts with a capital letter. */
const SENTENCE_CAPITAL = /(?:^|[.!?]\s+)["'(]?\p{Lu}/u;

export function detectSchoolContext(ctx: DetectContext): SchoolContext {
  const lex = compile();
  const strong: Evidence[] = [];
  // Pupils, and anyone writing in chat style without capitals, write a school's name in lower
  // case ("morgen weer naar de egel", "op het plein van de windvaan"); someone who starts their
  // sentences with a capital writes a name with one too, so from them "op de uitkijk", "naar
  // voren", "bij de driesprong" is the ordinary word, unless the post says more about school.
  // Asked only of a lower-case mention (most posts have none): it may scan the whole text.
  let capitalWriter: boolean | undefined;
  const lowerCaseNamed: Evidence[] = [];
  for (const m of ctx.schoolMentions) {
    if ((m as Mention).lowerCase && (capitalWriter ??= ctx.role !== 'pupil' && SENTENCE_CAPITAL.test(ctx.index.original))) lowerCaseNamed.push(evidence(ctx, m, 'school-named'));
    else strong.push(evidence(ctx, m, 'school-named'));
  }
  for (const m of ctx.boardMentions) strong.push(evidence(ctx, m, 'board-named'));
  for (const m of ctx.classCodes) if (!m.text.startsWith('niveau')) strong.push(evidence(ctx, m, 'class-code'));
  const text = ctx.index.folded;
  for (const m of lex.SCHOOL.strong.find(ctx.index)) if (!inside(m, ctx.idioms)) strong.push(evidence(ctx, m, 'school-word'));
  for (const m of findAll(lex.LESSON_HOUR, text)) strong.push(evidence(ctx, m, 'lesson-hour'));
  // "our school's new playground": an English possessive 's stays part of the word token.
  const possessed = (word: string) => {
    const w = word.endsWith("'s") ? word.slice(0, -2) : word;
    return lex.SCHOOL.possessed.has(w) || (ctx.staff && lex.SCHOOL.possessedByStaff.has(w)) || lex.POSSESSED_SUFFIX.test(w);
  };
  for (const m of possessiveLinks(ctx.index, possessed, { extraStarts: ctx.classCodes })) {
    if (!inside(m, ctx.idioms)) strong.push(evidence(ctx, m, 'own-school'));
  }
  const staffWork = lex.SCHOOL.staffWork.find(ctx.index).filter((m) => !inside(m, ctx.idioms));
  if (ctx.staff) for (const m of staffWork) strong.push(evidence(ctx, m, 'own-work'));
  for (const h of ctx.handles) if (lex.TEACHER_HANDLE.test(h.text)) strong.push(evidence(ctx, h, 'teacher-handle'));
  // "Weet iemand waar juf Carola woont?": a teacher by name, also in a parent's post. Any
  // capitalised word after the title is the name: the first-name list holds children's names,
  // and teachers are called Sandra, Gerda or by their surname ("meester Bos").
  const { words, original, map, folded } = ctx.index;
  for (let i = 0; i + 1 < words.length; i++) {
    const title = words[i]!;
    const name = words[i + 1]!;
    const isTitle = lex.TEACHER_TITLES.has(title.text) || (ctx.role === 'pupil' && lex.TEACHER_TITLES_FROM_PUPILS.has(title.text));
    if (!isTitle || !/^[ \t]{1,2}$/.test(folded.slice(title.end, name.start))) continue;
    if (/^\p{Lu}\p{Ll}/u.test(original.slice(map[name.start], map[name.end]))) strong.push(evidence(ctx, { start: title.start, end: name.end }, 'teacher-named'));
  }
  // Staff who say a post is not on behalf of their school are writing about their work.
  if (ctx.staff) for (const m of findAll(lex.EMPLOYER_DISCLAIMER, text)) strong.push(evidence(ctx, m, 'own-work'));
  if (strong.length) return { value: true, evidence: [...strong, ...lowerCaseNamed], weakWords: 0, weakEvidence: [], weakTexts: [], weakCounts: false };

  // A course of one's own ("les 1 van mijn fotografiecursus") is not school.
  const course = lex.SCHOOL.courseContext.find(ctx.index).length > 0;
  const weak = [...lex.SCHOOL.weak.find(ctx.index), ...findAll(lex.GRADE_FOR, text).map((m) => ({ ...m, text: 'grade' }))].filter(
    (m) => !inside(m, ctx.idioms) && !(course && lex.LESSON_WORDS.has(m.text)),
  );
  const distinct = new Map<string, Match>();
  for (const m of weak) if (!distinct.has(m.text)) distinct.set(m.text, m);
  const weakEvidence = [...distinct.values()].map((m) => evidence(ctx, m, 'school-context'));
  // Shared news and politics ("minister", "onderzoek", "scholen") are about schools in
  // general: weak words then never make the post about this school.
  const generalTopic = lex.SCHOOL.generalTopic.find(ctx.index).length > 0;
  const weakCounts = !ctx.hasUrl && !generalTopic;
  const result = { weakWords: distinct.size, weakEvidence, weakTexts: [...distinct.keys()], weakCounts };
  if (lowerCaseNamed.length && distinct.size > 0) return { value: true, evidence: [...lowerCaseNamed, ...weakEvidence], ...result };
  if (weakCounts) {
    const count = distinct.size + staffWork.length;
    // Staff writing two school words ("bij biologie … de hele klas") write about their work, with or without "ik".
    if (ctx.staff && count >= 2) return { value: true, evidence: weakEvidence, ...result };
    const pupilWords = [...distinct.keys()].filter((w) => !lex.PUPIL_WEAK_EXCLUDED.has(w));
    if (ctx.role === 'pupil' && (pupilWords.some((w) => !lex.PUPIL_AMBIGUOUS.has(w)) || pupilWords.length >= 2)) {
      return { value: true, evidence: weakEvidence, ...result };
    }
  }
  return { value: false, evidence: [], ...result };
}

/**
 * The school signal, from the text's own evidence and the pupils found with it: staff naming a
 * particular child (not their own) are writing about a pupil, and a parent writing about their
 * own child makes one weak school word enough.
 */
export function schoolRelated(ctx: DetectContext, context: SchoolContext, pupils: { identifiable: readonly Evidence[]; ownChild: boolean }): Evidence[] {
  if (context.value) return context.evidence;
  if (ctx.staff && !pupils.ownChild && pupils.identifiable.length) return [...pupils.identifiable];
  // The weak word must be another word than the child itself: "mijn kinderen" is not also a
  // school word for "mijn kinderen zitten de hele zomer op de trampoline".
  const overlaps = (a: Evidence, b: Evidence) => a.span.start < b.span.end && b.span.start < a.span.end;
  const weak = context.weakEvidence.filter((w) => !pupils.identifiable.some((p) => overlaps(w, p)));
  if (pupils.ownChild && context.weakCounts && weak.length >= 1) return weak;
  // A post whose only school words are in idioms ("lessen leren", "een klasse apart") uses them
  // in the ordinary sense; the model, which reads words and not idioms, is not asked.
  if (ctx.idioms.length > 0 && context.weakWords === 0) return [];
  // A parent's own child with no school word in the post: the model must point at something
  // else than the child ("Our daughter Mila lost her first tooth today!" weighs on "daughter").
  // A parent's post with no school word, on which the model weighs the word for their own child
  // ("Our daughter Mila lost her first tooth today!" rests on "daughter"): a child is not school.
  if (ctx.role === 'parent' && context.weakWords === 0) {
    const at = ctx.model('school_related').strongestAt;
    const word = /^[\p{L}]+/u.exec(ctx.index.folded.slice(at))?.[0];
    if (word && compile().OWN_CHILD_WORDS.has(word)) return [];
  }
  // What no rule knows, the learned model may still recognise (model/text-model.ts).
  return modelEvidence(ctx, 'school_related');
}
