import { defineRule, STAFF } from './define-rule.ts';

// Staff who post about school on a private account must say they post in a personal
// capacity (Aeres 1.4, CVO C.4, OOH C.4, VSNON 21, Willibrord-Miland C.3).
export default defineRule({
  id: 'missing-disclaimer',
  meta: {
    type: 'duty',
    description: 'ruleMissingDisclaimerDescription',
    defaultSeverity: 'warning',
    defaultRoles: STAFF,
    messages: {
      missing: 'ruleMissingDisclaimerMissing',
    },
    defaultOptions: {},
  },
  check(_draft, { signals, severity, disclaimerText }) {
    if (!signals.schoolRelated.value || signals.disclaimer.value) return [];
    return [
      {
        messageId: 'missing',
        severity,
        spans: signals.schoolRelated.evidence.slice(0, 3).map((e) => e.span),
        fix: { kind: 'insert-disclaimer', text: disclaimerText },
      },
    ];
  },
});
