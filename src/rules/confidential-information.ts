import { defineRule, EVERYONE } from './define-rule.ts';

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
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    if (!signals.confidential.value) return [];
    const first = signals.confidential.evidence[0];
    return [
      {
        messageId: 'found',
        data: { found: first ? draft.text.slice(first.span.start, first.span.end) : '' },
        severity,
        spans: signals.confidential.evidence.map((e) => e.span),
      },
    ];
  },
});
