import { fromEngineData } from '../engine-data.ts';
import { pattern, regex, wordSet } from '../lexicon-records.ts';
import { findAll } from '../text/find.ts';
import { perSentence } from '../text/sentences.ts';
import { foldedOffset } from '../text/text-index.ts';
import { lastUpTo, wordBefore } from '../text/sorted-search.ts';
import type { Evidence } from '../types.ts';
import { evidence, modelEvidence, type DetectContext } from './context.ts';
import { possessiveLinks } from './possessive.ts';

// The writer says they work at the school: the school or its board is named, and the text
// carries a first-person work link:
//   "Als docent aan…", "As director of Het Spectrum", "Ik ben Lotfi, sinds deze week gymdocent",
//   "ik werk nu 12 jaar op…", "ik geef hier nu 9 jaar les", "I love teaching here", "Kom bij ons
//   werken", "collega's", a signature ("— Renate Hoekstra, directeur", "locatiedirecteur
//   Waldheim-mavo", "Hester Vos, head of OBS De Kring"), or for staff "onze leerlingen",
//   "my 4 havo class". Naming the school while talking about someone else ("de snelste
//   gymleraar van Griftland") or a class activity with only a #hashtag is not an affiliation.

// The words and patterns are records in src/lexicons/affiliation.json ({{job}}: the job titles).

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ affiliation: { bioJob, staffPossessedSuffix, closingGreeting, colleague, job, jobAfterName, jobBefore, jobTag, jobTitle, signature, signatureLine, staffEvents, staffPossessed, weOfBefore, worksThere, formerStaff } }) => {
  const JOB_PARTS = { job: job.pattern };
  return {
    WORK_LINKS: [
      [pattern(jobTitle, JOB_PARTS), 'job-title'],
      [pattern(jobAfterName, JOB_PARTS), 'job-title'],
      [pattern(worksThere, JOB_PARTS), 'works-there'],
      [regex(signature, JOB_PARTS), 'signature'],
    ] as [RegExp, string][],
    SIGNATURE_LINE: regex(signatureLine, JOB_PARTS),
    JOB_BEFORE: regex(jobBefore, JOB_PARTS),
    BIO_JOB: regex(bioJob, JOB_PARTS),
    COLLEAGUE: regex(colleague),
    JOB_TAG: regex(jobTag),
    STAFF_EVENTS: pattern(staffEvents),
    STAFF_POSSESSED: wordSet(staffPossessed),
    STAFF_POSSESSED_SUFFIX: regex(staffPossessedSuffix),
    WE_OF_BEFORE: regex(weOfBefore),
    CLOSING_GREETING: regex(closingGreeting),
    FORMER_STAFF: regex(formerStaff),
    JOB_WORD: pattern(job),
    // Every job title contains one of these (the title without the letters a compound may put
    // before it: "gym" in "gymdocent"). Found once per post, they tell which mentions can have a
    // title before them, so JOB_BEFORE is not run before each of thousands of mentions.
    JOB_CORE: new RegExp(job.pattern.replace(/^\[\\p\{L\}-\]\{0,20\}/, ''), 'gu'),
  };
});

const NEAR_MENTION = 120;

/** The words weOfBefore can end with, right before the school's name ("wij van", "team van het", "mijn stage aan"). */
export const WE_OF_LAST_WORDS = new Set(['van', 'bij', 'op', 'at', 'from', 'team', 'het', 'de', 'the', 'aan', 'in', 'of']);

/** The folded offset of a link's span (evidence spans are in the original text). */
const foldedStart = (ctx: DetectContext, e: Evidence) => foldedOffset(ctx.index, e.span.start);

export function detectAffiliation(ctx: DetectContext): Evidence[] {
  const found = affiliationByRules(ctx);
  // What no rule knows, the learned model may still recognise (model/text-model.ts), but only
  // from staff (the labelled sets never give a parent's or pupil's post an affiliation the rules
  // miss) and, as for the rules, only where the school or its board is named ("Als docent zie ik
  // dit elke dag" says the job, not where). Work that is over ("oud-directeur van …") is the
  // rules' decision.
  if (found.length || !ctx.staff || !(ctx.schoolMentions.length || ctx.boardMentions.length) || compile().FORMER_STAFF.test(ctx.index.folded)) return found;
  return modelEvidence(ctx, 'affiliation');
}

function affiliationByRules(ctx: DetectContext): Evidence[] {
  const lex = compile();
  const mentions = [...ctx.schoolMentions, ...ctx.boardMentions];
  if (!mentions.length) return [];
  const text = ctx.index.folded;
  const links: Evidence[] = [];
  for (const [re, reason] of lex.WORK_LINKS) for (const m of findAll(re, text)) links.push(evidence(ctx, m, reason));
  // A short closing line that starts with a job title ("directeur Waldheim-mavo").
  const lines = text.split('\n');
  const tailStart = text.length - lines.slice(-3).join('\n').length;
  for (const m of findAll(lex.SIGNATURE_LINE, text)) if (m.start >= tailStart && m.text.trim().split(/\s+/).length <= 9) links.push(evidence(ctx, m, 'signature'));
  // Line breaks, found once: a sign-off is looked for before every mention in the closing lines.
  const newlines: { start: number }[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push({ start: i });
  const lastNewlineBefore = (offset: number) => lastUpTo(newlines, offset - 1)?.start ?? -1;
  const cores = findAll(lex.JOB_CORE, text);
  /** Does a job title's core overlap [from, to)? (cores are sorted and do not overlap) */
  const coreNear = (from: number, to: number) => {
    const last = lastUpTo(cores, to - 1);
    return !!last && last.end > from;
  };
  for (const mention of mentions) {
    const before = text.slice(Math.max(0, mention.start - 70), mention.start);
    // "wij van het Eemhof", "groeten van het team van De Kiezel".
    // The pattern ends right before the name, after one of a few words: without one of them
    // there, it cannot match (and is not run before each of thousands of mentions).
    const prev = wordBefore(ctx.index, mention.start);
    const weOf = prev && WE_OF_LAST_WORDS.has(prev.text) ? lex.WE_OF_BEFORE.exec(before) : null;
    if (weOf) links.push(evidence(ctx, { start: mention.start - weOf[0].length, end: mention.end }, 'we-of-school'));
    // A closing line with a job and the school: "Groetjes, juf Ellen (groep 1/2, De Kiezel)".
    if (mention.start >= tailStart) {
      // Only the 160 characters before the mention: a one-line 100 KB post is all "tail".
      const from = Math.max(0, mention.start - 160);
      const newline = lastNewlineBefore(mention.start);
      // The line must start within the window (a one-line 100 KB post has no sign-off line).
      if (newline >= from || from === 0) {
        const line = text.slice(Math.max(newline + 1, from), mention.start);
        // The sign-off is the part after the line's last full stop, and starts with a greeting or dash.
        const signOff = line.slice(Math.max(line.lastIndexOf('.'), line.lastIndexOf('!'), line.lastIndexOf('?')) + 1);
        if (signOff.length <= 60 && lex.CLOSING_GREETING.test(signOff) && findAll(lex.JOB_WORD, signOff).length) {
          links.push(evidence(ctx, { start: mention.start - signOff.length, end: mention.end }, 'signature'));
        }
      }
    }
    // A bio that opens with the job: "Chemistry teacher at Eemland Lyceum."
    if (mention.start <= 80 && lex.BIO_JOB.test(text.slice(0, mention.start))) links.push(evidence(ctx, { start: 0, end: mention.end }, 'bio'));
    const job = coreNear(mention.start - before.length, mention.start) ? lex.JOB_BEFORE.exec(before) : null;
    if (!job) continue;
    const jobStart = mention.start - before.length + job.index;
    // Signatures start a line or follow a name and a comma or dash ("Erik Jansen, directeur
    // Waldheim-mavo"); "de snelste gymleraar van Griftland" or "best teacher at Waldheim"
    // talk about someone else.
    if (!/(?:^|[\n,—|/(-])\s*$/.test(text.slice(Math.max(0, jobStart - 20), jobStart))) continue;
    links.push(evidence(ctx, { start: jobStart, end: mention.end }, 'job-at-school'));
  }
  for (const m of findAll(lex.COLLEAGUE, text)) links.push(evidence(ctx, m, 'colleagues'));
  if (ctx.staff) {
    // "#kleuterjuf" says the writer's job only from staff: parents tag "#bestejuf" too.
    for (const m of findAll(lex.JOB_TAG, text)) links.push(evidence(ctx, m, 'job-tag'));
    for (const m of findAll(lex.STAFF_EVENTS, text)) links.push(evidence(ctx, m, 'staff-only'));
    // "onze leerlingen", "my 4 havo class" with the school named in the text itself. With only a
    // #hashtag, a class activity ("Kunstproject groep 6 #school") does not say the writer works
    // there, but "mijn brugklassers … #school" does: the class is theirs. (A board's hashtag,
    // "#willibrordmiland", names no school to have a class in.)
    const namedInText = mentions.some((m) => !/^[#@]/.test(m.text));
    const schoolTagged = ctx.schoolMentions.length > 0;
    const possessed = (w: string) => lex.STAFF_POSSESSED.has(w) || lex.STAFF_POSSESSED_SUFFIX.test(w);
    for (const m of namedInText || schoolTagged ? possessiveLinks(ctx.index, possessed, { extraStarts: ctx.classCodes, window: 4 }) : []) {
      if (namedInText || /^(?:mijn|my|m'n|mn)\s/.test(m.text)) links.push(evidence(ctx, m, 'own-pupils'));
    }
  }
  // A parent or pupil works at the school only when they say so themselves ("als moeder én als
  // leerkracht groep 2 op …"); their colleagues' sponsors, "Meester Bart van groep 4 op De
  // Fontein" or "ons debatteam van Oostland" are about others.
  // Their statement must stand near the school's name: "Ik werk in de zorg" in a parent's post
  // about De Wissel is about another job.
  const nearMention = (l: Evidence) => mentions.some((m) => Math.abs(foldedStart(ctx, l) - m.start) <= NEAR_MENTION);
  // "Ik heb twaalf jaar als juf op Wijngaard gewerkt", "oud-directeur van …": work that is over.
  // Decided once per sentence: several links often share one.
  const workOver = perSentence(ctx.index, (s) => lex.FORMER_STAFF.test(text.slice(s.start, s.end)));
  const own = (ctx.staff ? links : links.filter((l) => (l.reason === 'job-title' || l.reason === 'works-there') && nearMention(l))).filter((l) => !workOver(foldedStart(ctx, l)));
  if (!own.length) return [];
  return [...mentions.map((m) => evidence(ctx, m, 'school-named')), ...own];
}
