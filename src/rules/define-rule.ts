import type { CheckConfig } from '../engine/config.ts';
import type { Protocol } from '../engine/protocol-schema.ts';
import type { Draft, LocalizedText, MessageData, MessageKey, Role, Severity, Signal, Signals, Span, TextFix } from '../engine/types.ts';
import type { OptionsOf, RuleSchema } from './option-schema.ts';

// Rules are shaped like ESLint rules: `meta` describes the rule, its messages and its option
// schema, `check` is a pure function from a draft and its context to reports. Message ids are
// typed from `meta.messages` and the options from `meta.schema`, so a misspelt message id or
// option does not compile.

export interface RuleContext<Options> {
  signals: Signals;
  config: CheckConfig;
  protocol: Protocol;
  options: Options;
  /** The severity this protocol gives the rule (its override, or the rule's default). */
  severity: Severity;
}

export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  data?: MessageData;
  spans?: Span[];
  /** Overrides the context severity (e.g. a no-consent pupil is an error); without it the
   * finding has the severity the protocol gives the rule. */
  severity?: Severity;
  fix?: TextFix;
  checklist?: LocalizedText[];
}

export interface RuleMeta<MessageId extends string, Options, Schema extends RuleSchema = RuleSchema> {
  /** duty: something staff must add; privacy: others' data; conduct: tone and timing. */
  type: 'duty' | 'privacy' | 'conduct';
  /** Message key (public/_locales) of a one-line description, shown in the docs and options. */
  description: MessageKey;
  defaultSeverity: Severity;
  /** Who the rule applies to unless a protocol narrows it. */
  defaultRoles: readonly Role[];
  /** Message id -> message key in public/_locales; placeholders are named after `data`. */
  messages: Record<MessageId, MessageKey>;
  /** The options a protocol may set, by name, as plain data (option-schema.ts); `{}` for none.
   * Protocol documents are checked against it at build and test time and on import
   * (src/rules/options.ts); the engine reads options as plain data merged over defaultOptions,
   * so the content script needs no schema library. */
  schema: Schema;
  /** Option values when a protocol sets none. */
  defaultOptions: Options;
}

export interface Rule<MessageId extends string = string, Options = unknown, Id extends string = string, Schema extends RuleSchema = RuleSchema> {
  /** The public rule id, also the file name; the registry (index.ts) lists rules by it. */
  id: Id;
  meta: RuleMeta<MessageId, Options, Schema>;
  check(draft: Draft, context: RuleContext<Options>): RuleReport<MessageId>[];
}

export function defineRule<const Id extends string, MessageId extends string, const Schema extends RuleSchema>(
  rule: Rule<MessageId, OptionsOf<Schema>, Id, Schema>,
): Rule<MessageId, OptionsOf<Schema>, Id, Schema> {
  return rule;
}

export const STAFF: readonly Role[] = ['employee', 'director'];
export const EVERYONE: readonly Role[] = ['employee', 'director', 'parent', 'pupil'];

// Shared by the rules' reports (and small on purpose: every rule is in the content script).

/** The spans of a signal's evidence, the first `max` of them when given. */
export function spansOf(signal: Signal, max?: number): Span[] {
  return signal.evidence.slice(0, max).map((e) => e.span);
}

/** The draft's text at a span. */
export function textAt(draft: Draft, span: Span): string {
  return draft.text.slice(span.start, span.end);
}

/** The text of a signal's first evidence, which the message quotes. */
export function firstText(draft: Draft, signal: Signal): string {
  const first = signal.evidence[0];
  return first ? textAt(draft, first.span) : '';
}

/** A reply or a comment: taking part in a discussion, which several protocols single out. */
export function inDiscussion(draft: Draft): boolean {
  return draft.kind === 'reply' || draft.kind === 'comment';
}
