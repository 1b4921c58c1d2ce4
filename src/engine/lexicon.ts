// Lexicons are data (src/lexicons/*.json, installed as the engine data); this module turns the
// word lists that several detectors share into sets and matchers, once, on first use.
import { fromEngineData } from './engine-data.ts';
import { phrases, wordSet } from './lexicon-records.ts';
import { foldText } from './text/fold.ts';
import { phraseRegExp } from './text/patterns.ts';
import { PhraseMatcher } from './text/phrase-matcher.ts';

const fold = (s: string) => foldText(s).folded;

/** The shared word lists of the engine data, built on first use. */
export const lexicon = fromEngineData(({ school, offensive, privacy, confidential, firstNames }) => {
  const {
    commonWordNames,
    courseContext,
    generalTopic,
    idioms,
    institutions,
    notTheSchoolBefore,
    possessed,
    possessedByStaff,
    staffWork,
    strong,
    weak,
  } = school;
  const { curseRoots, insults, literalLeaders, medicalStems, mocking, threats } = offensive;
  const { birthday, family, genericMailboxes, health, healthSuffixes } = privacy;
  const { hearingVerbs, markers, negations, teasers, unannouncedVerbs, weakMarkers } = confidential;
  return {
    FIRST_NAMES: new Set(firstNames.names.map(fold)) as ReadonlySet<string>,
    /** Adults' first names (Henk, Gerda): a person for personal data, never a pupil's name. */
    ADULT_NAMES: new Set(firstNames.adultNames.map(fold)) as ReadonlySet<string>,

    SCHOOL: {
      strong: phrases(strong),
      weak: phrases(weak),
      idioms: phrases(idioms),
      possessed: wordSet(possessed),
      possessedByStaff: wordSet(possessedByStaff),
      staffWork: phrases(staffWork),
      commonWordNames: wordSet(commonWordNames),
      institutions: wordSet(institutions),
      notTheSchoolBefore: wordSet(notTheSchoolBefore),
      generalTopic: phrases(generalTopic),
      courseContext: phrases(courseContext),
    },

    OFFENSIVE: {
      insults: phrases(insults),
      curseRoots: curseRoots.words,
      medicalStems: medicalStems.words,
      medicalContext: phraseRegExp(medicalStems.words, { suffix: true }),
      literalLeaders: wordSet(literalLeaders),
      threats: phrases(threats),
      mocking: new PhraseMatcher(mocking.words.filter((m) => !m.startsWith('#'))),
      mockingTags: new Set(mocking.words.filter((m) => m.startsWith('#')).map((m) => m.slice(1))),
    },

    PRIVACY: {
      health: phrases(health),
      /** Use with findWithWordStart(…, 2): compound words ending in a health word ("borstkanker"). */
      healthCompounds: new RegExp(`(?:${healthSuffixes.words.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
      family: phrases(family),
      birthday: new PhraseMatcher(birthday.words.filter((b) => /\p{L}/u.test(b))),
      birthdayEmoji: birthday.words.filter((b) => !/\p{L}/u.test(b)),
      genericMailboxes: wordSet(genericMailboxes),
    },

    CONFIDENTIAL: {
      markers: phrases(markers),
      weakMarkers: new PhraseMatcher(weakMarkers.words.filter((m) => /\p{L}/u.test(m))),
      weakEmoji: weakMarkers.words.filter((m) => !/\p{L}/u.test(m)),
      teasers: phrases(teasers),
      negations: wordSet(negations),
      unannouncedVerbs: phraseRegExp([...unannouncedVerbs.words, ...hearingVerbs.words]),
      /** The unannounced verbs that say someone hears the news. */
      hearingVerbs: wordSet(hearingVerbs),
    },
  };
});

/** The shared word lists, as the detectors use them. */
export type Lexicon = ReturnType<typeof lexicon>;
