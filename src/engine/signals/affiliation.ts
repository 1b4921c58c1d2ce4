import { findAll, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';
import { possessiveLinks } from './possessive.ts';

// The writer says they work at the school: the school or its board is named, and the text
// carries a first-person work link: "Als docent aan…", "ik werk op…", "ik geef les op…",
// "Kom bij ons werken", "collega's", a signature "— Renate Hoekstra, directeur", or for staff
// "onze leerlingen", "my 4 havo class", "onze studiedag". Naming the school while talking
// about it ("de gymleraar van Griftland", "klas 2B #aeresmbo") is not an affiliation.

const JOB =
  "(?:[\\p{L}-]{0,20}(?:docent|docente|leraar|lerares|leerkracht|begeleider|coordinator|coördinator))|juf|meester|mentor|directeur|directrice|schoolleider|teamleider|afdelingsleider|conrector|rector|concierge|intern\\s+begeleider|ib'er|onderwijsassistent(?:e)?|decaan|bestuurder|medewerker|medewerkster|teacher|class\\s+teacher|form\\s+tutor|tutor|principal|head\\s?teacher|head\\s+of\\s+school|school\\s+leader|director|staff\\s+member|schoolmaatschappelijk\\s+werker|vakleerkracht|gymjuf|gymmeester|remedial\\s+teacher";

const WORK_LINKS: [RegExp, string][] = [
  [wordRegExp(`(?:als|as\\s+(?:a|an|the)?|ik\\s+ben|ben\\s+ik|i\\s+am\\s+(?:a|an|the)|i'm\\s+(?:a|an|the)|to\\s+be\\s+(?:a|an|the)|trotse?|proud)\\s+(?:(?!(?:de|het|die|dat|deze|een|mijn|zijn|haar|the|that|this|a|an)\\s)[\\p{L}-]{2,20}\\s+)?(?:${JOB})`), 'job-title'],
  [wordRegExp("ik\\s+werk(?:\\s+zelf)?(?:\\s+al\\s+\\p{N}+\\s+jaar)?\\s+(?:op|bij|aan|voor|in)|i\\s+work\\s+(?:at|for|in)|ik\\s+geef\\s+(?:[\\p{L}]{0,15}les|les)\\s+(?:op|aan|bij)|i\\s+teach|kom\\s+(?:bij\\s+ons|ons\\s+team)\\s+(?:werken|versterken)|werken\\s+bij\\s+ons|wij\\s+zoeken\\s+(?:een\\s+)?(?:nieuwe\\s+)?collega|ik\\s+sta\\s+(?:al\\s+\\p{N}+\\s+jaar\\s+)?voor\\s+de\\s+(?:klas|groep)|mijn\\s+werkgever|my\\s+employer"), 'works-there'],
  // A signature: "— Renate Hoekstra, directeur" or "Marleen Schouten, schoolleider".
  [
    new RegExp(`(?:^|\\n|[-—]\\s)[\\t ]*(?:[\\p{L}.'-]{1,30}[\\t ]+){0,3}[\\p{L}.'-]{1,30},[\\t ]*(?:${JOB})(?![\\p{L}])[^\\n]{0,60}`, 'gu'),
    'signature',
  ],
];
const SIGNATURE_LINE = new RegExp(`^[\\t ]*(?:[-—/][\\t ]*)?(?:${JOB})(?![\\p{L}])[^\\n]{0,60}$`, 'gmu');
const COLLEAGUE = wordRegExp("(?:[\\p{L}]{2,10}-)?collega(?:'s|s)?|colleagues?|teamgenoten");
const STAFF_EVENTS = wordRegExp('teamvergadering|personeelsvergadering|teamoverleg|sectievergadering|studiedag|teamdag|personeelsfeest|staff\\s+meeting');
const STAFF_POSSESSED = new Set([
  'leerlingen', 'leerling', 'studenten', 'student', 'students', 'pupils', 'klas', 'klassen', 'class', 'classes', 'groep', 'mentorklas',
  'mentorleerlingen', 'examenkandidaten', 'examenklas', 'kleuters', 'brugklassers', 'locatie', 'teamvergadering', 'studiedag', 'team',
]);

export function detectAffiliation(ctx: DetectContext): Evidence[] {
  const named = ctx.schoolMentions.length > 0 || ctx.boardMentions.length > 0;
  if (!named) return [];
  const text = ctx.index.folded;
  const links: Evidence[] = [];
  for (const [re, reason] of WORK_LINKS) for (const m of findAll(re, text)) links.push(evidence(ctx, m, reason));
  // A short closing line that starts with a job title ("directeur Waldheim-mavo").
  const lines = text.split('\n');
  const tailStart = text.length - lines.slice(-3).join('\n').length;
  for (const m of findAll(SIGNATURE_LINE, text)) if (m.start >= tailStart && m.text.trim().split(/\s+/).length <= 6) links.push(evidence(ctx, m, 'signature'));
  if (ctx.role !== 'pupil') for (const m of findAll(COLLEAGUE, text)) links.push(evidence(ctx, m, 'colleagues'));
  if (ctx.staff) {
    for (const m of findAll(STAFF_EVENTS, text)) links.push(evidence(ctx, m, 'staff-only'));
    const possessed = (w: string) => STAFF_POSSESSED.has(w) || /(?:klassers?|jaars|'ers)$/.test(w);
    for (const m of possessiveLinks(ctx.index, possessed, { extraStarts: ctx.classCodes, window: 4 })) links.push(evidence(ctx, m, 'own-pupils'));
  }
  if (!links.length) return [];
  return [...ctx.schoolMentions.map((m) => evidence(ctx, m, 'school-named')), ...ctx.boardMentions.map((m) => evidence(ctx, m, 'board-named')), ...links];
}
