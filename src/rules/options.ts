import { z } from 'zod';
import type { Protocol } from '../engine/protocol-schema.ts';
import { parseWorded } from '../engine/issue-text.ts';
import { isRuleId, type RuleId } from './ids.ts';
import { RULES } from './index.ts';

// The option schemas of the rules, for validating protocol documents (at build time, in the
// tests, and when a school imports its own protocol). The engine itself reads options as
// plain data merged over each rule's defaultOptions, so zod is not in the content script.

const localized = z.object({ nl: z.string().min(1), en: z.string().min(1) });
const none = z.object({}).strict();

export const RULE_OPTIONS: Record<RuleId, z.ZodType> = {
  'missing-disclaimer': none,
  'missing-affiliation': z.object({ requireJobTitle: z.boolean().optional(), discussionOnly: z.boolean().optional() }).strict(),
  'pupil-mention': none,
  'personal-data': none,
  'offensive-language': none,
  'confidential-information': none,
  'media-consent': z
    .object({ policy: z.enum(['consent', 'no-recognisable-people', 'conditions']).optional(), checklist: z.array(localized).optional() })
    .strict(),
  'lesson-time': none,
  'online-discussion': none,
};

/** Problems with a protocol's rule section: unknown ids and options the rule rejects. */
export function validateRuleOptions(protocol: Protocol): string[] {
  const problems: string[] = [];
  for (const [ruleId, config] of Object.entries(protocol.rules)) {
    if (!isRuleId(ruleId) || !RULES[ruleId]) {
      problems.push(`rules.${ruleId}: onbekende regel (unknown rule id)`);
      continue;
    }
    const parsed = parseWorded(RULE_OPTIONS[ruleId], config.options ?? {});
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(`rules.${ruleId}.options${issue.path ? `.${issue.path}` : ''}: ${issue.reason}`);
    }
  }
  return problems;
}
