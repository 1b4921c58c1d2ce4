import { defineRule, STAFF } from './define-rule.ts';

// Aeres 1.4 asks staff not to enter online discussions about school at all.
export default defineRule({
  id: 'online-discussion',
  meta: {
    type: 'conduct',
    description: {
      nl: 'Medewerkers voeren geen discussie over school op sociale media.',
      en: 'Staff do not take part in online discussions about school.',
    },
    defaultSeverity: 'info',
    defaultRoles: STAFF,
    messages: {
      reply: {
        nl: 'Je reageert in een discussie over school. Het protocol vraagt medewerkers geen discussie te voeren op sociale media.',
        en: 'You are replying in a discussion about school. The protocol asks staff not to take part in discussions on social media.',
      },
    },
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    const isDiscussion = draft.kind === 'reply' || draft.kind === 'comment';
    return isDiscussion && signals.schoolRelated.value ? [{ messageId: 'reply', severity }] : [];
  },
});
