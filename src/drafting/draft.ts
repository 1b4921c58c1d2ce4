// From a protocol's text to a protocol document (the format of src/protocols/<id>.json) and the
// material for its review: text → repair → articles → rules with quotes → names, options and
// disclaimer → a document that passes the same validation as the bundled ones.
// Pure and DOM-free: the review page and the CLI both call draftProtocol.
import nlMessages from '../../public/_locales/nl/messages.json' with { type: 'json' };
import enMessages from '../../public/_locales/en/messages.json' with { type: 'json' };
import type { Protocol, ProtocolInput } from '../engine/protocol-schema.ts';
import type { Role } from '../engine/types.ts';
import type { RuleId } from '../rules/ids.ts';
import { RULES } from '../rules/index.ts';
import { detectLanguage, findAudience, findDate, findDisclaimer, findNames, findOptions, ownDisclaimer, shortDisclaimer, type OptionsFound } from './details.ts';
import { mapRules, statesSomething, type Candidate, type Passage } from './map-rules.ts';
import { pagesFromText, repairPages, type SourcePage } from './repair.ts';
import { segment, type Unit } from './segment.ts';

export interface Proposal extends Candidate {
  options?: Record<string, unknown>;
  roles?: Role[];
  optionWhy: string[];
}

export interface ProtocolDraft {
  /** The document as drafted, every proposal accepted. */
  protocol: ProtocolInput;
  /** The articles, in the document's order, for the review's document view. */
  units: Unit[];
  proposals: Proposal[];
  /** Articles that state something but mapped to no rule. */
  unmapped: string[];
  /** Who the protocol says its rules are for. */
  audience: Role[];
  /** Whether the disclaimer text is the protocol's own wording or ours. */
  disclaimerSource: 'protocol' | 'postwijs' | 'none';
}

/** Why a text is no protocol to draft from. */
export class NotAProtocolError extends Error {
  constructor(readonly reason: 'empty' | 'no-rules') {
    super(
      reason === 'empty'
        ? 'er staat geen tekst in (no text in it)'
        : 'hierin staat geen socialemediaprotocol: geen enkel artikel past bij een regel van PostWijs (no social-media protocol found: no article matches a PostWijs rule)',
    );
  }
}

export interface DraftInput {
  /** Plain text, or the pages of lines a document reader found. */
  text?: string;
  pages?: SourcePage[];
  fileName?: string;
}

export function draftProtocol(input: DraftInput): ProtocolDraft {
  const pages = input.pages ?? pagesFromText(input.text ?? '');
  const repaired = repairPages(pages);
  if (repaired.replace(/\s+/gu, '').length < 20) throw new NotAProtocolError('empty');
  const language = detectLanguage(repaired);
  const { units, headings, title } = segment(repaired);
  const candidates = mapRules(units, language);
  if (candidates.length === 0) throw new NotAProtocolError('no-rules');
  const names = findNames(repaired, input.fileName);
  const proposals = candidates.map((c) => withOptions(c, units));
  const disclaimerRule = proposals.find((p) => p.ruleId === 'missing-disclaimer');
  const own = disclaimerRule ? findDisclaimer(units, disclaimerRule.article) : undefined;
  const meta: ProtocolMeta = {
    title: title ?? (language === 'en' ? `Social media protocol ${names.board}`.trim() : `Protocol sociale media ${names.board}`.trim()),
    school: names.schools.length ? names.schools.join(language === 'en' ? ' and ' : ' en ') : names.board || (language === 'en' ? 'the school' : 'de school'),
    board: names.board,
    boardAliases: names.boardAliases,
    date: findDate(repaired, language),
    language,
    disclaimer: disclaimerRule ? (own ?? { article: disclaimerRule.article, text: ownDisclaimer(names.board, language) }) : undefined,
  };
  const cited = new Set(proposals.map((p) => p.article));
  const unmapped = units.filter((u) => !cited.has(u.number) && statesSomething(u, language)).map((u) => u.number);
  return {
    protocol: buildProtocol(meta, units, proposals),
    units,
    proposals,
    unmapped,
    audience: findAudience(units, headings, language),
    disclaimerSource: !disclaimerRule ? 'none' : own ? 'protocol' : 'postwijs',
  };
}

function optionsOf(ruleId: RuleId, passage: Passage, units: Unit[]): OptionsFound {
  const unit = units.find((u) => u.number === passage.article);
  const items = units.filter((u) => u.parent !== undefined && u.parent === passage.article);
  return findOptions(ruleId, passage.quote, unit, items);
}

function withOptions(candidate: Candidate, units: Unit[]): Proposal {
  let chosen: Candidate = candidate;
  let found: OptionsFound = optionsOf(candidate.ruleId, candidate, units);
  // A photo rule that spells out its conditions ("drie voorwaarden: a. … b. … c. …") is the
  // protocol's most specific statement of it, and the one whose details PostWijs can check:
  // cite that one, even where a plainer article scores higher.
  if (candidate.ruleId === 'media-consent' && found.options?.policy === 'consent') {
    for (const alternative of candidate.alternatives) {
      const options = optionsOf(candidate.ruleId, alternative, units);
      if (options.options?.policy === 'consent') continue;
      const { alternatives, ...best } = candidate;
      chosen = { ...candidate, ...alternative, alternatives: [best, ...alternatives.filter((a) => a !== alternative)] };
      found = options;
      break;
    }
  }
  return { ...chosen, ...(found.options ? { options: found.options } : {}), ...(found.roles ? { roles: found.roles } : {}), optionWhy: found.why };
}

export interface ProtocolMeta {
  title: string;
  school: string;
  board: string;
  boardAliases: string[];
  date: string;
  language: 'nl' | 'en';
  disclaimer?: { article: string; text: string };
}

/** A rule as the reviewer accepted it: the proposal, perhaps with another passage chosen. */
export interface AcceptedRule {
  ruleId: RuleId;
  passage: Passage;
  options?: Record<string, unknown>;
  roles?: Role[];
}

/** The protocol document from reviewed rules: only the articles they cite (and the disclaimer's). */
export function buildProtocol(meta: ProtocolMeta, units: Unit[], accepted: (AcceptedRule | Proposal)[]): ProtocolInput {
  const rules: ProtocolInput['rules'] = {};
  for (const rule of accepted) {
    const passage = 'passage' in rule ? rule.passage : rule;
    rules[rule.ruleId] = {
      article: passage.article,
      quote: passage.quote,
      ...(rule.roles ? { roles: rule.roles } : {}),
      ...(rule.options ? { options: rule.options } : {}),
    };
  }
  const hasDisclaimerRule = 'missing-disclaimer' in rules;
  const disclaimer = hasDisclaimerRule && meta.disclaimer ? meta.disclaimer : undefined;
  const citedNumbers = new Set([...Object.values(rules).map((r) => r.article), ...(disclaimer ? [disclaimer.article] : [])]);
  const articles = units
    .filter((u) => citedNumbers.has(u.number))
    .map((u) => ({ number: u.number, ...(u.section ? { section: u.section } : {}), text: u.text }));
  return {
    id: slug(meta.school === meta.board ? meta.board : `${meta.board} ${meta.school}`) || 'eigen-protocol',
    title: meta.title,
    school: meta.school,
    board: meta.board,
    boardAliases: meta.boardAliases,
    date: meta.date,
    language: meta.language,
    summary: summarize(meta, Object.keys(rules) as RuleId[]),
    ...(disclaimer ? { disclaimer: { ...disclaimer, short: shortDisclaimer(disclaimer.text, meta.board, meta.language) } } : {}),
    articles,
    rules,
  };
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

const MESSAGES = { nl: nlMessages as Record<string, { message: string }>, en: enMessages as Record<string, { message: string }> };

function summarize(meta: ProtocolMeta, ruleIds: RuleId[]): Protocol['summary'] {
  const lines = (lang: 'nl' | 'en') => ruleIds.map((id) => MESSAGES[lang][RULES[id].meta.description]?.message ?? id).join(' ');
  return {
    nl: `Het eigen protocol van ${meta.school}, ingelezen uit het document van de school en nagekeken. ${lines('nl')}`,
    en: `The own protocol of ${meta.school}, read from the school's document and reviewed. ${lines('en')}`,
  };
}

