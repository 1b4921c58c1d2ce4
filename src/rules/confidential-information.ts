import { defineRule, EVERYONE, firstText, spansOf } from './define-rule.ts';

// Nothing confidential or under embargo (Aeres 1.3, OOH A.2/C.1, VSNON 2c, Willibrord A.2/C.1).
export default defineRule({
  id: 'confidential-information',
  meta: {
    type: 'privacy',
    description: 'ruleConfidentialInformationDescription',
    defaultSeverity: 'error',
    defaultRoles: EVERYONE,
    messages: {
      found: 'ruleConfidentialInformationFound',
    },
    schema: {},
    defaultOptions: {},
  },
  check(draft, { signals }) {
    if (!signals.confidential.value) return [];
    return [
      {
        messageId: 'found',
        data: { found: firstText(draft, signals.confidential) },
        spans: spansOf(signals.confidential),
      },
    ];
  },
});
