import { defineRule, EVERYONE } from './define-rule.ts';

// Decency: no bullying, insults, threats or crude language (Aeres 1.3, CVO A.7, OOH A.8,
// VSNON 2a, Willibrord A.9).
export default defineRule({
  id: 'offensive-language',
  meta: {
    type: 'conduct',
    description: 'ruleOffensiveLanguageDescription',
    defaultSeverity: 'error',
    defaultRoles: EVERYONE,
    messages: {
      found: 'ruleOffensiveLanguageFound',
    },
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    if (!signals.offensive.value) return [];
    const first = signals.offensive.evidence[0];
    return [
      {
        messageId: 'found',
        data: { found: first ? draft.text.slice(first.span.start, first.span.end) : '' },
        severity: signals.schoolRelated.value ? severity : 'warning',
        spans: signals.offensive.evidence.map((e) => e.span),
      },
    ];
  },
});
