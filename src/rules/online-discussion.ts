import { defineRule, STAFF } from './define-rule.ts';

// Aeres 1.4 asks staff not to enter online discussions about school at all.
export default defineRule({
  id: 'online-discussion',
  meta: {
    type: 'conduct',
    description: 'ruleOnlineDiscussionDescription',
    defaultSeverity: 'info',
    defaultRoles: STAFF,
    messages: {
      reply: 'ruleOnlineDiscussionReply',
    },
    defaultOptions: {},
  },
  check(draft, { signals, severity }) {
    const isDiscussion = draft.kind === 'reply' || draft.kind === 'comment';
    return isDiscussion && signals.schoolRelated.value ? [{ messageId: 'reply', severity }] : [];
  },
});
