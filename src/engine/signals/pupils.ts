import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex, wordSet } from '../lexicon-records.ts';
import { findAll, findBeforeMark, type Match } from '../text/find.ts';
import { foldText } from '../text/fold.ts';
import { phraseRegExp } from '../text/patterns.ts';
import { perSentence, sentenceMatches, sentenceOf } from '../text/sentences.ts';
import { anyWithin, firstFrom, wordBefore } from '../text/sorted-search.ts';
import { foldedOffset } from '../text/text-index.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, modelEvidence, type DetectContext } from './context.ts';
import { possessiveWords } from './possessive.ts';

// Pupils referred to at all (pupilsReferenced) and a specific pupil who can be identified
// (pupilIdentifiable). A first name alone says little (Merel is a friend, meester Kees a
// teacher, Bella a calf); what identifies a pupil is the structure around a name or a child:
//   "Bram uit 3C", "Ravi (klas 5)", "leerling Bram", "onze Sem" (when the post is about school),
//   "de moeder van Mees", "L.d.J. uit 2C", "dat meisje uit groep 8 met die rode krullen",
//   "mijn zoon in klas 5", a pupil's @handle in a pupil's post, a name on the no-consent list.

// The words and patterns are records in src/lexicons/pupils.json; the glue here is structure.

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ pupils: { familyChild, teacherOfBefore, actsAfterName, nameListSeparator, speechBefore, proudOfBefore, birthdayPupil, birthdayAfterName, childOf, handleGrade, littleOne, numberedChild, teachingIdiom, actsInClassPost, nameWithAge, congratsHandle, familiarChild, familiarChildEn, fromMyClassAfter, parentPronoun, parentWithChildren, theOnlyOne, animals, childAgeAfter, turnsBeforeName, invertedAgeAfterName, handleParentOf, initials, newborn, newcomer, oneOfClass, ourNumber, ownChildAge, ownChildNouns, ownChildrenParent, ownerBeforeName, lowerCaseChildAfter, ownLevel, parentOf, parentOfChild, pupilBeforeName, pupilNouns, pupilsWe, results, staffAfterClass, formerBefore, secondPerson, staffAfterName, governanceWords, institutionAfterName, nameParentAfter, singledOutByEvent, bareKin, siblingNouns, salutations, pupilApposition, awardBeforeName, ofMine, stopCapitals, thanksBefore, titles, adultHandle, accountHandle, uniqueChild } }) => {
  return {
    FIRST_NAMES: lexicon().FIRST_NAMES,
    PUPIL_NOUNS: pattern(pupilNouns),
    ADULT_HANDLE: regex(adultHandle),
    ACCOUNT_HANDLE: regex(accountHandle),
    FAMILY_CHILD: wordSet(familyChild),
    PUPIL_WE: pattern(pupilsWe),
    TITLES: wordSet(titles),
    PUPIL_BEFORE_NAME: wordSet(pupilBeforeName),
    OWNER_BEFORE_NAME: wordSet(ownerBeforeName),
    LOWER_CASE_CHILD_AFTER: regex(lowerCaseChildAfter),
    PARENT_OF: regex(parentOf),
    HANDLE_PARENT_OF: regex(handleParentOf),
    OWN_CHILD_NOUNS: phraseRegExp(ownChildNouns.words),
    OWN_CHILD_WORDS: wordSet(ownChildNouns),
    ANIMALS: regex(animals),
    NEWCOMER: pattern(newcomer),
    OWN_CHILDREN_PARENT: phraseRegExp(ownChildrenParent.words),
    OUR_NUMBER: pattern(ourNumber),
    CHILD_AGE_AFTER: regex(childAgeAfter),
    TURNS_BEFORE_NAME: wordSet(turnsBeforeName),
    INVERTED_AGE_AFTER_NAME: regex(invertedAgeAfterName),
    NEWBORN: pattern(newborn, {}, 'u'),
    UNIQUE_CHILD: pattern(uniqueChild),
    ONE_OF_CLASS: pattern(oneOfClass),
    INITIALS: regex(initials),
    RESULTS: pattern(results),
    STAFF_AFTER_CLASS: regex(staffAfterClass),
    FORMER_BEFORE: regex(formerBefore),
    SECOND_PERSON: regex(secondPerson),
    STAFF_AFTER_NAME: regex(staffAfterName),
    GOVERNANCE_WORDS: pattern(governanceWords, {}, 'u'),
    INSTITUTION_AFTER_NAME: regex(institutionAfterName),
    STOP_CAPITALS: wordSet(stopCapitals),
    THANKS_BEFORE: regex(thanksBefore),
    ACTS_AFTER_NAME: regex(actsAfterName),
    ACTS_IN_CLASS_POST: regex(actsInClassPost),
    OWN_LEVEL: regex(ownLevel),
    OWN_CHILD_AGE: pattern(ownChildAge),
    PARENT_OF_CHILD: regex(parentOfChild),
    THE_ONLY_ONE: pattern(theOnlyOne),
    CONGRATS_BEFORE: regex(congratsHandle),
    PARENT_PRONOUN: regex(parentPronoun),
    PARENT_WITH_CHILDREN: pattern(parentWithChildren),
    FAMILIAR_CHILD: pattern(familiarChild),
    FAMILIAR_CHILD_EN: pattern(familiarChildEn),
    FROM_MY_CLASS_AFTER: regex(fromMyClassAfter),
    CHILD_OF: pattern(childOf),
    BIRTHDAY_PUPIL: pattern(birthdayPupil),
    BIRTHDAY_AFTER_NAME: regex(birthdayAfterName),
    LITTLE_ONE: pattern(littleOne),
    NUMBERED_CHILD: pattern(numberedChild),
    TEACHING_IDIOM: pattern(teachingIdiom),
    HANDLE_GRADE: regex(handleGrade),
    NAME_WITH_AGE: regex(nameWithAge),
    SPEECH_BEFORE: regex(speechBefore),
    PROUD_OF_BEFORE: regex(proudOfBefore),
    NAME_LIST_SEPARATOR: regex(nameListSeparator),
    TEACHER_OF_BEFORE: regex(teacherOfBefore),
    NAME_PARENT_AFTER: regex(nameParentAfter),
    BARE_KIN: pattern(bareKin),
    SALUTATIONS: wordSet(salutations),
    PUPIL_APPOSITION: regex(pupilApposition),
    AWARD_BEFORE_NAME: regex(awardBeforeName),
    OF_MINE: pattern(ofMine),
    SIBLING_NOUNS: phraseRegExp(siblingNouns.words),
    SINGLED_OUT_BY_EVENT: regex(singledOutByEvent),
  };
});

/** How far (characters) after an adult's name a pronoun still refers to that adult. */
const PRONOUN_REACH = 120;
const COUNT_WORDS = new Set(['twee', 'drie', 'vier', 'vijf', 'two', 'three', 'four', 'five', '2', '3', '4', '5']);
const ADDRESSEE_POSSESSIVES = new Set(['je', 'jouw', 'your', 'uw', 'ur']);

const CONNECTOR_GAP = /^[\s(,:-]*(?:(?:uit|van|from|in|of|bij|at)\s+)?[\s(]*$/;

export interface PupilResult {
  referenced: Evidence[];
  identifiable: Evidence[];
  /** The identification comes only from the writer's own child ("mijn zoon", "onze Sem"). */
  ownChild: boolean;
}

/**
 * `school`: whether the text alone is about school, how many weak school words it has, and
 * whether it mentions school life at all (school-words.ts; computed once per text by the caller).
 */
export function detectPupils(ctx: DetectContext, school: { related: boolean; weakWords: number; weakTexts: readonly string[]; mentionsSchoolLife: boolean }): PupilResult {
  const lex = compile();
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
  const nameAt = new Map(ctx.names.map((n) => [n.start, n]));
  // Class codes are sorted by position: binary search the first one at or after an offset.
  const firstCodeFrom = (pos: number) => firstFrom(ctx.classCodes, pos);
  const classCodeAfter = (pos: number) => {
    const c = firstCodeFrom(pos);
    // A list aligned with spaces or tabs ("Hidde van Dam      klas 6") may have a wider gap.
    return c && (c.start - pos <= 16 || (c.start - pos <= 40 && /^[ \t]+$/.test(text.slice(pos, c.start)))) && CONNECTOR_GAP.test(text.slice(pos, c.start)) ? c : undefined;
  };
  // "het nummer van Ricardo doorsturen (2e jaars BOL)": a class in brackets shortly after.
  const classInParenthesesAfter = (pos: number) => {
    const gap = /^(?:\s+[\p{L}-]{1,20}){0,2}\s*\(/u.exec(text.slice(pos, pos + 50));
    const c = gap ? firstCodeFrom(pos + gap[0].length) : undefined;
    return c && gap && c.start - pos <= gap[0].length + 2 ? c : undefined;
  };
  const aboutAnimal = sentenceMatches(index, lex.ANIMALS);
  // The pupil words of the text, found once: asked by the class-post check, the staff check on
  // "de enige die …" and the references below.
  let pupilNounsFound: Match[] | undefined;
  const pupilNouns = () => (pupilNounsFound ??= findAll(lex.PUPIL_NOUNS, text));
  // A title before the name ("juf Marloes", "Koning Willem") makes it an adult.
  // Asked of every name by several steps below, so decided once per name.
  const adultOrPlace = new Map<number, boolean>();
  const isAdultOrPlace = (m: Match) => {
    let known = adultOrPlace.get(m.start);
    if (known === undefined) adultOrPlace.set(m.start, (known = adultOrPlaceAt(m)));
    return known;
  };
  function adultOrPlaceAt(m: Match): boolean {
    const prev = wordBefore(index, m.start);
    // "z'n hond Pip", "onze kat Minoes": a pet's name, not a child's.
    if (prev && m.start - prev.end <= 2 && lex.ANIMALS.test(prev.text)) return true;
    // "Lieve mensen, …", "Beste ouders": a greeting that is also a first name, before a common noun.
    // ("lieve Lieve uit groep 1" is the name after the greeting.)
    if (lex.SALUTATIONS.has(m.text) && !(prev && lex.SALUTATIONS.has(prev.text)) && /^\s+(?!(?:uit|van|from|of|in|is|en|and|heeft|has|was|zit|gaat)\s)\p{Ll}/u.test(index.original.slice(index.map[m.end], (index.map[m.end] ?? 0) + 12))) return true;
    // "naar De Linde", "op het Anker": Dutch puts no article before a person's first name, so a
    // capitalised article right before it names a place or a school.
    if (prev && m.start - prev.end === 1 && (prev.text === 'de' || prev.text === 'het') && /^(?:De|Het) $/.test(index.original.slice(index.map[prev.start], index.map[m.start]))) return true;
    // "(moeder Thijs)" in a list of class parents is Thijs's mother (parentOf), not a mother called Thijs.
    if (prev && m.start - prev.end <= 2 && lex.TITLES.has(prev.text) && !lex.PARENT_OF.test(text.slice(Math.max(0, m.start - 16), m.start))) return true;
    // Not a child either: a colleague of a team ("Mustafa from the ICT team") or a place named
    // after a person ("het Albert Schweitzer ziekenhuis").
    const at = index.map[m.end] ?? index.original.length;
    return lex.STAFF_AFTER_NAME.test(text.slice(m.end, m.end + 48)) || lex.INSTITUTION_AFTER_NAME.test(index.original.slice(at, at + 48));
  }

  const followsPupilCue = (start: number) => lex.PUPIL_APPOSITION.test(text.slice(Math.max(0, start - 40), start)) || lex.AWARD_BEFORE_NAME.test(text.slice(Math.max(0, start - 30), start));
  // Where "onze Sem" (or a parent's lower-case "onze sanne") is a child: a post about school, or
  // one with school words and no animal ("Onze Bowie … puppycursus" is a dog). Scans the whole
  // text for animals, so asked only when such a name turns up.
  let ownChildContextKnown: boolean | undefined;
  const ownChildContext = () => (ownChildContextKnown ??= school.related || ((school.weakWords > 0 || school.mentionsSchoolLife) && !lex.ANIMALS.test(text)));
  // 1-4: a first name with pupil structure around it.
  for (const name of ctx.names) {
    if (isAdultOrPlace(name)) continue;
    const prev = wordBefore(index, name.start);
    const adjacent = prev && name.start - prev.end <= 2 && !/[.!?\n]/.test(text.slice(prev.end, name.start));
    // "Liefs, Esther (groep 7/8)" closing a staff post: the writer and the group she teaches.
    // "Lieve groep 5": a greeting to the class.
    if (classCodeAfter(name.end) || classInParenthesesAfter(name.end)) {
      if ((!ctx.staff || !isSignatureLine(text, name)) && !lex.SALUTATIONS.has(name.text)) add(name, 'name-with-class');
    }
    // "one of my kids, Amir", "my exchange partner, Sabine", "Stars of the week: Poppy": a pupil
    // by who they are to the writer or by a class award.
    else if (followsPupilCue(name.start)) add(name, 'pupil-named');
    // "Onze Siem is vandaag 16 geworden" is the writer's own child: the owner case below decides.
    // A pet's birthday ("Onze hond Pip is vandaag 12 geworden") never gets here: the animal word
    // right before the name made it a pet above. An animal elsewhere in the sentence does not
    // ("Siem (3 jaar) … dat hij een hamster heeft gekregen" is still a child).
    else if (!(adjacent && lex.OWNER_BEFORE_NAME.has(prev.text)) && (lex.CHILD_AGE_AFTER.test(text.slice(name.end, name.end + 14)) || lex.NAME_WITH_AGE.test(text.slice(name.end, name.end + 30)))) add(name, 'child-with-age');
    // "Op zondag kwam Jolien 4 jaar": the verb before the name, the age after it.
    else if (adjacent && lex.TURNS_BEFORE_NAME.has(prev.text) && lex.INVERTED_AGE_AFTER_NAME.test(text.slice(name.end, name.end + 24))) add(name, 'child-with-age');
    else if (adjacent && lex.PUPIL_BEFORE_NAME.has(prev.text)) {
      const s = sentenceOf(index, name.start);
      if (!lex.NEWBORN.test(text.slice(s.start, s.end))) add(name, 'pupil-named');
    }
    // "onze Sem", "jouw Mila": a child, unless the post is about a pet ("Onze Bowie … puppycursus").
    else if (adjacent && lex.OWNER_BEFORE_NAME.has(prev.text) && ownChildContext()) {
      add(name, 'own-or-known-child', prev.text !== 'jouw' && prev.text !== 'je' && prev.text !== 'your' && prev.text !== 'uw');
    }
    else if (lex.PARENT_OF.test(text.slice(Math.max(0, name.start - 16), name.start)) || lex.NAME_PARENT_AFTER.test(text.slice(name.end, name.end + 16))) add(name, 'child-of-parent');
    else if (lex.TEACHER_OF_BEFORE.test(text.slice(Math.max(0, name.start - 18), name.start))) add(name, 'pupil-named');
    // "Morgen is Jayden jarig", "Ook zijn Dennis en Esther vandaag jarig": a child's birthday at school.
    else if (school.related && lex.BIRTHDAY_AFTER_NAME.test(text.slice(name.end, name.end + 48))) add(name, 'child-with-birthday');
  }
  // A named, untitled person and results (geslaagd, diploma, a grade) in a post about school.
  if (school.related && ctx.names.length) {
    const results = findAll(lex.RESULTS, text);
    for (const name of ctx.names) {
      if (isAdultOrPlace(name) || identified.has(name.start) || isSignatureLine(text, name)) continue;
      const s = sentenceOf(index, name.start);
      // The result may come a few sentences on, in the same paragraph ("Zoë kwam naar me toe …
      // Ze is in een half jaar van AVI E3 naar AVI M5 gegaan"): up to the paragraph's end, at most 300 characters on.
      const paragraphEnd = text.indexOf('\n\n', s.end);
      const until = Math.min(paragraphEnd < 0 ? text.length : paragraphEnd, s.end + 300);
      const result = firstFrom(results, s.start);
      if (result && result.start <= Math.max(until, sentenceOf(index, Math.min(text.length - 1, s.end + 1)).end)) add(name, 'named-with-results');
    }
  }
  // A parent or pupil naming a child in a post about school: their own child or a classmate.
  // Staff name colleagues too, so for them a name counts only when the sentence goes on about
  // the child ("Noah, die normaal nooit iets zegt, …"), never when the same name is titled
  // elsewhere ("meester Kees … Geniet ervan Kees") or thanked.
  // A greeting word read as an adult ('Lieve collega's') says nothing about the same name elsewhere.
  const titledNames = new Set(ctx.names.filter((n) => isAdultOrPlace(n) && !lex.SALUTATIONS.has(n.text)).map((n) => n.text));
  // In a staff post about school, children in a class story: a list of three or more names
  // ("Femke, Bram, Lotte en Jesse") or a name after a speech verb ("vraagt Maartje").
  if (school.related && ctx.staff) {
    const untitled = ctx.names.filter((n) => !isAdultOrPlace(n) && !titledNames.has(n.text) && !isSignatureLine(text, n));
    for (let i = 0; i < untitled.length; i++) {
      const name = untitled[i]!;
      let run = 1;
      while (i + run < untitled.length && lex.NAME_LIST_SEPARATOR.test(text.slice(untitled[i + run - 1]!.end, untitled[i + run]!.start))) run++;
      const thanked = lex.THANKS_BEFORE.test(text.slice(Math.max(0, name.start - 24), name.start));
      if (run >= 3 && !thanked) {
        for (let k = i; k < i + run; k++) add(untitled[k]!, 'named-pupil');
        i += run - 1;
      } else if (lex.SPEECH_BEFORE.test(text.slice(Math.max(0, name.start - 14), name.start)) || lex.PROUD_OF_BEFORE.test(text.slice(Math.max(0, name.start - 16), name.start))) add(name, 'named-pupil');
    }
  }
  let classPostKnown: boolean | undefined;
  const classPost = () => (classPostKnown ??= ctx.classCodes.length > 0 || pupilNouns().some((m) => !lex.FAMILY_CHILD.has(m.text)));
  // A parent's or pupil's post that only the learned model reads as about school ("Our Mila
  // came home and couldn't stop talking about the fruit skewers", "Daan jij sukkel … bosdag"):
  // the children it names are read as for a post the rules found school-related. Not with an
  // animal anywhere in the post: "Onze Bowie is geslaagd voor de puppycursus" is a dog.
  const governanceSentence = sentenceMatches(index, lex.GOVERNANCE_WORDS);
  const modelSchool = () => (ctx.role === 'parent' || ctx.role === 'pupil') && ctx.names.length > 0 && !lex.ANIMALS.test(text) && ctx.model('school_related').positive;
  if (school.related || modelSchool()) {
    for (const name of ctx.names) {
      if (isAdultOrPlace(name) || identified.has(name.start) || isSignatureLine(text, name) || titledNames.has(name.text)) continue;
      if (ctx.staff) {
        const before = text.slice(Math.max(0, name.start - 24), name.start);
        if (lex.THANKS_BEFORE.test(before)) continue;
        if (!lex.ACTS_AFTER_NAME.test(text.slice(name.end, name.end + 12)) && !(classPost() && lex.ACTS_IN_CLASS_POST.test(text.slice(name.end, name.end + 16)))) continue;
      } else if (ctx.role !== 'parent' && ctx.role !== 'pupil') continue;
      // "Marloes Kuijpers": a first name with a surname in a parent's post is more likely an adult.
      const surname = /^ (?:(?:van|de|der|den|ter|ten)\s+){0,2}(\p{Lu}\p{Ll}+)/u.exec(index.original.slice(index.map[name.end], (index.map[name.end] ?? 0) + 24));
      if (ctx.role === 'parent' && surname && !lex.FIRST_NAMES.has(foldText(surname[1]!).folded)) continue;
      // "Mirthe zal namens de MR deelnemen": in minutes and member lists the names are members'.
      if (ctx.role === 'parent' && governanceSentence(name.start)) continue;
      add(name, ctx.staff ? 'named-pupil' : 'named-by-family', ctx.role === 'parent');
    }
  }
  // Any capitalised word directly followed by "uit <class>" ("Lente uit klas 2"), or mid-sentence
  // with a class in brackets shortly after ("van Ricardo doorsturen (2e jaars BOL)").
  for (const word of index.words) {
    if (lex.STOP_CAPITALS.has(word.text) || nameAt.has(word.start)) continue;
    const first = index.original.charCodeAt(index.map[word.start]!);
    if (first >= 97 && first <= 122) continue; // lower case: cheap reject before slicing
    if (!/^\p{Lu}\p{Ll}+$/u.test(index.original.slice(index.map[word.start], index.map[word.end]))) continue;
    // "Die Marokkaantjes uit 3T": a plural diminutive is a group, not a name.
    if (word.text.endsWith('jes')) continue;
    const rest = text.slice(word.end, word.end + 8);
    const midSentence = !/(?:^|[.!?\n]\s*)$/.test(text.slice(Math.max(0, word.start - 3), word.start));
    const code = /^\s(?:uit|from)\s/.test(rest) ? classCodeAfter(word.end) : midSentence ? classInParenthesesAfter(word.end) : undefined;
    if (code && !isAdultOrPlace(word)) add(word, 'name-with-class');
    // "my exchange partner, Sabine", "Stars of the week: Poppy": names from anywhere, not only the list.
    // Not a title or a class ("Ster van de week: Juf Anke", "Star of the week: Mrs Patel's class").
    else if (followsPupilCue(word.start) && !lex.TITLES.has(word.text) && !isAdultOrPlace(word) && !/^['’]s\b/.test(text.slice(word.end, word.end + 3))) add(word, 'pupil-named');
    else if (midSentence && lex.CHILD_AGE_AFTER.test(text.slice(word.end, word.end + 14))) {
      // "my nephew Olle (4)": a name not on the list, with a child's age.
      const prev = wordBefore(index, word.start);
      if (prev && lex.PUPIL_BEFORE_NAME.has(prev.text)) add(word, 'child-with-age');
    }
  }
  for (const h of ctx.handles) {
    const parentOf = lex.HANDLE_PARENT_OF.exec(h.text);
    if (parentOf && lex.FIRST_NAMES.has(parentOf[1]!)) add(h, 'child-of-parent');
  }
  // 5: initials with a class, after a pupil word ("leerling R."), or with a child's age after
  // them ("L. (13 jaar)"): the way teachers' blogs anonymise a pupil others can still tell.
  for (const m of findBeforeMark(lex.INITIALS, index.original, '.')) {
    const start = foldedOffset(index, m.start);
    const end = foldedOffset(index, m.end);
    const prev = wordBefore(index, start);
    // "collega J. van klas 3", "juf M. van groep 5": a title makes them an adult's initials.
    if (prev && start - prev.end <= 2 && lex.TITLES.has(prev.text)) continue;
    if (classCodeAfter(end)) add({ start, end }, 'initials-with-class');
    else if ((prev && lex.PUPIL_BEFORE_NAME.has(prev.text) && start - prev.end <= 2) || lex.CHILD_AGE_AFTER.test(text.slice(end, end + 14))) add({ start, end }, 'pupil-initials');
  }
  // 6-7: a single child described so that others can tell who it is.
  for (const m of findAll(lex.UNIQUE_CHILD, text)) {
    const after = text.slice(m.end, m.end + 60);
    const only = /\s(?:enige|only)\s/.test(m.text);
    // "de jongen die vorige week dat filmpje rondstuurde": one event everybody knows.
    const byEvent = /\s(?:die|who)$/.test(m.text) && lex.SINGLED_OUT_BY_EVENT.test(after);
    if (only || byEvent || /\s(?:uit|van|from|of|in)$/.test(m.text) || /^\s?(?:de|het|die|dat|the|that|haar|zijn|a)\s/.test(after) || classCodeAfter(m.end)) add(m, 'described-child');
  }
  for (const m of findAll(lex.NEWCOMER, text)) {
    // "de nieuwe leerling met een koemelkallergie": a newcomer with a feature stands out.
    const possessive = /^\s+(?:mijn|onze|my|our|de|the)(?=\s)/.exec(text.slice(m.end, m.end + 8));
    if (/(?:met|with)$/.test(m.text) || classCodeAfter(m.end + (possessive?.[0].length ?? 0)) || possessive) add(m, 'described-child');
  }
  for (const m of findAll(lex.ONE_OF_CLASS, text)) add(m, 'described-child');
  // "Student van mij heeft vandaag de finale gewonnen": one pupil, singled out by the event.
  for (const m of findAll(lex.OF_MINE, text)) {
    const after = text.slice(m.end, m.end + 80);
    if (lex.SINGLED_OUT_BY_EVENT.test(after) || findAll(lex.RESULTS, after).length) add(m, 'described-child');
  }
  const pupilSentence = perSentence(index, (s) => anyWithin(pupilNouns(), s) || anyWithin(ctx.classCodes, s));
  if (school.related) {
    // "het paard heet Bella en ze is de enige die naar me luistert": an animal, not a child.
    for (const m of findAll(lex.THE_ONLY_ONE, text)) {
      if (aboutAnimal(m.start)) continue;
      // Staff write "de enige die Excel écht snapt" about colleagues: for them, only with a
      // pupil word or a class in the sentence.
      if (ctx.staff && !pupilSentence(m.start)) continue;
      add(m, 'described-child');
    }
    for (const m of findAll(lex.CHILD_OF, text)) add(m, 'described-child');
  }
  for (const m of findAll(lex.BIRTHDAY_PUPIL, text)) add(m, 'described-child');
  // 8: in a pupil's own post, another pupil's @handle.
  // Not a club, brand or newspaper: their handles carry capitals and acronyms ("@AFCAjax",
  // "@PinkRibbonNL"); pupils' handles rarely have four capitals ("@noor.vk", "@SemVD").
  // "@meesterTom_", "@juf.sanne", "@mrsdekker": a handle that starts with a title is an adult's.
  // "@hooimolenmbo", "@ZMC_official", "@jdevries_docent": the school's, a page's or a teacher's
  // account (accountHandle), or a handle that is a mention of the configured school.
  const organisation = (h: Match) =>
    (index.original.slice(index.map[h.start], index.map[h.end]).match(/\p{Lu}/gu)?.length ?? 0) >= 4 || lex.ADULT_HANDLE.test(h.text) || lex.ACCOUNT_HANDLE.test(h.text) || inside(h, ctx.schoolMentions);
  /** The handle begins with a first name that the post also uses, speaking to them ("@mila.vos Mila, kom …"). */
  let namesUsed: Set<string> | undefined;
  let speaksToSomeone: boolean | undefined;
  const addressedByHandleName = (h: Match): boolean => {
    const first = /^@([\p{L}]{3,})/u.exec(h.text)?.[1];
    if (!first || !lex.FIRST_NAMES.has(first)) return false;
    // Once per post, not per handle: a pasted list of thousands of handles stays linear.
    speaksToSomeone ??= lex.SECOND_PERSON.test(text);
    namesUsed ??= new Set(ctx.names.map((n) => text.slice(n.start, n.end)));
    return speaksToSomeone && namesUsed.has(first);
  };
  if (ctx.role === 'pupil') {
    for (const h of ctx.handles) if (!organisation(h)) add(h, 'pupil-handle');
  }
  // Staff or a parent congratulating a handle in a post about school ("Proficiat @daan_03 met je 9,4").
  else if (school.related) {
    for (const h of ctx.handles) {
      if (lex.CONGRATS_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start)) || lex.HANDLE_GRADE.test(text.slice(h.end, h.end + 100))) add(h, 'pupil-handle');
      // A teacher answering a pupil by the first name in their handle: "@lars_bkr Lars, je verslag …".
      else if (ctx.staff && !organisation(h) && addressedByHandleName(h)) add(h, 'pupil-handle');
    }
  }
  // A parent writing in chat style names their own child in lower case too ("onze sanne (7)
  // heeft het weer"): 'onze' or 'ons' right before a first name, as for a capitalised one
  // (OWNER_BEFORE_NAME above), when a child's age or a verb follows. Many names on the list are
  // also nouns ('onze merel zat in de tuin', 'onze roos staat in bloei'), so the name alone is not enough.
  if (ctx.role === 'parent' && ownChildContext()) {
    for (const w of index.words) {
      if (!lex.FIRST_NAMES.has(w.text) || nameAt.has(w.start) || identified.has(w.start) || lex.SALUTATIONS.has(w.text)) continue;
      const prev = wordBefore(index, w.start);
      if (!prev || (prev.text !== 'onze' && prev.text !== 'ons') || w.start - prev.end > 2) continue;
      const first = index.original.charCodeAt(index.map[w.start]!);
      if (first >= 97 && first <= 122 && lex.LOWER_CASE_CHILD_AFTER.test(text.slice(w.end, w.end + 12))) add(w, 'own-or-known-child', true);
    }
  }
  // A pupil writing a classmate's name in lower case: "joey uit mn klas".
  if (ctx.role === 'pupil') {
    // "joey uit mn klas", "adam from 4H": a classmate's name in lower case.
    for (const w of index.words) {
      if (!lex.FIRST_NAMES.has(w.text) || nameAt.has(w.start)) continue;
      const after = text.slice(w.end, w.end + 30);
      if (lex.FROM_MY_CLASS_AFTER.test(after) || (/^\s+(?:uit|from)\s/.test(after) && classCodeAfter(w.end))) add(w, 'name-with-class');
      // "bas z'n vader is weer opgepakt": a classmate named through a parent.
      else if (lex.NAME_PARENT_AFTER.test(text.slice(w.end, w.end + 16))) add(w, 'child-of-parent');
    }
  }
  // 9: the writer's own child, when the post is about school.
  if (school.related || school.weakWords > 0) {
    // A younger sibling only in a post that is about school ("mn broertje zit nu ook op …"),
    // not gaming with "m'n broertje" next to "old school".
    const siblings = school.related ? findAll(lex.SIBLING_NOUNS, text) : [];
    const ownChild = [...findAll(lex.OWN_CHILD_NOUNS, text), ...siblings, ...(ctx.role === 'parent' ? findAll(lex.OWN_CHILDREN_PARENT, text) : [])];
    // "Mijn kinderen zitten de hele zomer op de trampoline": the child word may be the only weak
    // school word, and then the post is not about school.
    const schoolBeyond = (m: Match) => school.related || school.mentionsSchoolLife || school.weakTexts.some((w) => w !== m.text);
    for (const m of ownChild) {
      if (!schoolBeyond(m)) continue;
      const prev = wordBefore(index, m.start);
      const prev2 = prev ? wordBefore(index, prev.start) : undefined;
      const owned = (w?: { text: string; end: number }) => !!w && possessiveWords().has(w.text) && m.start - w.end <= 8;
      // "onze drie meiden": a number may stand between.
      const counted = !!prev && COUNT_WORDS.has(prev.text) && !!prev2 && possessiveWords().has(prev2.text) && prev.start - prev2.end <= 2;
      const parentOf = lex.PARENT_OF_CHILD.test(text.slice(Math.max(0, m.start - 24), m.start));
      if (owned(prev) || counted || (prev && prev.text === 'eigen' && owned(prev2)) || parentOf) add(m, 'own-child', true);
      // "@jurgen_hgv tip voor je zoon": the child of the person addressed.
      else if (ctx.handles.length && prev && m.start - prev.end <= 2 && ADDRESSEE_POSSESSIVES.has(prev.text)) add(m, 'addressee-child');
    }
    for (const m of findAll(lex.OWN_CHILD_AGE, text)) add(m, 'own-child', true);
    if (ctx.role === 'parent') {
      for (const m of findAll(lex.OUR_NUMBER, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.PARENT_WITH_CHILDREN, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.FAMILIAR_CHILD, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.FAMILIAR_CHILD_EN, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.BARE_KIN, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.LITTLE_ONE, text)) add(m, 'own-child', true);
      for (const m of findAll(lex.NUMBERED_CHILD, text)) add(m, 'own-child', true);
      // "Ze kwam vandaag weer huilend uit school": a parent's child by a pronoun alone.
      // Not when the nearest person before it is an adult with a title ("stopt juf Annet na 38
      // jaar. Wat een juf! Ze heeft …"); a child word or a child's name nearer wins.
      const afterAdult = (m: Match) => {
        for (let w = wordBefore(index, m.start); w && m.start - w.end <= PRONOUN_REACH; w = wordBefore(index, w.start)) {
          const name = nameAt.get(w.start);
          if (lex.OWN_CHILD_WORDS.has(w.text) || (name && !isAdultOrPlace(name))) return false;
          if (lex.TITLES.has(w.text) && /^\s+\p{Lu}/u.test(index.original.slice(index.map[w.end], (index.map[w.end] ?? 0) + 3))) return true;
        }
        return false;
      };
      if (school.related && !identifiable.length) for (const m of findAll(lex.PARENT_PRONOUN, text)) if (!afterAdult(m)) add(m, 'own-child', true);
    }
  }
  // 10: the school's no-consent list.
  for (const name of ctx.config.noConsentNames ?? []) {
    const folded = foldText(name.trim()).folded;
    if (folded.length < 2) continue;
    for (const m of findAll(phraseRegExp([folded]), text)) identifiable.push(evidence(ctx, m, 'no-consent-name'));
  }
  // What no rule knows, the learned model may still recognise (model/text-model.ts); only in a
  // post that touches school, as a child outside school is nobody's pupil ("de bruiloft van mijn
  // zus Lotte en haar Daan").
  if (!identifiable.length && (school.related || school.weakWords > 0 || school.mentionsSchoolLife)) {
    for (const e of modelEvidence(ctx, 'pupil_identifiable')) {
      identifiable.push(e);
      ownChildOnly = false;
    }
  }

  const referenced: Evidence[] = [...identifiable];
  let familyWordsOnly = true;
  const teaching = pupilNouns().length ? findAll(lex.TEACHING_IDIOM, text) : [];
  for (const m of pupilNouns()) {
    if (inside(m, ctx.idioms) || inside(m, teaching)) continue;
    // "The class teacher", "de klas juf": about a teacher, not about the pupils.
    if (lex.STAFF_AFTER_CLASS.test(text.slice(m.end, m.end + 14))) continue;
    // "Oud-leerling hier!", "our former students": no pupils any more.
    if (lex.FORMER_BEFORE.test(text.slice(Math.max(0, m.start - 10), m.start))) continue;
    const family = lex.FAMILY_CHILD.has(m.text);
    // "mijn eigen kinderen", "my own kids": the writer's family, unless school is mentioned.
    if (family && /(?:^|\s)(?:eigen|own)\s+$/u.test(text.slice(Math.max(0, m.start - 8), m.start)) && !school.mentionsSchoolLife) continue;
    if (!family) familyWordsOnly = false;
    referenced.push(evidence(ctx, m, 'pupils'));
  }
  // A pupil naming their own level ("mavo 4 and DONE") is talking about themselves.
  const ownLevel = (m: Match) =>
    ctx.role === 'pupil' &&
    lex.OWN_LEVEL.test(m.text) &&
    !/(?:uit|van|in|from|of|with|met)\s+$/.test(text.slice(Math.max(0, m.start - 6), m.start));
  for (const m of ctx.classCodes) {
    // "the class 6 teacher" is about a teacher, not about pupils.
    if (m.text.startsWith('niveau') || ownLevel(m) || lex.STAFF_AFTER_CLASS.test(text.slice(m.end, m.end + 14))) continue;
    referenced.push(evidence(ctx, m, 'class'));
  }
  if (ctx.role === 'pupil' && school.related) {
    const we = findAll(lex.PUPIL_WE, text)[0];
    if (we) referenced.push(evidence(ctx, we, 'pupils-we'));
  }
  // A parent's own children on holiday, at the sports club or at home ("met de kinderen naar
  // Texel") are not pupils: with no school word at all, a parent's child words refer to family.
  if (ctx.role === 'parent' && !school.related && familyWordsOnly && referenced.every((e) => e.reason === 'pupils') && !school.mentionsSchoolLife) {
    return { referenced: [], identifiable, ownChild: false };
  }
  // What no rule knows, the learned model may still recognise (model/text-model.ts).
  if (!referenced.length) referenced.push(...modelEvidence(ctx, 'pupils_referenced'));
  return { referenced, identifiable, ownChild: identifiable.length > 0 && ownChildOnly };
}

/** "Anton Veldkamp" alone on one of the last lines: the writer's signature. */
function isSignatureLine(text: string, name: { start: number }): boolean {
  // Signature lines are short: look no further than 60 characters either way.
  // Both searches look no further than 61 characters: a 100 KB post of one line must not make
  // every name cost a scan of the whole text.
  const before = text.slice(Math.max(0, name.start - 61), name.start);
  if (name.start > 60 && !before.includes('\n')) return false;
  const lineStart = name.start - before.length + before.lastIndexOf('\n') + 1;
  const after = text.slice(name.start, name.start + 61);
  const newline = after.indexOf('\n');
  if (newline < 0 && name.start + 61 <= text.length) return false;
  const lineEnd = newline < 0 ? -1 : name.start + newline;
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

