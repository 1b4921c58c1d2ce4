import { ruleTester } from './rule-tester.ts';

ruleTester('pupil-mention', {
  valid: [
    { text: 'Zaterdag de bruiloft van mijn zus Lotte en haar Daan.' },
    { text: 'Afscheid van meester Kees na 40 jaar op Griftland. Op persoonlijke titel.' },
    { text: 'Onze hond Bowie is geslaagd voor de puppycursus!' },
    { text: 'Lekker gefietst vandaag.' },
    // A parent's own child counts as a pupil only in a post about school (LABELS.md), not at the football club.
    { text: 'Idd herkenbaar! Mijn kinderen zitten de hele zomer op de trampoline, ik zie ze alleen bij het eten 😂', role: 'parent' },
    { text: "Onze Bas scoorde vandaag zijn eerste doelpunt bij de F'jes van VV Wissel! ⚽", role: 'parent' },
  ],
  invalid: [
    { text: 'Gefeliciteerd Emma uit 2B met de schrijfwedstrijd! Op persoonlijke titel.', errors: [{ messageId: 'identifiable', severity: 'warning' }] },
    { text: 'Mijn klas was vandaag zo stil tijdens de toets. Op persoonlijke titel.', errors: [{ messageId: 'group', severity: 'info' }] },
    {
      text: 'Knap gedaan van Daan tijdens de musical op Griftland!',
      noConsentNames: ['Daan de Vries', 'Daan'],
      errors: [{ messageId: 'noConsent', severity: 'error', data: { name: 'Daan' } }],
      output: null,
    },
    { text: 'dat meisje uit groep 6 met die gele jas zat weer alleen', protocol: 'ooh', school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] }, role: 'parent', errors: [{ messageId: 'identifiable', severity: 'warning' }] },
    { text: 'Our daughter Mila lost her first tooth today!', role: 'parent', errors: [{ messageId: 'identifiable', severity: 'info' }] },
    // A named child and a result a few sentences on, in the same paragraph of a staff post about the class.
    { text: 'Ik ben leerkracht van groep 5 op Griftland. Vandaag kwam Zoë naar me toe met een dik boek. Haar eerste hele boek ooit. Ze is in een half jaar van AVI E3 naar AVI M5 gegaan.', errors: [{ messageId: 'identifiable' }] },
    { text: 'Onze Sem vond de eerste schooldag in groep 3 best spannend.', role: 'parent', errors: [{ messageId: 'identifiable' }] },
  ],
});

// The rule on given signals, whatever the detectors make of the text: which message, which
// severity and which spans follow from which evidence.
ruleTester('pupil-mention', {
  valid: [
    { text: 'Emma uit 2B won.', signals: {} },
    // Pupils as a group, but not about school: nothing to say.
    { text: 'De kinderen speelden buiten.', signals: { pupilsReferenced: [{ reason: 'pupil-word', span: 'kinderen' }] } },
  ],
  invalid: [
    {
      text: 'Emma uit 2B won, net als Sem uit 3A.',
      signals: {
        schoolRelated: true,
        pupilIdentifiable: [
          { reason: 'name-with-class', span: 'Emma uit 2B' },
          { reason: 'name-with-class', span: 'Sem uit 3A' },
        ],
      },
      errors: [{ messageId: 'identifiable', severity: 'warning', data: { found: 'Emma uit 2B' }, spans: ['Emma uit 2B', [25, 35]] }],
    },
    {
      // Not about school: an identifiable pupil is worth knowing, no more.
      text: 'Emma uit 2B won.',
      signals: { pupilIdentifiable: [{ reason: 'name-with-class', span: 'Emma uit 2B' }] },
      errors: [{ messageId: 'identifiable', severity: 'info' }],
    },
    {
      // Each name from the no-consent list is its own error, ahead of everything else.
      text: 'Daan en Noor uit 2B waren top.',
      signals: {
        schoolRelated: true,
        pupilIdentifiable: [
          { reason: 'no-consent-name', span: 'Daan' },
          { reason: 'name-with-class', span: 'Noor uit 2B' },
          { reason: 'no-consent-name', span: 'Noor' },
        ],
      },
      errors: [
        { messageId: 'noConsent', severity: 'error', data: { name: 'Daan' }, spans: ['Daan'] },
        { messageId: 'noConsent', severity: 'error', data: { name: 'Noor' }, spans: [[8, 12]] },
      ],
      output: null,
    },
    {
      text: 'Mijn klas was stil vandaag.',
      signals: { schoolRelated: true, pupilsReferenced: [{ reason: 'pupil-word', span: 'Mijn klas' }] },
      errors: [{ messageId: 'group', severity: 'info', spans: ['Mijn klas'] }],
    },
  ],
});
