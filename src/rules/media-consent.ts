import type { LocalizedText } from '../engine/types.ts';
import { defineRule, EVERYONE } from './define-rule.ts';

// Photos and films need consent; the protocols differ: most ask explicit consent of
// everyone shown (Aeres 1.3, CVO A.5, OOH A.6, Willibrord A.5), OOH adds three conditions
// for recognisable children (reason 5), VSNON allows no recognisable people at all (2b).
export default defineRule({
  id: 'media-consent',
  meta: {
    type: 'privacy',
    description: {
      nl: 'Foto’s en video’s alleen met toestemming van wie erop staat.',
      en: 'Photos and videos only with consent of everyone in them.',
    },
    defaultSeverity: 'warning',
    defaultRoles: EVERYONE,
    messages: {
      consent: {
        nl: 'Je plaatst {{media}}. Heeft iedereen die herkenbaar in beeld is uitdrukkelijk toestemming gegeven?',
        en: 'You are posting {{media_en}}. Has everyone who can be recognised given explicit consent?',
      },
      noRecognisablePeople: {
        nl: 'Je plaatst {{media}}. Volgens het protocol staan er geen herkenbare personen op foto’s.',
        en: 'You are posting {{media_en}}. The protocol allows no recognisable people in photos.',
      },
      conditions: {
        nl: 'Je plaatst {{media}}. Herkenbare kinderen mogen alleen op de foto als aan alle voorwaarden is voldaan:',
        en: 'You are posting {{media_en}}. Recognisable children may only be shown if every condition is met:',
      },
    },
    defaultOptions: {
      policy: 'consent',
      /** The protocol's own conditions, shown as a checklist. */
      checklist: [],
    } as { policy: 'consent' | 'no-recognisable-people' | 'conditions'; checklist: LocalizedText[] },
  },
  check(draft, { signals, options, severity }) {
    const { images, videos } = draft.media;
    if (images + videos === 0) return [];
    const relevant = signals.schoolRelated.value || signals.pupilsReferenced.value;
    const parts = { nl: [] as string[], en: [] as string[] };
    if (images) {
      parts.nl.push(images === 1 ? 'een foto' : `${images} foto’s`);
      parts.en.push(images === 1 ? 'a photo' : `${images} photos`);
    }
    if (videos) {
      parts.nl.push(videos === 1 ? 'een video' : `${videos} video’s`);
      parts.en.push(videos === 1 ? 'a video' : `${videos} videos`);
    }
    const messageId =
      options.policy === 'no-recognisable-people' ? 'noRecognisablePeople' : options.policy === 'conditions' ? 'conditions' : 'consent';
    return [
      {
        messageId,
        data: { media: parts.nl.join(' en '), media_en: parts.en.join(' and ') },
        severity: relevant ? severity : 'info',
        checklist: options.checklist,
      },
    ];
  },
});
