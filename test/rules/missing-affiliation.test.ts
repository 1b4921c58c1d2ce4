import { describe, expect, it } from 'vitest';
import { runCase, ruleTester } from './rule-tester.ts';

ruleTester('missing-affiliation', {
  valid: [
    { text: 'Als docent op Griftland zie ik dit elke dag. Op persoonlijke titel.' },
    { text: 'Ik werk zelf op Het Spectrum en vind de mobielban een succes.', protocol: 'ooh', school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] } },
    { text: 'Griftland College, ik ben daar mentor en vind de mobielban een succes.' },
    { text: 'Beste ouders,\nMorgen is de school dicht.\n\nHartelijke groet,\nPeter de Wit\ndirecteur Griftland College', role: 'director' },
    { text: 'Griftland doet mee aan de staking.', role: 'parent' },
    { text: 'Lekker weekend gehad.' },
    {
      text: 'Mooie dag op Aeres Ede met de studenten.',
      protocol: 'aeres-mbo',
      school: { name: 'Aeres MBO Ede', aliases: ['Aeres'] },
    },
  ],
  invalid: [
    {
      // CVO B.2: where one works is not enough, the function is asked too.
      text: 'Ik werk zelf op Griftland en vind de mobielban een succes.',
      kind: 'reply',
      errors: [{ messageId: 'missingFunction', severity: 'warning' }],
    },
    {
      // The general protocol before the school is named: no broken "(medewerker van )" line.
      text: 'Onze leerlingen van 3 havo gingen vandaag naar Den Haag, zo trots op de school!',
      protocol: 'algemeen',
      school: { name: '', aliases: [] },
      kind: 'reply',
      errors: [{ messageId: 'missingUnnamed', severity: 'warning' }],
    },
    {
      text: '@ouder123 Op Griftland mogen leerlingen hun telefoon niet gebruiken in de les.',
      kind: 'reply',
      errors: [{ messageId: 'missingWithFunction', severity: 'warning', data: { school: 'Griftland College' } }],
    },
    {
      text: 'Griftland doet mee aan de onderwijsstaking, goed zo!',
      kind: 'post',
      errors: [{ messageId: 'missingWithFunction', severity: 'info' }],
    },
    {
      text: 'Op Het Spectrum gaan de kinderen om 14.00 uur naar huis.',
      protocol: 'ooh',
      school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] },
      kind: 'comment',
      errors: [{ messageId: 'missing', severity: 'warning' }],
    },
  ],
});

describe('missing-affiliation fix', () => {
  it('uses the job title for the affiliation line', () => {
    const [finding] = runCase('missing-affiliation', { text: 'Op Griftland is het druk.', kind: 'reply', jobTitle: 'docent biologie' });
    expect(finding?.fix).toEqual({ kind: 'insert-affiliation', text: '(docent biologie bij Griftland College)' });
  });
});
