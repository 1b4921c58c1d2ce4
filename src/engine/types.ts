// Shared types of the engine. The engine is pure TypeScript: no DOM, no extension APIs,
// so the same code runs in the content script, the popup, the CLI and the evaluation.

import type nlMessages from '../../public/_locales/nl/messages.json';


export const PLATFORMS = ['facebook', 'x', 'instagram'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DRAFT_KINDS = ['post', 'reply', 'comment', 'caption'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const ROLES = ['employee', 'director', 'parent', 'pupil'] as const;
export type Role = (typeof ROLES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** How serious a severity is, for "at or above --fail-on" and for ordering. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Draft {
  text: string;
  platform: Platform;
  kind: DraftKind;
  media: { images: number; videos: number };
  /** When the draft is being written; used by the lesson-time rule. */
  at?: Date;
}

/** A half-open range of UTF-16 offsets into `Draft.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface SchoolIdentity {
  name: string;
  aliases: string[];
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One block of lesson time, local clock, "HH:MM". */
export interface LessonBlock {
  day: Weekday;
  from: string;
  to: string;
}

export interface LocalizedText {
  nl: string;
  en: string;
}

/** The id of a user-facing message in public/_locales (the engine names texts, the UI words
 * them through browser.i18n, the CLI through the same message files). */
export type MessageKey = keyof typeof nlMessages;

/** A part of a message that is itself worded per language, e.g. "een foto" / "a photo". */
export interface MessageRef {
  key: MessageKey;
  substitutions?: string[];
}

/** Values for a message's placeholders: text from the post as is, or translated parts
 * (shown as a list: "a phone number and an address"). */
export type MessageData = Record<string, string | MessageRef[]>;

export const SIGNAL_NAMES = [
  'schoolRelated',
  'disclaimer',
  'affiliation',
  'pupilsReferenced',
  'pupilIdentifiable',
  'personalData',
  'offensive',
  'confidential',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** Why a signal is on: a span of the text and a short machine-readable reason. */
export interface Evidence {
  span: Span;
  reason: string;
}

export interface Signal {
  value: boolean;
  evidence: Evidence[];
}

export type Signals = Record<SignalName, Signal>;

export interface TextFix {
  kind: 'insert-disclaimer' | 'insert-affiliation';
  /** The text to append to the draft (on a new line). */
  text: string;
}

export interface ArticleRef {
  protocol: string;
  number: string;
  quote: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  /** The rule's message for messageId, worded in the UI's language by src/i18n/finding-text.ts. */
  messageKey: MessageKey;
  data: MessageData;
  spans: Span[];
  article: ArticleRef;
  fix?: TextFix;
  /** Extra lines (a checklist) shown under the message, e.g. the protocol's photo conditions. */
  checklist?: LocalizedText[];
}

export interface CheckResult {
  signals: Signals;
  findings: Finding[];
}
