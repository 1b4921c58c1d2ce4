import { parseWorded } from './issue-text.ts';
import { withoutProtoKeys } from './own-keys.ts';
import { protocolSchema, type Protocol } from './protocol-schema.ts';
import { validateRuleOptions } from '../rules/options.ts';

// A school's own protocol document, as the user pasted or imported it (JSON text): parsed and
// checked the way the build checks the bundled ones, each problem worded in Dutch with the
// English in brackets. Pure, so that the background worker (deriving the protocol in use), the
// options page (checking an import before saving it) and Node all read it the same way.

export interface ProtocolProblem {
  /** Where: the document's path ("rules.media-consent.options.policy"), or "customProtocol". */
  key: string;
  reason: string;
}

export function parseCustomProtocol(text: string): { protocol?: Protocol; problems: ProtocolProblem[] } {
  if (!text.trim()) return { problems: [{ key: 'customProtocol', reason: 'leeg (empty)' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [{ key: 'customProtocol', reason: `geen geldige JSON (not valid JSON): ${(error as Error).message}` }] };
  }
  // "__proto__" would vanish into a prototype while parsing (a rule under it never checked,
  // never reported): it is an unknown key, reported with its place.
  const cleaned = withoutProtoKeys(raw);
  if (cleaned.dropped.length) return { problems: cleaned.dropped.map((key) => ({ key, reason: 'onbekende sleutel (unknown key)' })) };
  return checkProtocol(cleaned.value);
}

/** A protocol document already parsed from JSON, checked by the schema and each rule's options:
 * the protocol, or every problem with its place. */
export function checkProtocol(value: unknown): { protocol?: Protocol; problems: ProtocolProblem[] } {
  const parsed = parseWorded(protocolSchema, value);
  if (!parsed.success) return { problems: parsed.issues.map((i) => ({ key: i.path || 'customProtocol', reason: i.reason })) };
  const ruleIds = Object.keys(parsed.data.rules);
  const ruleProblems = validateRuleOptions(parsed.data).map((p) => ruleProblem(p, ruleIds));
  return ruleProblems.length ? { problems: ruleProblems } : { protocol: parsed.data, problems: [] };
}

/** "rules.<id>[.options.<path>]: <reason>" as a key and a reason. The id is the document's own
 * and may hold a colon itself ("rules.foto:s: onbekende regel"), so the key runs to the first
 * colon after the longest rule id the problem starts with, not to the first colon. */
function ruleProblem(problem: string, ruleIds: readonly string[]): ProtocolProblem {
  let head = 0;
  for (const id of ruleIds) {
    const prefix = `rules.${id}`;
    const next = problem[prefix.length];
    if (prefix.length > head && problem.startsWith(prefix) && (next === ':' || next === '.')) head = prefix.length;
  }
  const colon = problem.indexOf(':', head);
  return { key: problem.slice(0, colon), reason: problem.slice(colon + 1).trim() };
}
