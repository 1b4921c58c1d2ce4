// The rule registry: the one place a rule is registered. One import per rule file, listed in
// the order the docs, the review page and the protocol drafting show them; the public rule ids
// and the RuleId type derive from this list. A meta-test (test/meta.test.ts) checks that every
// file in this folder is registered here, has a test table and a doc page.
import confidentialInformation from './confidential-information.ts';
import type { Rule } from './define-rule.ts';
import lessonTime from './lesson-time.ts';
import mediaConsent from './media-consent.ts';
import missingAffiliation from './missing-affiliation.ts';
import missingDisclaimer from './missing-disclaimer.ts';
import offensiveLanguage from './offensive-language.ts';
import onlineDiscussion from './online-discussion.ts';
import personalData from './personal-data.ts';
import pupilMention from './pupil-mention.ts';

const REGISTERED = [
  missingDisclaimer,
  missingAffiliation,
  pupilMention,
  personalData,
  offensiveLanguage,
  confidentialInformation,
  mediaConsent,
  lessonTime,
  onlineDiscussion,
] as const;

/** The public, stable rule ids; protocols refer to these, and a rule's file is src/rules/<id>.ts. */
export type RuleId = (typeof REGISTERED)[number]['id'];

/** The options of one rule, typed from its schema (for typed test tables and tools). */
export type RuleOptions<Id extends RuleId> = Extract<(typeof REGISTERED)[number], { id: Id }>['meta']['defaultOptions'];

/** A registered rule, whatever its messages and options (the engine merges its options as data). */
export type AnyRule = Rule<string, any, RuleId>;

// Pure: the content script, which never reads the list, leaves it out.
export const RULE_IDS: readonly RuleId[] = /* @__PURE__ */ REGISTERED.map((rule) => rule.id);

export const RULES = Object.fromEntries(REGISTERED.map((rule) => [rule.id, rule])) as Record<RuleId, AnyRule>;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
