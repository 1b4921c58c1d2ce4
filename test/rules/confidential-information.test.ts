import { ruleTester } from './rule-tester.ts';

const ooh = { protocol: 'ooh' as const, school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] } };

ruleTester('confidential-information', {
  valid: [
    { ...ooh, text: 'Het is geen geheim dat ik dol ben op de markt.' },
    { ...ooh, text: 'Ik ga niet uit de school klappen, maar de ouderavond was pittig.', role: 'parent' },
    { ...ooh, text: 'Meer kan ik er nog niet over zeggen; we informeren iedereen in juni.', role: 'director' },
  ],
  invalid: [
    { ...ooh, text: 'Vertrouwelijk: de inspectie komt volgende week op Het Spectrum.', errors: [{ messageId: 'found', severity: 'error' }] },
    { ...ooh, text: 'Ouders worden pas in april geïnformeerd over de fusie.', errors: [{ messageId: 'found' }] },
    { ...ooh, text: 'Sst, niet doorvertellen aan de kids: er komt een springkussen!', role: 'parent', errors: [{ messageId: 'found' }] },
  ],
});
