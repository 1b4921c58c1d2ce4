// The public, stable rule ids. A rule's file is src/rules/<id>.ts; protocols refer to these.
export const RULE_IDS = [
  'missing-disclaimer',
  'missing-affiliation',
  'pupil-mention',
  'personal-data',
  'offensive-language',
  'confidential-information',
  'media-consent',
  'lesson-time',
  'online-discussion',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
