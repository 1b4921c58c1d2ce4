import { defineRule, EVERYONE } from './define-rule.ts';

// No personal data of pupils without consent (CVO A.2, OOH A.5, VSNON 2, Willibrord A.2/A.10,
// Aeres 1.3). An identifiable pupil is a warning, a pupil on the school's no-consent list an
// error; pupils only as a group are worth knowing, not worth stopping for.
export default defineRule({
  id: 'pupil-mention',
  meta: {
    type: 'privacy',
    description: 'rulePupilMentionDescription',
    defaultSeverity: 'warning',
    defaultRoles: EVERYONE,
    messages: {
      noConsent: 'rulePupilMentionNoConsent',
      identifiable: 'rulePupilMentionIdentifiable',
      group: 'rulePupilMentionGroup',
    },
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    const noConsent = signals.pupilIdentifiable.evidence.filter((e) => e.reason === 'no-consent-name');
    if (noConsent.length) {
      return noConsent.map((e) => ({
        messageId: 'noConsent' as const,
        data: { name: draft.text.slice(e.span.start, e.span.end) },
        severity: 'error' as const,
        spans: [e.span],
      }));
    }
    if (signals.pupilIdentifiable.value) {
      const first = signals.pupilIdentifiable.evidence[0];
      const found = first ? draft.text.slice(first.span.start, first.span.end) : '';
      return [
        {
          messageId: 'identifiable',
          data: { found },
          severity: signals.schoolRelated.value ? severity : 'info',
          spans: signals.pupilIdentifiable.evidence.map((e) => e.span),
        },
      ];
    }
    if (signals.pupilsReferenced.value && signals.schoolRelated.value) {
      return [{ messageId: 'group', severity: 'info', spans: signals.pupilsReferenced.evidence.map((e) => e.span) }];
    }
    return [];
  },
});
