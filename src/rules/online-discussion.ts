import { defineRule, inDiscussion, STAFF } from './define-rule.ts';

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
    schema: {},
    defaultOptions: {},
  },
  check(draft, { signals }) {
    return inDiscussion(draft) && signals.schoolRelated.value ? [{ messageId: 'reply' }] : [];
  },
});
