import { findAll, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';
import { possessiveLinks } from './possessive.ts';

// The writer says they work at the school: the school or its board is named, and the text
// carries a first-person work link:
//   "Als docent aan…", "As director of Het Spectrum", "Ik ben Lotfi, sinds deze week gymdocent",
//   "ik werk nu 12 jaar op…", "ik geef hier nu 9 jaar les", "I love teaching here", "Kom bij ons
//   werken", "collega's", a signature ("— Renate Hoekstra, directeur", "locatiedirecteur
//   Waldheim-mavo", "Hester Vos, head of OBS De Kring"), or for staff "onze leerlingen",
//   "my 4 havo class". Naming the school while talking about someone else ("de snelste
//   gymleraar van Griftland") or a class activity with only a #hashtag is not an affiliation.

export const JOB =
  "[\\p{L}-]{0,20}(?:docent|docente|leraar|lerares|leerkracht|begeleider|coordinator|directeur|directrice|leider|leidster|rector|juf|meester)|mentor|concierge|intern\\s+begeleider|ib'er|onderwijsassistent(?:e)?|decaan|bestuurder|medewerker|medewerkster|teacher|class\\s+teacher|form\\s+tutor|tutor|principal|head\\s?teacher|head\\s+of(?:\\s+school)?|headmistress|headmaster|school\\s+leader|director|staff\\s+member|staff|schoolmaatschappelijk\\s+werker|vakleerkracht|stagiair(?:e)?|invaller|invalkracht";

const WORK_LINKS: [RegExp, string][] = [
  [
    wordRegExp(
      `(?:als|as(?:\\s+(?:a|an|the))?|ik\\s+ben|ben\\s+ik|i\\s+am(?:\\s+(?:a|an|the))?|i'm(?:\\s+(?:a|an|the))?|(?:to\\s+be|being)\\s+(?:a|an|the|their|your|its)|trotse?|proud)\\s+(?:(?!(?:de|het|die|dat|deze|een|mijn|zijn|haar|the|that|this|a|an)\\s)[\\p{L}-]{2,20}\\s+)?(?:${JOB})`,
    ),
    'job-title',
  ],
  // "Ik ben Lotfi, sinds deze week gymdocent op…"
  [wordRegExp(`(?:ik\\s+ben|i'm|i\\s+am)\\s+(?:[\\p{L}\\p{N},']{1,15}\\s+){1,5}?(?:${JOB})`), 'job-title'],
  [
    wordRegExp(
      "ik\\s+werk\\s+(?:[\\p{L}\\p{N}]{1,12}\\s+){0,4}?(?:op|bij|aan|voor|in|hier|daar)|i\\s+(?:still\\s+)?work\\s+(?:at|for|in|here)|ik\\s+geef\\s+(?:[\\p{L}\\p{N}]{1,12}\\s+){0,5}?[\\p{L}]{0,15}les|i\\s+teach|(?:love|enjoy)\\s+teaching|teaching\\s+(?:here|at)|kom\\s+(?:bij\\s+ons|ons\\s+team)\\s+(?:werken|versterken)|werken\\s+bij\\s+ons|wij\\s+zoeken\\s+(?:een\\s+)?(?:nieuwe\\s+)?collega|ik\\s+sta\\s+(?:al\\s+\\p{N}+\\s+jaar\\s+)?voor\\s+de\\s+(?:klas|groep)|mijn\\s+werkgever|my\\s+employer|mijn\\s+werk\\s+(?:op|bij|aan)|i\\s+(?:taught|teach|work(?:ed)?)(?=\\s)|(?:wij|we)\\s+(?:als\\s+)?(?:docenten|leraren|leerkrachten|juffen|meesters|teachers|staff|collega's|personeel|team)|namens\\s+(?:het\\s+(?:hele\\s+)?|ons\\s+(?:hele\\s+)?|onze\\s+|alle\\s+)?(?:team|schoolteam|collega's|personeel|staff|directie|mt)",
    ),
    'works-there',
  ],
  // A signature: "— Renate Hoekstra, directeur" or "Marleen Schouten, schoolleider".
  [
    new RegExp(`(?:^|\\n|[-—]\\s)[\\t ]*(?:[\\p{L}.'-]{1,30}[\\t ]+){0,3}[\\p{L}.'-]{1,30},[\\t ]*(?:${JOB})(?![\\p{L}])[^\\n]{0,60}`, 'gu'),
    'signature',
  ],
];
const SIGNATURE_LINE = new RegExp(`^[\\t ]*(?:[-—/][\\t ]*)?(?:${JOB})(?![\\p{L}])[^\\n]{0,80}$`, 'gmu');
/** A job title right before the school's name: "directeur Waldheim-mavo", "juf van groep 6 op Miland". */
const JOB_BEFORE = new RegExp(`(?<![\\p{L}])(?:${JOB})(?![\\p{L}])((?:\\s+(?:van|op|bij|at|of|aan|in|de|het|the|groep|klas|class|group|[1-8][a-h]?|[1-8]/[1-8])){0,5}\\s*,?\\s*)$`, 'u');
// "collega's", "duo-collega": the word may end a hyphenated compound.
const COLLEAGUE = /(?<![\p{L}\p{N}_])(?:collega(?:'s|s)?|colleagues?|teamgenoten)(?![\p{L}\p{N}_])|(?<=\p{L}-)collega(?:'s|s)?(?![\p{L}])/gu;
const STAFF_EVENTS = wordRegExp(
  "teamvergadering|personeelsvergadering|teamoverleg|sectievergadering|studiedag|teamdag|personeelsfeest|staff\\s+meeting|team\\s?meeting|personeelskamer|teamkamer|docentenkamer|lerarenkamer|staffroom|mt-overleg|(?:onze|ons|our)\\s+(?:ib'er|intern\\s+begeleider|teamleider|conciërge|concierge|rector|directeur|directrice|principal|head)",
);
const STAFF_POSSESSED = new Set([
  'leerlingen', 'leerling', 'studenten', 'student', 'students', 'pupils', 'klas', 'klassen', 'class', 'classes', 'groep', 'mentorklas',
  'mentorleerlingen', 'examenkandidaten', 'examenklas', 'kleuters', 'brugklassers', 'locatie', 'teamvergadering', 'studiedag',
  'classroom', 'lokaal', 'klaslokaal', 'gymzaal', 'fietsenstalling', 'schoolplein', 'first-years', 'kinderen', 'kids',
]);

export function detectAffiliation(ctx: DetectContext): Evidence[] {
  const mentions = [...ctx.schoolMentions, ...ctx.boardMentions];
  if (!mentions.length) return [];
  const text = ctx.index.folded;
  const links: Evidence[] = [];
  for (const [re, reason] of WORK_LINKS) for (const m of findAll(re, text)) links.push(evidence(ctx, m, reason));
  // A short closing line that starts with a job title ("directeur Waldheim-mavo").
  const lines = text.split('\n');
  const tailStart = text.length - lines.slice(-3).join('\n').length;
  for (const m of findAll(SIGNATURE_LINE, text)) if (m.start >= tailStart && m.text.trim().split(/\s+/).length <= 9) links.push(evidence(ctx, m, 'signature'));
  for (const mention of mentions) {
    const before = text.slice(Math.max(0, mention.start - 70), mention.start);
    const job = JOB_BEFORE.exec(before);
    if (!job) continue;
    const jobStart = mention.start - before.length + job.index;
    // Signatures start a line or follow a name and a comma or dash ("Erik Jansen, directeur
    // Waldheim-mavo"); "de snelste gymleraar van Griftland" or "best teacher at Waldheim"
    // talk about someone else.
    if (!/(?:^|[\n,—|/(-])\s*$/.test(text.slice(Math.max(0, jobStart - 20), jobStart))) continue;
    links.push(evidence(ctx, { start: jobStart, end: mention.end }, 'job-at-school'));
  }
  if (ctx.role !== 'pupil') for (const m of findAll(COLLEAGUE, text)) links.push(evidence(ctx, m, 'colleagues'));
  if (ctx.staff) {
    for (const m of findAll(STAFF_EVENTS, text)) links.push(evidence(ctx, m, 'staff-only'));
    // "onze leerlingen", "my 4 havo class": only with the school named in the text itself;
    // a class activity plus a #hashtag does not say the writer works there.
    const namedInText = mentions.some((m) => !/^[#@]/.test(m.text));
    if (namedInText) {
      const possessed = (w: string) => STAFF_POSSESSED.has(w) || /(?:klassers?|jaars|'ers)$/.test(w);
      for (const m of possessiveLinks(ctx.index, possessed, { extraStarts: ctx.classCodes, window: 4 })) links.push(evidence(ctx, m, 'own-pupils'));
    }
  }
  if (!links.length) return [];
  return [...mentions.map((m) => evidence(ctx, m, 'school-named')), ...links];
}
