import { ruleTester } from './rule-tester.ts';

const aeres = { protocol: 'aeres-mbo' as const, school: { name: 'Aeres MBO Ede', aliases: ['Aeres'] } };

ruleTester('online-discussion', {
  valid: [
    { ...aeres, text: 'Mooie open dag op Aeres Ede! Op persoonlijke titel.', kind: 'post' },
    { ...aeres, text: '@buurman Klopt, lekker weer.', kind: 'reply' },
    { ...aeres, text: '@jan Op Aeres mag dat gewoon.', kind: 'reply', role: 'parent' },
    { text: '@jan Op Griftland mag dat gewoon.', kind: 'reply' },
  ],
  invalid: [{ ...aeres, text: '@jan Op Aeres Ede mag dat gewoon, hoor.', kind: 'reply', errors: [{ messageId: 'reply', severity: 'info' }] }],
});
