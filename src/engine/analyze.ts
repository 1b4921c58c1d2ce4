import { isRuleId, RULES } from '../rules/index.ts';
import type { CheckConfig } from './config.ts';
import { detectSignals } from './detect-signals.ts';
import { SEVERITY_RANK, SIGNAL_NAMES, type CheckResult, type Draft, type Finding, type Severity, type SignalName, type Signals } from './types.ts';

// The engine's entry point: draft + config -> signals (detect-signals.ts) -> the rules the
// protocol enables -> findings.

export { detectSignals, MAX_TEXT } from './detect-signals.ts';

export function check(draft: Draft, config: CheckConfig): CheckResult {
  const signals = detectSignals(draft.text, config);
  return { signals, findings: findingsFor(draft, config, signals) };
}

export function findingsFor(draft: Draft, config: CheckConfig, signals: Signals): Finding[] {
  const { protocol } = config;
  const findings: Finding[] = [];
  for (const [ruleId, ruleConfig] of Object.entries(protocol.rules)) {
    // A stored protocol is outside data: an id like "constructor" is no rule.
    if (!isRuleId(ruleId)) continue;
    const rule = RULES[ruleId];
    const roles = ruleConfig.roles ?? rule.meta.defaultRoles;
    if (!roles.includes(config.role)) continue;
    // Options are plain data merged over the rule's defaults: two small objects, cheaper than
    // caching them (the cache was for zod parsing, which the engine no longer does).
    const options = { ...rule.meta.defaultOptions, ...ruleConfig.options };
    const severity = ruleConfig.severity ?? rule.meta.defaultSeverity;
    for (const report of rule.check(draft, { signals, config, protocol, options, severity })) {
      findings.push({
        ruleId,
        severity: report.severity ?? severity,
        messageId: report.messageId,
        // Message ids are typed from meta.messages, so the key exists.
        messageKey: rule.meta.messages[report.messageId]!,
        data: report.data ?? {},
        spans: report.spans ?? [],
        article: { protocol: protocol.id, number: ruleConfig.article, quote: ruleConfig.quote },
        ...(report.fix ? { fix: report.fix } : {}),
        ...(report.checklist?.length ? { checklist: report.checklist } : {}),
      });
    }
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => order[a.severity] - order[b.severity]);
}

/** The signals as booleans, as the CLI's JSON and the archive audit give them. */
export function signalValues(signals: Signals): Record<SignalName, boolean> {
  const values = {} as Record<SignalName, boolean>;
  for (const name of SIGNAL_NAMES) values[name] = signals[name].value;
  return values;
}

/** Is any finding at or above the level (the CLI's --fail-on)? */
export function reachesSeverity(findings: readonly Finding[], level: Severity): boolean {
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
