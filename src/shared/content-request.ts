// The popup's requests to the content script, checked without zod (see content-messaging.ts).
// Must accept exactly what `contentRequest` in messages.ts accepts: test/messages.test.ts
// compares the two on generated values.

export type ContentRequest = { type: 'postwijs:get-draft' } | { type: 'postwijs:apply-fix'; kind: 'insert-disclaimer' | 'insert-affiliation' };

const FIX_KINDS: readonly unknown[] = ['insert-disclaimer', 'insert-affiliation'];

export function isContentRequest(value: unknown): value is ContentRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, kind } = value as Record<string, unknown>;
  if (type === 'postwijs:get-draft') return true;
  return type === 'postwijs:apply-fix' && FIX_KINDS.includes(kind);
}
