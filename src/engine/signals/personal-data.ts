import { parsePhoneNumberFromString, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import phoneMetadata from '../../lexicons/phone-metadata.json' with { type: 'json' };
import { PRIVACY } from '../lexicon.ts';
import { findAll, findWithWordStart, foldedOffset, sentenceOf, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';

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

/**
 * The phone number a candidate starts with. libphonenumber decides validity (its parser, not
 * its much larger text matcher); when the whole candidate is not one number ("06-12345678
 * 06-87654321"), shorter prefixes ending at a separator are tried, longest first.
 */
function validPhoneAtStart(candidate: string): { parsed: PhoneNumber; length: number } | undefined {
  const cuts = [candidate.length, ...[...candidate.matchAll(/[\s().\/-]+/g)].map((m) => m.index)].sort((a, b) => b - a);
  for (const cut of cuts) {
    const piece = candidate.slice(0, cut).replace(/[\s().\/-]+$/, '');
    if ((piece.match(/\d/g)?.length ?? 0) < 9) break;
    const parsed = parsePhoneNumberFromString(piece, 'NL', phoneMetadata as unknown as MetadataJson);
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
// Street names end in a street word ("Berkenlaan 7"); findWithWordStart widens to the name.
const STREET_SUFFIX = new RegExp(
  "(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|park|pad|dreef|steeg|plantsoen|veld|ring|baan|wal|erf|weide|haven|boulevard|allee|akker|zijde|straatweg|street|road|avenue|lane)\\s+\\d{1,4}(?:\\s?[a-z])?(?![\\p{L}\\p{N}_])",
  'gu',
);
const STREET = wordRegExp(
  "weg\\s+naar\\s+\\p{L}{2,30}\\s+\\d{1,4}|(?:woont|wonen|huis|adres)\\s+(?:aan|op|in|:)?\\s*(?:de\\s+|het\\s+)?\\p{L}{2,30}(?:\\s+\\p{L}{2,30}){0,2}\\s+\\d{1,4}",
);
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;
const NINE_DIGITS = /(?<![\p{N}.])(\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{2}\.\d{2}\.\d{2}|\d{9})(?![\p{N}])/gu;
const BSN_WORD = wordRegExp('bsn|burgerservicenummer|sofinummer|sofi-nummer|citizen\\s+service\\s+number', 'u');
const AGE = wordRegExp(
  "\\d{1,3}\\s+(?:jaar(?:\\s+geworden)?|geworden|years?\\s+old|jarig|wordt|werd)|vandaag\\s+\\d{1,3}(?:\\s+jaar)?(?![\\p{N}.,:])|(?:alweer|eindelijk|al|nu|finally|turns|turned|wordt|werd|is)\\s+(?:vandaag\\s+|morgen\\s+|today\\s+|tomorrow\\s+)?\\d{1,3}(?![.,:/]\\d)(?!\\d)(?!\\s*(?:min|minuten|uur|euro|km|kilo|keer|weken|dagen|maanden|procent|%))|sweet\\s+16",
);
const EXPLICIT_BIRTH = wordRegExp(
  '(?:geboren|geboortedatum|geb\\.|born|date\\s+of\\s+birth|dob)\\s*(?:op|on|:|last|vorige|afgelopen)?\\s*(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|gisteren|yesterday|vannacht|last\\s+night|vandaag|today|this\\s+morning|vanochtend|vanmorgen|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}\\s+(?:jan|feb|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|augustus|sep|sept|september|okt|oktober|nov|november|dec|december|januari|februari)\\p{L}*(?:\\s+\\d{4})?)',
);
const OWN_CONTACT = wordRegExp(
  "bel\\s+(?:me|mij)|app\\s+(?:me|mij)|mail\\s+(?:me|mij)|sms\\s+(?:me|mij)|call\\s+me|text\\s+me|email\\s+me|mijn\\s+(?:werk)?(?:nummer|mobiel|telefoonnummer|mailadres|e-mailadres|adres)|werkmobiel|werknummer|my\\s+(?:number|phone|email)|bereikbaar\\s+(?:op|via)|reach\\s+me",
  'u',
);
const ANIMALS = wordRegExp('hond|hondje|kat|poes|katje|paard|pony|konijn|cavia|hamster|puppy|kitten|dog|cat|horse|kalf|kalfje|koe|geit|kip|parkiet|vis', 'u');
const OWN_SUBJECT = wordRegExp("ik\\s+(?:ben|word|heb|lig|zit)|i\\s+(?:am|have|turned|got)|i'm|mijn\\s+(?:verjaardag|eigen)|bel\\s+me|app\\s+me|mail\\s+me|mijn\\s+(?:nummer|adres|mail)", 'u');
const PERSON = wordRegExp(
  "hij|zij|hem|zijn|he|she|him|his|her|ze\\s+(?:is|heeft|ligt|zit|mag|kan|wil|was)|(?:mijn|m'n|onze|ons|zijn|haar|my|our)\\s+(?:schoon|stief|groot|buur)?(?:moeder|vader|zoon|neef|nicht|tante|oom|man|vrouw|buurman|buurvrouw|zoon|dochter|broer|zus|zusje|broertje|man|vrouw|partner|oma|opa|moeder|collega|buurvrouw|buurman|vriend|vriendin|mother|father|son|daughter|brother|sister|husband|wife)|(?:onze|ons|de|het|the|our|my)\\s+[\\p{L}]{0,20}(?:docent|docente|leraar|lerares|leerkracht|directeur|juf|meester|conciërge|concierge|mentor|ib'er|teacher|teamleider)|de\\s+huidige|juf\\s+\\p{L}+|meester\\s+\\p{L}+|collega\\s+\\p{L}+|(?:mijn|m'n|onze|our|my)\\s+[\\p{L}]{2,10}-collega",
  'u',
);
const GRADE = wordRegExp(
  "(?:een|a|an)\\s+(?:dikke\\s+|mooie\\s+|vette\\s+|magere\\s+|keurige\\s+)?\\d{1,2}(?:[,.]\\d{1,2})?\\s+(?:voor|gehaald|op|for|gemiddeld|van)|\\d{1,2},\\d{1,2}\\s+(?:voor|gemiddeld|gehaald)|(?:een|an?)\\s+[a-e]\\s+(?:bij|voor|op|for)\\s+(?:de\\s+|het\\s+)?(?:cito|toets|eindtoets|doorstroomtoets|lvs)|cijferlijst|gezakt|geslaagd|doubleren|doubleert|over\\s+(?:moet|moeten)\\s+doen|moet\\s+(?:\\p{L}+\\s+){0,3}over\\s+doen|overdoen|avi\\s+[em]\\d|leesniveau|(?:lees|reken|taal)?achterstand|repeat\\s+the\\s+year|cijferlijst|blijft\\s+zitten|blijven\\s+zitten|zittenblijven|onvoldoende|failed|iq|herexamen|herkansing|resit|retake|\\d{1,2},\\d\\s+gemiddeld|gemiddeld\\s+(?:een\\s+)?\\d{1,2},\\d",
);

export function detectPersonalData(ctx: DetectContext, pupilIdentifiable: boolean, curses: readonly Evidence[] = []): Evidence[] {
  const { index } = ctx;
  const text = index.folded;
  const found: Evidence[] = [];
  // The writer's own contact details: "Bel me gerust: 06-…", "06-… (werkmobiel)".
  const ownNear = (m: { start: number; end: number }) => {
    const s = sentenceOf(index, m.start);
    const around = text.slice(Math.max(0, Math.min(s.start, m.start - 60)), Math.min(text.length, m.end + 25));
    return OWN_CONTACT.test(around) || OWN_SUBJECT.test(text.slice(Math.max(0, m.start - 30), m.start));
  };

  // libphonenumber reads only short candidates ("06-12345678", "+31 6 1234 5678"), found by a
  // bounded pattern, so its cost stays linear whatever is pasted.
  // At most MAX_PHONE_CANDIDATES are parsed: more phone-like strings than that is a list or
  // spam, and the first ones already make the finding.
  const candidates = ctx.hasDigit ? findAll(PHONE_CANDIDATE, index.original) : [];
  for (const candidate of candidates.slice(0, MAX_PHONE_CANDIDATES)) {
    const phone = validPhoneAtStart(candidate.text);
    if (phone) {
      const number = { number: phone.parsed, startsAt: candidate.start, endsAt: candidate.start + phone.length };
      const national = number.number.nationalNumber as string;
      if (/^(?:800|900|906|909|88)/.test(national)) continue; // service and company numbers
      // People write phone numbers with the trunk 0 or a country code; a bare run of digits
      // ("nummer 123456789") is an id, an amount or an order number.
      if (!/^\(?(?:0|\+|00)/.test(index.original.slice(number.startsAt, number.endsAt))) continue;
      const m = { start: foldedOffset(index, number.startsAt), end: foldedOffset(index, number.endsAt) };
      if (ownNear(m)) continue;
      found.push({ span: { start: number.startsAt, end: number.endsAt }, reason: 'phone' });
    }
  }
  for (const m of ctx.hasAt ? findEmails(text) : []) {
    const local = m.text.slice(0, m.text.indexOf('@'));
    // A role mailbox (info@, ib@, teamleider.onderbouw@, afwezig@) is not a person's address.
    const parts = local.replace(/\d+$/, '').split(/[._-]+/);
    if (parts.some((p) => PRIVACY.genericMailboxes.has(p)) || ownNear(m)) continue;
    found.push(evidence(ctx, m, 'email'));
  }
  if (ctx.hasDigit) {
    for (const m of [...findWithWordStart(STREET_SUFFIX, text), ...findAll(STREET, text)]) if (!ownNear(m)) found.push(evidence(ctx, m, 'address'));
    for (const m of findAll(POSTCODE, index.original)) found.push({ span: { start: m.start, end: m.end }, reason: 'postcode' });
  }
  const bsnContext = BSN_WORD.test(text);
  for (const m of ctx.hasDigit ? findAll(NINE_DIGITS, text) : []) {
    if ((bsnContext || m.text.includes('.')) && elevenTest(m.text.replace(/\D/g, ''))) found.push(evidence(ctx, m, 'bsn'));
  }
  // A birthday with an age (or an explicit date of birth), not the writer's own.
  for (const m of findAll(EXPLICIT_BIRTH, text)) if (!ownSentence(ctx, m.start)) found.push(evidence(ctx, m, 'birthday'));
  const birthday = PRIVACY.birthday.find(ctx.index).length > 0 || PRIVACY.birthdayEmoji.some((e) => text.includes(e));
  if (birthday && ctx.hasDigit) {
    // Not the writer's own birthday, and not a pet's ("Onze hond Pip is vandaag 12 geworden").
    for (const m of findAll(AGE, text)) {
      const s = sentenceOf(index, m.start);
      if (!ownSentence(ctx, m.start) && !ANIMALS.test(text.slice(s.start, s.end))) found.push(evidence(ctx, m, 'birthday'));
    }
  }
  // Health of a specific person.
  const curseStarts = new Set(curses.map((c) => c.span.start));
  const health = [...PRIVACY.health.find(ctx.index), ...findWithWordStart(PRIVACY.healthCompounds, text, 2)];
  if (health.length && (PERSON.test(text) || ctx.names.length > 0 || pupilIdentifiable)) {
    for (const m of health) {
      const e = evidence(ctx, m, 'health');
      // A disease curse ("Kanker toch op") is not health data; a word in quotes ('ziek') is irony.
      if (curseStarts.has(e.span.start)) continue;
      if (/['"]$/.test(text.slice(Math.max(0, m.start - 1), m.start)) && /^['"]/.test(text.slice(m.end, m.end + 1))) continue;
      // About the disease, not a person: "onderzoek naar kinderkanker", "strijd tegen kanker".
      if (/(?:onderzoek\s+naar|strijd\s+tegen|research\s+into|fight\s+against|voor|tegen|fonds|kwf)\s+$/.test(text.slice(Math.max(0, m.start - 20), m.start))) continue;
      if (!ownSentence(ctx, m.start)) found.push(e);
    }
  }
  // Grades and family situation of an identifiable pupil.
  if (pupilIdentifiable) {
    for (const m of findAll(GRADE, text)) found.push(evidence(ctx, m, 'grade'));
    for (const m of PRIVACY.family.find(ctx.index)) found.push(evidence(ctx, m, 'family'));
  }
  return found;
}

/** The sentence is about the writer ("ik ben vandaag 40 geworden", "ik lig met griep"). */
function ownSentence(ctx: DetectContext, offset: number): boolean {
  const s = sentenceOf(ctx.index, offset);
  // Many matches share a sentence: decide once per sentence.
  let cache = ownSentenceCache.get(ctx);
  if (!cache) ownSentenceCache.set(ctx, (cache = new Map()));
  let own = cache.get(s.start);
  if (own === undefined) {
    const sentence = ctx.index.folded.slice(s.start, s.end);
    own = OWN_SUBJECT.test(sentence) && !PERSON.test(sentence);
    cache.set(s.start, own);
  }
  return own;
}
const ownSentenceCache = new WeakMap<DetectContext, Map<number, boolean>>();


/** The Dutch BSN 11-test. */
export function elevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && digits !== '000000000';
}
