import { defineRule, EVERYONE } from './define-rule.ts';

// No personal data of others: contact details, date of birth, health, grades, family
// situation (CVO A.2 and its AVG footnote, OOH A.2/A.5, VSNON 2c, Willibrord A.2, Aeres 1.3).
const KIND_LABELS: Record<string, { nl: string; en: string }> = {
  phone: { nl: 'een telefoonnummer', en: 'a phone number' },
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  address: { nl: 'een adres', en: 'an address' },
  postcode: { nl: 'een postcode met huisnummer', en: 'a postcode and house number' },
  bsn: { nl: 'een BSN', en: 'a citizen service number (BSN)' },
  birthday: { nl: 'een geboortedatum of leeftijd bij een verjaardag', en: 'a date of birth or age on a birthday' },
  health: { nl: 'gezondheidsinformatie over iemand', en: 'health information about someone' },
  grade: { nl: 'een cijfer of resultaat van een leerling', en: "a pupil's grade or result" },
  family: { nl: 'de thuissituatie van een leerling', en: "a pupil's family situation" },
};

export default defineRule({
  id: 'personal-data',
  meta: {
    type: 'privacy',
    description: {
      nl: 'Geen persoonsgegevens van anderen.',
      en: "No other people's personal data.",
    },
    defaultSeverity: 'warning',
    defaultRoles: EVERYONE,
    messages: {
      found: {
        nl: 'Dit bericht bevat persoonsgegevens van iemand anders: {{kinds}}.',
        en: "This post contains someone else's personal data: {{kinds_en}}.",
      },
    },
    defaultOptions: {},
  },
  check(_draft, { signals, severity }) {
    if (!signals.personalData.value) return [];
    const kinds = [...new Set(signals.personalData.evidence.map((e) => e.reason))];
    const labels = kinds.map((k) => KIND_LABELS[k] ?? { nl: k, en: k });
    return [
      {
        messageId: 'found',
        data: { kinds: labels.map((l) => l.nl).join(', '), kinds_en: labels.map((l) => l.en).join(', ') },
        severity,
        spans: signals.personalData.evidence.map((e) => e.span),
      },
    ];
  },
});
