import { OFFENSIVE } from '../lexicon.ts';
import { findAll, firstFrom, wordAt, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';

// Insults, threats, mocking, and Dutch disease curses. A curse root is offensive as a swear
// word ("Tering, sleutels kwijt") and as the first part of a compound ("kankerlijers",
// "teringschool", "Tyfusirritant"), but not in its literal sense: medical compounds
// ("KWF Kankerbestrijding", "borstkanker") or with medical context ("tyfus en tering (tbc)
// kwamen voor", "ze heeft kanker").

const ROOTS_LONGEST_FIRST = [...OFFENSIVE.curseRoots].sort((a, b) => b.length - a.length);
const CURSE_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ROOTS_LONGEST_FIRST.join('|')})[\\p{L}-]{0,25}(?![\\p{L}\\p{N}])`, 'gu');

// Bullying without swear words: mocking someone's body or looks, aimed at a person.
const BODY_SHAMING = wordRegExp(
  "(?:je\\s+bent|jij\\s+bent|hij\\s+is|zij\\s+is|ze\\s+is|you're|you\\s+are)\\s+(?:echt\\s+|zo\\s+|gewoon\\s+|wel\\s+)*(?:de\\s+|the\\s+)?(?:dikste|lelijkste|domste|stomste|vetste|dik|lelijk|dom|vet|zielig|fat|ugly|dumb|stupid)",
);
const MOCKING_COMPARISON = wordRegExp("(?:lijkt|lijk|ziet\\s+eruit|looks)\\s+(?:wel\\s+|echt\\s+)?(?:als\\s+|op\\s+|like\\s+)?(?:een|a|an)\\s+[\\p{L}-]{2,20}");
const LAUGHING = /😂|🤣|😭|💀|🐷|🤡|haha|hihi|lol/u;
const TARGET = wordRegExp("je|jij|hem|haar|hij|zij|you|him|her|die\\s+(?:nieuwe\\s+)?(?:jongen|gast|meid|meisje|jongen)|dat\\s+(?:kind|meisje|joch)", 'u');
const GROUP_INSULT = wordRegExp('stelletje\\s+[\\p{L}]{3,20}');
// "Stelletje varkens": animals as an insult for people.
const ANIMAL_INSULTS = /^(?:varkens|beesten|zwijnen|ratten|apen|ezels|schapen|kippen|slakken|parasieten|honden)$/u;

export function detectOffensive(ctx: DetectContext): Evidence[] {
  const { index } = ctx;
  const text = index.folded;
  const found: Evidence[] = [];
  // An insult in quotes is someone else's word being reported ("de een had de ander 'klootzak' genoemd").
  const quoted = (m: { start: number; end: number }) => /['"]$/.test(text.slice(Math.max(0, m.start - 1), m.start)) && /^['"]/.test(text.slice(m.end, m.end + 1));
  for (const m of OFFENSIVE.insults.find(ctx.index)) if (!quoted(m)) found.push(evidence(ctx, m, 'insult'));
  for (const m of OFFENSIVE.threats.find(ctx.index)) found.push(evidence(ctx, m, 'threat'));
  for (const m of OFFENSIVE.mocking.find(ctx.index)) found.push(evidence(ctx, m, 'mocking'));
  for (const m of findAll(BODY_SHAMING, text)) found.push(evidence(ctx, m, 'mocking'));
  if (LAUGHING.test(text) && (TARGET.test(text) || ctx.handles.length)) {
    for (const m of findAll(MOCKING_COMPARISON, text)) found.push(evidence(ctx, m, 'mocking'));
  }
  for (const m of findAll(GROUP_INSULT, text)) {
    const noun = m.text.replace(/^stelletje\s+/, '');
    OFFENSIVE.insults.regex.lastIndex = 0;
    if (OFFENSIVE.insults.regex.test(noun) || ANIMAL_INSULTS.test(noun)) found.push(evidence(ctx, m, 'insult'));
  }
  for (const tag of findAll(/#([\p{L}]{2,30})/gu, text)) if (OFFENSIVE.mockingTags.has(tag.text.slice(1))) found.push(evidence(ctx, tag, 'mocking'));
  const curses = findAll(CURSE_WORD, text);
  // Medical words are found once; each bare curse then looks for one within 120 characters.
  const medical = curses.length ? findAll(OFFENSIVE.medicalContext, text) : [];
  for (const m of curses) {
    if (isLiteralDisease(ctx, m, medical)) continue;
    found.push(evidence(ctx, m, 'curse'));
  }
  return found;
}

function isLiteralDisease(ctx: DetectContext, m: { start: number; end: number; text: string }, medical: readonly { start: number }[]): boolean {
  const root = ROOTS_LONGEST_FIRST.find((r) => m.text.startsWith(r)) ?? '';
  const tail = m.text.slice(root.length).replace(/^-/, '');
  if (tail) {
    // A compound: literal when the tail is medical ("kankerbestrijding", "pokkenvaccinatie").
    return OFFENSIVE.medicalStems.some((stem) => tail.startsWith(stem));
  }
  // A bare disease word: literal after "heeft", "aan", "tegen" …, or with medical words nearby.
  const words = ctx.index.words;
  const i = wordAt(ctx.index, m.start);
  const prev = words[i - 1];
  if (prev && m.start - prev.end <= 2 && OFFENSIVE.literalLeaders.has(prev.text)) return true;
  const near = firstFrom(medical, Math.max(0, m.start - 120));
  return !!near && near.start <= m.end + 120;
}
