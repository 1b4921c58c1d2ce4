import { findAll, firstFrom, wordRegExp } from '../text.ts';
import type { Evidence } from '../types.ts';
import { evidence, type DetectContext } from './context.ts';

// A personal-capacity disclaimer, in the many ways people write one:
//   "op persoonlijke titel", "(pers. titel)", "#opeigentitel", "tweets op eigen titel",
//   "Standpunten zijn mijn eigen", "Mening = eigen, niet van school", "niet namens Waldheim",
//   "geen officieel standpunt van de school", "ik spreek alleen voor mezelf",
//   "Views are my own", "All opinions here are mine, not my school's", "Views = mine",
//   "Tweets zijn privé en staan los van mijn werkgever", "niet als directeur, maar als burger",
//   "— alleen namens mezelf", "Posting in a personal capacity", "Meningen: de mijne", "#opinionsmyown".
// Not a disclaimer: "persoonlijk vind ik", "mijn mening:", "persoonlijke noot",
// "All photos my own", "the views from the roof", a book called 'Op eigen titel'.

const PATTERNS: [RegExp, string][] = [
  [wordRegExp("(?:op\\s+|in\\s+)?(?:persoonlijke|eigen|pers\\.?|prive)\\s*titel"), 'personal-title'],
  [/#(?:op|in)?(?:persoonlijke|eigen|prive)titel(?![\p{L}])/gu, 'personal-title'],
  [
    wordRegExp(
      "(?:standpunten|meningen|mening|opvattingen|uitspraken|tweets|posts|berichten|woorden)\\s+(?:(?:in|op)\\s+(?:dit|deze|mijn)\\s+(?:bericht|post|tweet|account|tijdlijn)\\s+)?(?:hier\\s+)?(?:zijn|is|=|:)\\s*(?:volledig\\s+|geheel\\s+|helemaal\\s+|allemaal\\s+|uitsluitend\\s+)?(?:mijn\\s+eigen|de\\s+mijne|van\\s+mezelf|van\\s+mijzelf|van\\s+mij|eigen|persoonlijk)",
    ),
    'own-views',
  ],
  [
    wordRegExp(
      "(?:views|opinions|thoughts|tweets|posts|words)\\s+(?:expressed\\s+)?(?:here\\s+)?(?:(?:are|=|:)\\s*)?(?:all\\s+|entirely\\s+|solely\\s+)?(?:my\\s+own|mine|personal)",
    ),
    'own-views',
  ],
  [wordRegExp('(?:my|mijn)\\s+own\\s+(?:views|opinions)|personal\\s+(?:views|opinions)(?:\\s+only|\\s*[,;:-]?\\s+not)|(?:in\\s+(?:a|my)\\s+)?(?:personal|private)\\s+capacity|speaking\\s+for\\s+myself|on\\s+my\\s+own\\s+behalf'), 'own-views'],
  [wordRegExp("(?:meningen|mening|standpunten|tweets|posts|views|opinions)\\s*[:=]\\s*(?:de\\s+mijne|mijn\\s+eigen|eigen|mine|my\\s+own)"), 'own-views'],
  [wordRegExp("(?:mijn|m'n)\\s+(?:prive|priv[eé]-?)\\s*mening|privemening|(?:als|in\\s+mijn\\s+rol\\s+als)\\s+privepersoon|in\\s+persoonlijke\\s+hoedanigheid"), 'own-views'],
  [/#(?:all)?(?:views|opinions|tweets|meningen|mening)(?:are|zijn|is)?(?:my|mijn)?(?:own|mine|eigen)(?![\p{L}])|#(?:mijn)?eigenmening(?![\p{L}])|#(?:niet)?namensschool(?![\p{L}])/gu, 'own-views'],
  [wordRegExp("niet\\s+als\\s+[\\p{L}-]{2,25}\\s*,?\\s+maar\\s+(?:gewoon\\s+|puur\\s+|als\\s+)?(?:als\\s+)?(?:burger|ouder|moeder|vader|mens|privepersoon|mezelf|inwoner|buurtbewoner)|not\\s+as\\s+(?:a|an|the)?\\s*[\\p{L}-]{2,25}\\s*,?\\s+but\\s+as"), 'not-on-behalf'],
  [wordRegExp("(?:(?:alleen|enkel|uitsluitend|puur)\\s+)?namens\\s+(?:mezelf|mijzelf)|voor\\s+eigen\\s+rekening"), 'not-on-behalf'],
  [wordRegExp("not\\s+(?:my|the)\\s+(?:employer|school|workplace)'?s?"), 'not-on-behalf'],
  [wordRegExp("eigen\\s+(?:persoonlijke\\s+)?(?:account\\s+en\\s+)?mening(?:\\s+en\\s+\\p{L}+)?\\s*[,.;:-]?\\s*(?:en\\s+)?(?:niet|los\\s+van|not)"), 'own-views'],
  [wordRegExp('(?:dit\\s+is|is)\\s+(?:mijn|m\'n)\\s+(?:eigen\\s+)?persoonlijke\\s+mening'), 'own-views'],
  [wordRegExp("niet\\s+namens\\s+(?:de\\s+|het\\s+|mijn\\s+|m'n\\s+)?[\\p{L}\\p{N}]+"), 'not-on-behalf'],
  [wordRegExp("niet\\s+(?:die\\s+)?van\\s+(?:mijn\\s+|m'n\\s+|de\\s+|het\\s+)?(?:werkgever|school|baas|bestuur|stichting)"), 'not-on-behalf'],
  [wordRegExp('geen\\s+officieel\\s+standpunt|los\\s+van\\s+(?:eventuele\\s+)?officiele\\s+standpunten'), 'not-on-behalf'],
  [wordRegExp('(?:ik\\s+)?spreek\\s+(?:hier\\s+)?(?:alleen\\s+|enkel\\s+|uitsluitend\\s+)?(?:voor|namens)\\s+(?:mezelf|mijzelf)'), 'not-on-behalf'],
  [wordRegExp("not\\s+(?:on\\s+behalf\\s+of|speaking\\s+for|the\\s+views\\s+of|those\\s+of)\\s+(?:my\\s+)?(?:school|employer)|(?:do|does)\\s+not\\s+(?:necessarily\\s+)?reflect"), 'not-on-behalf'],
];

// "staat los van …" and "niet die van …" are disclaimers only when what follows is the
// employer, the school or its board ("staat los van de Waldheim-mavo", "niet die van OOH").
const DISTANCE = wordRegExp('(?:staat|staan|sta)\\s+(?:volledig\\s+|geheel\\s+)?los\\s+van|niet\\s+(?:die|het\\s+standpunt|de\\s+mening)\\s+van|not\\s+(?:those|the\\s+views)\\s+of');
const EMPLOYER_AFTER = /^\s+(?:(?:eventuele|de|het|mijn|m'n|my|the)\s+)*(?:officiele|werkgever|school|bestuur|stichting|directie|organisatie|employer|official)/u;

export function detectDisclaimer(ctx: DetectContext): Evidence[] {
  const text = ctx.index.folded;
  const found: Evidence[] = [];
  const mentions = [...ctx.schoolMentions, ...ctx.boardMentions].sort((a, b) => a.start - b.start);
  for (const m of findAll(DISTANCE, text)) {
    const rest = text.slice(m.end, m.end + 40);
    const next = firstFrom(mentions, m.end);
    const mentionFollows = !!next && next.start - m.end <= 12;
    if (EMPLOYER_AFTER.test(rest) || mentionFollows) found.push(evidence(ctx, m, 'not-on-behalf'));
  }
  for (const [re, reason] of PATTERNS) {
    for (const m of findAll(re, text)) {
      // A quoted title ('Op eigen titel door de duinen') is not a disclaimer.
      if (reason === 'personal-title' && /['"]\s*$/.test(text.slice(Math.max(0, m.start - 2), m.start)) && /^\s+\p{L}/u.test(text.slice(m.end, m.end + 3))) continue;
      found.push(evidence(ctx, m, reason));
    }
  }
  return found;
}
