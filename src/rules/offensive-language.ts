import { defineRule, EVERYONE, firstText, spansOf } from './define-rule.ts';

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
    schema: {},
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    if (!signals.offensive.value) return [];
    return [
      {
        messageId: 'found',
        data: { found: firstText(draft, signals.offensive) },
        severity: signals.schoolRelated.value ? severity : 'warning',
        spans: spansOf(signals.offensive),
      },
    ];
  },
});
