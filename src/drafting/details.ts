// What else a protocol document says besides its rules: the board and schools it is for, who
// its rules apply to, its own disclaimer wording, the rule options its words imply, its date and
// language. Heuristics over the text, each shown to the reviewer, who can correct them.
import type { Role } from '../engine/types.ts';
import type { RuleId } from '../rules/ids.ts';
import { foldForPatterns, unitSentences } from './map-rules.ts';
import type { Unit } from './segment.ts';

const DUTCH_WORDS = /(?<![\p{L}])(?:de|het|een|en|van|niet|zijn|wordt|worden|medewerkers|leerlingen|dat|met|voor|op)(?![\p{L}])/giu;
const ENGLISH_WORDS = /(?<![\p{L}])(?:the|and|of|not|are|is|staff|pupils|students|that|with|for|on|must|should)(?![\p{L}])/giu;

export function detectLanguage(text: string): 'nl' | 'en' {
  const sample = text.slice(0, 20_000);
  const nl = sample.match(DUTCH_WORDS)?.length ?? 0;
  const en = sample.match(ENGLISH_WORDS)?.length ?? 0;
  return en > nl * 1.5 ? 'en' : 'nl';
}

/** Acronyms that name a law, a level of education or a thing, never a board. */
const NOT_A_NAME = new Set(['AVG', 'GDPR', 'ICT', 'PDF', 'MBO', 'HBO', 'WO', 'VO', 'PO', 'SO', 'VSO', 'HAVO', 'VWO', 'VMBO', 'MAVO', 'MR', 'GMR', 'OR', 'MT', 'CvB', 'RvT', 'NB', 'AP', 'URL', 'WhatsApp', 'LinkedIn', 'TikTok', 'YouTube', 'ID', 'SMS', 'BSN', 'IKC', 'OBS', 'CBS', 'KBS', 'ROC', 'AOC', 'ICT-', 'CEO', 'HR', 'PR', 'FAQ', 'EU', 'NL', 'KNVB', 'COVID', 'WIFI', 'DM', 'DMs', 'BHV']);

// Names stay on one line ([ \t], not \s): a name that runs into the next line is a heading
// followed by its text ("Ommerhout" + "Kindcentrum De Wilgenhof").
const BOARD = /(?<![\p{L}])(?:[Ss]tichting|[Vv]ereniging|[Oo]nderwijsgroep|[Ss]cholengroep|[Ss]choolbestuur|[Ss]cholengemeenschap)[ \t]+(?:voor[ \t]+)?(?:[\p{Lu}\d][\p{L}\d'’&./-]*(?:[ \t]+(?:en|voor|van|de|het)[ \t]+|[ \t]+(?=[\p{Lu}\d]))?){1,5}/gu;
const SCHOOL_WORDS = '(?:MBO|mbo|Praktijkschool|College|Lyceum|Gymnasium|Scholengemeenschap|Basisschool|basisschool|School|school|Mavo|mavo|Academie|Campus|Montessorischool|Daltonschool|Vrije School|vrijeschool|Kindcentrum|ISK|International School)';
const SCHOOL = new RegExp(
  `(?<![\\p{L}])(?:(?:OBS|CBS|KBS|RKBS|PCBS|IKC|SBO|SO|VSO|ROC|AOC|obs|cbs|kbs|ikc|Openbare basisschool|Christelijke basisschool|Basisschool|basisschool)[ \\t]+(?:[\\p{Lu}'’][\\p{L}'’-]*[ \\t]?){1,3}|(?:[\\p{Lu}][\\p{L}'’-]+[ \\t]){1,3}${SCHOOL_WORDS}(?:[ \\t][\\p{Lu}][\\p{L}'’-]+){0,2}|(?:Basisschool|School|Kindcentrum|Praktijkschool|Montessorischool|Daltonschool|Scholengemeenschap|Lyceum|College)[ \\t](?:[\\p{Lu}][\\p{L}'’-]+[ \\t]?){1,3})`,
  'gu',
);
const ACRONYM = /(?<![\p{L}\p{N}])[\p{Lu}][\p{Lu}\d&-]{1,6}(?![\p{L}\p{N}])/gu;
/** Words that start a sentence before a name ("Op Kindcentrum De Hoogakker …"), not part of it. */
const LEADING_ARTICLE = /^(?:(?:De|Het|Een|Onze|Deze|Die|Alle|The|Our|Op|In|Bij|Voor|Naar|Van|Iedere|Ieder|Elke|Elk|Wie|Als|Ook|Dan|Each|Every|At|All)\s+)+/u;
/** Product names that look like school names: the Social Schools parent app. */
const PRODUCTS = /^(?:Social|Sociaal|Sociale)\s+Schools?$/u;

function tally(matches: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const raw of matches) {
    const name = raw.replace(LEADING_ARTICLE, '').replace(/[\s.,;:’'-]+$/u, '').trim();
    if (name.length < 3 || NOT_A_NAME.has(name) || PRODUCTS.test(name) || /^(?:[Ss]chool|[Bb]asisschool)$/u.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
}

export interface Names {
  board: string;
  boardAliases: string[];
  schools: string[];
}

/** The board and schools the text names most, with the names' other spellings as aliases. */
export function findNames(text: string, fileName = ''): Names {
  const boards = tally(text.match(BOARD) ?? []);
  const schools = tally(text.match(SCHOOL) ?? []).filter(([name]) => !/^(?:School|school|De school|Basisschool|basisschool)$/u.test(name) && !/\b(?:de|het|een|deze|onze)\s/u.test(name));
  const acronyms = tally([...text.matchAll(ACRONYM)].map((m) => m[0])).filter(([, n]) => n >= 3);
  let board = boards[0]?.[0] ?? acronyms[0]?.[0] ?? schools[0]?.[0] ?? nameFromFile(fileName) ?? '';
  const aliases = new Set<string>();
  let placedBoard = false;
  if (!boards.length && acronyms[0]?.[0] === board) {
    // "DIS" is Duinwater International School: the school the acronym abbreviates is the name.
    const expanded = schools.find(([name]) => initials(name) === board);
    // "CVO" is written out with its place: "CVO Baarn/Soest".
    const placed = tally(text.match(new RegExp(`(?<![\\p{L}])${board}[ \\t]+[\\p{Lu}][\\p{L}-]+(?:\\/[\\p{Lu}][\\p{L}-]+)?`, 'gu')) ?? []).filter(([, n]) => n >= 2);
    const full = expanded?.[0] ?? placed[0]?.[0];
    placedBoard = !expanded && !!placed[0];
    if (full) {
      aliases.add(board);
      board = full;
    }
  }
  const bare = board.replace(/^(?:[Ss]tichting|[Vv]ereniging)\s+/u, '');
  if (bare !== board) aliases.add(bare);
  for (const [acronym] of acronyms.slice(0, 2)) if (acronym !== board && acronym !== bare) aliases.add(acronym);
  const distinct: string[] = [];
  for (const [name] of schools) {
    // "Zeestroom College" and "Het Zeestroom College" are one school; so is a name inside a longer one.
    if (name === board || distinct.some((d) => d.includes(name) || name.includes(d))) continue;
    distinct.push(name);
  }
  // When the "board" is itself a school (no stichting or acronym of a board), the protocol is that
  // school's own and the school is its name.
  const boardIsSchool = !boards.length && (schools.some(([name]) => name === board) || aliases.size > 0 && !placedBoard);
  const schoolNames = boardIsSchool ? [] : distinct.slice(0, 3);
  board = board.charAt(0).toUpperCase() + board.slice(1);
  return { board, boardAliases: [...aliases].slice(0, 5), schools: schoolNames };
}

function initials(name: string): string {
  return (name.match(/(?<![\p{L}])\p{Lu}/gu) ?? []).join('');
}

function nameFromFile(fileName: string): string | undefined {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/iu, '').replace(/[-_]+/gu, ' ').replace(/\b(?:protocol|sociale?|social|media|def|definitief|versie|v\d+)\b/giu, '').trim();
  return base.length >= 3 ? base.replace(/(?<![\p{L}])\p{Ll}/gu, (c) => c.toUpperCase()) : undefined;
}

const ROLE_WORDS: Record<Exclude<Role, 'director'>, RegExp> = {
  employee: /(?<![\p{L}])(?:medewerker|medewerkers|personeel|personeelsleden|leerkracht|leerkrachten|docent|docenten|leraren|leraar|werknemers|staff|employees|teachers)(?![\p{L}])/iu,
  pupil: /(?<![\p{L}])(?:leerling|leerlingen|studenten|student|cursisten|pupils?|students?)(?![\p{L}])/iu,
  parent: /(?<![\p{L}])(?:ouder|ouders|verzorgers|ouders\/verzorgers|parents?|guardians?)(?![\p{L}])/iu,
};
const SCOPE = /(?:geldt voor|gelden voor|van toepassing op|bedoeld voor|richtlijn(?:en)? voor|doelgroep|is voor|applies to|apply to|intended for|voor alle gebruikers|voor medewerkers|voor leerlingen|voor ouders)/iu;

/** Who the protocol's rules are for: the people its scope sentences and headings name. */
export function findAudience(units: Unit[], headings: string[], language: 'nl' | 'en' = 'nl'): Role[] {
  const scopeText = [
    ...headings.filter((h) => SCOPE.test(h) || /^(?:[A-Z]\.\s+)?voor\s/iu.test(h)),
    ...units.flatMap((u) => unitSentences(u, language).filter((s) => SCOPE.test(s.text)).map((s) => s.text)),
  ].join(' ');
  const text = scopeText || units.map((u) => u.text).join(' ');
  const roles = (Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[]).filter((role) => ROLE_WORDS[role].test(text));
  return roles.length ? roles : ['employee'];
}

/** Roles a single rule's quote names, for rules a protocol limits ("medewerkers en leerlingen"). */
export function rolesIn(quote: string): Role[] {
  return (Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[]).filter((role) => ROLE_WORDS[role].test(quote));
}

const QUOTED = /["“„”'‘]([^"“”„]{12,600}?)["”“'’](?=[\s.,;:)]|$)/gu;
const DISCLAIMER_WORDS = /(?:mening|titel|standpunt|namens|opinion|views|behalf|capacity)/iu;

/** The disclaimer wording a protocol prescribes: a quoted sentence about one's own opinion in or
 * next to the article of the disclaimer rule. */
export function findDisclaimer(units: Unit[], article: string | undefined): { article: string; text: string } | undefined {
  const index = units.findIndex((u) => u.number === article);
  const around = index < 0 ? units : units.slice(Math.max(0, index - 1), index + 2);
  for (const unit of [...(index >= 0 ? [units[index]!] : []), ...around]) {
    for (const m of unit.text.matchAll(QUOTED)) {
      const text = m[1]!.trim();
      if (DISCLAIMER_WORDS.test(text)) return { article: unit.number, text };
    }
  }
  return undefined;
}

/** A short form for X (at most 80 characters). */
export function shortDisclaimer(text: string, board: string, language: 'nl' | 'en'): string {
  if (text.length <= 80) return text;
  const candidates =
    language === 'en'
      ? [`Personal views; not those of ${board}.`, 'My personal views, not my school’s.']
      : [`Op persoonlijke titel; mijn eigen mening, niet die van ${board}.`, `Op persoonlijke titel, niet namens ${board}.`, 'Op persoonlijke titel; mijn eigen mening.'];
  return candidates.find((c) => board && c.length <= 80) ?? candidates[candidates.length - 1]!;
}

/** A disclaimer in our words when the protocol asks for one without giving its wording. */
export function ownDisclaimer(board: string, language: 'nl' | 'en'): string {
  const who = board || (language === 'en' ? 'my school' : 'mijn school');
  return language === 'en'
    ? `I write this in a personal capacity; these are my own views, not those of ${who}.`
    : `Dit bericht schrijf ik op persoonlijke titel; het is mijn eigen mening en niet het standpunt van ${who}.`;
}

export interface OptionsFound {
  options?: Record<string, unknown>;
  roles?: Role[];
  /** The reviewer's explanation of each option: the words that set it. */
  why: string[];
}

const NO_RECOGNISABLE = /(?:geen (?:foto|beeld|film|video|opname)\w*.{0,60}herkenba|niet herkenbaar|geen herkenbare|onherkenbaar|no (?:recognisable|recognizable|identifiable)|not (?:be )?(?:recognisable|recognizable|identifiable))/u;
const CONDITIONS = /(?:voorwaarden|voldoen aan|conditions|criteria)/u;
const JOB_TITLE = /(?:functie|job title|position|role at)/u;
const DISCUSSION = /(?:discussie|discussion|reageren|reageert|reactie|respond|debate)/u;

/** The options a rule's article implies, for the rules that have options. */
export function findOptions(ruleId: RuleId, quote: string, unit: Unit | undefined, items: Unit[]): OptionsFound {
  const folded = foldForPatterns(`${unit?.text ?? quote}`);
  const quoteFolded = foldForPatterns(quote);
  if (ruleId === 'media-consent') {
    if (NO_RECOGNISABLE.test(folded)) return { options: { policy: 'no-recognisable-people' }, why: [`“${NO_RECOGNISABLE.exec(folded)![0]}”: geen herkenbare personen / no recognisable people`] };
    if (CONDITIONS.test(folded) && items.length >= 2) {
      return {
        options: { policy: 'conditions', checklist: items.map((item) => ({ nl: item.text, en: `${item.text} (protocol ${item.number})` })) },
        why: [`“${CONDITIONS.exec(folded)![0]}” + ${items.length} items: voorwaarden / conditions`],
      };
    }
    return { options: { policy: 'consent' }, why: ['toestemming / consent'] };
  }
  if (ruleId === 'missing-affiliation') {
    const options: Record<string, unknown> = {};
    const why: string[] = [];
    if (JOB_TITLE.test(quoteFolded)) {
      options.requireJobTitle = true;
      why.push(`“${JOB_TITLE.exec(quoteFolded)![0]}”: ook de functie / the job title too`);
    }
    if (DISCUSSION.test(quoteFolded)) {
      options.discussionOnly = true;
      why.push(`“${DISCUSSION.exec(quoteFolded)![0]}”: in een discussie / in a discussion`);
    }
    return { ...(Object.keys(options).length ? { options } : {}), why };
  }
  if (ruleId === 'lesson-time') {
    const roles = rolesIn(quote).filter((r) => r !== 'parent');
    return roles.length ? { roles, why: [`geldt voor / applies to: ${roles.join(', ')}`] } : { why: [] };
  }
  return { why: [] };
}

const MONTHS = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october)';
const DATE = new RegExp(`(?<![\\p{L}\\d])(?:\\d{1,2}\\s+${MONTHS}\\s+\\d{4}|${MONTHS}\\s+\\d{4}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|(?:schooljaar|school year)\\s+\\d{4}\\s*[-–/]\\s*\\d{2,4})`, 'iu');

export function findDate(text: string, language: 'nl' | 'en'): string {
  return DATE.exec(text)?.[0] ?? (language === 'en' ? 'undated' : 'zonder datum');
}
