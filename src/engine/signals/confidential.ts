import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex } from '../lexicon-records.ts';
import { findAll } from '../text/find.ts';
import { phraseRegExp } from '../text/patterns.ts';
import { firstFrom, wordAt } from '../text/sorted-search.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, modelEvidence, quoted, type DetectContext } from './context.ts';

// Confidential or unannounced information: explicit markers ("vertrouwelijk", "onder
// embargo", "niet doorvertellen", "hou het even voor je") unless negated ("geen geheim",
// "ik ga niet uit de school klappen"), and news that will only be announced later
// ("wordt pas na de voorjaarsvakantie bekendgemaakt", "ouders worden pas in april geïnformeerd").
// Weak markers (🤫, "sst", "geheim") count only next to another cue. A teaser that reveals
// nothing ("Ik mag er nog niks over zeggen, maar volgende week groot nieuws!") is not a leak.

// The patterns are records in src/lexicons/confidential.json.

/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ confidential: { inAdvance, surpriseForChildren, announcedLater, answerKey, hearLater, mayNotSay, notYetKnown, ownAnnouncement, pasLater, publicAddress, markerIdioms, publicAnnouncement, staffMatter, withholding, meetingNews, officiallyBut, test, testLeak, testLeakAfterTest, testSpoiler, upcomingTest, when, testWordStart, firstPersonBefore, meetingWord, embargoOver } }) => {
  const WHEN_PARTS = { when: when.pattern, test: test.pattern };
  return {
    CONFIDENTIAL: lexicon().CONFIDENTIAL,
    PAS_LATER: regex(pasLater),
    TEST_WORD: regex(testWordStart),
    FIRST_PERSON_BEFORE: regex(firstPersonBefore),
    MEETING_WORD: regex(meetingWord),
    EMBARGO_OVER: regex(embargoOver),
    HEAR_LATER: pattern(hearLater, WHEN_PARTS),
    ANNOUNCED_LATER: pattern(announcedLater),
    PUBLIC_ADDRESS: regex(publicAddress),
    MARKER_IDIOMS: phraseRegExp(markerIdioms.words),
    TEST_LEAK: pattern(testLeak, WHEN_PARTS),
    // Sticky: tried only where a test word starts (testLeakAfterTest begins with one).
    TEST_LEAK_AFTER_TEST: pattern(testLeakAfterTest, WHEN_PARTS, 'uy'),
    STAFF_MATTER: pattern(staffMatter),
    TEST_SPOILER: regex(testSpoiler),
    UPCOMING_TEST: regex(upcomingTest),
    // A whole test word (the pattern holds 'se' and 'so', which would match inside any word).
    TEST_NEAR: new RegExp(`(?<![\\p{L}])(?:${test.pattern})(?![\\p{L}])`, 'u'),
    MEETING_NEWS: pattern(meetingNews),
    OFFICIALLY_BUT: pattern(officiallyBut),
    MAY_NOT_SAY: pattern(mayNotSay),
    OWN_ANNOUNCEMENT: pattern(ownAnnouncement),
    NOT_YET_KNOWN: pattern(notYetKnown, WHEN_PARTS),
    ANSWER_KEY: regex(answerKey),
    IN_ADVANCE: pattern(inAdvance),
    SURPRISE_FOR_CHILDREN: pattern(surpriseForChildren),
    WITHHOLDING: pattern(withholding, {}, 'u'),
    PUBLIC_ANNOUNCEMENT: pattern(publicAnnouncement, {}, 'u'),
  };
});

// At most MAX_TEST_WORDS test words are tried (testWordStart): more is a list, and the first ones already decide.
const MAX_TEST_WORDS = 200;

function testLeaksAfterTestWords(text: string, testWord: RegExp, afterTest: RegExp): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  const tried = new Set<number>();
  testWord.lastIndex = 0;
  for (let m = testWord.exec(text), n = 0; m && n < MAX_TEST_WORDS; m = testWord.exec(text), n++) {
    let start = m.index + (m[1] ? m[0].length - m[1].length : 0);
    while (start > 0 && start > m.index - 20 && /\p{L}/u.test(text[start - 1]!)) start--;
    if (tried.has(start)) continue;
    tried.add(start);
    afterTest.lastIndex = start;
    const leak = afterTest.exec(text);
    if (leak) found.push({ start, end: start + leak[0].length, text: leak[0] });
  }
  return found;
}

const TEASER_LENGTH = 280;

export function detectConfidential(ctx: DetectContext): Evidence[] {
  const lex = compile();
  const text = ctx.index.folded;
  const strong: Evidence[] = [];
  // "een vertrouwelijk gesprek aanvragen" is a service, "'embargo': US vs Cuba" a quoted word.
  const markers = lex.CONFIDENTIAL.markers.find(ctx.index);
  // An embargo that has ended ('lag tot 10.00 uur onder embargo, maar …') holds nothing back either.
  const idioms = markers.length ? [...findAll(lex.MARKER_IDIOMS, text), ...findAll(lex.EMBARGO_OVER, text)].sort((a, b) => a.start - b.start) : [];
  // A marker the rules set aside ("geen geheim", a quoted word) is a decision the learned model
  // must not overturn.
  let setAside = false;
  for (const m of markers) {
    if (isNegated(ctx, m.start) || inside(m, idioms) || quoted(text, m)) setAside = true;
    else strong.push(evidence(ctx, m, 'marker'));
  }
  // A letter to parents ("Beste ouders, …") is itself the announcement: a date it names for
  // the next one is not news out early.
  const publicLetter = lex.PUBLIC_ADDRESS.test(text);
  // "pas <when> <announce-verb>": the news is out before its announcement. The verbs and the
  // "in advance" phrases are found once in the whole text, not again in each clause: a text of
  // many "pas" would scan the same 90 characters for every one of them.
  const pasLater = publicLetter ? [] : findAll(lex.PAS_LATER, text);
  const verbs = pasLater.length ? findAll(lex.CONFIDENTIAL.unannouncedVerbs, text) : [];
  const inAdvance = verbs.length ? findAll(lex.IN_ADVANCE, text) : [];
  for (const m of verbs.length ? pasLater : []) {
    const window = text.slice(m.start, Math.min(text.length, m.start + 90));
    const sentenceEnd = window.search(/[.!?\n]/);
    const clauseEnd = m.start + (sentenceEnd >= 0 ? sentenceEnd : window.length);
    const verb = firstFrom(verbs, m.start);
    if (!verb || verb.end > clauseEnd) continue;
    // "we horen het pas een dag van tevoren": late notice, not news out before its time.
    const early = firstFrom(inAdvance, m.start);
    if (early && early.end <= clauseEnd) continue;
    // "dat ik pas woensdag te horen zou krijgen": the writer hears later, nothing leaks.
    // "dat ga ik pas na de MR aan het team vertellen" still withholds news: only hearing counts.
    if (lex.CONFIDENTIAL.hearingVerbs.has(verb.text.replace(/\s+/g, ' ')) && lex.FIRST_PERSON_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start))) continue;
    strong.push(evidence(ctx, { start: m.start, end: verb.end }, 'unannounced'));
  }
  for (const m of findAll(lex.HEAR_LATER, text)) strong.push(evidence(ctx, m, 'unannounced'));
  for (const m of publicLetter ? [] : findAll(lex.ANNOUNCED_LATER, text)) strong.push(evidence(ctx, m, 'unannounced'));
  // Test content before the test: led by other words ("antwoorden …"), or after a test word.
  for (const m of [...findAll(lex.TEST_LEAK, text), ...testLeaksAfterTestWords(text, lex.TEST_WORD, lex.TEST_LEAK_AFTER_TEST)]) strong.push(evidence(ctx, m, 'unannounced'));
  // A spoiler about a test still to come gives its content away ("Morgen toets … Spoiler: …").
  const spoilers = findAll(lex.TEST_SPOILER, text).slice(0, 10);
  if (spoilers.length && lex.UPCOMING_TEST.test(text)) {
    for (const m of spoilers) if (lex.TEST_NEAR.test(text.slice(Math.max(0, m.start - 160), m.end + 160))) strong.push(evidence(ctx, m, 'unannounced'));
  }
  for (const m of findAll(lex.STAFF_MATTER, text)) strong.push(evidence(ctx, m, 'marker'));
  // What an internal meeting said, told outside it.
  // Both patterns are tried only where their key word occurs: most posts name no meeting.
  for (const m of lex.MEETING_WORD.test(text) ? findAll(lex.MEETING_NEWS, text) : []) strong.push(evidence(ctx, m, 'marker'));
  // The official story against what the writer tells: "officieel 'ziek', maar …".
  for (const m of text.includes('offici') ? findAll(lex.OFFICIALLY_BUT, text) : []) strong.push(evidence(ctx, m, 'marker'));
  for (const m of findAll(lex.OWN_ANNOUNCEMENT, text)) strong.push(evidence(ctx, m, 'unannounced'));
  // "Details kan ik niet delen" in a letter to all parents withholds, it does not leak.
  for (const m of publicLetter ? [] : findAll(lex.MAY_NOT_SAY, text)) strong.push(evidence(ctx, m, 'marker'));
  for (const m of findAll(lex.NOT_YET_KNOWN, text)) strong.push(evidence(ctx, m, 'unannounced'));
  // An answer key has digits ("q1 is B", "1b 2d 3a"): no scan of a text without any.
  for (const m of ctx.hasDigit ? findAll(lex.ANSWER_KEY, text) : []) strong.push(evidence(ctx, m, 'unannounced'));
  const weak: Evidence[] = [];
  for (const m of lex.CONFIDENTIAL.weakMarkers.find(ctx.index)) {
    if (!isNegated(ctx, m.start)) weak.push(evidence(ctx, m, 'weak-marker'));
    else setAside = true;
  }
  for (const emoji of lex.CONFIDENTIAL.weakEmoji) {
    for (let at = text.indexOf(emoji); at >= 0; at = text.indexOf(emoji, at + emoji.length)) {
      weak.push(evidence(ctx, { start: at, end: at + emoji.length }, 'weak-marker'));
    }
  }
  // Both the rules and the model's vetoes ask these; each scans the text, so only when asked.
  const surprise = () => findAll(lex.SURPRISE_FOR_CHILDREN, text).length > 0;
  const shortTeaser = () => text.length <= TEASER_LENGTH && lex.CONFIDENTIAL.teasers.find(ctx.index).length > 0;
  // What no rule knows, the learned model may still recognise (model/text-model.ts), unless the
  // rules know better: a letter to all parents or a post that announces ("Het is officieel: …")
  // is the announcement itself, a surprise kept from the children is a secret for fun, and a
  // short teaser or "meer kan ik er nog niet over zeggen" reveals nothing.
  if (!strong.length) {
    if (setAside || publicLetter) return [];
    // The other vetoes scan the text, so they are asked only of a model finding (most posts have none).
    const byModel = modelEvidence(ctx, 'confidential');
    if (!byModel.length) return [];
    const ruledOut = lex.PUBLIC_ANNOUNCEMENT.test(text) || surprise() || shortTeaser() || (text.length <= TEASER_LENGTH && lex.WITHHOLDING.test(text));
    return ruledOut ? [] : byModel;
  }
  const unannounced = strong.some((e) => e.reason === 'unannounced');
  // A surprise kept from the children (the Sint, a present for the teacher) is a secret for fun.
  if (!unannounced && strong.every((e) => e.reason === 'marker') && surprise()) return [];
  // A short teaser ("🤫 groot nieuws, binnenkort meer") reveals nothing; a long post that says
  // "meer volgt donderdag" after the news has already told it.
  if (!unannounced && shortTeaser()) return [];
  return [...strong, ...weak];
}

function isNegated(ctx: DetectContext, offset: number): boolean {
  const lex = compile();
  const words = ctx.index.words;
  const i = wordAt(ctx.index, offset);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = words[k]!;
    // A clause ends the reach: in "Not official, so keep it quiet" the 'not' is about 'official'.
    if (/[.!?\n,;]/.test(ctx.index.folded.slice(w.end, offset))) break;
    if (lex.CONFIDENTIAL.negations.has(w.text)) return true;
  }
  return false;
}
