import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { check } from '../src/engine/analyze.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import { isContentRequest, type ContentRequest as GuardedRequest } from '../src/shared/content-request.ts';
import { contentRequest, draftReport, draftStatus, parseMessage, type ContentRequest } from '../src/shared/messages.ts';

// Messages between popup, content script and background are validated where they arrive.

describe('the content script guard accepts exactly what the zod schema accepts', () => {
  it('has the same type', () => {
    expectTypeOf<GuardedRequest>().toEqualTypeOf<ContentRequest>();
  });
  it('agrees with contentRequest on generated values', () => {
    const near = fc.record(
      {
        type: fc.oneof(fc.constantFrom('postwijs:get-draft', 'postwijs:apply-fix', 'postwijs:draft', ''), fc.anything()),
        kind: fc.oneof(fc.constantFrom('insert-disclaimer', 'insert-affiliation', 'insert-other'), fc.anything()),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(near, fc.anything(), fc.array(near)), (value) => {
        expect(isContentRequest(value)).toBe(contentRequest.safeParse(value).success);
      }),
      { numRuns: 3000 },
    );
  });
  it('accepts the real requests and rejects look-alikes', () => {
    expect(isContentRequest({ type: 'postwijs:get-draft' })).toBe(true);
    expect(isContentRequest({ type: 'postwijs:apply-fix', kind: 'insert-disclaimer' })).toBe(true);
    expect(isContentRequest({ type: 'postwijs:apply-fix', kind: 'delete-everything' })).toBe(false);
    expect(isContentRequest({ type: 'postwijs:apply-fix' })).toBe(false);
    expect(isContentRequest('postwijs:get-draft')).toBe(false);
    expect(isContentRequest(null)).toBe(false);
  });
});

describe('draftReport (content script -> popup)', () => {
  const config = { protocol: getProtocol('ooh'), role: 'employee' as const, school: { name: 'OBS Het Spectrum', aliases: [] } };
  const { findings } = check(
    { text: 'Vandaag met groep 7 van Het Spectrum naar het museum. Bel 06-12345678 voor info over Sem.', platform: 'facebook', kind: 'post', media: { images: 2, videos: 0 } },
    config,
  );

  it('accepts the engine’s findings as they are', () => {
    expect(findings.length).toBeGreaterThan(2);
    const report = parseMessage(draftReport, { type: 'postwijs:draft', draft: { platform: 'facebook', kind: 'post', findings } });
    expect(report?.draft?.findings).toEqual(findings);
  });
  it('accepts a report without a draft (no compose box in use)', () => {
    expect(parseMessage(draftReport, { type: 'postwijs:draft' })).toEqual({ type: 'postwijs:draft' });
  });
  it.each([
    ['an unknown message key', (f: Record<string, unknown>) => ({ ...f, messageKey: 'noSuchMessage' })],
    ['an unknown severity', (f: Record<string, unknown>) => ({ ...f, severity: 'fatal' })],
    ['a list item with an unknown key', (f: Record<string, unknown>) => ({ ...f, data: { kinds: [{ key: 'nope' }] } })],
    ['a span that is not numbers', (f: Record<string, unknown>) => ({ ...f, spans: [{ start: '0', end: 3 }] })],
    ['a fix of an unknown kind', (f: Record<string, unknown>) => ({ ...f, fix: { kind: 'rewrite', text: 'x' } })],
    ['no article', (f: Record<string, unknown>) => ({ ...f, article: undefined })],
  ])('rejects a finding with %s', (_name, spoil) => {
    const bad = spoil(findings[0] as unknown as Record<string, unknown>);
    expect(parseMessage(draftReport, { type: 'postwijs:draft', draft: { platform: 'facebook', kind: 'post', findings: [bad] } })).toBeUndefined();
  });
});

describe('draftStatus (content script -> background)', () => {
  it('accepts a count and the worst severity', () => {
    expect(parseMessage(draftStatus, { type: 'postwijs:draft-status', count: 3, worst: 'error' })).toEqual({ type: 'postwijs:draft-status', count: 3, worst: 'error' });
    expect(parseMessage(draftStatus, { type: 'postwijs:draft-status', count: 0, worst: null })).toBeDefined();
  });
  it.each([
    { type: 'postwijs:draft-status', count: -1, worst: null },
    { type: 'postwijs:draft-status', count: 1.5, worst: 'info' },
    { type: 'postwijs:draft-status', count: '2', worst: 'info' },
    { type: 'postwijs:draft-status', count: 2, worst: 'fatal' },
    { type: 'postwijs:draft-status', count: 2 },
    { type: 'postwijs:draft', count: 2, worst: 'info' },
  ])('rejects %o', (message) => {
    expect(parseMessage(draftStatus, message)).toBeUndefined();
  });
});
