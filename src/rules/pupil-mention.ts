import { defineRule, EVERYONE, firstText, spansOf, textAt } from './define-rule.ts';

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
    schema: {},
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    const noConsent = signals.pupilIdentifiable.evidence.filter((e) => e.reason === 'no-consent-name');
    if (noConsent.length) {
      return noConsent.map((e) => ({
        messageId: 'noConsent' as const,
        data: { name: textAt(draft, e.span) },
        severity: 'error' as const,
        spans: [e.span],
      }));
    }
    if (signals.pupilIdentifiable.value) {
      return [
        {
          messageId: 'identifiable',
          data: { found: firstText(draft, signals.pupilIdentifiable) },
          severity: signals.schoolRelated.value ? severity : 'info',
          spans: spansOf(signals.pupilIdentifiable),
        },
      ];
    }
    if (signals.pupilsReferenced.value && signals.schoolRelated.value) {
      return [{ messageId: 'group', severity: 'info', spans: spansOf(signals.pupilsReferenced) }];
    }
    return [];
  },
});
