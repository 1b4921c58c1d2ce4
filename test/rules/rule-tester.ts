import { describe, expect, it } from 'vitest';
import { check, findingsFor } from '../../src/engine/analyze.ts';
import type { CheckConfig } from '../../src/engine/config.ts';
import { getProtocol, type ProtocolId } from '../../src/engine/protocols.ts';
import { SIGNAL_NAMES, type Draft, type DraftKind, type Finding, type LessonBlock, type Platform, type Role, type Severity, type Signal, type Signals, type Span, type TextFix } from '../../src/engine/types.ts';
import { findingMessage } from '../../src/i18n/finding-text.ts';
import { messageTemplate, setUiLanguage } from '../../src/i18n/messages.ts';
import { RULES, type RuleId, type RuleOptions } from '../../src/rules/index.ts';
import { validateRuleOptions } from '../../src/rules/options.ts';

// ESLint-style rule tests: a table of drafts that must not trigger the rule and a table of
// drafts that must, with the expected message ids, severities and data, and ESLint's columns:
//   options  the rule's options for this case, merged over the protocol's own;
//   output   the draft after the finding's fix is applied (null: the rule offers no fix);
//   spans    per error, the evidence it points at, as [start, end] or the text there;
//   signals  run the rule on these signals instead of the detectors (those not named are off),
//            so that a change in detection does not break the rule's own table.

/** A span as [start, end], or a piece of the draft: its first occurrence. */
export type SpanSpec = [start: number, end: number] | string;

/** One signal for `signals`: on without evidence (true), off (false), on with this evidence, or
 * spelled out. */
export type SignalSpec = boolean | { reason: string; span: SpanSpec }[] | { value: boolean; evidence: { reason: string; span: SpanSpec }[] };

export interface RuleCase<Options = Record<string, unknown>> {
  text: string;
  role?: Role;
  protocol?: ProtocolId;
  school?: { name: string; aliases: string[] };
  platform?: Platform;
  kind?: DraftKind;
  images?: number;
  videos?: number;
  at?: Date;
  timetable?: LessonBlock[];
  noConsentNames?: string[];
  jobTitle?: string;
  disclaimer?: string;
  options?: Partial<Options>;
  signals?: Partial<Record<keyof Signals, SignalSpec>>;
}

export interface InvalidCase<Options = Record<string, unknown>> extends RuleCase<Options> {
  errors: { messageId: string; severity?: Severity; data?: Finding['data']; spans?: SpanSpec[] }[];
  /** The draft after the first finding's fix; null when no finding offers one. Required when a
   * finding offers a fix, as ESLint's RuleTester requires it. */
  output?: string | null;
}

export const DEFAULT_SCHOOL = { name: 'Griftland College', aliases: ['Griftland'] };

export function runCase<Id extends RuleId>(ruleId: Id, c: RuleCase<RuleOptions<Id>>): Finding[] {
  const config: CheckConfig = {
    protocol: protocolFor(ruleId, c),
    role: c.role ?? 'employee',
    school: c.school ?? DEFAULT_SCHOOL,
    ...(c.timetable ? { timetable: c.timetable } : {}),
    ...(c.noConsentNames ? { noConsentNames: c.noConsentNames } : {}),
    ...(c.jobTitle ? { jobTitle: c.jobTitle } : {}),
    ...(c.disclaimer ? { disclaimer: c.disclaimer } : {}),
  };
  const draft: Draft = {
    text: c.text,
    platform: c.platform ?? 'facebook',
    kind: c.kind ?? 'post',
    media: { images: c.images ?? 0, videos: c.videos ?? 0 },
    ...(c.at ? { at: c.at } : {}),
  };
  const findings = c.signals ? findingsFor(draft, config, signalsFrom(c.text, c.signals)) : check(draft, config).findings;
  return findings.filter((f) => f.ruleId === ruleId);
}

/** The case's protocol, with the case's options merged over the protocol's own for the rule. */
function protocolFor(ruleId: RuleId, c: RuleCase<unknown>) {
  const protocol = getProtocol(c.protocol ?? 'cvo-baarn-soest');
  if (!c.options) return protocol;
  const ruleConfig = protocol.rules[ruleId];
  if (!ruleConfig) throw new Error(`options: protocol ${protocol.id} does not enable ${ruleId}`);
  const merged = { ...protocol, rules: { ...protocol.rules, [ruleId]: { ...ruleConfig, options: { ...ruleConfig.options, ...c.options } } } };
  // Options a protocol could not set are no test of the rule.
  expect(validateRuleOptions(merged), 'options of the case').toEqual([]);
  return merged;
}

function signalsFrom(text: string, given: NonNullable<RuleCase['signals']>): Signals {
  const signal = (spec: SignalSpec | undefined): Signal => {
    if (spec === undefined || typeof spec === 'boolean') return { value: spec ?? false, evidence: [] };
    const { value, evidence } = Array.isArray(spec) ? { value: true, evidence: spec } : spec;
    return { value, evidence: evidence.map((e) => ({ reason: e.reason, span: spanIn(text, e.span) })) };
  };
  return Object.fromEntries(SIGNAL_NAMES.map((name) => [name, signal(given[name])])) as Signals;
}

function spanIn(text: string, spec: SpanSpec): Span {
  if (Array.isArray(spec)) return { start: spec[0], end: spec[1] };
  const start = text.indexOf(spec);
  if (start < 0) throw new Error(`span: "${spec}" is not in the text`);
  return { start, end: start + spec.length };
}

/** The draft with a fix applied as the content script applies it (src/content/insert.ts): on a
 * new line, unless the draft is empty or already ends in an empty line. */
export function applyFix(text: string, fix: TextFix): string {
  const newLine = text.trim().length > 0 && !/\n[ \t]*$/.test(text);
  return text + (newLine ? '\n' : '') + fix.text;
}

function title(c: RuleCase<unknown>): string {
  return `${c.role ?? 'employee'}/${c.protocol ?? 'cvo-baarn-soest'}${c.signals ? ' (signals)' : ''}: ${c.text.slice(0, 70)}`;
}

export function ruleTester<Id extends RuleId>(ruleId: Id, tables: { valid: RuleCase<RuleOptions<Id>>[]; invalid: InvalidCase<RuleOptions<Id>>[] }): void {
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => {
      expect(RULES[ruleId].id).toBe(ruleId);
    });
    describe('valid', () => {
      for (const c of tables.valid) {
        it(title(c), () => {
          expect(runCase(ruleId, c).map((f) => f.messageId)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tables.invalid) {
        it(title(c), () => {
          const findings = runCase(ruleId, c);
          expect(findings.map((f) => f.messageId)).toEqual(c.errors.map((e) => e.messageId));
          c.errors.forEach((e, i) => {
            const f = findings[i]!;
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.data) expect(f.data).toMatchObject(e.data);
            if (e.spans) expect(f.spans.map((s, j) => asSpec(c.text, s, e.spans![j]))).toEqual(e.spans);
            expect(f.article.protocol).toBe(c.protocol ?? 'cvo-baarn-soest');
            expect(f.article.quote.length).toBeGreaterThan(10);
            expectWorded(f);
          });
          const fix = findings.find((f) => f.fix)?.fix;
          if (fix && c.output === undefined) throw new Error(`the rule offers a fix: add output: ${JSON.stringify(applyFix(c.text, fix))}`);
          if (c.output !== undefined) expect(fix ? applyFix(c.text, fix) : null).toBe(c.output);
        });
      }
    });
  });
}

/** An actual span in the form the expected one is written in. */
function asSpec(text: string, span: Span, expected: SpanSpec | undefined): SpanSpec {
  return typeof expected === 'string' ? text.slice(span.start, span.end) : [span.start, span.end];
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
