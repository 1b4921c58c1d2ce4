import type { MessageKey } from '../engine/types.ts';
import { defineRule, EVERYONE, spansOf } from './define-rule.ts';

// No personal data of others: contact details, date of birth, health, grades, family
// situation (CVO A.2 and its AVG footnote, OOH A.2/A.5, VSNON 2c, Willibrord A.2, Aeres 1.3).
const KIND_LABELS: Record<string, MessageKey> = {
  phone: 'dataPhone',
  email: 'dataEmail',
  address: 'dataAddress',
  postcode: 'dataPostcode',
  bsn: 'dataBsn',
  birthday: 'dataBirthday',
  health: 'dataHealth',
  grade: 'dataGrade',
  family: 'dataFamily',
  'national-number': 'dataNationalNumber',
  model: 'dataModel',
};

export default defineRule({
  id: 'personal-data',
  meta: {
    type: 'privacy',
    description: 'rulePersonalDataDescription',
    defaultSeverity: 'warning',
    defaultRoles: EVERYONE,
    messages: {
      found: 'rulePersonalDataFound',
    },
    schema: {},
    defaultOptions: {},
  },
  check(_draft, { signals }) {
    if (!signals.personalData.value) return [];
    const kinds = [...new Set(signals.personalData.evidence.map((e) => e.reason))];
    // Every reason the detector gives has a label: the rule tester fails on an empty list.
    const labels = kinds.flatMap((k) => (KIND_LABELS[k] ? [{ key: KIND_LABELS[k] }] : []));
    return [
      {
        messageId: 'found',
        data: { kinds: labels },
        spans: spansOf(signals.personalData),
      },
    ];
  },
});
