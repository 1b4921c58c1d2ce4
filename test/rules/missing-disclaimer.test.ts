import { ruleTester } from './rule-tester.ts';

const CVO_DISCLAIMER =
  'De standpunten en meningen in dit bericht zijn mijn eigen persoonlijke mening (op persoonlijke titel geschreven) en staan los van eventuele officiële standpunten van CVO Baarn/Soest en daaraan verbonden scholen.';

ruleTester('missing-disclaimer', {
  valid: [
    { text: 'Vandaag met mijn brugklas naar Naturalis. Op persoonlijke titel.' },
    { text: 'Mooie ouderavond gehad op Griftland! #persoonlijketitel' },
    { text: 'Zondag lekker gefietst langs de Eem.' },
    { text: 'Wat een schoolvoorbeeld van slecht beleid.' },
    { text: 'Toetsweek op Griftland is echt zwaar.', role: 'pupil' },
    { text: 'Griftland verhoogt de ouderbijdrage.', role: 'parent' },
    { text: 'Great day with my year 9s at Griftland. Views are my own.' },
    { text: 'Open dag bij Aeres MBO Ede. Dit is mijn eigen mening, niet die van mijn werkgever.', protocol: 'aeres-mbo', school: { name: 'Aeres MBO Ede', aliases: ['Aeres'] } },
    // On the signals alone: about school with a disclaimer, or a disclaimer without school.
    { text: 'Ouderavond op Griftland. Op persoonlijke titel.', signals: { schoolRelated: [{ reason: 'school-name', span: 'Griftland' }], disclaimer: [{ reason: 'phrase', span: 'Op persoonlijke titel.' }] } },
    { text: 'Op persoonlijke titel: wat een dag.', signals: { disclaimer: true } },
  ],
  invalid: [
    {
      text: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!',
      errors: [{ messageId: 'missing', severity: 'warning' }],
      // The protocol's own wording (CVO C.4), on a line of its own.
      output: `Vandaag ouderavond op Griftland, fijne gesprekken gehad!\n${CVO_DISCLAIMER}`,
    },
    {
      // On X the protocol's short form: the full wording would fill most of X's 280 characters.
      text: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!',
      platform: 'x',
      errors: [{ messageId: 'missing' }],
      output: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!\nOp persoonlijke titel; mijn eigen mening, niet die van CVO Baarn/Soest.',
    },
    {
      // The user's own wording comes first, on every platform; a draft ending in a line break
      // gets no second one.
      text: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!\n',
      platform: 'x',
      disclaimer: '  Dit is mijn eigen mening.  ',
      errors: [{ messageId: 'missing' }],
      output: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!\nDit is mijn eigen mening.',
    },
    { text: 'Mijn klas heeft vandaag keihard gewerkt 💪', role: 'director', errors: [{ messageId: 'missing', severity: 'warning' }], output: `Mijn klas heeft vandaag keihard gewerkt 💪\n${CVO_DISCLAIMER}` },
    {
      text: 'Persoonlijk vind ik de nieuwe roosters op Griftland een verbetering.',
      errors: [{ messageId: 'missing' }],
      output: `Persoonlijk vind ik de nieuwe roosters op Griftland een verbetering.\n${CVO_DISCLAIMER}`,
    },
    {
      text: 'Trots op groep 8 van De Kring vandaag!',
      protocol: 'ooh',
      school: { name: 'OBS De Kring', aliases: ['De Kring'] },
      errors: [{ messageId: 'missing', severity: 'warning' }],
      output:
        'Trots op groep 8 van De Kring vandaag!\nDe standpunten en meningen in dit bericht zijn mijn eigen persoonlijke mening en staan los van eventuele officiële standpunten van de school en de stichting OOH.',
    },
    {
      // On the signals alone: about school, no disclaimer; the spans are the first three.
      text: 'Ouderavond, rapportavond en studiedag op Griftland.',
      signals: {
        schoolRelated: [
          { reason: 'school-word', span: 'Ouderavond' },
          { reason: 'school-word', span: 'rapportavond' },
          { reason: 'school-word', span: 'studiedag' },
          { reason: 'school-name', span: 'Griftland' },
        ],
      },
      errors: [{ messageId: 'missing', spans: [[0, 10], [12, 24], [28, 37]] }],
      output: `Ouderavond, rapportavond en studiedag op Griftland.\n${CVO_DISCLAIMER}`,
    },
  ],
});
