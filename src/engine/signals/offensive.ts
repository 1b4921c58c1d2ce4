import { lexicon } from '../lexicon.ts';
import { fromEngineData } from '../engine-data.ts';
import { pattern, regex, wordSet } from '../lexicon-records.ts';
import { findAll, type Match } from '../text/find.ts';
import { firstFrom, wordAt } from '../text/sorted-search.ts';
import type { Evidence } from '../types.ts';
import { evidence, inside, modelEvidence, quoted, type DetectContext } from './context.ts';

// Insults, threats, mocking, and Dutch disease curses. A curse root is offensive as a swear
// word ("Tering, sleutels kwijt") and as the first part of a compound ("kankerlijers",
// "teringschool", "Tyfusirritant"), but not in its literal sense: medical compounds
// ("KWF Kankerbestrijding", "borstkanker") or with medical context ("tyfus en tering (tbc)
// kwamen voor", "ze heeft kanker").


/** Builds the sets and patterns from the engine data, on the first check (engine-data.ts). */
const compile = fromEngineData(({ offensive: { animalInsults, bodyShaming, contemptPhrase, crudeAtNoOne, fillers, groupContempt, groupInsult, bullyingPattern, groupChatExclusion, illWish, laughing, banter, literalFollowers, literalVerbRightAfter, mentionedWord, maskedCurse, mockingComparison, notInsult, ordinaryStarts, ridiculedPerson, target, threatIf, threatPattern } }) => {
  const OFFENSIVE = lexicon().OFFENSIVE;
  const ROOTS_LONGEST_FIRST = [...OFFENSIVE.curseRoots].sort((a, b) => b.length - a.length);
  return {
    OFFENSIVE,
    ROOTS_LONGEST_FIRST,
    // "k@nker", "t*ring", "t3ring", "k*t": a curse root with one letter masked, as people write to slip
    // past filters. Built from the roots, so a new root is masked too.
    MASKED_ROOT: new RegExp(`(?<![\\p{L}\\p{N}@#])(?:${ROOTS_LONGEST_FIRST.filter((r) => r.length >= 3).flatMap((r) => [...r].slice(1, -1).map((_, i) => `${r.slice(0, i + 1)}[*@#$!0-9]${r.slice(i + 2)}`)).join('|')})[\\p{L}-]{0,25}(?![\\p{L}\\p{N}])`, 'gu'),
    // "borstkanker", "buiktyfus": a disease word at the end of a compound is the disease itself
    // (but "kringloopkleren" are clothes: no root that begins an ordinary word).
    DISEASE_COMPOUND: new RegExp(`\\p{L}(?:${ROOTS_LONGEST_FIRST.filter((r) => r.length >= 5 && !ordinaryStarts.words.some((w) => w.startsWith(r))).join('|')})`, 'u'),
    CURSE_WORD: new RegExp(`(?<![\\p{L}\\p{N}])(?:${ROOTS_LONGEST_FIRST.join('|')})[\\p{L}-]{0,25}(?![\\p{L}\\p{N}])`, 'gu'),
    BODY_SHAMING: pattern(bodyShaming),
    CONTEMPT_PHRASE: pattern(contemptPhrase),
    RIDICULED_PERSON: pattern(ridiculedPerson),
    MOCKING_COMPARISON: pattern(mockingComparison),
    LAUGHING: regex(laughing),
    BANTER: regex(banter),
    TARGET: pattern(target, {}, 'u'),
    GROUP_INSULT: pattern(groupInsult),
    ANIMAL_INSULTS: wordSet(animalInsults),
    MASKED_CURSE: regex(maskedCurse),
    THREAT_PATTERN: pattern(threatPattern),
    THREAT_IF: pattern(threatIf),
    BULLYING_PATTERN: pattern(bullyingPattern),
    GROUP_CHAT_EXCLUSION: pattern(groupChatExclusion),
    MENTIONED_WORD: regex(mentionedWord),
    ILL_WISH: pattern(illWish),
    GROUP_CONTEMPT: pattern(groupContempt),
    FILLERS: wordSet(fillers),
    LITERAL_FOLLOWERS: wordSet(literalFollowers),
    LITERAL_VERB_RIGHT_AFTER: wordSet(literalVerbRightAfter),
    ORDINARY_STARTS: ordinaryStarts.words,
    NOT_INSULT: pattern(notInsult),
    CRUDE_AT_NO_ONE: pattern(crudeAtNoOne),
  };
});

/** Longer than a tweet, a post's kind words may be meant for someone else than its insult. */
const BANTER_MAX = 280;

// Bullying without swear words (records in src/lexicons/offensive.json): mocking someone's body
// or looks, aimed at a person; a mocking comparison with laughter; 'stelletje <insult or animal>'.
export function detectOffensive(ctx: DetectContext): Evidence[] {
  const lex = compile();
  const { index } = ctx;
  const text = index.folded;
  const found: Evidence[] = [];
  // An insult in quotes is someone else's word being reported ("de een had de ander 'klootzak' genoemd").
  const insults = lex.OFFENSIVE.insults.find(ctx.index);
  // "ik sukkel al weken met mijn enkel": the word as a verb about oneself.
  // Asked only when there is name-calling or mocking: "i'm such a clown" is said of oneself.
  let notInsultKnown: Match[] | undefined;
  const notInsult = () => (notInsultKnown ??= findAll(lex.NOT_INSULT, text));
  // "haha you're such a muppet 😂❤️ love u": laughter and affection in a short post make the
  // name-calling banter between friends.
  // Asked only when there is name-calling or mocking to set aside: most posts have neither.
  let friendlyKnown: boolean | undefined;
  let laughingKnown: boolean | undefined;
  const laughing = () => (laughingKnown ??= lex.LAUGHING.test(text));
  const friendly = () => (friendlyKnown ??= text.length <= BANTER_MAX && laughing() && lex.BANTER.test(text));
  const banter = insults.length > 0 && friendly();
  // A word the rules recognised and set aside (banter, a quotation, self-mockery, a literal
  // disease) is a decision the learned model must not overturn.
  let setAside = banter;
  for (const m of banter ? [] : insults) {
    if (!quoted(text, m) && !inside(m, notInsult()) && !mentioned(text, m)) found.push(evidence(ctx, m, 'insult'));
    else setAside = true;
  }
  for (const m of lex.OFFENSIVE.threats.find(ctx.index)) found.push(evidence(ctx, m, 'threat'));
  for (const m of findAll(lex.THREAT_PATTERN, text)) found.push(evidence(ctx, m, 'threat'));
  // Shutting someone out stays bullying when the excluders are fond of each other ('… zonder die nieuwe 😂 love jullie meiden').
  for (const m of findAll(lex.GROUP_CHAT_EXCLUSION, text)) found.push(evidence(ctx, m, 'exclusion'));
  for (const m of findAll(lex.THREAT_IF, text)) found.push(evidence(ctx, m, 'threat'));
  // The same laughter and affection make mocking words teasing ('you absolute clown 😂 … love u',
  // 'ur literally the worst at hide and seek 😭 … lol ily'); threats stay threats.
  const mockingFound: { m: Match; reason: string }[] = [];
  for (const m of findAll(lex.BULLYING_PATTERN, text)) mockingFound.push({ m, reason: 'mocking' });
  for (const m of findAll(lex.ILL_WISH, text)) found.push(evidence(ctx, m, 'threat'));
  for (const m of findAll(lex.GROUP_CONTEMPT, text)) {
    // Reported in quotes ("a boy told her 'go back to your own country'"), not said.
    if (quoted(text, m)) setAside = true;
    else found.push(evidence(ctx, m, 'discrimination'));
  }
  for (const m of lex.OFFENSIVE.mocking.find(ctx.index)) mockingFound.push({ m, reason: 'mocking' });
  // "ur such a clown 😭❤️", "you're so dumb sometimes 😂 … love u bestie": contempt said with
  // laughter and affection is teasing too.
  for (const m of findAll(lex.RIDICULED_PERSON, text)) mockingFound.push({ m, reason: 'mocking' });
  for (const m of findAll(lex.CONTEMPT_PHRASE, text)) if (!quoted(text, m)) mockingFound.push({ m, reason: 'insult' });
  // "hij lacht als een paard 😭", "met dat accent 😂": a comparison is mocking with laughter and
  // someone to aim at; with affection too ("you look like a tomato 😂 love you tho") it is teasing.
  if (laughing() && (lex.TARGET.test(text) || ctx.handles.length)) {
    for (const m of findAll(lex.MOCKING_COMPARISON, text)) mockingFound.push({ m, reason: 'mocking' });
  }
  // Bullying words in quotes are reported or taught, not aimed ("we schreven zinnen op het bord
  // die kinderen weleens horen: 'niemand wil naast jou zitten'"), as quoted insults are; not when
  // the quoting laughs along ("screenshot uit de groepsapp 😂 'niemand mag haar toch' 💀").
  const aimed = mockingFound.length && laughing() ? mockingFound : mockingFound.filter(({ m }) => !quoted(text, m));
  if (aimed.length < mockingFound.length) setAside = true;
  if (aimed.length && friendly()) setAside = true;
  else
    for (const { m, reason } of aimed) {
      if (inside(m, notInsult())) setAside = true;
      else found.push(evidence(ctx, m, reason));
    }
  for (const m of findAll(lex.BODY_SHAMING, text)) found.push(evidence(ctx, m, 'mocking'));
  for (const m of findAll(lex.GROUP_INSULT, text)) {
    const noun = m.text.replace(/^stelletje\s+/, '');
    lex.OFFENSIVE.insults.regex.lastIndex = 0;
    if (lex.OFFENSIVE.insults.regex.test(noun) || lex.ANIMAL_INSULTS.has(noun)) found.push(evidence(ctx, m, 'insult'));
  }
  for (const tag of findAll(/#([\p{L}]{2,30})/gu, text)) if (lex.OFFENSIVE.mockingTags.has(tag.text.slice(1))) found.push(evidence(ctx, tag, 'mocking'));
  for (const m of findAll(lex.MASKED_CURSE, text)) found.push(evidence(ctx, m, 'curse'));
  // Only when a mask character stands between letters: '!' and '#' are everywhere else.
  for (const m of /[a-z][*@#$!0-9][a-z]/.test(text) ? findAll(lex.MASKED_ROOT, text) : []) found.push(evidence(ctx, m, 'curse'));
  const curses = findAll(lex.CURSE_WORD, text);
  // Medical words are found once; each bare curse then looks for one within 120 characters.
  const medical = curses.length ? findAll(lex.OFFENSIVE.medicalContext, text) : [];
  for (const m of curses) {
    // "kleren", "takkenbos": ordinary words that only begin like a curse.
    if (lex.ORDINARY_STARTS.some((w) => m.text.startsWith(w))) continue;
    // "a pupil called me a 'kankerjuf'": someone else's word, reported.
    // "kutweer", "kutbeest": crude, but aimed at the weather or an animal, not at a person.
    if (quoted(text, m) || mentioned(text, m) || isLiteralDisease(ctx, m, medical) || findAll(lex.CRUDE_AT_NO_ONE, m.text).length) {
      setAside = true;
      continue;
    }
    found.push(evidence(ctx, m, 'curse'));
  }
  // What no rule knows, the learned model may still recognise (model/text-model.ts).
  if (found.length || setAside) return found;
  // The veto below is asked only of a model finding (most posts have none): it scans the text.
  const byModel = modelEvidence(ctx, 'offensive');
  return byModel.length && lex.DISEASE_COMPOUND.test(text) ? [] : byModel;
}

/** A word talked about as a word ("woorden als kanker", "we zeggen geen kut, kanker of …"). */
function mentioned(text: string, m: { start: number }): boolean {
  return compile().MENTIONED_WORD.test(text.slice(Math.max(0, m.start - 60), m.start));
}

/** Articles, which may stand between a literal leader and a disease ('over de pest'). */
const ARTICLES = new Set(['de', 'het', 'the']);

function isLiteralDisease(ctx: DetectContext, m: { start: number; end: number; text: string }, medical: readonly { start: number }[]): boolean {
  const lex = compile();
  const root = lex.ROOTS_LONGEST_FIRST.find((r) => m.text.startsWith(r)) ?? '';
  const tail = m.text.slice(root.length).replace(/^-/, '');
  if (tail) {
    // A compound: literal when the tail is medical ("kankerbestrijding", "pokkenvaccinatie").
    return lex.OFFENSIVE.medicalStems.some((stem) => tail.startsWith(stem));
  }
  // A bare disease word: literal after "heeft", "aan", "tegen" …, or with medical words nearby.
  const words = ctx.index.words;
  const i = wordAt(ctx.index, m.start);
  let prev = words[i - 1];
  // "heeft toch kanker gehad": a filler may stand between the leader and the word.
  if (prev && lex.FILLERS.has(prev.text) && m.start - prev.end <= 2) prev = words[i - 2] ?? prev;
  if (prev && m.start - prev.end <= 12 && lex.OFFENSIVE.literalLeaders.has(prev.text)) return true;
  // "over de pest", "tegen de pokken": an article may stand between the leader and the word.
  const beforeArticle = words[i - 2];
  if (prev && ARTICLES.has(prev.text) && m.start - prev.end <= 2 && beforeArticle && prev.start - beforeArticle.end <= 2 && lex.OFFENSIVE.literalLeaders.has(beforeArticle.text)) return true;
  // "die tyfus heeft gehad", "kanker overleefd": or before "gehad", "overleefd" (one word may stand between).
  for (const next of [words[i + 1], words[i + 2]]) if (next && next.start - m.end <= 12 && lex.LITERAL_FOLLOWERS.has(next.text)) return true;
  const right = words[i + 1];
  if (right && /^\s+$/.test(ctx.index.folded.slice(m.end, right.start)) && lex.LITERAL_VERB_RIGHT_AFTER.has(right.text)) return true;
  const near = firstFrom(medical, Math.max(0, m.start - 120));
  return !!near && near.start <= m.end + 120;
}
