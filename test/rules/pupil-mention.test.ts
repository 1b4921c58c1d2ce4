import { ruleTester } from './rule-tester.ts';

ruleTester('pupil-mention', {
  valid: [
    { text: 'Zaterdag de bruiloft van mijn zus Lotte en haar Daan.' },
    { text: 'Afscheid van meester Kees na 40 jaar op Griftland. Op persoonlijke titel.' },
    { text: 'Onze hond Bowie is geslaagd voor de puppycursus!' },
    { text: 'Lekker gefietst vandaag.' },
  ],
  invalid: [
    { text: 'Gefeliciteerd Emma uit 2B met de schrijfwedstrijd! Op persoonlijke titel.', errors: [{ messageId: 'identifiable', severity: 'warning' }] },
    { text: 'Mijn klas was vandaag zo stil tijdens de toets. Op persoonlijke titel.', errors: [{ messageId: 'group', severity: 'info' }] },
    {
      text: 'Knap gedaan van Daan tijdens de musical op Griftland!',
      noConsentNames: ['Daan de Vries', 'Daan'],
      errors: [{ messageId: 'noConsent', severity: 'error', data: { name: 'Daan' } }],
    },
    { text: 'dat meisje uit groep 6 met die gele jas zat weer alleen', protocol: 'ooh', school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] }, role: 'parent', errors: [{ messageId: 'identifiable', severity: 'warning' }] },
    { text: 'Our daughter Mila lost her first tooth today!', role: 'parent', errors: [{ messageId: 'identifiable', severity: 'info' }] },
  ],
});
