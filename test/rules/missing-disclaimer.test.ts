import { ruleTester } from './rule-tester.ts';

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
  ],
  invalid: [
    { text: 'Vandaag ouderavond op Griftland, fijne gesprekken gehad!', errors: [{ messageId: 'missing', severity: 'warning' }] },
    { text: 'Mijn klas heeft vandaag keihard gewerkt 💪', role: 'director', errors: [{ messageId: 'missing', severity: 'warning' }] },
    {
      text: 'Persoonlijk vind ik de nieuwe roosters op Griftland een verbetering.',
      errors: [{ messageId: 'missing' }],
    },
    {
      text: 'Trots op groep 8 van De Kring vandaag!',
      protocol: 'ooh',
      school: { name: 'OBS De Kring', aliases: ['De Kring'] },
      errors: [{ messageId: 'missing', severity: 'warning' }],
    },
  ],
});
