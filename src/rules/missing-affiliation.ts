import { defineRule, STAFF } from './define-rule.ts';

// Staff taking part in a discussion about the school say that they work there
// (CVO C.3, OOH C.3, VSNON 20, Willibrord-Miland C.2); CVO B.2 also asks for the function.
export default defineRule({
  id: 'missing-affiliation',
  meta: {
    type: 'duty',
    description: 'ruleMissingAffiliationDescription',
    defaultSeverity: 'warning',
    defaultRoles: STAFF,
    messages: {
      missing: 'ruleMissingAffiliationMissing',
      missingWithFunction: 'ruleMissingAffiliationMissingWithFunction',
    },
    defaultOptions: {
      /** CVO B.2: the function must be stated too. */
      requireJobTitle: false,
      /** Most protocols tie the duty to taking part in a discussion: replies and comments
       * get the full severity, a stand-alone post only an info. */
      discussionOnly: false,
    } as { requireJobTitle: boolean; discussionOnly: boolean },
  },
  check(draft, { signals, config, options, severity }) {
    if (!signals.schoolRelated.value || signals.affiliation.value) return [];
    const isDiscussion = draft.kind === 'reply' || draft.kind === 'comment';
    const jobTitle = config.jobTitle?.trim();
    const line = jobTitle ? `${jobTitle} bij ${config.school.name}` : `medewerker van ${config.school.name}`;
    return [
      {
        messageId: options.requireJobTitle ? 'missingWithFunction' : 'missing',
        data: { school: config.school.name },
        severity: options.discussionOnly && !isDiscussion ? 'info' : severity,
        spans: signals.schoolRelated.evidence.slice(0, 3).map((e) => e.span),
        fix: { kind: 'insert-affiliation', text: `(${line})` },
      },
    ];
  },
});
