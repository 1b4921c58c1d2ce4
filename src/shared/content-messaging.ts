import type { DraftReport, DraftStatus } from './messages.ts';
import { extensionApi, fromUs } from './extension-api.ts';
import { isContentRequest, type ContentRequest } from './content-request.ts';

// The content script's side of the messages in messages.ts: it answers the popup and tells
// the background the badge count. Requests are checked with isContentRequest, a small guard
// proven equal to the zod schema (test/messages.test.ts): zod itself would add ~7 KB gzip to
// a script injected into every page of three sites.

/** Content script: answer the popup's requests about the draft in this tab. */
export function onContentRequest(handler: (request: ContentRequest) => Promise<DraftReport>, signal: AbortSignal): void {
  const onMessage = extensionApi()?.runtime?.onMessage;
  if (!onMessage) return;
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    const request = fromUs(sender) && isContentRequest(message) ? message : undefined;
    if (!request) return false;
    handler(request).then(sendResponse, () => sendResponse({ type: 'postwijs:draft' } satisfies DraftReport));
    return true;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener));
}

/** Content script: tell the background how many findings the draft has (for the badge). */
export function sendDraftStatus(status: Omit<DraftStatus, 'type'>): void {
  try {
    void extensionApi()
      ?.runtime?.sendMessage?.({ type: 'postwijs:draft-status', ...status } satisfies DraftStatus)
      ?.catch(() => undefined);
  } catch {
    // Extension context invalidated: the page carries on without us.
  }
}

