import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { regex, wordSet } from '../lexicon-records.ts';
import { findAll, type Match } from '../text/find.ts';
import { foldText } from '../text/fold.ts';
import { escapeRegExp } from '../text/patterns.ts';
import { wordAt, wordBefore } from '../text/sorted-search.ts';
import type { TextIndex } from '../text/text-index.ts';

// Finding the school and its board in a draft. The name may appear in any case, with or
// without diacritics, as #hashtag or @handle ("#aeresede", "@CVOBaarnSoest"). Some matches
// are not the school: an alias that is an ordinary word ("het hele spectrum"), a person with
// the school's name ("Kurt Waldheim"), or another institution ("Aeres Hogeschool in Dronten",
// "de vrijeschool in Deventer").

interface Variant {
  folded: string;
  squashed: string;
  /** Ordinary words and short acronyms must be written with a capital to count. */
  needsCapital: boolean;
  acronym: boolean;
  /** A first name ("Michaël") or a place that is also in the name ("Velp" of "Aeres MBO Velp"). */
  ambiguous: boolean;
  /** The full name or a form of it ("OBS Het Spectrum", "Het Spectrum"), not a short alias. */
  fullName: boolean;
  /** Made of school types or ordinary words ("de vrijeschool", "Brug"): "… in Deventer" may be another school. */
  generic: boolean;
  /** One word after its article ("Toekomst", "De Egel"). */
  single: boolean;
}


/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ school: { locatingWords, monthsAndDays, nameArticles, nameTypePrefix, schoolPrepositions, schoolTypeEnd, schoolTypes } }) => {
  return {
    FIRST_NAMES: lexicon().FIRST_NAMES,
    SCHOOL: lexicon().SCHOOL,
    ARTICLE: regex(nameArticles),
    SCHOOL_TYPES: regex(schoolTypes),
    SCHOOL_TYPE_END: regex(schoolTypeEnd),
    TYPE_WORDS: regex(nameTypePrefix),
    SCHOOL_PREPOSITIONS: wordSet(schoolPrepositions),
    MONTHS_AND_DAYS: wordSet(monthsAndDays),
    LOCATING_WORDS: wordSet(locatingWords),
  };
});

const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

function variantsOf(names: readonly string[]): Variant[] {
  const lex = compile();
  const out = new Map<string, Variant>();
  const fullNameWords = names[0] ? foldText(names[0]).folded.split(/\s+/) : [];
  const add = (raw: string) => {
    const folded = foldText(raw.trim()).folded.replace(/\s+/g, ' ');
    // A name needs letters or digits: "---" or "!!" would match (almost) anything.
    if (folded.length < 2 || out.has(folded) || squash(folded).length < 2) return;
    // "De Brug", "Het Kompas": an article plus an ordinary word counts like the word alone.
    const core = folded.replace(lex.ARTICLE, '');
    const single = !/[\s-]/.test(core);
    const acronym = single && raw.trim().length <= 4 && raw.trim() === raw.trim().toUpperCase();
    // A place after a school type in the name ("Aeres MBO Velp" -> "Velp") is also just the town.
    const at = fullNameWords.indexOf(core);
    const place = at > 0 && lex.SCHOOL_TYPES.test(fullNameWords[at - 1] ?? '');
    const ambiguous = single && (lex.FIRST_NAMES.has(core) || place);
    const needsCapital = acronym || (single && lex.SCHOOL.commonWordNames.has(core));
    const generic = needsCapital || core.split(/[\s-]+/).every((w) => lex.SCHOOL_TYPES.test(w));
    out.set(folded, { folded, squashed: squash(folded), needsCapital, acronym, ambiguous, fullName, generic, single });
  };
  let fullName = true;
  for (const [i, name] of names.entries()) {
    fullName = i === 0;
    add(name);
    // English posts write "the vrijeschool" for the alias "de vrijeschool".
    const folded = foldText(name).folded;
    if (lex.ARTICLE.test(folded) && !lex.SCHOOL.commonWordNames.has(folded.replace(lex.ARTICLE, ''))) add(folded.replace(lex.ARTICLE, 'the '));
    // "Vrijeschool in Meppel" for "Vrijeschool Meppel".
    const words = name.trim().split(/\s+/);
    if (words.length === 2) {
      add(`${words[0]} in ${words[1]}`);
      add(`${words[0]} te ${words[1]}`);
    }
    // "Mbo Trekpaard" for alias Trekpaard of "Mbo Trekpaard Dronten": the school type that
    // stands before the alias in the full name makes it the school, where the alias alone
    // (read as the town after a type, as in "Aeres MBO Velp") would need "op" or "bij".
    const alias = folded.trim();
    const aliasAt = i > 0 ? fullNameWords.indexOf(alias) : -1;
    if (aliasAt > 0 && lex.SCHOOL_TYPES.test(fullNameWords[aliasAt - 1] ?? '')) add(`${fullNameWords[aliasAt - 1]} ${alias}`);
    const stripped = foldText(name).folded.replace(lex.TYPE_WORDS, '');
    if (stripped !== foldText(name).folded && /[\s-]/.test(stripped)) add(stripped);
    // Dutch glues "school" to a school's name: "de Sint-Jozefschool", "de Lindeschool" for
    // "Sint-Jozef" and "De Linde". Not for acronyms ("OBS") or names that already hold a type.
    const core = folded.trim().replace(lex.ARTICLE, '');
    const isAcronym = name.trim().length <= 4 && name.trim() === name.trim().toUpperCase();
    if (core.length >= 3 && !/\s/.test(core) && !isAcronym && !core.split('-').some((w) => lex.SCHOOL_TYPES.test(w)) && !core.endsWith('school')) add(`${core}school`);
  }
  return [...out.values()];
}

function variantRegExp(variants: readonly Variant[]): RegExp | undefined {
  if (!variants.length) return undefined;
  const body = variants
    .map((v) => v.folded)
    .sort((a, b) => b.length - a.length)
    .map((v) => escapeRegExp(v).replace(/\\\//g, '\\s?/\\s?').replace(/ /g, '\\s+').replace(/-/g, '[-\\s]?'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_#@])(?:${body})(?![\\p{L}\\p{N}_])`, 'gu');
}

/** A mention of the school. */
export interface Mention extends Match {
  /** A one-word alias in lower case, read as the school only for the preposition before it ("op de egel"). */
  lowerCase?: boolean;
}

export interface MentionFinder {
  find(index: TextIndex): Mention[];
}

export function mentionFinder(names: readonly string[], context: { nameWords: ReadonlySet<string> }): MentionFinder {
  const lex = compile();
  const variants = variantsOf(names);
  const re = variantRegExp(variants);
  const byFolded = new Map(variants.map((v) => [v.folded.replace(/[\s-]+/g, ' '), v]));
  const squashedNames = variants.map((v) => v.squashed).filter((s) => s.length >= 3);
  return {
    find(index) {
      const found: Mention[] = [];
      if (re) {
        for (const m of findAll(re, index.folded)) {
          const variant = byFolded.get(m.text.replace(/[\s-]+/g, ' ').replace(/\s?\/\s?/g, '/'));
          const original = index.original.slice(index.map[m.start], m.end >= index.folded.length ? undefined : index.map[m.end]);
          if (variant?.acronym && original !== original.toUpperCase()) continue;
          // The name without its article: where the capital that counts must be.
          const nameWord = original.replace(/^(?:de|het|the)\s+/i, '');
          // An alias of one word written all in lower case, with no preposition that makes it a
          // place ("op de klimop", "naar hofstede"), is the ordinary word ("de toekomst van het
          // onderwijs", "een egel in de tuin"). In a handle or an address it keeps no capitals
          // ("@timo.schouw", "info@vbs-lutgardis.be"). The article's capital is the sentence's,
          // not the name's: "De windwijzer op de kerktoren", "Het zandpad langs de rivier".
          const lowerCase = !!variant?.single && !/\p{Lu}/u.test(nameWord) && !insideHandleOrAddress(index.folded, m);
          if (lowerCase && !schoolPreposition(index, m)) continue;
          // The capital goes on the word itself: "De Brug" or "de Brug", not "de brug".
          if (variant?.needsCapital && !/^\p{Lu}/u.test(nameWord)) continue;
          // With its article ("De Linde", "Het Kompas") a name is the school's, not a person's or
          // an ordinary word's; without it, an ordinary word that starts a sentence carries its
          // capital for that reason alone ("Kompas kwijt in de bossen", "Horizon verbreden").
          const articled = lex.ARTICLE.test(m.text) && /^\p{Lu}/u.test(nameWord);
          if (variant?.needsCapital && !variant.acronym && !articled && sentenceStart(index, m)) continue;
          if (variant?.ambiguous && !articled && !schoolPreposition(index, m)) continue;
          // "OBS Het Spectrum in Haarlem" and "Het Valkhof in Roden" locate the school; "de vrijeschool
          // in Deventer" is another one.
          if (isPersonName(index, m, context.nameWords) || isOtherInstitution(index, m, context.nameWords, !variant?.fullName && !!variant?.generic)) continue;
          // A school type in lower case ("at the vrijeschool") is still a school.
          found.push(lowerCase && !variant?.generic ? { ...m, lowerCase } : m);
        }
      }
      // #hashtags and @handles: the name squashed together, possibly with more of the
      // school's own name words ("#aeresmbo" for alias Aeres of "Aeres MBO Ede").
      const tags = index.folded.includes('#') || index.folded.includes('@') ? findAll(/[#@][\p{L}\p{N}_]{2,60}/gu, index.folded) : [];
      // Decided once per distinct tag: a pasted list repeats the same tag thousands of times.
      const isSchoolTag = new Map<string, boolean>();
      for (const tag of tags) {
        const key = tag.text.slice(1);
        let school = isSchoolTag.get(key);
        if (school === undefined) {
          const squashed = squash(key);
          // "#teamwingerd", "#teamaeresemmeloord": the school's team, as staff tag their posts.
          const bodies = squashed.startsWith('team') && squashed.length > 6 ? [squashed, squashed.slice(4)] : [squashed];
          school = bodies.some((body) => squashedNames.some((n) => body === n || (body.startsWith(n) && isMadeOfNameWords(body.slice(n.length), context.nameWords))));
          isSchoolTag.set(key, school);
        }
        if (school) found.push(tag);
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

function sentenceStart(index: TextIndex, m: Match): boolean {
  return /(?:^|[.!?\n:])[\s"'(]*$/.test(index.folded.slice(Math.max(0, m.start - 4), m.start));
}

/** A first name or a place used as the school's name needs "op/bij/naar … X" to read as the school. */
function schoolPreposition(index: TextIndex, m: Match): boolean {
  const lex = compile();
  // "Docent veehouderij @ Akkerland": an at sign with a blank is a workplace in a bio or a
  // signature, not a handle (a handle has no blank).
  if (/@\s$/.test(index.folded.slice(Math.max(0, m.start - 2), m.start))) return true;
  let prev = wordBefore(index, m.start);
  if (!prev || m.start - prev.end > 2) return false;
  // "op de Christoffel", "van de Morgenster": the preposition may stand before an article.
  if (ARTICLES.has(prev.text)) {
    const before = wordBefore(index, prev.start);
    if (before && prev.start - before.end <= 2) prev = before;
  }
  return lex.SCHOOL_PREPOSITIONS.has(prev.text);
}

const ARTICLES = new Set(['de', 'het', 'the']);

/** The match is glued to an address, a handle or a link by a dot, hyphen, @ or slash. */
function insideHandleOrAddress(folded: string, m: Match): boolean {
  return /[.\-_@/]$/.test(folded.slice(Math.max(0, m.start - 1), m.start)) || /^[.\-_@/][\p{L}\p{N}]/u.test(folded.slice(m.end, m.end + 2));
}

/** Can `rest` be cut into words of the school's name? (dynamic programming: linear, not exponential) */
function isMadeOfNameWords(rest: string, nameWords: ReadonlySet<string>): boolean {
  const reachable = new Uint8Array(rest.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < rest.length; i++) {
    if (!reachable[i]) continue;
    for (const word of nameWords) if (word && rest.startsWith(word, i)) reachable[i + word.length] = 1;
  }
  return reachable[rest.length] === 1;
}

/**
 * Not the school: "Kurt Waldheim" (a capitalised first name right before it, mid-sentence),
 * "Oom Willibrord", "Sint Willibrord", "het stadje Waldheim", "uitgeverij Het Spectrum".
 */
const SURNAME_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'von']);

function isPersonName(index: TextIndex, m: Match, nameWords: ReadonlySet<string>): boolean {
  const lex = compile();
  const i = wordAt(index, m.start) - 1;
  const prev = index.words[i];
  if (!prev || m.start - prev.end > 1) return false;
  // "Jacob van Maerlant", "Anna de Linde": a first name and a particle make it a surname.
  if (SURNAME_PARTICLES.has(prev.text) && i > 0) {
    const name = index.words[i - 1]!;
    const original = index.original.slice(index.map[name.start], index.map[name.end]);
    if (prev.start - name.end <= 1 && /^\p{Lu}\p{Ll}+$/u.test(original) && lex.FIRST_NAMES.has(name.text)) return true;
  }
  if (lex.SCHOOL.notTheSchoolBefore.has(prev.text)) return true;
  if (lex.MONTHS_AND_DAYS.has(prev.text)) return false;
  // "at Het Wolvilt", "op De Klankschaal": a capitalised article is the name's own, not a first
  // name; "uitgeverij Het Spectrum", "zorgcentrum De Berkenhof" are still someone else's.
  if (ARTICLES.has(prev.text)) {
    const before = index.words[i - 1];
    return !!before && prev.start - before.end <= 1 && lex.SCHOOL.notTheSchoolBefore.has(before.text);
  }
  const prevOriginal = index.original.slice(index.map[prev.start], index.map[prev.end]);
  if (!/^\p{Lu}\p{Ll}+$/u.test(prevOriginal)) return false;
  // "Nutsschool Zorvliet" for "Nutsschool Zorgvliet": a word of the school's own name or a
  // school type ("…school") before it is the name written out, not a first name.
  if ((nameWords.has(prev.text) && !ARTICLES.has(prev.text)) || lex.SCHOOL_TYPE_END.test(prev.text)) return false;
  if (lex.FIRST_NAMES.has(prev.text)) return true;
  // Mid-sentence capitalised word that is not a known first name: still a name unless the
  // sentence starts there.
  const before = index.folded.slice(Math.max(0, prev.start - 3), prev.start);
  const sentenceStart = prev.start === 0 || /[.!?\n:—–-]\s*$/.test(before) || /^\s*$/.test(index.folded.slice(0, prev.start));
  return !sentenceStart && !lex.SCHOOL.institutions.has(prev.text) && !lex.LOCATING_WORDS.has(prev.text);
}

/** "Aeres Hogeschool", "de vrijeschool in Deventer": another institution or another place. */
function isOtherInstitution(index: TextIndex, m: Match, nameWords: ReadonlySet<string>, checkPlace: boolean): boolean {
  const lex = compile();
  const i = wordAt(index, m.end);
  const next = index.words[i];
  if (!next || next.start - m.end > 2) return false;
  if (lex.SCHOOL.institutions.has(next.text) && !nameWords.has(next.text)) return true;
  if (checkPlace && (next.text === 'in' || next.text === 'te')) {
    const place = index.words[i + 1];
    if (!place) return false;
    const placeOriginal = index.original.slice(index.map[place.start], index.map[place.end]);
    return /^\p{Lu}/u.test(placeOriginal) && !nameWords.has(place.text);
  }
  return false;
}

/** Lower-case words of the school's name and aliases, for hashtag and place checks. */
export function nameWordsOf(names: readonly string[]): Set<string> {
  compile();
  const words = new Set<string>();
  for (const name of names) for (const w of foldText(name).folded.split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  return words;
}
