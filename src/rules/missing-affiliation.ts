import { defineRule, inDiscussion, spansOf, STAFF } from './define-rule.ts';

/** Affiliation evidence that names a function ("als docent", a signature "…, directeur",
 * "mentor Griftland"), as opposed to only saying where one works. */
const FUNCTION_REASONS = new Set(['job-title', 'signature', 'job-at-school']);

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
      missingUnnamed: 'ruleMissingAffiliationMissingUnnamed',
      missingWithFunction: 'ruleMissingAffiliationMissingWithFunction',
      missingWithFunctionUnnamed: 'ruleMissingAffiliationMissingWithFunctionUnnamed',
      missingFunction: 'ruleMissingAffiliationMissingFunction',
    },
    schema: {
      /** CVO B.2: the function must be stated too. */
      requireJobTitle: { type: 'boolean' },
      /** Most protocols tie the duty to taking part in a discussion: replies and comments
       * get the full severity, a stand-alone post only an info. */
      discussionOnly: { type: 'boolean' },
    },
    defaultOptions: { requireJobTitle: false, discussionOnly: false },
  },
  check(draft, { signals, config, options, severity }) {
    if (!signals.schoolRelated.value) return [];
    // "Ik werk op Griftland" says where, not as what: CVO B.2 asks for both.
    const functionNamed = signals.affiliation.evidence.some((e) => FUNCTION_REASONS.has(e.reason));
    if (signals.affiliation.value && (!options.requireJobTitle || functionNamed)) return [];
    const jobTitle = config.jobTitle?.trim();
    const school = config.school.name.trim();
    // Without the school's name (the general protocol before setup) the message says "je school"
    // and no line is offered: "(medewerker van )" would put a broken sentence in the post.
    const messageId = signals.affiliation.value
      ? 'missingFunction'
      : `${options.requireJobTitle ? 'missingWithFunction' : 'missing'}${school ? '' : 'Unnamed'}`;
    const line = jobTitle ? `${jobTitle} bij ${school}` : `medewerker van ${school}`;
    return [
      {
        messageId,
        data: { school },
        severity: options.discussionOnly && !inDiscussion(draft) ? 'info' : severity,
        spans: spansOf(signals.schoolRelated, 3),
        ...(school ? { fix: { kind: 'insert-affiliation' as const, text: `(${line})` } } : {}),
      },
    ];
  },
});
