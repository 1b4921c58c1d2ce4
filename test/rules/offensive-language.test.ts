import { ruleTester } from './rule-tester.ts';

ruleTester('offensive-language', {
  valid: [
    { text: 'Zondag loop ik mee voor KWF Kankerbestrijding.' },
    { text: 'Tyfus en tering (tbc) kwamen vroeger veel voor, leerden we in de les.' },
    { text: 'Mijn tante heeft kanker, we leven met haar mee.' },
    { text: 'Best bakery in town? Fight me.' },
    { text: 'Die sneakers zijn echt klasse.' },
  ],
  invalid: [
    { text: 'Tering, sleutels kwijt.', errors: [{ messageId: 'found', severity: 'warning' }] },
    { text: 'Die kankerlijers op de A12 ook weer.', errors: [{ messageId: 'found', data: { found: 'kankerlijers' } }] },
    { text: 'Griftland is echt een teringschool.', role: 'pupil', errors: [{ messageId: 'found', severity: 'error' }] },
    { text: 'Als hij nog één keer aan mijn fiets zit sla ik hem morgen na school in elkaar.', role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: 'Sommige ouders op Griftland zijn echt debiel.', errors: [{ messageId: 'found', severity: 'error' }] },
  ],
});
