import { ruleTester } from './rule-tester.ts';

ruleTester('offensive-language', {
  valid: [
    { text: 'Zondag loop ik mee voor KWF Kankerbestrijding.' },
    { text: 'Tyfus en tering (tbc) kwamen vroeger veel voor, leerden we in de les.' },
    { text: 'Mijn tante heeft kanker, we leven met haar mee.' },
    { text: 'Best bakery in town? Fight me.' },
    { text: 'Die sneakers zijn echt klasse.' },
    { text: 'Onze dochter ging verkleed als heks naar het Halloweenfeest.', role: 'parent' },
    { text: 'The cow on the school farm had a calf this morning!' },
    // Name-calling with laughter and affection in a short post: banter between friends.
    { text: "hahaha you're such a muppet 😂❤️ love u", role: 'pupil' },
    { text: "Ben zo'n sukkel: mijn tas in de trein laten liggen 🙈" },
    { text: 'Oppassen geblazen: morgen is het glad op het schoolplein.' },
  ],
  invalid: [
    { text: 'Tering, sleutels kwijt.', errors: [{ messageId: 'found', severity: 'warning' }] },
    { text: 'Die kankerlijers op de A12 ook weer.', errors: [{ messageId: 'found', data: { found: 'kankerlijers' } }] },
    { text: 'Griftland is echt een teringschool.', role: 'pupil', errors: [{ messageId: 'found', severity: 'error' }] },
    { text: 'Als hij nog één keer aan mijn fiets zit sla ik hem morgen na school in elkaar.', role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: 'Sommige ouders op Griftland zijn echt debiel.', errors: [{ messageId: 'found', severity: 'error' }] },
    // Laughter without affection is not banter; in a long post the kind words may be for someone else.
    { text: 'lol wie is die loser uit 4H, get a life bro 😂', role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: `${'Wat een week op Griftland. '.repeat(12)}Die nieuwe conciërge is een loser 😂 Fijn weekend lieverd ❤️`, role: 'pupil', errors: [{ messageId: 'found' }] },
    // Threats without a curse word, and insults in other forms.
    { text: 'Als de meester mijn zoon nog één keer straf geeft, dan zal hij het merken.', role: 'parent', errors: [{ messageId: 'found' }] },
    { text: 'Wie mijn jas heeft gepikt: ik weet wie je bent.', role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: "if the head cancels the trip again he'll regret it", role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: 'Wat een engerd, die nieuwe conciërge op Griftland.', role: 'pupil', errors: [{ messageId: 'found' }] },
    { text: 'Die mensen op het schoolplein moeten terug naar hun eigen land.', role: 'parent', errors: [{ messageId: 'found' }] },
  ],
});
