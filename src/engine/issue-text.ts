import { z } from 'zod';

// Why a document (a school's own protocol, a policy, stored or imported settings) was not
// accepted, worded for the people who read it: Dutch first, the English in brackets, the same
// way every other problem PostWijs reports is worded. zod words its own checks in either
// language through its locales; our own checks carry both languages in their message.

export interface WordedIssue {
  /** Where in the document: "rules.media-consent.options.policy"; empty for the whole. */
  path: string;
  reason: string;
}

export type WordedParse<T> = { success: true; data: T } | { success: false; issues: WordedIssue[] };

const dutch = z.locales.nl().localeError;
const english = z.locales.en().localeError;

/** A value zod itself cannot weigh (see safeParseOf). */
const UNWEIGHABLE = 'ongeldige waarde (invalid value)';

/**
 * schema.safeParse that never throws. zod runs a length check on any object that has a
 * `length` member, also after its type check failed, and compares that member with a number:
 * `{"length": {"toString": false}}` then throws "Cannot convert object to primitive value".
 * Outside data is refused instead.
 */
export function safeParseOf<S extends z.ZodType>(schema: S, input: unknown, params?: Parameters<S['safeParse']>[1]): z.ZodSafeParseResult<z.output<S>> | undefined {
  try {
    return schema.safeParse(input, params) as z.ZodSafeParseResult<z.output<S>>;
  } catch {
    return undefined;
  }
}

export function parseWorded<S extends z.ZodType>(schema: S, input: unknown): WordedParse<z.output<S>> {
  const nl = safeParseOf(schema, input, { error: dutch });
  if (!nl) return { success: false, issues: [{ path: unmeasurablePath(input) ?? '', reason: UNWEIGHABLE }] };
  if (nl.success) return { success: true, data: nl.data };
  const en = safeParseOf(schema, input, { error: english }) ?? nl;
  const inEnglish = en.success ? [] : en.error.issues;
  return {
    success: false,
    issues: nl.error.issues.map((issue, i) => {
      const other = inEnglish[i]?.message;
      return { path: issue.path.join('.'), reason: other && other !== issue.message ? `${issue.message} (${other})` : issue.message };
    }),
  };
}

/** Where in `value` an object has a `length` member that is not a plain value: the place zod
 * could not weigh, so that it is reported there ("articles"), not for the whole document. */
function unmeasurablePath(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (!Array.isArray(value) && Object.hasOwn(value, 'length')) {
    const length = (value as { length: unknown }).length;
    if (length !== null && (typeof length === 'object' || typeof length === 'function')) return path.join('.');
  }
  for (const key of Object.keys(value)) {
    const found = unmeasurablePath((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
