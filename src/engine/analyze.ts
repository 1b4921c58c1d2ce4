import { RULES } from '../rules/index.ts';
import type { RuleId } from '../rules/ids.ts';
import type { CheckConfig } from './config.ts';
import { detectSignals } from './detect-signals.ts';
import type { CheckResult, Draft, Finding, Signals } from './types.ts';

// The engine's entry point: draft + config -> signals (detect-signals.ts) -> the rules the
// protocol enables -> findings.

export { detectSignals, MAX_TEXT } from './detect-signals.ts';

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
