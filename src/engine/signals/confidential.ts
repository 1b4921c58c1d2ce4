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
const HEAR_LATER = wordRegExp('(?:horen|hoort|weten|weet|krijgen|krijgt|informeren|vertellen|melden)\\s+(?:het\\s+|dit\\s+)?(?:officieel\\s+)?pas\\s+(?:in|na|op|over|volgende|morgen|eind|begin|later)');
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
