// The rule registry: one import per rule file. A meta-test checks that every file in this
// folder is registered here, has a test table and a doc page.
import confidentialInformation from './confidential-information.ts';
import type { Rule } from './define-rule.ts';
import type { RuleId } from './ids.ts';
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
