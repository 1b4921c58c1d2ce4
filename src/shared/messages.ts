import * as z from 'zod/mini';
import { DRAFT_KINDS, PLATFORMS, SEVERITIES, type MessageKey } from '../engine/types.ts';
import { isMessageKey } from './i18n.ts';

// The messages between the parts of the extension, one schema each. Every receiver parses
// what it gets with these schemas (a page or another extension's message that does not fit is
// ignored), and senders build their messages from the same types.
//
// zod/mini rather than zod: it tree-shakes to what is used. The content script does not
// bundle zod at all; it checks its two requests with content-request.ts, which a property
// test proves equal to `contentRequest` here.
//
//   popup ──get-draft / apply-fix──► content script (the active tab)
//   content script ──draft-status──► background (toolbar badge for that tab)

const fixKind = z.enum(['insert-disclaimer', 'insert-affiliation']);
const span = z.object({ start: z.number(), end: z.number() });
const localized = z.object({ nl: z.string(), en: z.string() });
const messageRef = z.object({
  key: z.custom<MessageKey>((value) => typeof value === 'string' && isMessageKey(value)),
  substitutions: z.optional(z.array(z.string())),
});

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  messageId: z.string(),
  messageKey: z.custom<MessageKey>((value) => typeof value === 'string' && isMessageKey(value)),
  data: z.record(z.string(), z.union([z.string(), z.array(messageRef)])),
  spans: z.array(span),
  article: z.object({ protocol: z.string(), number: z.string(), quote: z.string() }),
  fix: z.optional(z.object({ kind: fixKind, text: z.string() })),
  checklist: z.optional(z.array(localized)),
});

/** Popup -> content script: the findings of the draft being written in this tab. */
export const getDraftRequest = z.object({ type: z.literal('postwijs:get-draft') });

/** Popup -> content script: apply a fix to the draft being written. */
export const applyFixRequest = z.object({ type: z.literal('postwijs:apply-fix'), kind: fixKind });

export const contentRequest = z.discriminatedUnion('type', [getDraftRequest, applyFixRequest]);
export type ContentRequest = z.infer<typeof contentRequest>;

/** Content script -> popup: the answer to either request. `draft` is absent when no compose
 * box is in use on the page. */
export const draftReport = z.object({
  type: z.literal('postwijs:draft'),
  draft: z.optional(
    z.object({
      platform: z.enum(PLATFORMS),
      kind: z.enum(DRAFT_KINDS),
      findings: z.array(findingSchema),
    }),
  ),
  /** A compose box PostWijs does not recognise (the site changed?): what it looks like, with
   * no text of the page or the post, for the user to pass on. */
  unrecognised: z.optional(z.object({ platform: z.enum(PLATFORMS), diagnosis: z.string().check(z.maxLength(8000)) })),
  /** After apply-fix: what happened (the same outcomes as the overlay's button). */
  outcome: z.optional(z.enum(['inserted', 'pasted', 'copied', 'failed', 'no-fix'])),
});
export type DraftReport = z.infer<typeof draftReport>;

/** Content script -> background: how many findings the draft in this tab has now. */
export const draftStatus = z.object({
  type: z.literal('postwijs:draft-status'),
  count: z.int().check(z.minimum(0), z.maximum(999)),
  worst: z.nullable(z.enum(SEVERITIES)),
});
export type DraftStatus = z.infer<typeof draftStatus>;

/** The parsed message, or undefined when it is not one of ours (never throws). */
export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  // zod's length checks compare any `length` member with a number, also after a failed type
  // check, and throw on one that cannot become a number ({"length": {"toString": false}}).
  try {
    const parsed = z.safeParse(schema, message);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
