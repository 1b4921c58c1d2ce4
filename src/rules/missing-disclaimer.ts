import type { Protocol } from '../engine/protocol-schema.ts';
import type { Platform } from '../engine/types.ts';
import { defineRule, spansOf, STAFF } from './define-rule.ts';

// Staff who post about school on a private account must say they post in a personal
// capacity (Aeres 1.4, CVO C.4, OOH C.4, VSNON 21, Willibrord-Miland C.3).
export default defineRule({
  id: 'missing-disclaimer',
  meta: {
    type: 'duty',
    description: 'ruleMissingDisclaimerDescription',
    defaultSeverity: 'warning',
    defaultRoles: STAFF,
    messages: {
      missing: 'ruleMissingDisclaimerMissing',
    },
    schema: {},
    defaultOptions: {},
  },
  check(draft, { signals, config, protocol }) {
    if (!signals.schoolRelated.value || signals.disclaimer.value) return [];
    return [
      {
        messageId: 'missing',
        spans: spansOf(signals.schoolRelated, 3),
        fix: { kind: 'insert-disclaimer', text: disclaimerText(draft.platform, config.disclaimer, protocol) },
      },
    ];
  },
});

/** The disclaimer to offer: the user's own wording first, else the protocol's; on X its short
 * form, since the full wording (up to 224 characters) would leave little of X's 280 for the
 * post itself. A protocol without wording of its own gets the phrase every protocol accepts. */
export function disclaimerText(platform: Platform, own: string | undefined, protocol: Protocol): string {
  const wording = protocol.disclaimer && (platform === 'x' ? (protocol.disclaimer.short ?? protocol.disclaimer.text) : protocol.disclaimer.text);
  return own?.trim() || wording || 'Op persoonlijke titel.';
}
