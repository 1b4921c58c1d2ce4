import type { CheckConfig } from '../config.ts';
import type { Match } from '../text/find.ts';
import { lastUpTo } from '../text/sorted-search.ts';
import { sentenceOf } from '../text/sentences.ts';
import { toSpan, type TextIndex } from '../text/text-index.ts';
import type { Evidence, Role } from '../types.ts';
import type { ModelLabel, ModelVerdict } from '../model/text-model.ts';

/** A model finding quotes at most this much of its sentence around the word that weighed most. */
const MODEL_QUOTE = 100;

/** Everything the detectors share about one draft. Built once per check. */
export interface DetectContext {
  index: TextIndex;
  config: CheckConfig;
  role: Role;
  staff: boolean;
  /** Mentions of the configured school (name, alias, #hashtag, @handle). */
  schoolMentions: Match[];
  /** Mentions of the board / employer (e.g. CVO Baarn/Soest). */
  boardMentions: Match[];
  /** Class codes: groep 7, klas 2B, 3C after "uit", 4 havo, year 4s. */
  classCodes: Match[];
  /** Folded ranges of idioms in which school words mean something else. */
  idioms: Match[];
  /** Capitalised first names (from the Dutch first-name list): a pupil may be named so. */
  names: Match[];
  /** `names` and adults' first names (Henk, Gerda), in text order: the people in the draft. */
  people: Match[];
  /** @handles (folded, without the @). */
  handles: Match[];
  /** The draft has a URL: general news being shared. */
  hasUrl: boolean;
  /** Cheap facts that let detectors skip whole patterns (no digit: no phone number). */
  hasDigit: boolean;
  hasAt: boolean;
  /** The learned model's verdict on the whole draft (model/text-model.ts), computed on first ask. */
  model: (label: ModelLabel) => ModelVerdict;
}

export function evidence(ctx: DetectContext, match: { start: number; end: number }, reason: string): Evidence {
  return { span: toSpan(ctx.index, match.start, match.end), reason };
}

/** Is the match inside one of the ranges? The ranges come from findAll: sorted, not overlapping. */
export function inside(match: { start: number; end: number }, ranges: readonly { start: number; end: number }[]): boolean {
  const r = lastUpTo(ranges, match.start);
  return !!r && match.end <= r.end;
}

/** Is the match in quotes ('kankerjuf', "embargo")? Then it is someone else's word, reported. */
export function quoted(text: string, m: { start: number; end: number }): boolean {
  if (/['"]$/.test(text.slice(Math.max(0, m.start - 1), m.start)) && /^['"]/.test(text.slice(m.end, m.end + 1))) return true;
  // Inside a short quotation on one line: "noemde m'n dochter een 'achterlijk kind'". An
  // apostrophe between letters (m'n, collega's) is no quotation mark.
  const open = quoteMark(text, m.start, -1);
  return open >= 0 && quoteMark(text, m.end, 1) >= 0;
}

const QUOTE_REACH = 40;
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** The nearest quotation mark before (step -1) or after (step 1) `from` on the same line, within QUOTE_REACH; -1 if none. */
function quoteMark(text: string, from: number, step: -1 | 1): number {
  for (let k = 0, i = step < 0 ? from - 1 : from; k < QUOTE_REACH && i >= 0 && i < text.length; k++, i += step) {
    const c = text[i]!;
    if (c === '\n') return -1;
    if (c !== "'" && c !== '"') continue;
    if (isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue;
    // An opening mark has no letter before it; a closing mark none after it.
    return (step < 0 ? !isWordChar(text[i - 1]) : !isWordChar(text[i + 1])) ? i : -1;
  }
  return -1;
}

/**
 * What a finding of the learned model points at: the sentence with the word that weighed most
 * towards the label, cut to MODEL_QUOTE characters around that word on a long sentence.
 */
export function modelEvidence(ctx: DetectContext, label: ModelLabel): Evidence[] {
  const verdict = ctx.model(label);
  if (!verdict.positive) return [];
  const at = verdict.strongestAt;
  let { start, end } = sentenceOf(ctx.index, at);
  const text = ctx.index.folded;
  if (end - start > MODEL_QUOTE) {
    start = Math.max(start, at - MODEL_QUOTE / 2);
    end = Math.min(end, start + MODEL_QUOTE);
    // Whole words only.
    while (start > 0 && start < at && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start++;
    while (end < text.length && end > at && /[\p{L}\p{N}]/u.test(text[end]!)) end--;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [evidence(ctx, { start, end }, 'model')];
}
