import { defineRule, EVERYONE } from './define-rule.ts';

// Nothing confidential or under embargo (Aeres 1.3, OOH A.2/C.1, VSNON 2c, Willibrord A.2/C.1).
export default defineRule({
  id: 'confidential-information',
  meta: {
    type: 'privacy',
    description: {
      nl: 'Geen vertrouwelijke informatie of nieuws onder embargo.',
      en: 'No confidential information or news under embargo.',
    },
    defaultSeverity: 'error',
    defaultRoles: EVERYONE,
    messages: {
      found: {
        nl: 'Dit lijkt vertrouwelijk of nog niet bekendgemaakt ("{{found}}").',
        en: 'This looks confidential or not yet announced ("{{found}}").',
      },
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
