import type { CheckConfig } from '../engine/config.ts';
import type { Protocol } from '../engine/protocol-schema.ts';
import type { Draft, LocalizedText, MessageData, MessageKey, Role, Severity, Signals, Span, TextFix } from '../engine/types.ts';
import type { RuleId } from './ids.ts';

// Rules are shaped like ESLint rules: `meta` describes the rule and its messages, `check`
// is a pure function from a draft and its context to reports. Message ids are typed from
// `meta.messages`, so a misspelt id does not compile.

export interface RuleContext<Options> {
  signals: Signals;
  config: CheckConfig;
  protocol: Protocol;
  options: Options;
  /** The severity this protocol gives the rule (its override, or the rule's default). */
  severity: Severity;
  /** The disclaimer text to offer: the user's own, else the protocol's wording. */
  disclaimerText: string;
}

export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  data?: MessageData;
  spans?: Span[];
  /** Overrides the context severity (e.g. a no-consent pupil is an error). */
  severity?: Severity;
  fix?: TextFix;
  checklist?: LocalizedText[];
}

export interface RuleMeta<MessageId extends string, Options> {
  /** duty: something staff must add; privacy: others' data; conduct: tone and timing. */
  type: 'duty' | 'privacy' | 'conduct';
  /** Message key (public/_locales) of a one-line description, shown in the docs and options. */
  description: MessageKey;
  defaultSeverity: Severity;
  /** Who the rule applies to unless a protocol narrows it. */
  defaultRoles: readonly Role[];
  /** Message id -> message key in public/_locales; placeholders are named after `data`. */
  messages: Record<MessageId, MessageKey>;
  /** Option values when a protocol sets none. The options are validated at build and test
   * time (src/rules/options.ts), so the engine itself needs no schema library at run time. */
  defaultOptions: Options;
}

export interface Rule<MessageId extends string = string, Options = unknown> {
  id: RuleId;
  meta: RuleMeta<MessageId, Options>;
  check(draft: Draft, context: RuleContext<Options>): RuleReport<MessageId>[];
}

export function defineRule<MessageId extends string, Options>(rule: Rule<MessageId, Options>): Rule<MessageId, Options> {
  return rule;
}

export const STAFF: readonly Role[] = ['employee', 'director'];
export const EVERYONE: readonly Role[] = ['employee', 'director', 'parent', 'pupil'];
