import { RULES } from '../rules/index.ts';
import type { RuleId } from '../rules/ids.ts';
import type { CheckConfig } from './config.ts';
import { detectAffiliation } from './signals/affiliation.ts';
import { detectConfidential } from './signals/confidential.ts';
import { buildContext } from './signals/context-builder.ts';
import type { DetectContext } from './signals/context.ts';
import { detectDisclaimer } from './signals/disclaimer.ts';
import { detectOffensive } from './signals/offensive.ts';
import { detectPersonalData } from './signals/personal-data.ts';
import { detectPupils } from './signals/pupils.ts';
import { detectSchoolRelated } from './signals/school-related.ts';
import type { CheckResult, Draft, Evidence, Finding, Signal, Signals } from './types.ts';

// The engine's entry point: draft + config -> the eight signals and the protocol's findings.
//
//   text ──► buildContext (fold, words, school/board mentions, class codes, names)
//        ──► detectors ──► Signals ──► rules enabled by the protocol ──► Findings
//
// Posts longer than MAX_TEXT are checked on their first MAX_TEXT characters: the sites cap
// posts far below that, and the cost of a check must stay bounded whatever is pasted.

export const MAX_TEXT = 120_000;

const signal = (evidence: Evidence[]): Signal => ({ value: evidence.length > 0, evidence });

export function detectSignals(text: string, config: CheckConfig): Signals {
  const ctx = buildContext(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, config);
  const base = detectSchoolRelated(ctx, { identifiable: [], ownChild: false });
  const pupils = detectPupils(ctx, { related: base.value, weakWords: base.weakWords + (hasSchoolWord(ctx) ? 1 : 0) });
  // Naming a pupil can make a post school-related (staff writing about a child), so the
  // school signal is decided again once the pupils are known.
  const school = base.value || !pupils.identifiable.length ? base : detectSchoolRelated(ctx, pupils);
  const identifiable = pupils.identifiable;
  const offensive = detectOffensive(ctx);
  return {
    schoolRelated: signal(school.value ? school.evidence : []),
    disclaimer: signal(detectDisclaimer(ctx)),
    affiliation: signal(detectAffiliation(ctx)),
    pupilsReferenced: signal(pupils.referenced),
    pupilIdentifiable: signal(identifiable),
    personalData: signal(detectPersonalData(ctx, identifiable.length > 0, offensive.filter((e) => e.reason === 'curse'))),
    offensive: signal(offensive),
    confidential: signal(detectConfidential(ctx)),
  };
}

const SCHOOLISH = /(?<![\p{L}])(?:\p{L}{0,12}school|juf|klas|groep|stage|opleiding|mentor|rapport|vmbo|mavo|havo|vwo|mbo|lyceum|gymnasium|kindergarten|kleuterklas|creche|peuterspeelzaal)(?![\p{L}])/u;

function hasSchoolWord(ctx: DetectContext): boolean {
  return SCHOOLISH.test(ctx.index.folded);
}

export function check(draft: Draft, config: CheckConfig): CheckResult {
  const signals = detectSignals(draft.text, config);
  return { signals, findings: findingsFor(draft, config, signals) };
}

export function findingsFor(draft: Draft, config: CheckConfig, signals: Signals): Finding[] {
  const { protocol } = config;
  // The user's own wording first; on X the protocol's short form, since the full wording
  // (up to 224 characters) would leave little of X's 280 for the post itself.
  const ownWording = protocol.disclaimer && (draft.platform === 'x' ? (protocol.disclaimer.short ?? protocol.disclaimer.text) : protocol.disclaimer.text);
  const disclaimerText = config.disclaimer?.trim() || ownWording || 'Op persoonlijke titel.';
  const findings: Finding[] = [];
  for (const [ruleId, ruleConfig] of Object.entries(protocol.rules)) {
    const rule = RULES[ruleId as RuleId];
    if (!rule) continue;
    const roles = ruleConfig.roles ?? rule.meta.defaultRoles;
    if (!roles.includes(config.role)) continue;
    const options = mergedOptions(protocol, ruleId, () => ({ ...rule.meta.defaultOptions, ...ruleConfig.options }));
    const severity = ruleConfig.severity ?? rule.meta.defaultSeverity;
    const article = protocol.articles.find((a) => a.number === ruleConfig.article);
    for (const report of rule.check(draft, { signals, config, protocol, options, severity, disclaimerText })) {
      findings.push({
        ruleId,
        severity: report.severity ?? severity,
        messageId: report.messageId,
        // Message ids are typed from meta.messages, so the key exists.
        messageKey: rule.meta.messages[report.messageId]!,
        data: report.data ?? {},
        spans: report.spans ?? [],
        article: { protocol: protocol.id, number: article?.number ?? ruleConfig.article, quote: ruleConfig.quote },
        ...(report.fix ? { fix: report.fix } : {}),
        ...(report.checklist?.length ? { checklist: report.checklist } : {}),
      });
    }
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

// Rule options are merged once per protocol object, not on every keystroke.
const optionCache = new WeakMap<object, Map<string, unknown>>();
function mergedOptions(protocol: object, ruleId: string, parse: () => unknown): unknown {
  let perProtocol = optionCache.get(protocol);
  if (!perProtocol) optionCache.set(protocol, (perProtocol = new Map()));
  if (!perProtocol.has(ruleId)) perProtocol.set(ruleId, parse());
  return perProtocol.get(ruleId);
}
