import { FIRST_NAMES } from '../lexicon.ts';
import { foldText, foldedOffset, findAll, firstFrom, phraseRegExp, sentenceOf, wordAt, wordRegExp, type Match } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, type DetectContext } from './context.ts';
import { POSSESSIVES } from './possessive.ts';

// Pupils referred to at all (pupilsReferenced) and a specific pupil who can be identified
// (pupilIdentifiable). A first name alone says little (Merel is a friend, meester Kees a
// teacher, Bella a calf); what identifies a pupil is the structure around a name or a child:
//   "Bram uit 3C", "Ravi (klas 5)", "leerling Bram", "onze Sem" (when the post is about school),
//   "de moeder van Mees", "L.d.J. uit 2C", "dat meisje uit groep 8 met die rode krullen",
//   "mijn zoon in klas 5", a pupil's @handle in a pupil's post, a name on the no-consent list.

const PUPIL_NOUNS = wordRegExp(
  [
    'leerling(?:en|e|etje)?', 'student(?:e|en|es|s)?', 'scholier(?:en)?', 'pupils?', 'kind(?:eren|je|jes)?', 'kids', 'kiddos',
    'children', 'child', 'kleuters?', 'brugklassers?', 'examenkandidaten', 'klasgeno(?:o|te|ten)', 'classmates?', 'tweeling',
    'combinatieklas(?:sen)?', 'zoon(?:tje|lief)?', 'dochter(?:tje|lief)?', 'sons?', 'daughters?', '\\d{1,2}\\s?(?:yo|y/o|jarige)',
    '(?:de|mijn|onze|the|my|our|hele|whole)\\s(?:klas|class)', 'rest\\svan\\sde\\sklas', 'hoofdjes',
    'mentorklas(?:sen)?', 'examenklas(?:sen)?', 'eindexamenklas(?:sen)?', 'mentorgroep', 'examenjaar', 'exam\\syear', 'eindexamenkandidaten',
    'hele\\s(?:onderbouw|bovenbouw|middenbouw|klas|groep)', 'whole\\s(?:class|year\\sgroup)',
    '\\d{1,2}-year-olds?', '\\d{1,2}-jarigen', 'tieners', 'teenagers', 'pubers', 'jongeren', 'klassen', 'kleuterklassen', 'first-years',
    'first\\s+years', 'year\\s+\\d{1,2}s', '(?:first|second|third|fourth|fifth|sixth|final|exam)-years?', 'sixth\\s+formers', 'eerstejaars', 'tweedejaars', 'derdejaars', 'vierdejaars', 'examenleerlingen',
  ].join('|'),
);
const PUPIL_WE = wordRegExp('ons|we|wij|us');
const TITLES = new Set([
  'juf', 'juffrouw', 'meester', 'meneer', 'mevrouw', 'mr', 'mrs', 'ms', 'miss', 'collega', 'concierge', 'directeur', 'mentor', 'docent',
  'teacher', 'coach', 'trainer', 'zus', 'zusje', 'broer', 'buurvrouw', 'buurman', 'vriendin', 'vriend', 'tante', 'oom', 'neef', 'nicht',
  'oma', 'opa', 'moeder', 'vader', 'man', 'vrouw', 'partner', 'vriendje', 'collega\'s', 'sister', 'brother', 'aunt', 'uncle', 'friend', 'dr',
  'mum', 'mom', 'mam', 'mama', 'papa', 'dad', 'pap', 'husband', 'wife', 'boss', 'baas', 'trainer', 'coach', 'instructeur', 'instructor',
]);
const PUPIL_BEFORE_NAME = new Set([
  'leerling', 'leerlinge', 'student', 'studente', 'scholier', 'pupil', 'zoon', 'zoontje', 'dochter', 'dochtertje', 'son', 'daughter',
  'buddy', 'klasgenoot', 'klasgenote', 'classmate', 'kanjer', 'kleuter', 'broertje', 'zusje', 'kleinzoon', 'kleindochter', 'mentorleerling',
  'neefje', 'nichtje', 'nephew', 'niece', 'grandson', 'granddaughter', 'petekind', 'godson', 'goddaughter',
]);
const OWNER_BEFORE_NAME = new Set(['onze', 'ons', 'jouw', 'je', 'our', 'your', 'uw']);
const PARENT_OF = /(?:ouders|moeder|vader|mama|papa|mam|pap|mother|father|mum|mom|dad|parents|oma|opa)\s+van\s+$/;
const HANDLE_PARENT_OF = /^@?(?:mama|papa|moeder|vader|mam|pap|mum|mom|dad|mamma|pappa)(?:van|of)(\p{L}+)/u;
const OWN_CHILD_NOUNS = phraseRegExp([
  'zoon', 'zoontje', 'dochter', 'dochtertje', 'zoonlief', 'dochterlief', 'son', 'daughter', 'jongste', 'oudste', 'kleine', 'kleintje',
  'tweeling', 'twins', 'eldest', 'youngest', 'oldest', 'little one', 'little girl', 'little boy', 'boy', 'girl', 'kid', 'kiddo', 'meisje', 'jongen',
  'kind', 'kindje', 'child',
]);
const ANIMALS = /(?<![\p{L}])(?:hond|hondje|puppy|pup|kat|poes|kitten|paard|pony|konijn|cavia|hamster|kalf|kalfje|dog|cat|horse|bunny)/u;
// "de nieuwe jongen uit 1C", "Nieuwe leerling in mijn groep 6": a newcomer stands out.
const NEWCOMER = wordRegExp("(?:de\\s+|een\\s+|the\\s+|a\\s+)?(?:nieuwe|new)\\s+(?:leerling|leerlinge|jongen|meisje|student|studente|klasgenoot|klasgenote|pupil|boy|girl|kid)\\s+(?:uit|in|van|bij|from|at|met|with)");
const OWN_CHILDREN_PARENT = phraseRegExp([
  'kinderen', 'kids', 'kinders', 'kindjes', 'children', 'eigen kinderen', 'twee kinderen', 'drie kinderen',
]);
// "Our two were bouncing off the walls": a parent's children by number alone.
const OUR_NUMBER = wordRegExp("(?:onze|our)\\s+(?:twee|drie|two|three)(?=\\s+(?:were|are|have|had|zijn|waren|hebben|hadden|gaan|gingen|vonden|loved)|\\s*[.,!])");
// "Olle (4)": a first name with a child's age in brackets.
const CHILD_AGE_AFTER = /^\s*\((?:[1-9]|1[0-7])(?:\s*(?:jaar|jr|yo))?\)/u;
// "bevallen van een dochter, Liv": a newborn, not a pupil.
const NEWBORN = wordRegExp('bevallen|geboren|born|gave\\s+birth|newborn|pasgeboren', 'u');
const UNIQUE_CHILD = wordRegExp(
  "(?:de|het|dat|die|deze|the|that)\\s(?:enige\\s|nieuwe\\s|only\\s|new\\s)?(?:[\\p{L}']{2,15}\\s)?(?:meisje|jongen|joch|jochie|kind|kleuter|peuter|leerling|leerlinge|studente|student|tweeling|girl|boy|kid|pupil)\\s(?:uit|van|in|from|of|met|with|die|who)",
);
const ONE_OF_CLASS = wordRegExp('(?:die|dat|diegene)\\svan\\s[1-8][a-h]\\s(?:die|met)');
const INITIALS = /(?<![\p{L}.])\p{Lu}\.(?:\s?\p{Ll}{1,3}\.){0,2}(?:\s?\p{Lu}\.)?/gu;
// A named pupil congratulated on results: "Gefeliciteerd Kim! … met een 8,9 gemiddeld geslaagd".
const RESULTS = wordRegExp('geslaagd|diploma|examen|overgegaan|gezakt|herexamen|herkansing|cijferlijst|graduated|passed|resit|exams?|(?:10|[1-9]),\\d\\s+gemiddeld');
const STAFF_AFTER_CLASS = /^\s+(?:teacher|juf|meester|leerkracht|docent|mentor|leraar|lerares)(?![\p{L}])/u;
const CONNECTOR_GAP = /^[\s(,:-]*(?:(?:uit|van|from|in|of|bij|at)\s+)?[\s(]*$/;
const STOP_CAPITALS = new Set(['de', 'het', 'een', 'en', 'die', 'dat', 'groep', 'klas', 'class', 'group', 'the', 'a', 'ik', 'wij', 'we']);

export interface PupilResult {
  referenced: Evidence[];
  identifiable: Evidence[];
  /** The identification comes only from the writer's own child ("mijn zoon", "onze Sem"). */
  ownChild: boolean;
}

export function detectPupils(ctx: DetectContext, school: { related: boolean; weakWords: number }): PupilResult {
  const { index } = ctx;
  const text = index.folded;
  const identifiable: Evidence[] = [];
  let ownChildOnly = true;
  const identified = new Set<number>();
  const add = (m: { start: number; end: number }, reason: string, own = false) => {
    identifiable.push(evidence(ctx, m, reason));
    identified.add(m.start);
    if (!own) ownChildOnly = false;
  };
  const nameStarts = new Set(ctx.names.map((n) => n.start));
  // Class codes are sorted by position: binary search the first one at or after an offset.
  const firstCodeFrom = (pos: number) => firstFrom(ctx.classCodes, pos);
  const classCodeAfter = (pos: number) => {
    const c = firstCodeFrom(pos);
    return c && c.start - pos <= 16 && CONNECTOR_GAP.test(text.slice(pos, c.start)) ? c : undefined;
  };
  // "het nummer van Ricardo doorsturen (2e jaars BOL)": a class in brackets shortly after.
  const classInParenthesesAfter = (pos: number) => {
    const gap = /^(?:\s+[\p{L}-]{1,20}){0,2}\s*\(/u.exec(text.slice(pos, pos + 50));
    const c = gap ? firstCodeFrom(pos + gap[0].length) : undefined;
    return c && gap && c.start - pos <= gap[0].length + 2 ? c : undefined;
  };
  const wordBefore = (pos: number) => index.words[wordAt(index, pos) - 1];
  const isTitled = (m: Match) => {
    const prev = wordBefore(m.start);
    return !!prev && m.start - prev.end <= 2 && TITLES.has(prev.text);
  };

  // 1-4: a first name with pupil structure around it.
  for (const name of ctx.names) {
    if (isTitled(name)) continue;
    const prev = wordBefore(name.start);
    const adjacent = prev && name.start - prev.end <= 2 && !/[.!?\n]/.test(text.slice(prev.end, name.start));
    if (classCodeAfter(name.end) || classInParenthesesAfter(name.end)) add(name, 'name-with-class');
    else if (CHILD_AGE_AFTER.test(text.slice(name.end, name.end + 14))) add(name, 'child-with-age');
    else if (adjacent && PUPIL_BEFORE_NAME.has(prev.text)) {
      const s = sentenceOf(index, name.start);
      if (!NEWBORN.test(text.slice(s.start, s.end))) add(name, 'pupil-named');
    }
    // "onze Sem", "jouw Mila": a child, unless the post is about a pet ("Onze Bowie … puppycursus").
    else if (adjacent && OWNER_BEFORE_NAME.has(prev.text) && (school.related || !ANIMALS.test(text))) {
      add(name, 'own-or-known-child', prev.text !== 'jouw' && prev.text !== 'je' && prev.text !== 'your' && prev.text !== 'uw');
    }
    else if (PARENT_OF.test(text.slice(Math.max(0, name.start - 16), name.start))) add(name, 'child-of-parent');
  }
  // A named, untitled person and results (geslaagd, diploma, a grade) in a post about school.
  if (school.related && ctx.names.length) {
    const results = findAll(RESULTS, text);
    for (const name of ctx.names) {
      if (isTitled(name) || identified.has(name.start) || isSignatureLine(text, name)) continue;
      const s = sentenceOf(index, name.start);
      const nextSentenceEnd = sentenceOf(index, Math.min(text.length - 1, s.end + 1)).end;
      const result = firstFrom(results, s.start);
      if (result && result.start <= nextSentenceEnd) add(name, 'named-with-results');
    }
  }
  // A parent or pupil naming a child in a post about school: their own child or a classmate.
  // Staff name colleagues too, so for them a name counts only when the sentence goes on about
  // the child ("Noah, die normaal nooit iets zegt, …"), never when the same name is titled
  // elsewhere ("meester Kees … Geniet ervan Kees") or thanked.
  const titledNames = new Set(ctx.names.filter(isTitled).map((n) => n.text));
  if (school.related) {
    for (const name of ctx.names) {
      if (isTitled(name) || identified.has(name.start) || isSignatureLine(text, name) || titledNames.has(name.text)) continue;
      if (ctx.staff) {
        const before = text.slice(Math.max(0, name.start - 24), name.start);
        if (/(?:dank|bedankt|thanks|thank|namens|collega|geniet|welkom|afscheid|gefeliciteerd)[^.!?\n]*$/.test(before)) continue;
        if (!/^\s*,?\s*(?:die|who|uit|from|heeft|had|was|zat|kwam|vroeg|zei|wist|durfde|mocht)\s/.test(text.slice(name.end, name.end + 12))) continue;
      } else if (ctx.role !== 'parent' && ctx.role !== 'pupil') continue;
      // "Marloes Kuijpers": a first name with a surname in a parent's post is more likely an adult.
      const surname = /^ (?:(?:van|de|der|den|ter|ten)\s+){0,2}(\p{Lu}\p{Ll}+)/u.exec(index.original.slice(index.map[name.end], (index.map[name.end] ?? 0) + 24));
      if (ctx.role === 'parent' && surname && !FIRST_NAMES.has(foldText(surname[1]!).folded)) continue;
      add(name, ctx.staff ? 'named-pupil' : 'named-by-family', ctx.role === 'parent');
    }
  }
  // Any capitalised word directly followed by "uit <class>" ("Lente uit klas 2"), or mid-sentence
  // with a class in brackets shortly after ("van Ricardo doorsturen (2e jaars BOL)").
  for (const word of index.words) {
    if (STOP_CAPITALS.has(word.text) || nameStarts.has(word.start)) continue;
    const first = index.original.charCodeAt(index.map[word.start]!);
    if (first >= 97 && first <= 122) continue; // lower case: cheap reject before slicing
    if (!/^\p{Lu}\p{Ll}+$/u.test(index.original.slice(index.map[word.start], index.map[word.end]))) continue;
    const rest = text.slice(word.end, word.end + 8);
    const midSentence = !/(?:^|[.!?\n]\s*)$/.test(text.slice(Math.max(0, word.start - 3), word.start));
    const code = /^\s(?:uit|from)\s/.test(rest) ? classCodeAfter(word.end) : midSentence ? classInParenthesesAfter(word.end) : undefined;
    if (code && !isTitled(word)) add(word, 'name-with-class');
    else if (midSentence && CHILD_AGE_AFTER.test(text.slice(word.end, word.end + 14))) {
      // "my nephew Olle (4)": a name not on the list, with a child's age.
      const prev = wordBefore(word.start);
      if (prev && PUPIL_BEFORE_NAME.has(prev.text)) add(word, 'child-with-age');
    }
  }
  for (const h of ctx.handles) {
    const parentOf = HANDLE_PARENT_OF.exec(h.text);
    if (parentOf && FIRST_NAMES.has(parentOf[1]!)) add(h, 'child-of-parent');
  }
  // 5: initials with a class.
  for (const m of findAll(INITIALS, index.original)) {
    const start = foldedOffset(index, m.start);
    const end = foldedOffset(index, m.end);
    if (classCodeAfter(end)) add({ start, end }, 'initials-with-class');
  }
  // 6-7: a single child described so that others can tell who it is.
  for (const m of findAll(UNIQUE_CHILD, text)) {
    const after = text.slice(m.end, m.end + 60);
    const only = /\s(?:enige|only)\s/.test(m.text);
    if (only || /\s(?:uit|van|from|of|in)$/.test(m.text) || /^\s?(?:de|het|die|dat|the|that|haar|zijn|a)\s/.test(after) || classCodeAfter(m.end)) add(m, 'described-child');
  }
  for (const m of findAll(NEWCOMER, text)) {
    // "de nieuwe leerling met een koemelkallergie": a newcomer with a feature stands out.
    const possessive = /^\s+(?:mijn|onze|my|our|de|the)(?=\s)/.exec(text.slice(m.end, m.end + 8));
    if (/(?:met|with)$/.test(m.text) || classCodeAfter(m.end + (possessive?.[0].length ?? 0)) || possessive) add(m, 'described-child');
  }
  for (const m of findAll(ONE_OF_CLASS, text)) add(m, 'described-child');
  // 8: in a pupil's own post, another pupil's @handle.
  if (ctx.role === 'pupil') for (const h of ctx.handles) add(h, 'pupil-handle');
  // 9: the writer's own child, when the post is about school.
  if (school.related || school.weakWords > 0) {
    const ownChild = [...findAll(OWN_CHILD_NOUNS, text), ...(ctx.role === 'parent' ? findAll(OWN_CHILDREN_PARENT, text) : [])];
    for (const m of ownChild) {
      const prev = wordBefore(m.start);
      const prev2 = prev ? wordBefore(prev.start) : undefined;
      const owned = (w?: { text: string; end: number }) => !!w && POSSESSIVES.has(w.text) && m.start - w.end <= 8;
      const parentOf = /(?:moeder|vader|mama|papa|mother|father|ouder)\s+van\s+(?:\w+\s+)?$/.test(text.slice(Math.max(0, m.start - 24), m.start));
      if (owned(prev) || (prev && prev.text === 'eigen' && owned(prev2)) || parentOf) add(m, 'own-child', true);
    }
    for (const m of findAll(/(?<![\p{L}\p{N}])(?:onze|our|my|mijn)\s\d{1,2}\s?(?:yo|y\/o|jarige)(?![\p{L}])/gu, text)) add(m, 'own-child', true);
    if (ctx.role === 'parent') for (const m of findAll(OUR_NUMBER, text)) add(m, 'own-child', true);
  }
  // 10: the school's no-consent list.
  for (const name of ctx.config.noConsentNames ?? []) {
    const folded = foldText(name.trim()).folded;
    if (folded.length < 2) continue;
    for (const m of findAll(phraseRegExp([folded]), text)) identifiable.push(evidence(ctx, m, 'no-consent-name'));
  }

  const referenced: Evidence[] = [...identifiable];
  for (const m of findAll(PUPIL_NOUNS, text)) if (!inside(m, ctx.idioms)) referenced.push(evidence(ctx, m, 'pupils'));
  // A pupil naming their own level ("mavo 4 and DONE") is talking about themselves.
  const ownLevel = (m: Match) =>
    ctx.role === 'pupil' &&
    /^(?:[1-6]\s?(?:havo|vwo|mavo|vmbo)|(?:havo|vwo|mavo|vmbo)[\s-]?[1-6])$/.test(m.text) &&
    !/(?:uit|van|in|from|of|with|met)\s+$/.test(text.slice(Math.max(0, m.start - 6), m.start));
  for (const m of ctx.classCodes) {
    // "the class 6 teacher" is about a teacher, not about pupils.
    if (m.text.startsWith('niveau') || ownLevel(m) || STAFF_AFTER_CLASS.test(text.slice(m.end, m.end + 14))) continue;
    referenced.push(evidence(ctx, m, 'class'));
  }
  if (ctx.role === 'pupil' && school.related) {
    const we = findAll(PUPIL_WE, text)[0];
    if (we) referenced.push(evidence(ctx, we, 'pupils-we'));
  }
  return { referenced, identifiable, ownChild: identifiable.length > 0 && ownChildOnly };
}

/** "Anton Veldkamp" alone on one of the last lines: the writer's signature. */
function isSignatureLine(text: string, name: { start: number }): boolean {
  // Signature lines are short: look no further than 60 characters either way.
  const lineStart = text.lastIndexOf('\n', name.start - 1) + 1;
  if (name.start - lineStart > 60) return false;
  const lineEnd = text.indexOf('\n', name.start);
  if ((lineEnd < 0 ? text.length : lineEnd) - name.start > 60) return false;
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
  if (line.split(/\s+/).length > 4) return false;
  // At most two non-empty lines may follow.
  let following = 0;
  let lines = 0;
  for (let at = lineEnd; at >= 0 && at < text.length; ) {
    if (++lines > 20) return false; // far from the end: not a closing signature
    const next = text.indexOf('\n', at + 1);
    if (text.slice(at + 1, next < 0 ? text.length : next).trim() && ++following > 2) return false;
    at = next;
  }
  return true;
}

