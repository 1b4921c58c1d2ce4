// Lexicons are data (src/lexicons/*.json); this module turns them into sets and
// whole-word regular expressions once, at load time.
import confidential from '../lexicons/confidential.json' with { type: 'json' };
import firstNames from '../lexicons/first-names.json' with { type: 'json' };
import offensive from '../lexicons/offensive.json' with { type: 'json' };
import privacy from '../lexicons/privacy.json' with { type: 'json' };
import school from '../lexicons/school.json' with { type: 'json' };
import { foldText, PhraseMatcher, phraseRegExp } from './text.ts';

const fold = (s: string) => foldText(s).folded;

export const FIRST_NAMES: ReadonlySet<string> = new Set(firstNames.names.map(fold));

export const SCHOOL = {
  strong: new PhraseMatcher(school.strong),
  weak: new PhraseMatcher(school.weak),
  idioms: new PhraseMatcher(school.idioms),
  possessed: new Set(school.possessed),
  possessedByStaff: new Set(school.possessedByStaff),
  staffWork: new PhraseMatcher(school.staffWork),
  commonWordNames: new Set(school.commonWordNames),
  institutions: new Set(school.institutions),
  notTheSchoolBefore: new Set(school.notTheSchoolBefore),
  generalTopic: new PhraseMatcher(school.generalTopic),
  courseContext: new PhraseMatcher(school.courseContext),
};

export const OFFENSIVE = {
  insults: new PhraseMatcher(offensive.insults),
  curseRoots: offensive.curseRoots,
  medicalStems: offensive.medicalStems,
  medicalContext: phraseRegExp(offensive.medicalStems, { suffix: true }),
  literalLeaders: new Set(offensive.literalLeaders),
  threats: new PhraseMatcher(offensive.threats),
  mocking: new PhraseMatcher(offensive.mocking.filter((m) => !m.startsWith('#'))),
  mockingTags: new Set(offensive.mocking.filter((m) => m.startsWith('#')).map((m) => m.slice(1))),
};

export const PRIVACY = {
  health: new PhraseMatcher(privacy.health),
  /** Use with findWithWordStart(…, 2): compound words ending in a health word ("borstkanker"). */
  healthCompounds: new RegExp(`(?<=[\\p{L}-])(?:${privacy.healthSuffixes.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
  family: new PhraseMatcher(privacy.family),
  birthday: new PhraseMatcher(privacy.birthday.filter((b) => /\p{L}/u.test(b))),
  birthdayEmoji: privacy.birthday.filter((b) => !/\p{L}/u.test(b)),
  genericMailboxes: new Set(privacy.genericMailboxes),
};

export const CONFIDENTIAL = {
  markers: new PhraseMatcher(confidential.markers),
  weakMarkers: new PhraseMatcher(confidential.weakMarkers.filter((m) => /\p{L}/u.test(m))),
  weakEmoji: confidential.weakMarkers.filter((m) => !/\p{L}/u.test(m)),
  teasers: new PhraseMatcher(confidential.teasers),
  negations: new Set(confidential.negations),
  unannouncedVerbs: phraseRegExp(confidential.unannouncedVerbs),
};

/** All lexicon lists, for the data tests (duplicates, folding). */
export const RAW_LEXICONS = { school, offensive, privacy, confidential } as const;
