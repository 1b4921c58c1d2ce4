import { ruleTester } from './rule-tester.ts';

const spectrum = { protocol: 'ooh' as const, school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] } };

ruleTester('missing-affiliation', {
  valid: [
    { text: 'Als docent op Griftland zie ik dit elke dag. Op persoonlijke titel.' },
    { ...spectrum, text: 'Ik werk zelf op Het Spectrum en vind de mobielban een succes.' },
    { text: 'Griftland College, ik ben daar mentor en vind de mobielban een succes.' },
    { text: 'Beste ouders,\nMorgen is de school dicht.\n\nHartelijke groet,\nPeter de Wit\ndirecteur Griftland College', role: 'director' },
    { text: 'Griftland doet mee aan de staking.', role: 'parent' },
    { text: 'Lekker weekend gehad.' },
    {
      text: 'Mooie dag op Aeres Ede met de studenten.',
      protocol: 'aeres-mbo',
      school: { name: 'Aeres MBO Ede', aliases: ['Aeres'] },
    },
    // Saying where one works is enough where the function is not asked (CVO asks it: B.2).
    { text: 'Ik werk zelf op Griftland en vind de mobielban een succes.', kind: 'reply', options: { requireJobTitle: false } },
    // On the signals alone: a function named meets CVO B.2.
    {
      text: 'Als mentor op Griftland: de mobielban werkt.',
      kind: 'reply',
      signals: { schoolRelated: [{ reason: 'school-name', span: 'Griftland' }], affiliation: [{ reason: 'job-title', span: 'Als mentor op Griftland' }] },
    },
  ],
  invalid: [
    {
      // CVO B.2: where one works is not enough, the function is asked too.
      text: 'Ik werk zelf op Griftland en vind de mobielban een succes.',
      kind: 'reply',
      errors: [{ messageId: 'missingFunction', severity: 'warning' }],
      output: 'Ik werk zelf op Griftland en vind de mobielban een succes.\n(medewerker van Griftland College)',
    },
    {
      // The general protocol before the school is named: no broken "(medewerker van )" line.
      text: 'Onze leerlingen van 3 havo gingen vandaag naar Den Haag, zo trots op de school!',
      protocol: 'algemeen',
      school: { name: '', aliases: [] },
      kind: 'reply',
      errors: [{ messageId: 'missingUnnamed', severity: 'warning' }],
      output: null,
    },
    {
      text: '@ouder123 Op Griftland mogen leerlingen hun telefoon niet gebruiken in de les.',
      kind: 'reply',
      errors: [{ messageId: 'missingWithFunction', severity: 'warning', data: { school: 'Griftland College' } }],
      output: '@ouder123 Op Griftland mogen leerlingen hun telefoon niet gebruiken in de les.\n(medewerker van Griftland College)',
    },
    {
      // The affiliation line names the job title when the settings have one.
      text: 'Op Griftland is het druk.',
      kind: 'reply',
      jobTitle: 'docent biologie',
      errors: [{ messageId: 'missingWithFunction' }],
      output: 'Op Griftland is het druk.\n(docent biologie bij Griftland College)',
    },
    {
      // A stand-alone post is no discussion: only an info where the duty is tied to discussions ...
      text: 'Griftland doet mee aan de onderwijsstaking, goed zo!',
      kind: 'post',
      errors: [{ messageId: 'missingWithFunction', severity: 'info' }],
      output: 'Griftland doet mee aan de onderwijsstaking, goed zo!\n(medewerker van Griftland College)',
    },
    {
      // ... and the full severity where it is not.
      text: 'Griftland doet mee aan de onderwijsstaking, goed zo!',
      kind: 'post',
      options: { discussionOnly: false },
      errors: [{ messageId: 'missingWithFunction', severity: 'warning' }],
      output: 'Griftland doet mee aan de onderwijsstaking, goed zo!\n(medewerker van Griftland College)',
    },
    {
      ...spectrum,
      text: 'Op Het Spectrum gaan de kinderen om 14.00 uur naar huis.',
      kind: 'comment',
      errors: [{ messageId: 'missing', severity: 'warning' }],
      output: 'Op Het Spectrum gaan de kinderen om 14.00 uur naar huis.\n(medewerker van OBS Het Spectrum)',
    },
    {
      // On the signals alone: works there (no function) is not enough for CVO; the spans are
      // the school mentions.
      text: 'Ik werk op Griftland, en Griftland doet dit goed.',
      kind: 'reply',
      signals: {
        schoolRelated: [
          { reason: 'school-name', span: [11, 20] },
          { reason: 'school-name', span: [25, 34] },
        ],
        affiliation: [{ reason: 'works-there', span: 'Ik werk op Griftland' }],
      },
      errors: [{ messageId: 'missingFunction', severity: 'warning', spans: ['Griftland', [25, 34]] }],
      output: 'Ik werk op Griftland, en Griftland doet dit goed.\n(medewerker van Griftland College)',
    },
  ],
});
