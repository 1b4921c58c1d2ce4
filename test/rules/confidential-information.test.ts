import { ruleTester } from './rule-tester.ts';

const ooh = { protocol: 'ooh' as const, school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] } };

ruleTester('confidential-information', {
  valid: [
    { ...ooh, text: 'Het is geen geheim dat ik dol ben op de markt.' },
    { ...ooh, text: 'Ik ga niet uit de school klappen, maar de ouderavond was pittig.', role: 'parent' },
    { ...ooh, text: 'Meer kan ik er nog niet over zeggen; we informeren iedereen in juni.', role: 'director' },
    // Announced news, a test after the fact, a dismissal elsewhere: nothing confidential.
    { ...ooh, text: 'De fusie is vandaag bekendgemaakt; ouders kregen vanochtend een brief.', role: 'director' },
    { ...ooh, text: 'De toets van vorige week is nagekeken, de cijfers staan in Magister.' },
    { ...ooh, text: 'I will tell you about our trip tomorrow!', role: 'parent' },
    // A meeting only named shares nothing.
    { ...ooh, text: 'Het is officieel: de nieuwe gymzaal van Het Spectrum gaat open op 1 maart!', role: 'director' },
    { ...ooh, text: 'Wéér een teamvergadering tot half zes, en morgen om 8 uur voor de klas 🫠' },
  ],
  invalid: [
    { ...ooh, text: 'Vertrouwelijk: de inspectie komt volgende week op Het Spectrum.', errors: [{ messageId: 'found', severity: 'error' }] },
    { ...ooh, text: 'Ouders worden pas in april geïnformeerd over de fusie.', errors: [{ messageId: 'found' }] },
    { ...ooh, text: 'Sst, niet doorvertellen aan de kids: er komt een springkussen!', role: 'parent', errors: [{ messageId: 'found' }] },
    // News out before its announcement, with no marker word.
    { ...ooh, text: 'De nieuwe juf van groep 6 vertrekt al na drie maanden. Officieel horen de ouders het pas maandag.', errors: [{ messageId: 'found' }] },
    { ...ooh, text: 'Intern besluit: volgend jaar een combinatieklas minder op Het Spectrum. Wordt in februari bekendgemaakt.', errors: [{ messageId: 'found' }] },
    { ...ooh, text: "Staff were told today that Spectrum loses two teachers. Parents won't hear about it until spring.", errors: [{ messageId: 'found' }] },
    // Test questions before the test.
    { ...ooh, text: 'antwoorden toets rekenen groep 8 van morgen: 1b 2a 3d', role: 'pupil', errors: [{ messageId: 'found' }] },
    // The official story against what the writer tells.
    { ...ooh, text: "Onze schoolleider is per direct met verlof. Officieel 'vanwege persoonlijke omstandigheden', maar iedereen weet dat het om het conflict gaat.", errors: [{ messageId: 'found' }] },
    // What an internal meeting said, told outside it.
    { ...ooh, text: 'In de laatste teamvergadering hoorden we dat er volgend jaar 2 fte bezuinigd wordt.', errors: [{ messageId: 'found' }] },
    { ...ooh, text: 'De conciërge wordt per 1 december op non-actief gezet, zei de directeur op Het Spectrum.', errors: [{ messageId: 'found' }] },
  ],
});
