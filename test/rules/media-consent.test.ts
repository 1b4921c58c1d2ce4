import { ruleTester } from './rule-tester.ts';

ruleTester('media-consent', {
  valid: [
    { text: 'Mijn klas op excursie! Op persoonlijke titel.' },
  ],
  invalid: [
    { text: 'Mijn klas op excursie! Op persoonlijke titel.', images: 2, errors: [{ messageId: 'consent', severity: 'warning', data: { media: [{ key: 'mediaPhotos', substitutions: ['2'] }] } }] },
    // Any attached media gets the reminder; outside school it is only an info.
    { text: 'Zonsondergang vanaf het balkon.', images: 1, errors: [{ messageId: 'consent', severity: 'info' }] },
    { text: 'Zonsondergang vanaf het balkon.', images: 1, role: 'parent', errors: [{ messageId: 'consent', severity: 'info' }] },
    {
      text: 'Onze kleuters in de moestuin!',
      protocol: 'vsnon',
      school: { name: 'Vrijeschool Zutphen', aliases: ['de vrijeschool'] },
      videos: 1,
      errors: [{ messageId: 'noRecognisablePeople', severity: 'warning', data: { media: [{ key: 'mediaOneVideo' }] } }],
    },
    {
      text: 'Groep 4 van Het Spectrum bij de kinderboerderij.',
      protocol: 'ooh',
      school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] },
      images: 1,
      errors: [{ messageId: 'conditions', severity: 'warning' }],
    },
    // The message follows the protocol's policy option, whatever the protocol.
    { text: 'Mijn klas op excursie! Op persoonlijke titel.', images: 1, options: { policy: 'no-recognisable-people' }, errors: [{ messageId: 'noRecognisablePeople', severity: 'warning' }] },
    {
      text: 'Mijn klas op excursie! Op persoonlijke titel.',
      videos: 3,
      options: { policy: 'conditions', checklist: [{ nl: 'Toestemming van de ouders', en: "The parents' consent" }] },
      errors: [{ messageId: 'conditions', data: { media: [{ key: 'mediaVideos', substitutions: ['3'] }] } }],
    },
    // On the signals alone: pupils referred to make the media relevant, as school does.
    { text: 'Kijk eens!', images: 1, signals: { pupilsReferenced: true }, errors: [{ messageId: 'consent', severity: 'warning' }] },
    { text: 'Kijk eens!', images: 1, signals: {}, errors: [{ messageId: 'consent', severity: 'info' }] },
  ],
});
