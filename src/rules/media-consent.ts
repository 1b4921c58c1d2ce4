import type { MessageRef } from '../engine/types.ts';
import { defineRule, EVERYONE } from './define-rule.ts';

// Photos and films need consent; the protocols differ: most ask explicit consent of
// everyone shown (Aeres 1.3, CVO A.5, OOH A.6, Willibrord A.5), OOH adds three conditions
// for recognisable children (reason 5), VSNON allows no recognisable people at all (2b).
export default defineRule({
  id: 'media-consent',
  meta: {
    type: 'privacy',
    description: 'ruleMediaConsentDescription',
    defaultSeverity: 'warning',
    defaultRoles: EVERYONE,
    messages: {
      consent: 'ruleMediaConsentConsent',
      noRecognisablePeople: 'ruleMediaConsentNoRecognisablePeople',
      conditions: 'ruleMediaConsentConditions',
    },
    schema: {
      policy: { type: 'string', enum: ['consent', 'no-recognisable-people', 'conditions'] },
      /** The protocol's own conditions, shown as a checklist. */
      checklist: {
        type: 'array',
        items: { type: 'object', properties: { nl: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } }, required: ['nl', 'en'] },
      },
    },
    defaultOptions: { policy: 'consent', checklist: [] },
  },
  check(draft, { signals, options, severity }) {
    const { images, videos } = draft.media;
    if (images + videos === 0) return [];
    const relevant = signals.schoolRelated.value || signals.pupilsReferenced.value;
    const media: MessageRef[] = [];
    if (images) media.push(images === 1 ? { key: 'mediaOnePhoto' } : { key: 'mediaPhotos', substitutions: [String(images)] });
    if (videos) media.push(videos === 1 ? { key: 'mediaOneVideo' } : { key: 'mediaVideos', substitutions: [String(videos)] });
    const messageId =
      options.policy === 'no-recognisable-people' ? 'noRecognisablePeople' : options.policy === 'conditions' ? 'conditions' : 'consent';
    return [
      {
        messageId,
        data: { media },
        severity: relevant ? severity : 'info',
        checklist: options.checklist,
      },
    ];
  },
});
