import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/analyze.ts';
import type { CheckConfig } from '../../src/engine/config.ts';
import { getProtocol, type ProtocolId } from '../../src/engine/protocols.ts';
import type { Draft, DraftKind, Finding, LessonBlock, Role, Severity } from '../../src/engine/types.ts';
import type { RuleId } from '../../src/rules/ids.ts';
import { RULES } from '../../src/rules/index.ts';
import { findingMessage } from '../../src/shared/finding-text.ts';
import { messageTemplate, setUiLanguage } from '../../src/shared/i18n.ts';

// ESLint-style rule tests: a table of drafts that must not trigger the rule and a table of
// drafts that must, with the expected message ids and severities.

export interface RuleCase {
  text: string;
  role?: Role;
  protocol?: ProtocolId;
  school?: { name: string; aliases: string[] };
  kind?: DraftKind;
  images?: number;
  videos?: number;
  at?: Date;
  timetable?: LessonBlock[];
  noConsentNames?: string[];
  jobTitle?: string;
  disclaimer?: string;
}

export interface InvalidCase extends RuleCase {
  errors: { messageId: string; severity?: Severity; data?: Finding['data'] }[];
}

export const DEFAULT_SCHOOL = { name: 'Griftland College', aliases: ['Griftland'] };

export function runCase(ruleId: RuleId, c: RuleCase) {
  const protocol = getProtocol(c.protocol ?? 'cvo-baarn-soest');
  const config: CheckConfig = {
    protocol,
    role: c.role ?? 'employee',
    school: c.school ?? DEFAULT_SCHOOL,
    ...(c.timetable ? { timetable: c.timetable } : {}),
    ...(c.noConsentNames ? { noConsentNames: c.noConsentNames } : {}),
    ...(c.jobTitle ? { jobTitle: c.jobTitle } : {}),
    ...(c.disclaimer ? { disclaimer: c.disclaimer } : {}),
  };
  const draft: Draft = {
    text: c.text,
    platform: 'facebook',
    kind: c.kind ?? 'post',
    media: { images: c.images ?? 0, videos: c.videos ?? 0 },
    ...(c.at ? { at: c.at } : {}),
  };
  return check(draft, config).findings.filter((f) => f.ruleId === ruleId);
}

export function ruleTester(ruleId: RuleId, tables: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => {
      expect(RULES[ruleId].id).toBe(ruleId);
    });
    describe('valid', () => {
      for (const c of tables.valid) {
        it(`${c.role ?? 'employee'}/${c.protocol ?? 'cvo-baarn-soest'}: ${c.text.slice(0, 70)}`, () => {
          expect(runCase(ruleId, c).map((f) => f.messageId)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tables.invalid) {
        it(`${c.role ?? 'employee'}/${c.protocol ?? 'cvo-baarn-soest'}: ${c.text.slice(0, 70)}`, () => {
          const findings = runCase(ruleId, c);
          expect(findings.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
          c.errors.forEach((e, i) => {
            const f = findings[i]!;
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.data) expect(f.data).toMatchObject(e.data);
            expect(f.article.protocol).toBe(c.protocol ?? 'cvo-baarn-soest');
            expect(f.article.quote.length).toBeGreaterThan(10);
            expectWorded(f);
          });
        });
      }
    });
  });
}

/** Every placeholder of the finding's message has a value, lists are not empty, and the
 * message reads without leftovers in both languages. */
function expectWorded(f: Finding): void {
  const placeholders = [...messageTemplate('nl', f.messageKey).matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase());
  for (const name of placeholders) expect(Object.keys(f.data), `${f.messageKey}: data for $${name.toUpperCase()}$`).toContain(name);
  for (const value of Object.values(f.data)) if (Array.isArray(value)) expect(value.length, `${f.messageKey}: an empty list`).toBeGreaterThan(0);
  for (const language of ['nl', 'en'] as const) {
    setUiLanguage(language);
    const text = findingMessage(f);
    expect(text.trim()).not.toBe('');
    expect(text, `${language}: ${text}`).not.toMatch(/\$\w+\$|\$\d|\bundefined\b/);
  }
  setUiLanguage('browser');
}
