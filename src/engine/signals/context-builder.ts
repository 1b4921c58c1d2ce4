import type { CheckConfig } from '../config.ts';
import { FIRST_NAMES, SCHOOL } from '../lexicon.ts';
import { findAll, indexText, wordRegExp, type Match } from '../text.ts';
import type { DetectContext } from './context.ts';
import { mentionFinder, nameWordsOf, type MentionFinder } from './mentions.ts';

// Builds the shared DetectContext: the school and board mentions, class codes, names and
// handles that several detectors need.

const CLASS_CODE = wordRegExp(
  [
    '(?:groep|gr\\.?)\\s?[1-8][a-h]?(?:\\s?[/&-]\\s?[1-8])?',
    'groep\\s(?:een|twee|drie|vier|vijf|zes|zeven|acht)',
    'klas\\s[1-6][a-h]?(?:\\s?[/&-]\\s?[1-6])?',
    '(?:class|group|grade)\\s(?:[1-8][a-h]?)',
    'year\\s(?:1[0-3]|[1-9])s?',
    // "4 havo", "3 vmbo-t", but not "1 op de 5 vmbo-leerlingen".
    '(?<!op\\s{1,3}de\\s{1,3})[1-6]\\s?(?:havo|vwo|mavo|vmbo|atheneum|gymnasium)(?:-(?:t|kb|bb|gl|tl|vwo|havo))?(?![-\\p{L}])',
    '(?:havo|vwo|mavo|vmbo)[\\s-]?[1-6]',
    '[1-6]e\\s?(?:klas|jaars|klassers?)',
    '[1-6]e-jaars',
    '(?:eerste|tweede|derde|vierde|vijfde|zesde)(?:klassers?|jaars|jaarsstudenten)',
    '(?:eerste|tweede|derde|vierde|vijfde|zesde)\\s(?:klas|klassers?)',
    "(?<=[\\s(]|^)vwo'?ers",
    'niveau\\s[1-4]',
    '(?<=(?:uit|van|in|from|of|klas|class|mentor van|groep|to|for|aan|voor|met|with|tegen|against|heel|hele|whole)\\s)[1-8][a-h]',
    '\\([1-8][a-h]\\)',
    'brugklas(?:sers?)?',
    'kleuterklas',
  ].join('|'),
);

// A shared link: only whether there is one matters, so match its cheapest certain part.
const URL = /(?:https?:\/\/|www\.)\S|\.(?:nl|com|org|net|eu|be|de|uk|io)\/\S/u;
const FIRST_PERSON = wordRegExp("ik|mij|me|mijn|m'n|mn|we|wij|ons|onze|i|i'm|my|our|us|mezelf|myself", 'u');

const finders = new WeakMap<CheckConfig, { school: MentionFinder; board: MentionFinder }>();

function findersFor(config: CheckConfig) {
  let cached = finders.get(config);
  if (!cached) {
    const schoolNames = [config.school.name, ...config.school.aliases];
    // The general protocol has no board: its employer is the school the user names.
    const boardNames = [config.protocol.board, ...config.protocol.boardAliases].filter((name) => name.trim() !== '');
    const nameWords = nameWordsOf([...schoolNames, ...boardNames]);
    cached = { school: mentionFinder(schoolNames, { nameWords }), board: mentionFinder(boardNames, { nameWords }) };
    finders.set(config, cached);
  }
  return cached;
}

export function buildContext(text: string, config: CheckConfig): DetectContext {
  const index = indexText(text);
  const { school, board } = findersFor(config);
  const schoolMentions = school.find(index);
  // Both lists are sorted by position: a board mention inside a school mention ("CVO" in a
  // school alias) is dropped with one sweep instead of comparing every pair.
  const boardMentions: Match[] = [];
  let s = 0;
  for (const b of board.find(index)) {
    while (s < schoolMentions.length && schoolMentions[s]!.end <= b.start) s++;
    const overlapping = s < schoolMentions.length && schoolMentions[s]!.start < b.end;
    if (!overlapping) boardMentions.push(b);
  }
  const mentionStarts = new Set([...schoolMentions, ...boardMentions].map((m) => m.start));
  const names: Match[] = [];
  for (const word of index.words) {
    if (!FIRST_NAMES.has(word.text)) continue;
    const original = index.original.slice(index.map[word.start], index.map[word.end]);
    if (/^\p{Lu}/u.test(original)) names.push({ start: word.start, end: word.end, text: word.text });
  }
  const hasAt = index.folded.includes('@');
  const handles = (hasAt ? findAll(/(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,30}/gu, index.folded) : []).filter((h) => !mentionStarts.has(h.start));
  return {
    index,
    config,
    role: config.role,
    staff: config.role === 'employee' || config.role === 'director',
    schoolMentions,
    boardMentions,
    classCodes: findAll(CLASS_CODE, index.folded),
    idioms: SCHOOL.idioms.find(index),
    names,
    handles,
    hasUrl: index.folded.includes('.') && URL.test(index.folded),
    hasDigit: /\d/.test(index.folded),
    hasAt,
    firstPerson: FIRST_PERSON.test(index.folded),
  };
}
