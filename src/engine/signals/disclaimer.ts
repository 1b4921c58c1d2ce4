import { fromEngineData } from '../engine-data.ts';
import { pattern, regex } from '../lexicon-records.ts';
import { findAll } from '../text/find.ts';
import { firstFrom } from '../text/sorted-search.ts';
import type { Evidence } from '../types.ts';
import { evidence, quoted, type DetectContext } from './context.ts';

// A personal-capacity disclaimer, in the many ways people write one:
//   "op persoonlijke titel", "(pers. titel)", "#opeigentitel", "tweets op eigen titel",
//   "Standpunten zijn mijn eigen", "Mening = eigen, niet van school", "niet namens Waldheim",
//   "geen officieel standpunt van de school", "ik spreek alleen voor mezelf",
//   "Views are my own", "All opinions here are mine, not my school's", "Views = mine",
//   "Tweets zijn privé en staan los van mijn werkgever", "niet als directeur, maar als burger",
//   "— alleen namens mezelf", "Posting in a personal capacity", "Meningen: de mijne", "#opinionsmyown".
// Not a disclaimer: "persoonlijk vind ik", "mijn mening:", "persoonlijke noot",
// "All photos my own", "the views from the roof", a book called 'Op eigen titel'.

// The patterns are records in src/lexicons/disclaimer.json.

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ disclaimer: { asNotAs, distance, employerAfter, noOfficialStance, notAsRole, notEmployers, notOfEmployer, notOnBehalfEn, notOnBehalfOf, onOwnBehalf, ownCapacityEn, ownOpinionNot, ownViewsEn, ownViewsNl, ownViewsTag, everythingIPost, negatedTitle, personalAccount, personalNotOfficial, personalOpinion, personalTitle, personalTitleTag, privateOpinion, privateWritten, speakForMyself, viewsColon } }) => {
  return {
    PATTERNS: [
      [pattern(personalTitle), 'personal-title'],
      [regex(personalTitleTag), 'personal-title'],
      ...[ownViewsNl, ownViewsEn, ownCapacityEn, viewsColon, privateOpinion].map((r): [RegExp, string] => [pattern(r), 'own-views']),
      [regex(ownViewsTag), 'own-views'],
      ...[notAsRole, onOwnBehalf, notEmployers].map((r): [RegExp, string] => [pattern(r), 'not-on-behalf']),
      ...[ownOpinionNot, personalOpinion].map((r): [RegExp, string] => [pattern(r), 'own-views']),
      ...[notOnBehalfOf, notOfEmployer, noOfficialStance, speakForMyself, notOnBehalfEn, asNotAs, privateWritten].map((r): [RegExp, string] => [pattern(r), 'not-on-behalf']),
      [pattern(personalAccount), 'own-views'],
      [pattern(everythingIPost), 'own-views'],
      [pattern(personalNotOfficial), 'not-on-behalf'],
    ] as [RegExp, string][],
    NEGATED_TITLE: regex(negatedTitle),
    // "staat los van …" and "niet die van …" are disclaimers only when what follows is the
    // employer, the school or its board ("staat los van de Waldheim-mavo", "niet die van OOH").
    DISTANCE: pattern(distance),
    EMPLOYER_AFTER: regex(employerAfter),
  };
});

export function detectDisclaimer(ctx: DetectContext): Evidence[] {
  const lex = compile();
  const text = ctx.index.folded;
  const found: Evidence[] = [];
  const mentions = [...ctx.schoolMentions, ...ctx.boardMentions].sort((a, b) => a.start - b.start);
  for (const m of findAll(lex.DISTANCE, text)) {
    const rest = text.slice(m.end, m.end + 40);
    const next = firstFrom(mentions, m.end);
    const mentionFollows = !!next && next.start - m.end <= 12;
    if (lex.EMPLOYER_AFTER.test(rest) || mentionFollows) found.push(evidence(ctx, m, 'not-on-behalf'));
  }
  for (const [re, reason] of lex.PATTERNS) {
    for (const m of findAll(re, text)) {
      // A quoted title ('Op eigen titel door de duinen') is not a disclaimer.
      if (reason === 'personal-title' && /['"]\s*$/.test(text.slice(Math.max(0, m.start - 2), m.start)) && /^\s+\p{L}/u.test(text.slice(m.end, m.end + 3))) continue;
      // Someone else's words reported ("the alderman was speaking 'in a personal capacity' when …").
      if (quoted(text, m)) continue;
      // "nadrukkelijk niet op persoonlijke titel": the writer says the opposite.
      if (reason === 'personal-title' && lex.NEGATED_TITLE.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
      found.push(evidence(ctx, m, reason));
    }
  }
  return found;
}
