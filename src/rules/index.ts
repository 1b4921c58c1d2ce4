// The rule registry: one import per rule file. A meta-test checks that every file in this
// folder is registered here, has a test table and a doc page.
import type { Protocol } from '../engine/protocol-schema.ts';
import confidentialInformation from './confidential-information.ts';
import type { Rule } from './define-rule.ts';
import type { RuleId } from './ids.ts';
import { isRuleId } from './ids.ts';
import lessonTime from './lesson-time.ts';
import mediaConsent from './media-consent.ts';
import missingAffiliation from './missing-affiliation.ts';
import missingDisclaimer from './missing-disclaimer.ts';
import offensiveLanguage from './offensive-language.ts';
import onlineDiscussion from './online-discussion.ts';
import personalData from './personal-data.ts';
import pupilMention from './pupil-mention.ts';

export const RULES: Record<RuleId, Rule<string, any>> = {
  'missing-disclaimer': missingDisclaimer,
  'missing-affiliation': missingAffiliation,
  'pupil-mention': pupilMention,
  'personal-data': personalData,
  'offensive-language': offensiveLanguage,
  'confidential-information': confidentialInformation,
  'media-consent': mediaConsent,
  'lesson-time': lessonTime,
  'online-discussion': onlineDiscussion,
};

/** Problems with a protocol's rule section: unknown ids and options the rule rejects. */
export function validateRuleOptions(protocol: Protocol): string[] {
  const problems: string[] = [];
  for (const [ruleId, config] of Object.entries(protocol.rules)) {
    if (!isRuleId(ruleId)) {
      problems.push(`rules.${ruleId}: unknown rule id`);
      continue;
    }
    const parsed = RULES[ruleId].meta.options.safeParse(config.options ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`rules.${ruleId}.options.${issue.path.join('.')}: ${issue.message}`);
      }
    }
  }
  return problems;
}
