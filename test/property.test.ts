import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { tokenize } from '../src/engine/text/tokenize.ts';
import { findingMessage } from '../src/shared/finding-text.ts';
import { setUiLanguage } from '../src/shared/i18n.ts';
import { describe, expect, it } from 'vitest';
import {
  check,
  DRAFT_KINDS,
  getProtocol,
  PLATFORMS,
  PROTOCOL_IDS,
  ROLES,
  SEVERITIES,
  SIGNAL_NAMES,
  WEEKDAYS,
  type CheckConfig,
  type CheckResult,
  type Draft,
  type LessonBlock,
  type Span,
} from '../src/engine/index.ts';

// Property tests: whatever is typed or pasted, and however the school is configured, the
// engine does not throw, every span points into the draft, every finding is complete, and
// the same input gives the same result. No timing assertions here (see `npm run bench`).

// ---------------------------------------------------------------------------------------
// Invariants

function assertSpan(span: Span, length: number, where: string): void {
  const ok =
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  if (!ok) throw new Error(`${where}: span ${JSON.stringify(span)} outside 0..${length}`);
}

const PLACEHOLDER = /\$\w+\$/;

/** Checks every invariant of one result; throws with a precise message on the first violation. */
function assertResult(result: CheckResult, draft: Draft, config: CheckConfig): void {
  const length = draft.text.length;
  for (const name of SIGNAL_NAMES) {
    const signal = result.signals[name];
    if (!signal) throw new Error(`signal ${name} missing`);
    if (typeof signal.value !== 'boolean') throw new Error(`signal ${name}: value is not a boolean`);
    if (signal.value !== signal.evidence.length > 0) throw new Error(`signal ${name}: value ${signal.value} with ${signal.evidence.length} evidence`);
    for (const [i, e] of signal.evidence.entries()) {
      assertSpan(e.span, length, `signals.${name}.evidence[${i}] (${e.reason})`);
      if (typeof e.reason !== 'string' || !e.reason) throw new Error(`signals.${name}.evidence[${i}]: empty reason`);
    }
  }
  // Placeholders left in a message mean the rule forgot a value; only checkable when no
  // user-supplied text (which ends up in the data) contains a dollar sign itself.
  const userText = [draft.text, config.school.name, config.jobTitle ?? '', ...(config.noConsentNames ?? [])].join('\n');
  const placeholdersCheckable = !userText.includes('$');
  for (const [i, f] of result.findings.entries()) {
    const where = `findings[${i}] (${f.ruleId})`;
    if (typeof f.ruleId !== 'string' || !f.ruleId) throw new Error(`${where}: no ruleId`);
    if (!(SEVERITIES as readonly string[]).includes(f.severity)) throw new Error(`${where}: severity ${String(f.severity)}`);
    for (const language of ['nl', 'en'] as const) {
      setUiLanguage(language);
      const message = findingMessage(f);
      if (!message.trim()) throw new Error(`${where}: empty ${language} message`);
      if (placeholdersCheckable && PLACEHOLDER.test(message)) throw new Error(`${where}: unfilled placeholder in ${JSON.stringify(message)}`);
    }
    setUiLanguage('browser');
    if (!f.article || !f.article.protocol || !f.article.number || !f.article.quote) throw new Error(`${where}: incomplete article ${JSON.stringify(f.article)}`);
    if (!Array.isArray(f.spans)) throw new Error(`${where}: spans is not an array`);
    for (const [k, span] of f.spans.entries()) assertSpan(span, length, `${where}.spans[${k}]`);
    if (f.fix && (typeof f.fix.text !== 'string' || !f.fix.text.trim())) throw new Error(`${where}: empty fix text`);
  }
}

function checkAndAssert(draft: Draft, config: CheckConfig): CheckResult {
  const result = check(draft, config);
  assertResult(result, draft, config);
  return result;
}

// ---------------------------------------------------------------------------------------
// Arbitraries

const METACHARS = ['.*+?()[]{}|\\^$', '(a+)+$', '[', ']', '\\', '$&', '(?<x>)', '\\p{L}', '^', '|', '.*', 'a|b', '(?=x)', '{{name}}'];
const ODD_NAMES = [
  '', ' ', '  ', 'a', 'A', 'É', 'ß', 'İstanbul', 'ǅ', 'ﬁ', '😀', '👩‍🏫', '🇳🇱', 'e\u0301', '\u200b', '\u200bGriftland', 'Grift\u00adland', '\u0000',
  'مدرسة', '学校', 'x'.repeat(200), 'De', 'Het', 'School', 'Spectrum', 'OBS', 'de de de', 'A-B', 'A/B', "'t Kompas", 'Sint-Jan', '123', '#school', '@school',
  '\ud800', '\udc00',
];
const REAL_SCHOOLS = [
  { name: 'Griftland College', aliases: ['Griftland'] },
  { name: 'OBS Het Spectrum', aliases: ['Spectrum'] },
  { name: 'Aeres MBO Ede', aliases: ['Aeres', 'Aeres Ede'] },
  { name: 'Waldheim Mavo', aliases: ['Waldheim', 'Waldheim-mavo'] },
  { name: 'Het Baarnsch Lyceum', aliases: ['HBL'] },
  { name: 'Basisschool De Regenboog', aliases: ['De Regenboog', 'Regenboog'] },
];

/** A single code unit that is half of a surrogate pair (texts pasted from broken sources). */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const nameLike = fc.oneof(
  fc.constantFrom(...ODD_NAMES, ...METACHARS),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'.*+?()[]{}|\\^$ -/#@\'aAéz0'), maxLength: 16 }),
);

const schoolArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...REAL_SCHOOLS) },
  { weight: 3, arbitrary: fc.record({ name: nameLike, aliases: fc.array(nameLike, { maxLength: 4 }) }) },
);

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const timetableArb: fc.Arbitrary<LessonBlock[]> = fc.array(fc.record({ day: fc.constantFrom(...WEEKDAYS), from: hhmm, to: hhmm }), { maxLength: 4 });

const configArb: fc.Arbitrary<CheckConfig> = fc
  .record(
    {
      protocol: fc.constantFrom(...PROTOCOL_IDS),
      role: fc.constantFrom(...ROLES),
      school: schoolArb,
      jobTitle: fc.oneof(fc.constantFrom('docent biologie', 'directeur', '', ' '), nameLike),
      disclaimer: fc.oneof(fc.constantFrom('Op persoonlijke titel.', '', '   '), nameLike),
      noConsentNames: fc.array(fc.oneof(fc.constantFrom('Bram', 'Noor', 'Sem de Vries', 'Ö', 'a', ''), nameLike), { maxLength: 3 }),
      timetable: timetableArb,
    },
    { requiredKeys: ['protocol', 'role', 'school'] },
  )
  .map(({ protocol, ...rest }) => ({ ...rest, protocol: getProtocol(protocol) }));

const mediaArb = fc.record({ images: fc.nat(12), videos: fc.nat(5) });
const atArb = fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), { nil: undefined });

function draftOf(text: string, rest: { platform: Draft['platform']; kind: Draft['kind']; media: Draft['media']; at: Date | undefined }): Draft {
  return { text, platform: rest.platform, kind: rest.kind, media: rest.media, ...(rest.at ? { at: rest.at } : {}) };
}

const draftShape = fc.record({ platform: fc.constantFrom(...PLATFORMS), kind: fc.constantFrom(...DRAFT_KINDS), media: mediaArb, at: atArb });

const arbitraryText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
  fc.string({ unit: fc.oneof({ weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate }), maxLength: 200 }),
);

// Fragments that exercise the detectors: school words, names, class codes, contact data,
// disclaimers, markers, and the characters that make offsets hard (zero-width, combining
// marks, surrogate pairs). `{school}` and `{alias}` are replaced by the configured school.
const FRAGMENTS = [
  'school', 'School', 'juf', 'meester', 'klas', 'de klas', 'groep 7', 'groep', 'gr. 8', 'klas 2B', '3B', '3C', 'uit 3C', 'uit', 'van', '(klas 5)', '(4a)',
  '4 havo', 'havo 4', '6 vwo', "vwo'ers", 'brugklas', 'year 4s', 'niveau 3', 'eerste klas', 'mentor van 2C', 'leerling', 'leerlingen', 'mijn klas', 'onze',
  'mijn', 'my', 'our', 'ik', 'we', 'Bram', 'Noor', 'Sem', 'Emma', 'Lente', 'Ravi', 'L.d.J.', 'L.', 'J. de V.', 'meisje', 'dat meisje uit', 'de moeder van',
  'mijn zoon', 'onze dochter', 'studiedag', 'ouderavond', 'toetsweek', 'lesgeven', 'nakijken', 'docent', 'directeur', 'collega’s', 'als docent aan',
  'ik werk op', '— Renate Hoekstra, directeur', 'op persoonlijke titel', 'Op persoonlijke titel.', '#opeigentitel', 'views are my own', 'niet namens',
  'alleen namens mezelf', 'vertrouwelijk', 'niet doorvertellen', '🤫', 'pas in juni bekendgemaakt', 'pas', 'bekendgemaakt', 'kanker', 'kankerlijer',
  'tering', 'sukkel', 'debiel', 'ik maak je af', 'jarig', 'gefeliciteerd', '🎂', 'is 12 geworden', '12 jaar', 'geboren op 1-2-2010', 'griep', 'ziek',
  'borstkanker', 'hij', 'zij', 'heeft', 'een 9,5 voor', 'gescheiden', '06-12345678', '+31 6 12345678', '035-5412345', '0800-1234', 'j.devries@griftland.nl',
  'info@school.nl', 'Stationsweg 12', '3741 AB', 'BSN 111222333', '123456782', 'www.griftland.nl/nieuws', 'https://x.nl/a?b=c', '#', '#school', '#griftland',
  '@', '@griftland', '@jan_de_vries', '@mamavanbram', 'CVO', 'CVO Baarn/Soest', 'Aeres', 'Aeres Hogeschool', 'in Dronten', 'Spectrum', 'het hele spectrum',
  'Waldheim', 'Kurt Waldheim', '{school}', '{alias}', '#{alias}', '@{alias}', '{alias} in Ede', '😀', '🎉', '👩‍🏫', '🇳🇱', '❤️', '📚✨', '1', '2024', '12:30',
  '0', '1.14', '€ 5,-', '\n', '\n\n', '\r\n', '\t', ' ', '  ', '\u00a0', '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', 'e\u0301', '\u0301', 'Ö', 'ë', 'İ',
  'ß', 'ﬁ', '’', '‘', '“', '”', '–', '—', "m'n", "'t", '.', ',', '!', '?', ':', ';', '(', ')', '-', '/', '"', "'", '...', 'مدرسة', '学校', '𝔊𝔯𝔦𝔣𝔱', '\ud83d',
  '\ude00', '.*+?()[]{}|\\^$', '{{name}}',
];

const SEPARATORS = ['', ' ', ' ', ' ', '\n', '  ', ', ', '. ', '\u200b', '\t'];

const fragmentText = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([f, s]) => f + s).join(''));

function fillSchool(text: string, config: CheckConfig, pick: number): string {
  const aliases = config.school.aliases.length ? config.school.aliases : [config.school.name];
  const alias = aliases[pick % aliases.length] ?? '';
  return text.replaceAll('{school}', config.school.name).replaceAll('{alias}', alias);
}

// ---------------------------------------------------------------------------------------
// Properties

// Enough runs to cover the space, small enough to keep this file at a few seconds.
// PROPERTY_RUNS=10 npx vitest run test/property.test.ts runs ten times as many, by hand.
const SCALE = Math.max(1, Number(process.env.PROPERTY_RUNS) || 1);
const RUNS = { arbitrary: 500 * SCALE, fragments: 800 * SCALE, determinism: 250 * SCALE, scanner: 2000 * SCALE };

describe('check() on arbitrary input', () => {
  it('never throws, spans stay inside the text, findings are complete (arbitrary strings)', () => {
    fc.assert(
      fc.property(arbitraryText, configArb, draftShape, (text, config, shape) => {
        checkAndAssert(draftOf(text, shape), config);
      }),
      { numRuns: RUNS.arbitrary },
    );
  });

  it('never throws, spans stay inside the text, findings are complete (texts of tricky fragments)', () => {
    fc.assert(
      fc.property(fragmentText, configArb, draftShape, fc.nat(), (raw, config, shape, pick) => {
        checkAndAssert(draftOf(fillSchool(raw, config, pick), shape), config);
      }),
      { numRuns: RUNS.fragments },
    );
  });

  it('fragment texts with the realistic schools (where most rules fire)', () => {
    const staffConfig = fc
      .record({ protocol: fc.constantFrom(...PROTOCOL_IDS), role: fc.constantFrom(...ROLES), school: fc.constantFrom(...REAL_SCHOOLS) })
      .map(({ protocol, ...rest }): CheckConfig => ({ ...rest, protocol: getProtocol(protocol) }));
    fc.assert(
      fc.property(fragmentText, staffConfig, draftShape, fc.nat(), (raw, config, shape, pick) => {
        checkAndAssert(draftOf(fillSchool(raw, config, pick), shape), config);
      }),
      { numRuns: RUNS.fragments },
    );
  });
});

describe('determinism', () => {
  it('the same input gives deeply equal results, also after checking other texts and with a fresh config object', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, arbitraryText), fragmentText, configArb, draftShape, fc.nat(), (rawA, rawB, config, shape, pick) => {
        const a = draftOf(fillSchool(rawA, config, pick), shape);
        const b = draftOf(fillSchool(rawB, config, pick + 1), shape);
        const first = check(a, config);
        expect(check(a, config)).toEqual(first);
        check(b, config); // global regex state (lastIndex) or caches must not leak between checks
        expect(check(a, config)).toEqual(first);
        const copy: CheckConfig = { ...config, school: { name: config.school.name, aliases: [...config.school.aliases] } };
        expect(check(a, copy)).toEqual(first);
      }),
      { numRuns: RUNS.determinism },
    );
  });
});

/**
 * Runs check() in a child process and returns the schoolRelated evidence spans, so that an
 * input on which the engine never returns fails its test instead of hanging the suite.
 */
function checkInChild(school: { name: string; aliases: string[] }, text: string): Span[] {
  const engine = new URL('../src/engine/index.ts', import.meta.url).href;
  const script = `
    import { check, getProtocol } from ${JSON.stringify(engine)};
    const config = { protocol: getProtocol('cvo-baarn-soest'), role: 'employee', school: ${JSON.stringify(school)} };
    const result = check({ text: ${JSON.stringify(text)}, platform: 'x', kind: 'post', media: { images: 0, videos: 0 } }, config);
    process.stdout.write(JSON.stringify(result.signals.schoolRelated.evidence.map((e) => e.span)));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  expect(run.error?.message ?? '', 'check() did not finish within 30 s').toBe('');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Span[];
}

describe('adversarial 100 KB inputs complete and keep spans valid', () => {
  const config: CheckConfig = { protocol: getProtocol('cvo-baarn-soest'), role: 'employee', school: REAL_SCHOOLS[0]! };
  const shape = { platform: 'facebook' as const, kind: 'post' as const, media: { images: 1, videos: 0 }, at: undefined };
  const cases: [string, string][] = [
    ['one letter', 'a'.repeat(100_000)],
    ['spaces', ' '.repeat(100_000)],
    ['emoji', '😀'.repeat(50_000)],
    ['hashes', '#'.repeat(100_000)],
    ['digits', '1'.repeat(100_000)],
  ];
  // Generous timeouts: some of these take seconds on a slow machine (see `npm run bench`).
  for (const [name, text] of cases) {
    it(name, { timeout: 120_000 }, () => {
      checkAndAssert(draftOf(text, shape), config);
    });
  }
  it('a hashtag made of overlapping school-name words finishes (no exponential backtracking)', { timeout: 60_000 }, () => {
    // School "A AA AAA": its name words a, aa, aaa can split "#aaaaaa…ab" in exponentially
    // many ways.
    const spans = checkInChild({ name: 'A AA AAA', aliases: ['AAA'] }, 'Trots op #' + 'a'.repeat(59) + 'b en #' + 'a'.repeat(40) + '!');
    // Only the second tag is the school: "#aaa…a" consists of name words, "#aaa…ab" does not.
    expect(spans).toEqual([{ start: 74, end: 115 }]);
  });

  it('an alias of only dashes matches nothing and does not hang on emoji', { timeout: 60_000 }, () => {
    // Found by the properties above: alias "--" gives a mention pattern that can match the
    // empty string; next to an astral character (emoji) the search never advanced.
    expect(checkInChild({ name: 'Griftland College', aliases: ['--'] }, 'Fijne avond 😀 - tot morgen')).toEqual([]);
  });

  it('longer than MAX_TEXT (checked on a prefix; spans still inside the text)', { timeout: 120_000 }, () => {
    const text = 'Bram uit 3C heeft griep. Bel 06-12345678. '.repeat(3_500);
    checkAndAssert(draftOf(text, shape), config);
  });
});

// ---------------------------------------------------------------------------------------
// The tokenizer's ASCII scanner (src/engine/text/tokenize.ts) stands in for Intl.Segmenter on
// ASCII runs, and its comment says it applies the same Unicode word rules there: letters and
// digits join; ' . : between letters join; , . ; ' between digits join; _ joins. So it must
// find exactly the segmenter's word-like segments, with no exceptions by design.
// All inputs are ASCII, so tokenize() never hands a run to the segmenter itself.

const segmenter = new Intl.Segmenter('nl', { granularity: 'word' });

const segmenterWords = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, text: s.segment }));

// One known disagreement, not by design and reported with issue 11 rather than changed in a
// refactor: a lone "_" (no letter, digit or other "_" next to it) is a word to the scanner but
// not word-like to Intl.Segmenter ("__", "_a" and "a_" are words to both). Drop this filter
// when the scanner is fixed.
const scannerWords = (text: string) => tokenize(text).filter((w) => w.text !== '_').map((w) => ({ start: w.start, text: w.text }));

const ASCII_CHARS = [..."abcdeklmnstvzABKLSXZ0123456789'-.,;:!?()[]{}\"/\\&=+*%$_@#~`^|<> \n\t\r\v\f"];
const ASCII_FRAGMENTS = [
  "vwo'ers", "z'n", "'t", "m'n", '9,5', '1.14', '12:30', '3B', 'L.d.J.', 't/m', 'e-mail', 'Sint-Jan', '06-12345678', '+31 6', '5,-',
  'https://', 'http://x.nl', 'www.', 'griftland.nl/nieuws', '?a=b&c=d', '#top', 'a.b@c.nl', '@jan_de_vries', '#Griftland', '#', '@', 'sterre_x', '_', '__',
  '...', '--', "''", ' ', '  ', '\n', '.', ',', "'", ':', ';',
];

const asciiText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ASCII_CHARS), maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...ASCII_FRAGMENTS), fc.constantFrom(...ASCII_CHARS)), { maxLength: 25 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
);

describe('the ASCII word scanner', () => {
  it('finds the same words, at the same offsets, as Intl.Segmenter on ASCII text', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(scannerWords(text)).toEqual(segmenterWords(text));
      }),
      { numRuns: RUNS.scanner },
    );
  });
});
