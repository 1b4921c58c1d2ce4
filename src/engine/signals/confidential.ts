import { CONFIDENTIAL } from '../lexicon.ts';
import { findAll, wordAt, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';

// Confidential or unannounced information: explicit markers ("vertrouwelijk", "onder
// embargo", "niet doorvertellen", "hou het even voor je") unless negated ("geen geheim",
// "ik ga niet uit de school klappen"), and news that will only be announced later
// ("wordt pas na de voorjaarsvakantie bekendgemaakt", "ouders worden pas in april geïnformeerd").
// Weak markers (🤫, "sst", "geheim") count only next to another cue. A teaser that reveals
// nothing ("Ik mag er nog niks over zeggen, maar volgende week groot nieuws!") is not a leak.

const PAS_LATER = /(?<![\p{L}])pas\s/gu;
// "Ouders horen het pas in juni", "krijgen pas na de meivakantie een brief".
// Up to three words between: "horen de collega's het pas maandag", "krijgen ze pas volgende week".
const WHEN = "(?:in|na|op|over|volgend[e]?|morgen|eind|begin|later|\\p{L}{3,6}dag|\\p{N})";
const HEAR_LATER = wordRegExp(`(?:horen|hoort|weten|weet|krijgen|krijgt|informeren|vertellen|melden)\\s+(?:[\\p{L}'’]{1,15}\\s+){0,3}?(?:officieel\\s+)?pas\\s+${WHEN}`);
// "Wordt in februari bekendgemaakt"; "parents won't hear about it until spring", "the rest will hear
// tomorrow", "announcement after Christmas", "parents get the letter next month".
const ANNOUNCED_LATER = wordRegExp(
  "wordt\\s+(?:pas\\s+)?(?:in|na|op|over|volgende|eind|begin)\\s+(?:[\\p{L}\\p{N}]{1,12}\\s+){0,3}?(?:bekendgemaakt|aangekondigd|gecommuniceerd|verteld|gemeld)|(?:won't|will not|don't|do not)\\s+(?:hear|know|find out|be told)\\s+(?:about it\\s+)?until|will\\s+(?:hear|be told|find out)\\s+(?:about it\\s+)?(?:tomorrow|next|later|after|in|on)|announcement\\s+(?:is\\s+)?(?:after|next|in|later)|(?:get|gets)\\s+the\\s+(?:letter|e?mail)\\s+(?:next|later|after|in)",
);
// Test questions or answers out before the test: "antwoorden toets bio H4 van morgen", "vraag 3 van
// het SE morgen gaat over …", "de eindtoets rekenen gaat dit jaar over …".
const TEST = "(?:toets|toetsen|proefwerk|se|so|examen|eindtoets|(?<!\\p{L})\\p{L}{1,20}toets|test|exam|quiz)";
const TEST_LEAK = wordRegExp(
  `(?:antwoorden|answers|uitwerkingen)\\s+(?:van|for|of)?\\s*(?:de|het|the)?\\s*(?:[\\p{L}\\p{N}-]{1,12}\\s+){0,2}?${TEST}|(?:vraag|question|q)\\s?\\p{N}{1,2}\\s+(?:van|of|uit|is|gaat)\\b[^.!?\\n]{0,60}?${TEST}|${TEST}\\s+(?:[\\p{L}\\p{N}-]{1,15}\\s+){0,4}?(?:van\\s+|op\\s+)?(?:morgen|tomorrow|\\p{L}{3,6}(?:dag|day))\\b[^.!?\\n]{0,40}?(?:gaat\\s+(?:[\\p{L}]+\\s+){0,3}?over|is\\s+precies|vraag\\s?\\p{N}|q\\p{N}|answers)|${TEST}\\s+(?:[\\p{L}]{1,12}\\s+){0,3}?gaat\\s+dit\\s+jaar`,
);
// Staff matters that are not the public's: a dismissal, suspension, contracts, appraisals.
const STAFF_MATTER = wordRegExp(
  "(?:is|wordt|worden|zijn)\\s+(?:[\\p{L}]{1,12}\\s+){0,4}?(?:ontslagen|geschorst)|op\\s+non-actief|geen\\s+vast\\s+contract|functioneringsgesprek\\p{L}*|intern\\s+besluit|(?:was|were|got|been)\\s+(?:fired|suspended)",
);

// "Ze wil het zelf aan haar klas vertellen", "nog niks tegen de leerlingen zeggen".
// "ik mag het eigenlijk nog niet zeggen, maar …": a marker (a teaser that reveals nothing stays quiet).
const MAY_NOT_SAY = wordRegExp(
  "mag\\s+(?:ik\\s+|het\\s+|dit\\s+|er\\s+){0,3}(?:eigenlijk\\s+)?(?:officieel\\s+)?(?:nog\\s+)?(?:niet|niks|niets|pas\\s+[\\p{L}\\p{N}]{1,15})\\s+(?:[\\p{L}]{1,12}\\s+){0,2}?(?:zeggen|vertellen|delen|verklappen)",
);
const OWN_ANNOUNCEMENT = wordRegExp(
  "(?:wil|willen|wilt)\\s+het\\s+(?:zelf|eerst\\s+zelf|eerst)\\s+(?:[\\p{L}'-]{1,15}\\s+){0,5}?(?:vertellen|melden|bekendmaken|aankondigen|zeggen)|nog\\s+(?:niks|niets)\\s+(?:tegen|aan)\\s+(?:[\\p{L}'-]{1,15}\\s+){0,3}?(?:zeggen|vertellen)|wants\\s+to\\s+tell\\s+(?:them|the\\s+\\p{L}+)\\s+(?:her|him|them)self",
);

export function detectConfidential(ctx: DetectContext): Evidence[] {
  const text = ctx.index.folded;
  const strong: Evidence[] = [];
  for (const m of CONFIDENTIAL.markers.find(ctx.index)) {
    if (!isNegated(ctx, m.start)) strong.push(evidence(ctx, m, 'marker'));
  }
  // "pas <when> <announce-verb>": the news is out before its announcement.
  for (const m of findAll(PAS_LATER, text)) {
    const window = text.slice(m.start, Math.min(text.length, m.start + 90));
    const sentenceEnd = window.search(/[.!?\n]/);
    const clause = sentenceEnd >= 0 ? window.slice(0, sentenceEnd) : window;
    CONFIDENTIAL.unannouncedVerbs.lastIndex = 0;
    const verb = CONFIDENTIAL.unannouncedVerbs.exec(clause);
    if (verb) strong.push(evidence(ctx, { start: m.start, end: m.start + verb.index + verb[0].length }, 'unannounced'));
  }
  for (const m of findAll(HEAR_LATER, text)) strong.push(evidence(ctx, m, 'unannounced'));
  for (const m of findAll(ANNOUNCED_LATER, text)) strong.push(evidence(ctx, m, 'unannounced'));
  for (const m of findAll(TEST_LEAK, text)) strong.push(evidence(ctx, m, 'unannounced'));
  for (const m of findAll(STAFF_MATTER, text)) strong.push(evidence(ctx, m, 'marker'));
  for (const m of findAll(OWN_ANNOUNCEMENT, text)) strong.push(evidence(ctx, m, 'unannounced'));
  for (const m of findAll(MAY_NOT_SAY, text)) strong.push(evidence(ctx, m, 'marker'));
  const weak: Evidence[] = [];
  for (const m of CONFIDENTIAL.weakMarkers.find(ctx.index)) if (!isNegated(ctx, m.start)) weak.push(evidence(ctx, m, 'weak-marker'));
  for (const emoji of CONFIDENTIAL.weakEmoji) {
    for (let at = text.indexOf(emoji); at >= 0; at = text.indexOf(emoji, at + emoji.length)) {
      weak.push(evidence(ctx, { start: at, end: at + emoji.length }, 'weak-marker'));
    }
  }
  if (!strong.length) return [];
  const unannounced = strong.some((e) => e.reason === 'unannounced');
  if (!unannounced && CONFIDENTIAL.teasers.find(ctx.index).length) return [];
  return [...strong, ...weak];
}

function isNegated(ctx: DetectContext, offset: number): boolean {
  const words = ctx.index.words;
  const i = wordAt(ctx.index, offset);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = words[k]!;
    if (/[.!?\n]/.test(ctx.index.folded.slice(w.end, offset))) break;
    if (CONFIDENTIAL.negations.has(w.text)) return true;
  }
  return false;
}
