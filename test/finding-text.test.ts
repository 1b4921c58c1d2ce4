import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/engine/analyze.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import { findingMessage } from '../src/shared/finding-text.ts';
import { formatEntry, setUiLanguage, t, tNamed } from '../src/shared/i18n.ts';

// The engine names its messages; these tests check the words the user reads, in both
// languages, come out of public/_locales the way Chrome's i18n would fill them.

afterEach(() => setUiLanguage('browser'));

describe('formatEntry (Chrome i18n semantics, used when the user picks another language)', () => {
  const entry = { message: 'Je schrijft over $SCHOOL$ ($COUNT$×) voor $$5', placeholders: { school: { content: '$1' }, count: { content: '$2' } } };
  it('fills named placeholders from positional substitutions and unescapes $$', () => {
    expect(formatEntry(entry, ['De Klimop', '2'])).toBe('Je schrijft over De Klimop (2×) voor $5');
  });
  it('leaves an unknown placeholder visible and a missing substitution empty', () => {
    expect(formatEntry({ message: '$NOPE$ en $SCHOOL$', placeholders: { school: { content: '$1' } } }, [])).toBe('$NOPE$ en ');
  });
});

describe('tNamed', () => {
  it('puts named data in the right places in both languages', () => {
    setUiLanguage('nl');
    expect(tNamed('ruleLessonTimeDuringLesson', { from: '08:30', to: '09:20' })).toContain('(08:30–09:20)');
    setUiLanguage('en');
    expect(tNamed('ruleLessonTimeDuringLesson', { from: '08:30', to: '09:20' })).toMatch(/^According to your timetable.*\(08:30–09:20\)/);
  });
  it('t() without a extension falls back to the message files', () => {
    setUiLanguage('en');
    expect(t('overlayBadge', '3')).toMatch(/3/);
  });
});

describe('findingMessage', () => {
  const config = { protocol: getProtocol('cvo-baarn-soest'), role: 'employee' as const, school: { name: 'Griftland College', aliases: [] } };
  const findingFor = (text: string, ruleId: string, media = { images: 0, videos: 0 }) =>
    check({ text, platform: 'x', kind: 'post', media }, config).findings.find((f) => f.ruleId === ruleId)!;

  it('words lists of personal data as the language lists things', () => {
    const f = findingFor('Mail de ouders van Sem: sem.jansen@gmail.com of bel 06-12345678.', 'personal-data');
    setUiLanguage('nl');
    expect(findingMessage(f)).toMatch(/: (een telefoonnummer en een e-mailadres|een e-mailadres en een telefoonnummer)\.$/);
    setUiLanguage('en');
    expect(findingMessage(f)).toMatch(/: (a phone number and an e-mail address|an e-mail address and a phone number)\.$/);
  });
  it('counts photos and videos in words', () => {
    const f = findingFor('Sportdag op het Griftland College!', 'media-consent', { images: 3, videos: 1 });
    setUiLanguage('nl');
    expect(findingMessage(f)).toMatch(/^Je plaatst 3 foto’s en een video\./);
    setUiLanguage('en');
    expect(findingMessage(f)).toMatch(/^You are posting 3 photos and a video\./);
  });
  it('quotes the text the user wrote as is', () => {
    const f = findingFor('Wat een kankerschool is het Griftland College', 'offensive-language');
    setUiLanguage('nl');
    expect(findingMessage(f)).toContain('"kankerschool"');
  });
});
