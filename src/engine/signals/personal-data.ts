import { parsePhoneNumberFromString, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex, wordSet } from '../lexicon-records.ts';
import { findAll, findWithWordStart, type Match } from '../text/find.ts';
import { perSentence, sentenceMatches, sentenceOf } from '../text/sentences.ts';
import { anyWithin, firstFrom, firstStartIndex, lastUpTo, wordBefore } from '../text/sorted-search.ts';
import { foldText } from '../text/fold.ts';
import { wordRegExp } from '../text/patterns.ts';
import { foldedOffset } from '../text/text-index.ts';
import type { Evidence } from '../types.ts';
import { evidence, modelEvidence, type DetectContext, quoted } from './context.ts';

// Personal data of someone other than the writer: phone numbers (libphonenumber-js), e-mail
// addresses of a person (not info@ or rector@), home addresses, postcodes, BSN (11-test),
// a birthday with an age, health of a specific person, and a named pupil's grades or family
// situation. Data the writer shares about themselves ("bel me op…", "ik ben vandaag 40") is
// their own choice and not flagged.

const MAX_PHONE_CANDIDATES = 50;
const PHONE_CANDIDATE = /(?<![\p{N}+])(?:\+|00|\(?0)[\d \t().\/-]{7,20}\d(?![\p{N}])/gu;
// E-mail addresses are found from their "@": the domain by a sticky pattern, the local part by
// walking back, so the cost is per "@" and not per character.
const EMAIL_DOMAIN = /[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,4}\.\p{L}{2,24}(?![\p{L}\p{N}])/uy;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;

/** The configured school's names as bare letters ("hetanker", "deakker"), for matching domains. */
const COMPACT_NAMES = new WeakMap<object, string[]>();

function onSchoolDomain(domain: string, ctx: DetectContext): boolean {
  const school = ctx.config.school;
  let names = COMPACT_NAMES.get(school);
  if (!names) {
    names = [school.name, ...school.aliases].map((n) => foldText(n).folded.replace(/[^\p{L}\p{N}]/gu, '')).filter((n) => n.length >= 4);
    COMPACT_NAMES.set(school, names);
  }
  const compact = domain.replace(/[^\p{L}\p{N}]/gu, '');
  return names.some((n) => compact.includes(n));
}

/**
 * The phone number a candidate starts with. libphonenumber decides validity (its parser, not
 * its much larger text matcher); when the whole candidate is not one number ("06-12345678
 * 06-87654321"), shorter prefixes ending at a separator are tried, longest first.
 */
function validPhoneAtStart(candidate: string): { parsed: PhoneNumber; length: number } | undefined {
  const lex = compile();
  const cuts = [candidate.length, ...[...candidate.matchAll(/[\s().\/-]+/g)].map((m) => m.index)].sort((a, b) => b - a);
  for (const cut of cuts) {
    const piece = candidate.slice(0, cut).replace(/[\s().\/-]+$/, '');
    if ((piece.match(/\d/g)?.length ?? 0) < 9) break;
    const parsed = parsePhoneNumberFromString(piece, 'NL', lex.PHONE_METADATA);
    if (parsed?.isValid()) return { parsed, length: piece.length };
  }
  return undefined;
}

function findEmails(text: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at || (start > 0 && LOCAL_CHAR.test(text[start - 1]!))) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (domain) found.push({ start, end: at + 1 + domain[0].length, text: text.slice(start, at + 1 + domain[0].length) });
  }
  return found;
}
// The words and patterns are records in src/lexicons/privacy.json. Street names end in a street
// word ("Berkenlaan 7"); findWithWordStart widens the match to the whole name.

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ phoneMetadata, confidential: { publicAddress }, privacy: { congratulation, spelledMobile, slangAfterHealth, notSingledOut, ownPickedOut, death, othersKin, roleContact, signOff, serviceNumbers, ownAgeAnnouncement, ownAgeAtSentenceStart, aboutTheDisease, ownCondition, ownConditionAtStart, notAFact, namedLice, diseaseAsTopicAfter, publicFigure, ownGrade, ownGradeBefore, careJob, epidemicOfPerson, age, animals, bsnWord, bsnJustBefore, nationalNumberWord, explicitBirth, grade, ownContact, numberOfOther, personBeforeNumber, ownSubject, durationLeaders, durationAfter, injury, writerWord, epidemicWord, someoneReachable, ownBodyAfter, person, postcode, street, streetSuffix, fiction } }) => {
  return {
    PRIVACY: lexicon().PRIVACY,
    PHONE_METADATA: phoneMetadata as unknown as MetadataJson,
    STREET_SUFFIX: regex(streetSuffix),
    STREET: pattern(street),
    POSTCODE: regex(postcode),
    SPELLED_MOBILE: regex(spelledMobile),
    BSN_WORD: pattern(bsnWord, {}, 'u'),
    BSN_JUST_BEFORE: regex(bsnJustBefore, { bsnWord: bsnWord.pattern }),
    NATIONAL_NUMBER_WORD: pattern(nationalNumberWord, {}, 'u'),
    AGE: pattern(age),
    DURATION_LEADERS: wordSet(durationLeaders),
    DURATION_AFTER: regex(durationAfter),
    WRITER_WORD: regex(writerWord),
    EPIDEMIC: regex(epidemicWord),
    SOMEONE_REACHABLE: regex(someoneReachable),
    OWN_BODY_AFTER: regex(ownBodyAfter),
    INJURY: pattern(injury),
    CONGRATULATION: pattern(congratulation, {}, 'u'),
    EXPLICIT_BIRTH: pattern(explicitBirth),
    OWN_CONTACT: pattern(ownContact, {}, 'u'),
    NUMBER_OF_OTHER: pattern(numberOfOther, {}, 'u'),
    PERSON_BEFORE_NUMBER: regex(personBeforeNumber),
    ANIMALS: pattern(animals, {}, 'u'),
    FICTION: pattern(fiction, {}, 'u'),
    // A name right after an animal is the animal's ("onze kater Moos"), not a person's.
    ANIMAL_BEFORE_NAME: wordRegExp(`(?:${animals.pattern})\\s+$`, 'u'),
    OWN_SUBJECT: pattern(ownSubject, {}, 'u'),
    PERSON: pattern(person, {}, 'u'),
    GRADE: pattern(grade),
    OTHERS_KIN: pattern(othersKin, {}, 'u'),
    DEATH: pattern(death, {}, 'u'),
    ABOUT_THE_DISEASE: regex(aboutTheDisease),
    SLANG_AFTER_HEALTH: regex(slangAfterHealth),
    NOT_SINGLED_OUT: regex(notSingledOut),
    OWN_PICKED_OUT: regex(ownPickedOut),
    OWN_CONDITION: regex(ownCondition),
    OWN_CONDITION_AT_START: regex(ownConditionAtStart),
    NOT_A_FACT: regex(notAFact),
    NAMED_LICE: pattern(namedLice),
    DISEASE_AS_TOPIC_AFTER: regex(diseaseAsTopicAfter),
    PUBLIC_FIGURE: pattern(publicFigure, {}, 'u'),
    OWN_GRADE: regex(ownGrade),
    OWN_GRADE_BEFORE: regex(ownGradeBefore),
    CARE_JOB: regex(careJob),
    EPIDEMIC_OF_PERSON: regex(epidemicOfPerson),
    ROLE_CONTACT: pattern(roleContact, {}, 'u'),
    SIGN_OFF: regex(signOff),
    // The same greeting as a letter to parents in confidential.json: one record, two uses.
    PUBLIC_ADDRESS: regex(publicAddress),
    SERVICE_NUMBERS: regex(serviceNumbers),
    OWN_AGE_ANNOUNCEMENT: regex(ownAgeAnnouncement),
    OWN_AGE_AT_SENTENCE_START: regex(ownAgeAtSentenceStart),
  };
});

const MAX_AGE_CANDIDATES = 50;
/** Letters before a health ending for a compound ('rugoperatie'); two would read 'coöperatie' as an operation. */
const HEALTH_COMPOUND_PREFIX = 3;
/** How near (characters) an animal must be to a health word to be the one who is ill. */
const ANIMAL_REACH = 40;
/** A role mailbox (info@, ib@, teamleider.onderbouw@, afwezig@): not a person's address. */
function isRoleMailbox(email: string, lex: ReturnType<typeof compile>): boolean {
  const local = email.slice(0, email.indexOf('@'));
  return local.replace(/\d+$/, '').split(/[._-]+/).some((p) => lex.PRIVACY.genericMailboxes.has(p));
}


const NINE_DIGITS = /(?<![\p{N}.])(\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{2}\.\d{2}\.\d{2}|\d{3}\.\d{3}\.\d{3}|\d{9})(?![\p{N}])/gu;
/**
 * A Belgian national register number as it is written, YY.MM.DD-NNN.CC (the birth date, a serial
 * number, two check digits): format and check as described in kupolak/stdnum lib/be/nn.mli and
 * adieyal/id_validation docs/references/be.md.
 */
const BELGIAN_NATIONAL_NUMBER = /(?<![\p{N}.])\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?![\p{N}])/gu;
/** Nine digits in spaced groups ("246 187 305", "2461 87 305"): read as a BSN only right after a BSN word. */
const NINE_DIGITS_SPACED = /(?<![\p{N}.])(?:\d{3} \d{3} \d{3}|\d{4} \d{2} \d{3}|\d{3} \d{2} \d{2} \d{2})(?![\p{N}]| \d)/gu;
export function detectPersonalData(ctx: DetectContext, pupils: readonly Evidence[], curses: readonly Evidence[] = []): Evidence[] {
  const lex = compile();
  const { index } = ctx;
  const text = index.folded;
  const pupilIdentifiable = pupils.length > 0;
  const found: Evidence[] = [];
  // Something the rules weighed and set aside (the writer's own number, a pet's birthday, a
  // doctor's job): then the learned model must not add what the rules ruled out.
  let setAside = false;
  // The writer's own contact details: "Bel me gerust: 06-…", "06-… (werkmobiel)".
  // "Vrijeschool De Linde, Lindelaan 2, 7412 AB Deventer": the school's own address after its name.
  const afterSchoolName = (m: { start: number }) => {
    const s = lastUpTo(ctx.schoolMentions, m.start - 1);
    if (!s || s.end > m.start || m.start - s.end > 40) return false;
    const gap = text.slice(s.end, m.start);
    // A signature puts the address or number on the line under the school ("Directeur RKBS De
    // Roodborst / Kerkplein 3"); a sentence that goes on is about something else.
    if (/[.!?]/.test(gap) || (gap.includes('\n') && !/^[\s,;:|/–—-]*$/.test(gap))) return false;
    // "de moeder van Lotte (groep 2, Speelsteen) is bereikbaar op 06…": a verb between the school
    // and the number makes it a person's.
    if (lex.SOMEONE_REACHABLE.test(gap)) return false;
    // "carpool naar Duinzicht: bel Hannah, +31 6 …": a person named in between owns the number.
    const name = firstFrom(ctx.people, s.end);
    return !name || name.start >= m.start;
  };
  const ownNear = (m: { start: number; end: number }) => {
    const own = ownContact(m);
    if (own) setAside = true;
    return own;
  };
  const ownContact = (m: { start: number; end: number }) => {
    if (afterSchoolName(m)) return true;
    const s = sentenceOf(index, m.start);
    const around = text.slice(Math.max(0, Math.min(s.start, m.start - 60)), Math.min(text.length, m.end + 25));
    // "Heeft iemand het nummer van de moeder van Guus? Ik heb 06 … gekregen": someone else's.
    if (lex.NUMBER_OF_OTHER.test(around)) return false;
    // "call me on 06-… or her friend's mum on 06-…": the second number is the mum's.
    if (lex.PERSON_BEFORE_NUMBER.test(text.slice(Math.max(0, m.start - 36), m.start))) return false;
    return lex.OWN_CONTACT.test(around) || lex.ROLE_CONTACT.test(around) || lex.OWN_SUBJECT.test(text.slice(Math.max(0, m.start - 30), m.start));
  };

  const aboutAnimal = sentenceMatches(index, lex.ANIMALS);
  // The characters of a story read in class or at home: their illness or birthday is no one's.
  const inStory = sentenceMatches(index, lex.FICTION);
  // libphonenumber reads only short candidates ("06-12345678", "+31 6 1234 5678"), found by a
  // bounded pattern, so its cost stays linear whatever is pasted.
  // At most MAX_PHONE_CANDIDATES are parsed: more phone-like strings than that is a list or
  // spam, and the first ones already make the finding.
  const candidates = ctx.hasDigit ? findAll(PHONE_CANDIDATE, index.original) : [];
  const publicLetter = candidates.length > 0 && lex.PUBLIC_ADDRESS.test(text);
  // The e-mail addresses, found once: each is weighed below, and a role mailbox among them marks
  // its sentence ("Email info@stuifduin.nl or call 035-6021190": the landline is the office's).
  const emails = ctx.hasAt ? findEmails(text) : [];
  const roleMailboxes = emails.filter((e) => isRoleMailbox(e.text, lex));
  const roleMailboxInSentence = perSentence(index, (s) => anyWithin(roleMailboxes, s));
  for (const candidate of candidates.slice(0, MAX_PHONE_CANDIDATES)) {
    const phone = validPhoneAtStart(candidate.text);
    if (phone) {
      const number = { number: phone.parsed, startsAt: candidate.start, endsAt: candidate.start + phone.length };
      const national = number.number.nationalNumber as string;
      if (lex.SERVICE_NUMBERS.test(national)) continue;
      // People write phone numbers with the trunk 0 or a country code; a bare run of digits
      // ("nummer 123456789") is an id, an amount or an order number.
      if (!/^\(?(?:0|\+|00)/.test(index.original.slice(number.startsAt, number.endsAt))) continue;
      const m = { start: foldedOffset(index, number.startsAt), end: foldedOffset(index, number.endsAt) };
      if (ownNear(m)) continue;
      // A landline in a director's post or a letter to parents is the school's number; a mobile
      // number there can still be a person's.
      if (!national.startsWith('6') && (ctx.role === 'director' || publicLetter || roleMailboxInSentence(m.start))) continue;
      found.push({ span: { start: number.startsAt, end: number.endsAt }, reason: 'phone' });
    }
  }
  // "nul zes – 16 88 23 41": a mobile number with its 06 written out, to slip past filters.
  for (const m of ctx.hasDigit ? findAll(lex.SPELLED_MOBILE, text) : []) if (!ownNear(m)) found.push(evidence(ctx, m, 'phone'));
  for (const m of emails) {
    // A role mailbox (info@, ib@, teamleider.onderbouw@, afwezig@) is not a person's address.
    if (roleMailboxes.includes(m) || ownNear(m)) continue;
    // An address on the school's own domain (a.dekker@hetanker-vsnon.nl) is a work address in a
    // public role, which LABELS.md does not count as personal data.
    if (onSchoolDomain(m.text.slice(m.text.indexOf('@') + 1), ctx)) continue;
    // In the writer's own sign-off ("Met vriendelijke groet, Henk Mulder, docent … h.mulder@aeres.nl").
    if (text.length - m.end <= 80 && lex.SIGN_OFF.test(text.slice(Math.max(0, m.start - 200), m.start))) continue;
    found.push(evidence(ctx, m, 'email'));
  }
  // Whether a sentence names someone (a child's or an adult's first name).
  const namedInSentence = perSentence(index, (s) => anyWithin(ctx.people, s));
  if (ctx.hasDigit) {
    // In a director's post or a letter to parents, an address in the sentence that names the school
    // is the school's or the venue's ("Open avond Vakcollege Heideveld: do 23 januari, Heideweg 12").
    const official = ctx.role === 'director' || lex.PUBLIC_ADDRESS.test(text);
    const schoolInSentence = perSentence(index, (s) => anyWithin(ctx.schoolMentions, s));
    // No name and no person word in the sentence: a newsletter's or an open day's address.
    const someoneInSentence = perSentence(index, (s) => anyWithin(ctx.people, s) || lex.PERSON.test(text.slice(s.start, s.end)));
    // Streets set aside (the writer's, the school's): the postcode right after them goes with them.
    const notSomeones: Match[] = [];
    for (const m of [...findWithWordStart(lex.STREET_SUFFIX, text), ...findAll(lex.STREET, text)]) {
      if ((official && (schoolInSentence(m.start) || !someoneInSentence(m.start))) || ownNear(m)) {
        setAside = true;
        notSomeones.push(m);
      } else found.push(evidence(ctx, m, 'address'));
    }
    for (const m of findAll(lex.POSTCODE, index.original)) {
      const at = { start: foldedOffset(index, m.start), end: foldedOffset(index, m.end) };
      if (notSomeones.some((street) => street.end <= at.start && at.start - street.end <= 4)) continue;
      // "Ons nieuwe adres: Kerkstraat 4, 3811 AB": the writer's own, as with a street.
      if (ownNear(at)) continue;
      found.push({ span: { start: m.start, end: m.end }, reason: 'postcode' });
    }
  }
  const bsnContext = lex.BSN_WORD.test(text);
  for (const m of ctx.hasDigit ? findAll(NINE_DIGITS, text) : []) {
    if ((bsnContext || m.text.includes('.')) && elevenTest(m.text.replace(/\D/g, ''))) found.push(evidence(ctx, m, 'bsn'));
  }
  // Said to be a BSN right before it, a number is one even when it fails the eleven test (a
  // typo, or spaced into groups): the writer meant to share it.
  for (const m of bsnContext ? [...findAll(NINE_DIGITS, text), ...findAll(NINE_DIGITS_SPACED, text)] : []) {
    if (lex.BSN_JUST_BEFORE.test(text.slice(Math.max(0, m.start - 160), m.start)) && !found.some((f) => f.reason === 'bsn')) found.push(evidence(ctx, m, 'bsn'));
  }
  // Nine digits beside a BSN word that the rules ruled out (no eleven test, not said to be the
  // BSN: "Bestelnummer 246 187 305", "123456789 is geen BSN") are not for the model to add back.
  if (bsnContext && !found.some((f) => f.reason === 'bsn') && (findAll(NINE_DIGITS, text).length > 0 || findAll(NINE_DIGITS_SPACED, text).length > 0)) setAside = true;
  // A Belgian national register number: valid check digits, or said to be one.
  for (const m of ctx.hasDigit ? findAll(BELGIAN_NATIONAL_NUMBER, text) : []) {
    if (belgianNationalNumberValid(m.text.replace(/\D/g, '')) || lex.NATIONAL_NUMBER_WORD.test(text)) found.push(evidence(ctx, m, 'national-number'));
  }
  // A birthday with an age (or an explicit date of birth), not the writer's own.
  for (const m of findAll(lex.EXPLICIT_BIRTH, text).slice(0, MAX_AGE_CANDIDATES)) if (!ownSentence(ctx, m.start)) found.push(evidence(ctx, m, 'birthday'));
  const birthday = lex.PRIVACY.birthday.find(ctx.index).length > 0 || lex.PRIVACY.birthdayEmoji.some((e) => text.includes(e));
  // Congratulated, the age is someone else's even in a sentence without a subject ("happy bday!! 15 jaar vandaag").
  const congratulated = birthday && lex.CONGRATULATION.test(text);
  if (birthday) {
    // Not the writer's own birthday, and not a pet's ("Onze hond Pip is vandaag 12 geworden").
    // Decided once per sentence, and at most MAX_AGE_CANDIDATES ages are weighed: more than that
    // is a list, and the first ones already make the finding ("jarig, is 12" × 8,000 cost 60 ms).
    for (const m of findAll(lex.AGE, text).slice(0, MAX_AGE_CANDIDATES)) {
      // "200 jaar oud": a tree or a building, not a person.
      if (Number(/\d+/.exec(m.text)?.[0] ?? 0) > 120) continue;
      // "na 18 jaar weggestuurd", "sinds 12 jaar": a span of time, not an age.
      const leader = wordBefore(ctx.index, m.start);
      if (leader && m.start - leader.end <= 2 && lex.DURATION_LEADERS.has(leader.text)) continue;
      // "werken allebei al 25 jaar in het onderwijs": years of work, not an age.
      if (lex.DURATION_AFTER.test(text.slice(m.end, m.end + 40))) continue;
      if ((congratulated || !ownSentence(ctx, m.start)) && !aboutAnimal(m.start) && !inStory(m.start)) found.push(evidence(ctx, m, 'birthday'));
      else setAside = true;
    }
  }
  // Health of a specific person.
  const curseStarts = new Set(curses.map((c) => c.span.start));
  // Lice go round a class; they are someone's only beside a name in the same sentence.
  const lice = findAll(lex.NAMED_LICE, text).filter((m) => namedInSentence(m.start));
  const health = [...lex.PRIVACY.health.find(ctx.index), ...findWithWordStart(lex.PRIVACY.healthCompounds, text, HEALTH_COMPOUND_PREFIX), ...findAll(lex.INJURY, text), ...lice].sort((a, b) => a.start - b.start);
  // A child's name, a person word or an identifiable pupil anywhere opens the post to health
  // data; an adult's name (Henk, Gerda) only in the health word's own sentence, as adults sign
  // letters and are quoted by name in posts whose health words are about nobody in particular
  // ("Hans Kuiper, directeur" under a note on chickenpox going round).
  // Only a post with a health word pays for the person-word scan of the whole text.
  const anyone = health.length > 0 && (ctx.names.length > 0 || pupilIdentifiable || lex.PERSON.test(text));
  // A pet's operation in a post that names no one ("Onze kat Sjakie is geopereerd"): the rules
  // have weighed it, so the model must not add it back.
  if (health.length && !anyone && ctx.people.length === 0 && health.some((m) => aboutAnimal(m.start))) setAside = true;
  // The writer's own condition in a post that names no one: a fragment in their own story ("Vorig
  // jaar ging het licht uit. Burn-out. Ik had het niet zien aankomen."), or words right before the
  // health word that make it the writer's ("mijn burn-out", "Off sick with tonsillitis"). The rules
  // have weighed it, so the model must not add it back. A whole sentence with the writer in it is
  // not enough: in "Both kids home with chickenpox, so I'm working from the sofa" the illness is the
  // children's. A hashtag ("#burnout") is a topic, whoever it is about.
  else if (health.length && !anyone && ctx.people.length === 0) {
    const told = health.filter((m) => !isHashtag(text, m));
    if (told.length && told.every((m) => inOwnFragment(ctx, m.start) || writersOwnCondition(ctx, m, sentenceOf(index, m.start).start))) setAside = true;
  }
  if (health.length && (anyone || ctx.people.length > 0)) {
    // An animal close before the word, in a sentence that names no one: the animal is the one
    // who is ill ("omdat hun hond ziek was"). Far off, an animal is only a topic ("our son, in
    // year 2 of horse care, … because of his epilepsy").
    let pupilStarts: number[] | undefined;
    const nameAfterWriter = (offset: number, sentenceStart: number) => {
      let writer = -1;
      for (const w of text.slice(sentenceStart, offset).matchAll(lex.WRITER_WORD)) writer = sentenceStart + w.index! + w[0].length;
      if (writer < 0) return false;
      if (ctx.people.some((n) => n.start > writer && n.end <= offset)) return true;
      // A pupil found by what stands around the name rather than by the name list ("trots op Ids
      // uit klas 6, die na een jaar chemo …").
      pupilStarts ??= pupils.map((e) => foldedOffset(index, e.span.start));
      return pupilStarts.some((at) => at > writer && at < offset);
    };
    const petName = (n: { start: number }) => lex.ANIMAL_BEFORE_NAME.test(text.slice(Math.max(0, n.start - 24), n.start));
    const namesNoOne = perSentence(index, (s) => !ctx.people.some((n) => n.start >= s.start && n.end <= s.end && !petName(n)));
    const healthOfAnimal = (offset: number) => aboutAnimal(offset) && namesNoOne(offset) && lex.ANIMALS.test(text.slice(Math.max(0, offset - ANIMAL_REACH), offset + ANIMAL_REACH));
    /** A person named at most 20 characters before the offset, in its sentence and clause. */
    const namedSubjectBefore = (offset: number, sentenceStart: number) => {
      // The people are in text order: look back from the offset only as far as such a name can be.
      for (let i = firstStartIndex(ctx.people, offset) - 1; i >= 0; i--) {
        const n = ctx.people[i]!;
        if (n.start < sentenceStart || offset - n.end > 20) return false;
        if (n.end <= offset && !petName(n) && !/[,.;:!?\n]/.test(text.slice(n.end, offset))) return true;
      }
      return false;
    };
    // As with ages: the first MAX_AGE_CANDIDATES health words decide; a list of thousands adds nothing.
    // Whether the health word is about nobody's own health here: then it is set aside.
    const notSomeonesHealth = (m: Match, spanStart: number): boolean => {
      // A disease curse ("Kanker toch op") is not health data; a word in quotes ('ziek') is irony.
      if (curseStarts.has(spanStart) || quoted(text, m)) return true;
      // A hashtag names a topic ("#burnout #leraren"), not someone's condition, unless the post
      // is about an identifiable child ("trots op mijn mannetje #autisme").
      if (isHashtag(text, m) && !pupilIdentifiable) return true;
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      // About the disease, not a person: "onderzoek naar kinderkanker", "een kind met dyslexie".
      if (lex.ABOUT_THE_DISEASE.test(before) || lex.DISEASE_AS_TOPIC_AFTER.test(text.slice(m.end, m.end + 24))) return true;
      // "Elke week wel een collega ziek": counted or indefinite people, no one named in the sentence.
      const sentenceStart = sentenceOf(index, m.start).start;
      if (lex.NOT_SINGLED_OUT.test(text.slice(Math.max(sentenceStart, m.start - 80), m.start)) && namesNoOne(m.start) && !lex.OWN_PICKED_OUT.test(text.slice(m.end, m.end + 70))) return true;
      // What the news says of a king or a mayor ("the king has a cold") is no private person's.
      // Not when someone is named beside it ("Noah speelde de burgemeester, Yara met haar arm in het gips").
      if (namesNoOne(m.start) && lex.PUBLIC_FIGURE.test(text.slice(sentenceStart > 1 ? sentenceOf(index, sentenceStart - 2).start : sentenceStart, m.start))) return true;
      // Slang praise: "die met de kaneel was echt ziek lekker", "the play was SICK 🔥".
      if (lex.SLANG_AFTER_HEALTH.test(text.slice(m.start, m.end + 16))) return true;
      // A job ("de moeder van Noor is huisarts"), not someone's health.
      if (lex.CARE_JOB.test(text.slice(Math.max(0, m.start - 40), m.end))) return true;
      // The epidemic ("omwille van corona"), not someone's illness ("zit thuis met corona").
      if (lex.EPIDEMIC.test(m.text) && !lex.EPIDEMIC_OF_PERSON.test(text.slice(Math.max(0, m.start - 24), m.start))) return true;
      // A pet's illness ("omdat hun hond ziek was") is nobody's health data; "Jasmijn is van een
      // paard gevallen" still is Jasmijn's.
      if (healthOfAnimal(m.start)) return true;
      if (inStory(m.start)) return true;
      // The writer's own ("mijn zwangerschap", "my burnout", "was ik ziek"), unless a relative
      // follows the word ("mijn zieke moeder").
      if (writersOwnCondition(ctx, m, sentenceStart)) return true;
      if (lex.OWN_BODY_AFTER.test(text.slice(m.end, m.end + 30))) return true;
      // Negated or a taunt ("is niet ziek zoals de ouders denken", "meld je ziek"): no one's condition.
      if (lex.NOT_A_FACT.test(before)) return true;
      // "… lees ik met een groepje, onder wie Tim die dyslexie heeft": a name between the writer's
      // last 'ik' and the word is whom it is about.
      if (nameAfterWriter(m.start, sentenceStart)) return false;
      // "Ingrid heeft griep, dus vandaag sta ik alleen": a name just before the word, in the same
      // clause, is whose health it is, whatever the writer says after it.
      if (namedSubjectBefore(m.start, sentenceStart)) return false;
      return ownSentence(ctx, m.start);
    };
    for (const m of health.slice(0, MAX_AGE_CANDIDATES)) {
      // (When `anyone` is false, every name in `people` is an adult's.)
      if (!anyone && !namedInSentence(m.start)) continue;
      const e = evidence(ctx, m, 'health');
      if (notSomeonesHealth(m, e.span.start)) setAside = true;
      else found.push(e);
    }
  }
  // Grades and family situation of an identifiable pupil.
  if (pupilIdentifiable) {
    for (const m of findAll(lex.GRADE, text)) {
      // "8,9 voor mijn profielwerkstuk", "ik had een 4,2 voor …": the writer's own grade.
      // Not when a classmate is named in the same sentence ("een 4 voor mijn verslag en Daan een 7").
      // The preposition may end the grade's own match ("8,9 voor"): read from the first one in reach.
      const around = text.slice(Math.max(0, m.end - 6), m.end + 16);
      const preposition = around.search(/\s(?:voor|for|op|on)\s/u);
      const ownGrade =
        lex.OWN_GRADE.test(text.slice(m.end, m.end + 16)) ||
        lex.OWN_GRADE.test(preposition >= 0 ? around.slice(preposition) : around) ||
        lex.OWN_GRADE_BEFORE.test(text.slice(Math.max(0, m.start - 32), m.start));
      if (ownGrade && !namedInSentence(m.start)) setAside = true;
      else found.push(evidence(ctx, m, 'grade'));
    }
    for (const m of lex.PRIVACY.family.find(ctx.index)) found.push(evidence(ctx, m, 'family'));
  } else {
    // The family situation of another person, a colleague or a parent ("Collega Sandra gaat
    // scheiden", "haar vader is overleden"): in a sentence with a name or a person, and not
    // the writer's own.
    for (const m of lex.PRIVACY.family.find(ctx.index).slice(0, MAX_AGE_CANDIDATES)) {
      const s = sentenceOf(index, m.start);
      const sentence = text.slice(s.start, s.end);
      const kin = lex.OTHERS_KIN.test(sentence);
      const named = kin || ctx.people.some((n) => n.start >= s.start && n.start < s.end) || lex.PERSON.test(sentence);
      // A death is a family matter when a relative died ("je vader is overleden"), not in history
      // ("Anne Frank is in Bergen-Belsen overleden").
      if (lex.DEATH.test(m.text)) {
        if (!kin) continue;
        // "d'r paard is vannacht overleden": an animal just before the death is the one who died.
        if (lex.ANIMALS.test(text.slice(Math.max(0, m.start - 30), m.start))) {
          setAside = true;
          continue;
        }
      }
      if (named && !ownSentence(ctx, m.start)) found.push(evidence(ctx, m, 'family'));
      else setAside = true;
    }
  }
  // What no rule knows, the learned model may still recognise (model/text-model.ts).
  return found.length || setAside ? found : modelEvidence(ctx, 'personal_data');
}

/**
 * The health word at `m` is the writer's own by what comes right before it ("mijn zwangerschap",
 * "was ik ziek") or by a diary line with no subject ("Off sick with tonsillitis", "Na vier maanden
 * thuis met een burn-out …"), unless a relative follows the word ("mijn zieke moeder").
 */
function writersOwnCondition(ctx: DetectContext, m: Match, sentenceStart: number): boolean {
  const lex = compile();
  const text = ctx.index.folded;
  const byWords = lex.OWN_CONDITION.test(text.slice(Math.max(0, m.start - 32), m.start)) || (m.start - sentenceStart <= 60 && lex.OWN_CONDITION_AT_START.test(text.slice(sentenceStart, m.start)));
  return byWords && !relativeFollows(text, m.end);
}

/** The word after `end` names a relative or colleague ("mijn zieke moeder"): read as "haar moeder". */
function relativeFollows(text: string, end: number): boolean {
  const next = /^[\p{L}-]*\s+(\p{L}+)/u.exec(text.slice(end, end + 40));
  return !!next && compile().OTHERS_KIN.test(`haar ${next[1]}`);
}

/** The sentence is about the writer ("ik ben vandaag 40 geworden", "ik lig met griep"). */
function ownSentence(ctx: DetectContext, offset: number): boolean {
  const lex = compile();
  const s = sentenceOf(ctx.index, offset);
  // Many matches share a sentence: decide once per sentence.
  let cache = ownSentenceCache.get(ctx);
  if (!cache) ownSentenceCache.set(ctx, (cache = new Map()));
  let own = cache.get(s.start);
  if (own === undefined) {
    const sentence = ctx.index.folded.slice(s.start, s.end);
    const ownText = (t: string) => ((lex.OWN_SUBJECT.test(t) || lex.OWN_AGE_ANNOUNCEMENT.test(t)) && !lex.PERSON.test(t)) || lex.OWN_AGE_AT_SENTENCE_START.test(t);
    own = ownText(sentence);
    // "… ging het licht uit. Burn-out. Ik had het niet zien aankomen": a fragment of a few words
    // in the writer's own story belongs to the sentence after it (or before it).
    if (!own && FRAGMENT.test(sentence.trim())) {
      const next = s.end < ctx.index.folded.length ? sentenceOf(ctx.index, Math.min(ctx.index.folded.length - 1, s.end + 2)) : undefined;
      const prev = s.start > 1 ? sentenceOf(ctx.index, s.start - 2) : undefined;
      own = [next, prev].some((n) => !!n && n.start !== s.start && ownText(ctx.index.folded.slice(n.start, n.end)));
    }
    cache.set(s.start, own);
  }
  return own;
}
/** The word at `m` is a hashtag ("#burnout"): a topic, not someone's condition. */
function isHashtag(text: string, m: { start: number }): boolean {
  return text[m.start - 1] === '#';
}
/** The offset lies in a verbless fragment that belongs to the writer's own story (see ownSentence). */
function inOwnFragment(ctx: DetectContext, offset: number): boolean {
  const s = sentenceOf(ctx.index, offset);
  return FRAGMENT.test(ctx.index.folded.slice(s.start, s.end).trim()) && ownSentence(ctx, offset);
}
/** A verbless fragment: at most three words ("Burn-out.", "Weer griep!"). */
const FRAGMENT = /^[\p{L}'-]+(?:\s+[\p{L}'-]+){0,2}\s*[.!?…]*$/u;
const ownSentenceCache = new WeakMap<DetectContext, Map<number, boolean>>();


/** The Dutch BSN 11-test. */
/** The check digits are 97 minus the first nine digits modulo 97; for births from 2000 on, with a 2 before them. */
export function belgianNationalNumberValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const body = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (body % 97) === check || 97 - ((2_000_000_000 + body) % 97) === check;
}

export function elevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && digits !== '000000000';
}
