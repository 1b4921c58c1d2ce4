import type { CheckConfig } from '../config.ts';
import { textModel, type ModelLabel, type ModelVerdict } from '../model/text-model.ts';
import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex } from '../lexicon-records.ts';
import { findAll, type Match } from '../text/find.ts';
import { indexText } from '../text/text-index.ts';
import { inside, type DetectContext } from './context.ts';
import { mentionFinder, nameWordsOf, type MentionFinder } from './mentions.ts';

// Builds the shared DetectContext: the school and board mentions, class codes, names and
// handles that several detectors need.


/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ school: { classCode }, pupils: { diminutiveName } }) => {
  return {
    FIRST_NAMES: lexicon().FIRST_NAMES,
    ADULT_NAMES: lexicon().ADULT_NAMES,
    DIMINUTIVE: regex(diminutiveName),
    SCHOOL: lexicon().SCHOOL,
    CLASS_CODE: pattern(classCode),
  };
});

/**
 * The first names that decide, per draft. The labelled posts have at most 19; a pasted roster of
 * thousands ('Emma Emma …', 100 KB) adds nothing after these, but every detector would weigh
 * each of them (50 ms instead of 20 for such a paste).
 */
const MAX_NAMES = 200;

// A shared link: only whether there is one matters, so match its cheapest certain part.
const URL = /(?:https?:\/\/|www\.)\S|\.(?:nl|com|org|net|eu|be|de|uk|io)\/\S/u;
// Building a school's name matchers costs more than checking a tweet, and batch callers (the
// CLI, an archive audit) make a new config object per post: so they are kept by the names
// themselves, not by the config object. A few schools at most are in use at once.
// The map is per engine data: other data installed means other matchers.
const findersCache = fromEngineData(() => new Map<string, { school: MentionFinder; board: MentionFinder }>());
const MAX_FINDERS = 16;

function findersFor(config: CheckConfig) {
  const schoolNames = [config.school.name, ...config.school.aliases];
  // The general protocol has no board: its employer is the school the user names.
  const boardNames = [config.protocol.board, ...config.protocol.boardAliases].filter((name) => name.trim() !== '');
  const key = JSON.stringify([schoolNames, boardNames]);
  const finders = findersCache();
  let cached = finders.get(key);
  if (!cached) {
    const nameWords = nameWordsOf([...schoolNames, ...boardNames]);
    cached = { school: mentionFinder(schoolNames, { nameWords }), board: mentionFinder(boardNames, { nameWords }) };
    if (finders.size >= MAX_FINDERS) finders.delete(finders.keys().next().value!);
    finders.set(key, cached);
  }
  return cached;
}

export function buildContext(text: string, config: CheckConfig): DetectContext {
  const lex = compile();
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
  const mentions = [...schoolMentions, ...boardMentions].sort((a, b) => a.start - b.start);
  const mentionStarts = new Set(mentions.map((m) => m.start));
  const names: Match[] = [];
  const people: Match[] = [];
  const isName = (word: string) => lex.FIRST_NAMES.has(word) || lex.ADULT_NAMES.has(word);
  for (const w of index.words) {
    if (people.length >= MAX_NAMES) break;
    // "Sophie's moeder": the name without its possessive.
    const word = w.text.endsWith("'s") && isName(w.text.slice(0, -2)) ? { start: w.start, end: w.end - 2, text: w.text.slice(0, -2) } : w;
    const adult = lex.ADULT_NAMES.has(word.text);
    if (!adult && !lex.FIRST_NAMES.has(word.text) && !isDiminutiveName(word.text, lex)) continue;
    const original = index.original.slice(index.map[word.start], index.map[word.end]);
    // "Ben" but not "BEN" (shouting) nor the name of the school ("De Linde").
    if (!/^\p{Lu}\p{Ll}/u.test(original) || inside(word, mentions)) continue;
    const name = { start: word.start, end: word.end, text: word.text };
    people.push(name);
    if (!adult) names.push(name);
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
    classCodes: findAll(lex.CLASS_CODE, index.folded),
    idioms: lex.SCHOOL.idioms.find(index),
    names,
    people,
    handles,
    hasUrl: index.folded.includes('.') && URL.test(index.folded),
    hasDigit: /\d/.test(index.folded),
    hasAt,
    model: lazyModel(index.folded),
  };
}

/** "Saartje", "Lotje": a diminutive whose stem is a first name (Saar, Lot). */
function isDiminutiveName(word: string, lex: ReturnType<typeof compile>): boolean {
  // Every split with a stem of three letters or more and a diminutive ending ("Piet|je", not "Pie|tje").
  for (let k = word.length - 2; k >= 3 && k >= word.length - 4; k--) {
    if (lex.DIMINUTIVE.test(word.slice(k)) && lex.FIRST_NAMES.has(word.slice(0, k))) return true;
  }
  return false;
}

/** The learned model reads the text only when a detector asks, and then once for all labels. */
function lazyModel(folded: string): (label: ModelLabel) => ModelVerdict {
  let read: ((label: ModelLabel) => ModelVerdict) | undefined;
  return (label) => (read ??= textModel(folded))(label);
}
