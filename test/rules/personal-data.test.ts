import { ruleTester } from './rule-tester.ts';

ruleTester('personal-data', {
  valid: [
    { text: 'Vragen? Mail naar info@griftland.nl of bel de school.' },
    { text: 'Ik ben vandaag 40 geworden! 🎂' },
    { text: 'Luizenpluizen in groep 3: ouders, check even alle hoofdjes.' },
    { text: 'Alle 62 examenkandidaten geslaagd! Op persoonlijke titel.' },
    // A care job and the epidemic are nobody's health.
    { text: 'De moeder van Noor (groep 1/2B) is huisarts. Met een zware dokterstas kwam ze in de klas.' },
    { text: 'Omwille van corona moeten we erop staan dat de traktatie verpakt is, zei juf Anna.' },
    // The writer's own condition, by a possessive or an inverted subject.
    { text: 'Mijn zwangerschap kon al vroeg in de formatie worden meegenomen, zei juf Anna.' },
    { text: 'Bij het schoolonderzoek aardrijkskunde was ik ziek, dus ik heb de docent gebeld.', role: 'pupil' },
  ],
  invalid: [
    { text: 'Bel conciërge Henk even op 06-12345678 als je de sleutel hebt.', errors: [{ messageId: 'found', severity: 'warning', data: { kinds: [{ key: 'dataPhone' }] } }] },
    { text: 'Mail de moeder van Sem: j.jansen@gmail.com', errors: [{ messageId: 'found' }] },
    { text: 'Hiep hiep hoera, Noor uit groep 3 is vandaag 7 geworden!', errors: [{ messageId: 'found' }] },
    // "Ik heb 06 … gekregen" is not the writer's own number when it is someone else's that was asked for.
    { text: 'Heeft iemand het goede nummer van de moeder van Guus uit groep 5? Ik heb 06 55 03 81 27 gekregen maar daar neemt niemand op.', role: 'parent', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataPhone' }] } }] },
    { text: "It was Lotte's 6th birthday last week, so she took skewers to school for her class.", role: 'parent', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataBirthday' }] } }] },
    { text: 'Juf Ellen zit deze week thuis met corona, dus mail haar even.', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataHealth' }] } }] },
    { text: 'Hier ook hoor, onze jongste heeft waterpokken dus ik zit de rest van de week thuis 🙈', role: 'parent', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataHealth' }] } }] },
    { text: 'Mijn collega Jeroen en zijn zieke vrouw: veel sterkte, jullie.', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataHealth' }] } }] },
    { text: 'Collega Jeroen heeft een burn-out en komt voorlopig niet terug.', errors: [{ messageId: 'found', data: { kinds: [{ key: 'dataHealth' }] } }] },
    { text: 'Trots op onze Sem, een 8,5 voor wiskunde op Griftland!', role: 'parent', errors: [{ messageId: 'found' }] },
    { text: 'Wie brengt de fiets terug naar Ravi uit klas 4? Hij woont op de Dorpsstraat 12.', errors: [{ messageId: 'found' }] },
  ],
});

// Every reason the personal-data detector gives, with the label the message lists it by.
const KIND_LABELS = {
  phone: 'dataPhone',
  email: 'dataEmail',
  address: 'dataAddress',
  postcode: 'dataPostcode',
  bsn: 'dataBsn',
  birthday: 'dataBirthday',
  health: 'dataHealth',
  grade: 'dataGrade',
  family: 'dataFamily',
  'national-number': 'dataNationalNumber',
  model: 'dataModel',
} as const;

// The rule on given signals: every kind the detector can report has a label, each kind is
// named once, in the order found, and every piece of evidence is a span.
ruleTester('personal-data', {
  valid: [{ text: 'Bel 06-12345678.', signals: { schoolRelated: true } }],
  invalid: [
    {
      text: 'Bel 06-12345678 of mail a@b.nl; 06-87654321 kan ook.',
      signals: {
        personalData: [
          { reason: 'phone', span: '06-12345678' },
          { reason: 'email', span: 'a@b.nl' },
          { reason: 'phone', span: '06-87654321' },
        ],
      },
      errors: [{ messageId: 'found', severity: 'warning', data: { kinds: [{ key: 'dataPhone' }, { key: 'dataEmail' }] }, spans: ['06-12345678', 'a@b.nl', [32, 43]] }],
    },
    ...Object.entries(KIND_LABELS).map(([reason, key]) => ({
      text: 'Iets over iemand anders.',
      signals: { personalData: [{ reason, span: 'iemand anders' }] },
      errors: [{ messageId: 'found', data: { kinds: [{ key }] } }],
    })),
  ],
});
